// Creating a board and reading its summary (CONTRACT.md section 2).
import { boardPath, type BoardInfo, type CreatedBoard, type RoleRecord } from '@interlink/protocol';
import { initBoard } from '@interlink/model';
import { Type, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import * as Y from 'yjs';
import { requestToken } from '../http/access.js';
import { authorize } from '../http/authorize.js';
import { ApiError } from '../http/errors.js';
import { hashToken, newBoardId, newToken, tokenMatches } from '../http/tokens.js';
import './decorators.js';

const TITLE_MAX_LENGTH = 200;

const CreateBoardBody = Type.Object({
  title: Type.String({ minLength: 1, maxLength: TITLE_MAX_LENGTH, pattern: '\\S' }),
});

// Any id is looked up (safely, as a bound parameter); one that matches no board is a 404.
const BoardParams = Type.Object({ id: Type.String() });

function shareLink(boardId: string, token: string): string {
  return `${boardPath(boardId)}?token=${encodeURIComponent(token)}`;
}

/** The board's first update: schema version and title in `meta`, so every client sees them. */
function initialDoc(title: string): Uint8Array {
  const doc = new Y.Doc();
  initBoard(doc, title);
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}

export default fp(
  async function boardRoutes(app: FastifyInstance) {
    const routes = app.withTypeProvider<TypeBoxTypeProvider>();

    routes.post('/api/boards', { schema: { body: CreateBoardBody } }, async (request, reply) => {
      const { createKey } = app.config;
      const presented = requestToken(request.headers.authorization, undefined);
      if (createKey !== undefined && (presented === undefined || !tokenMatches(presented, hashToken(createKey)))) {
        throw new ApiError('unauthorized', 'creating a board needs Authorization: Bearer <CREATE_KEY>');
      }
      const id = newBoardId();
      const title = request.body.title.trim();
      const tokens: RoleRecord<string> = { facilitator: newToken(), participant: newToken(), observer: newToken() };
      const board = {
        id,
        title,
        createdAt: Date.now(),
        tokenHashes: {
          facilitator: hashToken(tokens.facilitator),
          participant: hashToken(tokens.participant),
          observer: hashToken(tokens.observer),
        },
      };
      await app.store.createBoard(board, initialDoc(title));
      const created: CreatedBoard = {
        id,
        title,
        tokens,
        links: {
          facilitator: shareLink(id, tokens.facilitator),
          participant: shareLink(id, tokens.participant),
          observer: shareLink(id, tokens.observer),
        },
      };
      request.log.info({ board: id }, 'board created');
      return reply.status(201).send(created);
    });

    routes.get('/api/boards/:id', { schema: { params: BoardParams } }, async (request) => {
      const { board, role, memberId } = await authorize(app.store, request, request.params.id, 'observer');
      // memberId: only for a member's personal token (CONTRACT.md section 6), an addition to section 2's answer.
      const info: BoardInfo = memberId === undefined ? { id: board.id, title: board.title, role } : { id: board.id, title: board.title, role, memberId };
      return info;
    });
  },
  { name: 'boards', dependencies: ['persistence'] },
);
