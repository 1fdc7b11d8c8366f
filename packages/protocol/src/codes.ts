// The numbers of the live sync protocol (CONTRACT.md section 3), shared by server, client and tests.

/** y-websocket message types: the first varUint of every frame. */
export const MessageType = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
} as const;
export type MessageType = (typeof MessageType)[keyof typeof MessageType];

/** y-protocols sync sub-messages: the second varUint of a sync frame. */
export const SyncStep = {
  step1: 0,
  step2: 1,
  update: 2,
} as const;

/** WebSocket close codes the server uses, and what each tells the client. */
export const CloseCode = {
  normal: 1000,
  goingAway: 1001,
  /** a malformed frame: that connection only */
  malformed: 1007,
  policy: 1008,
  /** a frame over MAX_MESSAGE_BYTES */
  tooBig: 1009,
  /** the server could not keep the board (e.g. persistence failed) */
  internalError: 1011,
  /** the server cannot judge the frame yet (it lacks what the frame builds on): reconnect later */
  tryAgainLater: 1013,
  /** bad or missing token, or unknown board */
  unauthorized: 4401,
  /** the role may not do that */
  forbidden: 4403,
} as const;
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];

export const DEFAULT_MAX_MESSAGE_BYTES = 1024 * 1024;
