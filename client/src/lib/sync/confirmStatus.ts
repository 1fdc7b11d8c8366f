// What the status indicator says, from the connection's state and the number of unconfirmed
// changes: pure, so that each case is tested without a page.
import type { MessageKey, MessageParams } from '@interlink/i18n';
import type { LinkState } from './reconnect.js';

/** The three states a person needs to tell apart (the indicator's `data-link`). */
export type LinkKind = 'online' | 'reconnecting' | 'offline';

export interface StatusText {
  readonly key: MessageKey;
  readonly params?: MessageParams;
}

export interface StatusInput {
  readonly link: LinkState;
  /** BoardConnection.status: 'connecting' until the first connection, then connected/disconnected. */
  readonly status: 'connecting' | 'connected' | 'disconnected';
  readonly refusedCode: number | undefined;
  readonly unconfirmed: number;
}

export function linkKind(link: LinkState): LinkKind {
  switch (link.phase) {
    case 'connected':
      return 'online';
    case 'connecting':
    case 'waiting':
      return link.online ? 'reconnecting' : 'offline';
    case 'offline':
    case 'refused':
    case 'stopped':
      return 'offline';
  }
}

/**
 * The state in words: the live region's text. It changes only when the state does, never with
 * each failed attempt or each keystroke, so that a screen reader is not kept talking.
 */
export function stateText(input: StatusInput): StatusText {
  if (input.refusedCode !== undefined) return { key: 'status.refused', params: { code: input.refusedCode } };
  const kind = linkKind(input.link);
  if (kind === 'online') return { key: 'status.connected' };
  if (kind === 'offline') return { key: 'status.offline' };
  return { key: input.status === 'connecting' ? 'status.connecting' : 'status.reconnecting' };
}

/** Whole seconds until the next attempt, while one is scheduled; undefined otherwise. */
export function secondsToNextAttempt(link: LinkState, now: number): number | undefined {
  if (link.phase !== 'waiting' || link.nextAttemptAt === undefined) return undefined;
  return Math.max(0, Math.ceil((link.nextAttemptAt - now) / 1_000));
}

/** The unconfirmed changes, or the calm "all saved" once connected with none; nothing while unknown. */
export function savedText(input: StatusInput): StatusText | undefined {
  if (input.unconfirmed > 0) return { key: 'status.unconfirmed', params: { count: input.unconfirmed } };
  return linkKind(input.link) === 'online' && input.status === 'connected' ? { key: 'status.allSaved' } : undefined;
}
