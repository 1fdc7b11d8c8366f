// GET /api/boards/:id/export/:format (CONTRACT.md section 5). The board is read from its room,
// loaded as for a connection, so an export shows exactly what the people in the room see, and a
// board that is open elsewhere is not read twice. Items above `maxSensitivity` are left out by
// the export functions; confidential items are included only when a facilitator asks.
import { hasRole, type Role } from '@interlink/protocol';
import { SENSITIVITIES, type Sensitivity } from '@interlink/model';
import { boardReport } from '@interlink/export';
import {
  boardPdf,
  boardPng,
  boardReportPdf,
  boardSvg,
  FITS,
  ORIENTATIONS,
  PAGE_SIZE_NAMES,
  PNG_SCALE,
  type Fit,
  type Orientation,
  type PageSize,
} from '@interlink/export';
import { boardItemsCsv, boardLinksCsv, boardToJson, serializeBoardJson } from '@interlink/export';
import { Type, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type * as Y from 'yjs';
import { authorize } from '../http/authorize.js';
import { ApiError } from '../http/errors.js';
import { attachmentDisposition } from '../http/disposition.js';
import './decorators.js';

/** The query parameters of the visual formats; each format reads those it has a use for. */
interface VisualQuery {
  readonly scale?: number;
  readonly page?: PageSize;
  readonly orientation?: Orientation;
  readonly fit?: Fit;
}

interface ExportFormat {
  readonly contentType: string;
  readonly extension: string;
  /** PNG and PDF are made asynchronously (resvg on the thread pool, pdfkit as a stream). */
  readonly render: (doc: Y.Doc, maxSensitivity: Sensitivity, query: VisualQuery) => string | Uint8Array | Promise<string | Uint8Array>;
}

/**
 * The formats of CONTRACT.md section 5, and the report as PDF. The visual ones render on this
 * event loop except resvg's rasterising: seconds of CPU for a 10,000-card board (test/bench/exports.ts).
 */
const FORMATS: Readonly<Record<string, ExportFormat>> = {
  json: {
    contentType: 'application/json; charset=utf-8',
    extension: 'json',
    render: (doc, maxSensitivity) => serializeBoardJson(boardToJson(doc, { maxSensitivity })),
  },
  'items.csv': {
    contentType: 'text/csv; charset=utf-8',
    extension: 'items.csv',
    render: (doc, maxSensitivity) => boardItemsCsv(doc, { maxSensitivity }),
  },
  'links.csv': {
    contentType: 'text/csv; charset=utf-8',
    extension: 'links.csv',
    render: (doc, maxSensitivity) => boardLinksCsv(doc, { maxSensitivity }),
  },
  md: {
    contentType: 'text/markdown; charset=utf-8',
    extension: 'md',
    render: (doc, maxSensitivity) => boardReport(doc, { maxSensitivity, generatedAt: Date.now() }),
  },
  svg: {
    contentType: 'image/svg+xml; charset=utf-8',
    extension: 'svg',
    render: (doc, maxSensitivity) => boardSvg(doc, { maxSensitivity, generatedAt: Date.now() }),
  },
  png: {
    contentType: 'image/png',
    extension: 'png',
    render: (doc, maxSensitivity, { scale }) => boardPng(doc, { maxSensitivity, generatedAt: Date.now(), ...(scale === undefined ? {} : { scale }) }),
  },
  pdf: {
    contentType: 'application/pdf',
    extension: 'pdf',
    render: (doc, maxSensitivity, { page, orientation, fit }) => boardPdf(doc, { maxSensitivity, generatedAt: Date.now(), page, orientation, fit }),
  },
  // The md report set as a PDF, for printing and mailing.
  'report.pdf': {
    contentType: 'application/pdf',
    extension: 'report.pdf',
    render: (doc, maxSensitivity, { page }) => boardReportPdf(doc, { maxSensitivity, generatedAt: Date.now(), page }),
  },
};

/** The `scale` query parameter as a number, refused with the field named when out of range. */
function parseScale(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const scale = Number(value);
  if (!(scale >= PNG_SCALE.min && scale <= PNG_SCALE.max)) {
    throw new ApiError('invalid_request', `querystring/scale must be from ${PNG_SCALE.min} to ${PNG_SCALE.max}`);
  }
  return scale;
}

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
      const exporter = Object.hasOwn(FORMATS, format) ? FORMATS[format] : undefined;
      if (!exporter) {
        throw new ApiError('not_found', `unknown export format "${format}"; available: ${Object.keys(FORMATS).join(', ')}`);
      }
      const maxSensitivity = allowedSensitivity(request.query.maxSensitivity ?? DEFAULT_MAX_SENSITIVITY, role);
      const { page, orientation, fit } = request.query;
      const scale = parseScale(request.query.scale);
      const visual: VisualQuery = { ...(scale === undefined ? {} : { scale }), ...(page ? { page } : {}), ...(orientation ? { orientation } : {}), ...(fit ? { fit } : {}) };
      const room = await app.rooms.acquire(id);
      let body: string | Uint8Array;
      try {
        // The board is read synchronously at the start of render; awaiting keeps the room until the file is made.
        body = await exporter.render(room.doc, maxSensitivity, visual);
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
