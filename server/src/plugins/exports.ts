// GET /api/boards/:id/export/:format (CONTRACT.md section 5). The board is read from its room,
// loaded as for a connection, so an export shows exactly what the people in the room see, and a
// board that is open elsewhere is not read twice. Items above `maxSensitivity` are left out by
// the export functions; confidential items are included only when a facilitator asks.
import { hasRole, type Role } from '@interlink/protocol';
import { SENSITIVITIES, type Sensitivity } from '@interlink/model';
import {
  DEFAULT_EXPORT_MAX_SENSITIVITY,
  EXPORT_FORMAT_NAMES,
  exportFormat,
  FITS,
  isExportFormatName,
  ORIENTATIONS,
  PAGE_SIZE_NAMES,
  PNG_SCALE,
  type ExportLayoutOptions,
  type Fit,
  type Orientation,
  type PageSize,
} from '@interlink/export';
import { Type, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { authorize } from '../http/authorize.js';
import { ApiError } from '../http/errors.js';
import { attachmentDisposition } from '../http/disposition.js';
import './decorators.js';

// The formats themselves (content type, file name, renderer) are @interlink/export's
// EXPORT_FORMATS, shared with the CLI. The visual ones render on this event loop except resvg's
// rasterising: seconds of CPU for a 10,000-card board (test/bench/exports.ts).

/** The `scale` query parameter as a number, refused with the field named when out of range. */
function parseScale(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const scale = Number(value);
  if (!(scale >= PNG_SCALE.min && scale <= PNG_SCALE.max)) {
    throw new ApiError('invalid_request', `querystring/scale must be from ${PNG_SCALE.min} to ${PNG_SCALE.max}`);
  }
  return scale;
}

/**
 * Confidential cards leave the board only when a facilitator asks. Anyone else who asks gets the
 * export filtered as by default (not an error): the answer's header says what was applied.
 */
function allowedSensitivity(requested: Sensitivity, role: Role): Sensitivity {
  return requested === 'confidential' && !hasRole(role, 'facilitator') ? DEFAULT_EXPORT_MAX_SENSITIVITY : requested;
}

const ExportParams = Type.Object({ id: Type.String(), format: Type.String() });
const ExportQuery = Type.Object({
  token: Type.Optional(Type.String()),
  // An enum (not a union of literals) so that Ajv's message lists the allowed values.
  maxSensitivity: Type.Optional(Type.Unsafe<Sensitivity>({ type: 'string', enum: [...SENSITIVITIES] })),
  // png: pixels per canvas unit; a map too big for the pixel limit is drawn smaller, not refused.
  // A query string is text and Ajv does not coerce here (app.ts): a decimal, range-checked below.
  scale: Type.Optional(Type.String({ pattern: '^[0-9]+(\\.[0-9]+)?$' })),
  // pdf: the paper, its orientation (by default the one that suits the map), one page or tiles.
  page: Type.Optional(Type.Unsafe<PageSize>({ type: 'string', enum: [...PAGE_SIZE_NAMES] })),
  orientation: Type.Optional(Type.Unsafe<Orientation>({ type: 'string', enum: [...ORIENTATIONS] })),
  fit: Type.Optional(Type.Unsafe<Fit>({ type: 'string', enum: [...FITS] })),
});

export default fp(
  async function exportRoutes(app: FastifyInstance) {
    const routes = app.withTypeProvider<TypeBoxTypeProvider>();

    routes.get('/api/boards/:id/export/:format', { schema: { params: ExportParams, querystring: ExportQuery } }, async (request, reply) => {
      const { id, format } = request.params;
      const { role } = await authorize(app.store, request, id, 'observer');
      if (!isExportFormatName(format)) {
        throw new ApiError('not_found', `unknown export format "${format}"; available: ${EXPORT_FORMAT_NAMES.join(', ')}`);
      }
      const exporter = exportFormat(format);
      const maxSensitivity = allowedSensitivity(request.query.maxSensitivity ?? DEFAULT_EXPORT_MAX_SENSITIVITY, role);
      const { page, orientation, fit } = request.query;
      const scale = parseScale(request.query.scale);
      const layout: ExportLayoutOptions = { ...(scale === undefined ? {} : { scale }), ...(page ? { page } : {}), ...(orientation ? { orientation } : {}), ...(fit ? { fit } : {}) };
      const room = await app.rooms.acquire(id);
      let body: string | Uint8Array;
      try {
        // The board is read synchronously at the start of render; awaiting keeps the room until the file is made.
        body = await exporter.render(room.doc, { maxSensitivity, generatedAt: Date.now(), ...layout });
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
