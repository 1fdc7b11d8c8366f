// GET /api/boards/:id/export/:format (CONTRACT.md section 5). The board is read from its room,
// loaded as for a connection, so an export shows exactly what the people in the room see, and a
// board that is open elsewhere is not read twice. Items above `maxSensitivity` are left out by
// the export functions; confidential items are included only when a facilitator asks.
import { hasRole, type Role } from '@interlink/protocol';
import { SENSITIVITIES, type Sensitivity } from '@interlink/model';
import { boardReport } from '@interlink/export';
import { Type, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type * as Y from 'yjs';
import { authorize } from '../http/authorize.js';
import { ApiError } from '../http/errors.js';
import { attachmentDisposition } from '../http/disposition.js';
import './decorators.js';

interface ExportFormat {
  readonly contentType: string;
  readonly extension: string;
  readonly render: (doc: Y.Doc, maxSensitivity: Sensitivity) => string | Uint8Array;
}

/** The formats served so far; the other formats of CONTRACT.md section 5 join this table. */
const FORMATS: Readonly<Record<string, ExportFormat>> = {
  md: {
    contentType: 'text/markdown; charset=utf-8',
    extension: 'md',
    render: (doc, maxSensitivity) => boardReport(doc, { maxSensitivity, generatedAt: Date.now() }),
  },
};

/** CONTRACT.md: confidential cards stay out unless a facilitator asks for them. */
const DEFAULT_MAX_SENSITIVITY: Sensitivity = 'restricted';

/**
 * Confidential cards leave the board only when a facilitator asks. Anyone else who asks gets the
 * export filtered as by default (not an error): the answer's header says what was applied.
 */
function allowedSensitivity(requested: Sensitivity, role: Role): Sensitivity {
  return requested === 'confidential' && !hasRole(role, 'facilitator') ? DEFAULT_MAX_SENSITIVITY : requested;
}

const ExportParams = Type.Object({ id: Type.String(), format: Type.String() });
const ExportQuery = Type.Object({
  token: Type.Optional(Type.String()),
  // An enum (not a union of literals) so that Ajv's message lists the allowed values.
  maxSensitivity: Type.Optional(Type.Unsafe<Sensitivity>({ type: 'string', enum: [...SENSITIVITIES] })),
});

export default fp(
  async function exportRoutes(app: FastifyInstance) {
    const routes = app.withTypeProvider<TypeBoxTypeProvider>();

    routes.get('/api/boards/:id/export/:format', { schema: { params: ExportParams, querystring: ExportQuery } }, async (request, reply) => {
      const { id, format } = request.params;
      const { role } = await authorize(app.store, request, id, 'observer');
      const exporter = Object.hasOwn(FORMATS, format) ? FORMATS[format] : undefined;
      if (!exporter) {
        throw new ApiError('not_found', `unknown export format "${format}"; available: ${Object.keys(FORMATS).join(', ')}`);
      }
      const maxSensitivity = allowedSensitivity(request.query.maxSensitivity ?? DEFAULT_MAX_SENSITIVITY, role);
      const room = await app.rooms.acquire(id);
      let body: string | Uint8Array;
      try {
        body = exporter.render(room.doc, maxSensitivity);
      } finally {
        app.rooms.released(room);
      }
      request.log.info({ board: id, format, maxSensitivity }, 'board exported');
      return reply
        .header('content-type', exporter.contentType)
        .header('content-disposition', attachmentDisposition(`${id}.${exporter.extension}`))
        // An export may hold restricted cards: no shared cache keeps a copy.
        .header('cache-control', 'no-store')
        .header('x-interlink-max-sensitivity', maxSensitivity)
        .send(body);
    });
  },
  { name: 'exports', dependencies: ['persistence', 'sync'] },
);
