// The live sync endpoint (CONTRACT.md section 3): /sync/:boardId?token=, y-websocket protocol.
// Message handlers are attached synchronously, before any await, and frames that arrive while
// the token is checked and the room loads are queued, so the stock client's first frames are
// never lost.
import websocket from '@fastify/websocket';
import { CloseCode } from '@interlink/protocol';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { randomBytes } from 'node:crypto';
import type { RawData, WebSocket } from 'ws';
import { requestToken, resolveAccess } from '../http/access.js';
import { Connection } from '../rooms/connection.js';
import { startHeartbeat } from '../rooms/heartbeat.js';
import type { Room } from '../rooms/room.js';
import './decorators.js';

/** Frames accepted before the connection is authorised and its room loaded. */
const MAX_QUEUED_FRAMES = 64;
/**
 * permessage-deflate when WS_COMPRESSION is on (see config.ts for why it is off by default).
 * Only frames of 1 KB and more are deflated: a join's sync step 2 (hundreds of KB of Yjs
 * encoding for a big board) shrinks 3-4x, while a card move or a cursor (tens of bytes) would
 * save a few bytes and wait for the zlib thread pool. ws honours the threshold only without
 * context takeover (otherwise it deflates every frame into the shared context), hence
 * serverNoContextTakeover; it costs the big frames nothing, each is compressed on its own anyway.
 */
const PER_MESSAGE_DEFLATE = { threshold: 1024, serverNoContextTakeover: true } as const;

function asBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return Buffer.concat(data);
  return data instanceof ArrayBuffer ? new Uint8Array(data) : data;
}

export default fp(
  async function syncPlugin(app: FastifyInstance) {
    await app.register(websocket, {
      // The default handler terminates the socket on any error. For a protocol error (a frame
      // over maxPayload, a bad frame) ws has already started the close handshake with the right
      // code (1009, 1007); terminating now would race it and the client would see 1006 instead.
      errorHandler: (error, socket) => {
        if (socket.readyState !== socket.CLOSING && socket.readyState !== socket.CLOSED) socket.terminate();
      },
      options: {
        // ws closes a connection whose frame exceeds this with 1009 before buffering it whole.
        // It also bounds a compressed frame once inflated, so a deflate bomb is refused the same way.
        maxPayload: app.config.maxMessageBytes,
        perMessageDeflate: app.config.wsCompression ? PER_MESSAGE_DEFLATE : false,
      },
    });

    // Before the token is checked, a socket may hold at most this much (a client's first frames
    // are its sync step and awareness: small), so unauthenticated sockets cannot pile up memory.
    const maxQueuedBytes = 2 * app.config.maxMessageBytes;

    app.get('/sync/:boardId', { websocket: true }, (socket: WebSocket, request: FastifyRequest) => {
      const boardId = (request.params as { boardId: string }).boardId;
      const connId = randomBytes(6).toString('base64url');
      const log = request.log.child({ board: boardId, conn: connId });
      const queued: Uint8Array[] = [];
      let queuedBytes = 0;
      let connection: Connection | undefined;
      let room: Room | undefined;
      let closed = false;

      socket.on('message', (data: RawData, isBinary: boolean) => {
        if (!isBinary) {
          socket.close(CloseCode.malformed, 'binary frames only');
          return;
        }
        const frame = asBytes(data);
        if (room && connection) {
          room.receive(connection, frame);
          return;
        }
        queuedBytes += frame.length;
        if (queued.length < MAX_QUEUED_FRAMES && queuedBytes <= maxQueuedBytes) queued.push(frame);
        else socket.close(CloseCode.policy, 'too much sent before the connection was ready');
      });
      const stopHeartbeat = startHeartbeat(socket, app.config.pingIntervalMs);
      socket.on('error', (error) => log.warn({ err: error }, 'connection error'));
      socket.on('close', (code: number) => {
        closed = true;
        stopHeartbeat();
        log.info({ role: connection?.role, code }, 'connection closed');
        if (room && connection) {
          room.leave(connection);
          app.rooms.released(room);
        }
      });

      void (async () => {
        const query = request.query as Record<string, unknown>;
        const access = await resolveAccess(app.store, boardId, requestToken(undefined, query.token));
        if (!access.ok) {
          socket.close(CloseCode.unauthorized, access.reason);
          return;
        }
        if (closed) return;
        const acquired = await app.rooms.acquire(boardId);
        if (closed) {
          app.rooms.released(acquired);
          return;
        }
        connection = new Connection(socket, access.role, connId, access.memberId);
        room = acquired;
        app.rooms.join(room, connection);
        log.info({ role: access.role, member: access.memberId }, 'connection open');
        for (const frame of queued.splice(0)) room.receive(connection, frame);
      })().catch((error: unknown) => {
        log.error({ err: error }, 'could not open the connection');
        socket.close(CloseCode.internalError, 'internal error');
      });
    });
  },
  { name: 'sync', dependencies: ['persistence'] },
);
