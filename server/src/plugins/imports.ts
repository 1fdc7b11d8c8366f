// POST /api/boards/:id/import (CONTRACT.md section 2): a facilitator merges a `json` export, or an
// items.csv, into a board. The body is checked whole before the board is touched (http/importBody);
// the import then reaches the room's doc as one update through the room's own persistence path
// (rooms/serverChange): on disk before anyone sees it, and seen live by everyone connected.
// Decisions (see packages/export/src/json/merge.ts for the merge itself):
// - the board keeps its own title: an import merges content into a board someone named;
// - ids are kept, a conflicting id is renamed, an identical card under the same id is skipped,
//   and nothing on the board is ever overwritten;
// - `author` is kept as the file has it (the organisation's own export, imported by a facilitator).
import { Type, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { authorize } from '../http/authorize.js';
import { IMPORT_CONTENT_TYPES, importFormat, prepareImport } from '../http/importBody.js';
import { applyServerChange } from '../rooms/serverChange.js';
import './decorators.js';

/** An export of a 10,000-card board is a few MiB; this leaves room without inviting abuse. */
export const IMPORT_BODY_LIMIT = 20 * 1024 * 1024;

/** Marks the import's update in the room: not a connection, so it is relayed to every connection. */
export const IMPORT_ORIGIN = Symbol('import');

const ImportParams = Type.Object({ id: Type.String() });
const ImportQuery = Type.Object({ token: Type.Optional(Type.String()) });

export default fp(
  async function importRoutes(app: FastifyInstance) {
    // A scope of its own, so that the raw-text parsers below serve this route only.
    await app.register(async function importScope(scope) {
      // The body reaches the handler as text, parsed there: the message for a bad file can then
      // name what is wrong, and JSON.parse keeps a field named `__proto__` as data (Fastify's
      // parser refuses it), so that an export of any board imports back whole.
      scope.removeAllContentTypeParsers();
      scope.addContentTypeParser([...IMPORT_CONTENT_TYPES], { parseAs: 'string', bodyLimit: IMPORT_BODY_LIMIT }, (_request, body, done) => {
        done(null, body);
      });

      scope.withTypeProvider<TypeBoxTypeProvider>().post(
        '/api/boards/:id/import',
        {
          bodyLimit: IMPORT_BODY_LIMIT,
          schema: { params: ImportParams, querystring: ImportQuery },
          // Before the body is read: only a facilitator may have the server take in 20 MiB.
          onRequest: async (request) => {
            await authorize(app.store, request, (request.params as { id: string }).id, 'facilitator');
          },
        },
        async (request) => {
          const { id } = request.params;
          const prepared = prepareImport(importFormat(request.headers['content-type']), request.body);
          const room = await app.rooms.acquire(id);
          try {
            const result = await applyServerChange(room, prepared.write, IMPORT_ORIGIN);
            request.log.info({ board: id, format: prepared.format, ...result }, 'board imported');
            return { items: result.added.items, links: result.added.links, skipped: result.skipped, renamed: result.renamed };
          } finally {
            app.rooms.released(room);
          }
        },
      );
    });
  },
  { name: 'imports', dependencies: ['persistence', 'sync'] },
);
