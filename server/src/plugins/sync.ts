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
import type { Room } from '../rooms/room.js';
import './decorators.js';

/** Frames accepted before the connection is authorised and its room loaded. */
const MAX_QUEUED_FRAMES = 64;
/** A connection that answers no ping within this time is dead (e.g. a dropped mobile link). */
const PING_INTERVAL_MS = 30_000;

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
        maxPayload: app.config.maxMessageBytes,
        perMessageDeflate: false,
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
      let alive = true;

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
      socket.on('pong', () => (alive = true));
      const pinger = setInterval(() => {
        if (!alive) {
          socket.terminate();
          return;
        }
        alive = false;
        socket.ping();
      }, PING_INTERVAL_MS);
      socket.on('error', (error) => log.warn({ err: error }, 'connection error'));
      socket.on('close', (code: number) => {
        closed = true;
        clearInterval(pinger);
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
        connection = new Connection(socket, access.role, connId);
        room = acquired;
        app.rooms.join(room, connection);
        log.info({ role: access.role }, 'connection open');
        for (const frame of queued.splice(0)) room.receive(connection, frame);
      })().catch((error: unknown) => {
        log.error({ err: error }, 'could not open the connection');
        socket.close(CloseCode.internalError, 'internal error');
      });
    });
  },
  { name: 'sync', dependencies: ['persistence'] },
);
