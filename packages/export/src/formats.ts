// The export formats of CONTRACT.md section 5 (and the report as PDF), by the name that the API
// and the CLI take: one table, so that `GET /api/boards/:id/export/:format` and `pnpm export`
// offer the same formats with the same options and render them with the same functions.
import type { Sensitivity } from '@interlink/model';
import type * as Y from 'yjs';
import { boardItemsCsv, boardLinksCsv } from './csv/index.js';
import { boardToJson, serializeBoardJson } from './json/index.js';
import type { Fit, Orientation, PageSize } from './pdf/pages.js';
import { boardPdf } from './pdf/render.js';
import { boardReportPdf } from './pdf/reportPdf.js';
import { boardPng } from './png/render.js';
import { boardReport } from './report/render.js';
import { boardSvg } from './svg/render.js';

/** CONTRACT.md: confidential cards stay out unless they are asked for (by a facilitator, over the API). */
export const DEFAULT_EXPORT_MAX_SENSITIVITY: Sensitivity = 'restricted';

/** The options of the visual formats; each format reads those listed in its `reads`. */
export interface ExportLayoutOptions {
  /** png: pixels per canvas unit (PNG_SCALE). */
  readonly scale?: number;
  /** pdf, report.pdf: the paper. */
  readonly page?: PageSize;
  /** pdf: without one, the orientation that suits the map. */
  readonly orientation?: Orientation;
  /** pdf: the whole map on one page, or tiles. */
  readonly fit?: Fit;
}

export type ExportLayoutOption = keyof ExportLayoutOptions;

export interface ExportRenderOptions extends ExportLayoutOptions {
  readonly maxSensitivity: Sensitivity;
  /** When the export was made (ms epoch); printed in the header of md, svg, png and pdf. */
  readonly generatedAt: number;
}

export interface ExportFormat {
  readonly contentType: string;
  /** The file name's ending, after the board id. */
  readonly extension: string;
  /** The layout options this format has a use for; it ignores the others. */
  readonly reads: readonly ExportLayoutOption[];
  /** PNG and PDF are made asynchronously (resvg on the thread pool, pdfkit as a stream). */
  render(doc: Y.Doc, options: ExportRenderOptions): string | Uint8Array | Promise<string | Uint8Array>;
}

/**
 * Each render reads the board synchronously before its first await, so that a caller may let the
 * doc change (or release it) once the promise is created and awaited.
 */
export const EXPORT_FORMATS = {
  json: {
    contentType: 'application/json; charset=utf-8',
    extension: 'json',
    reads: [],
    render: (doc, { maxSensitivity }) => serializeBoardJson(boardToJson(doc, { maxSensitivity })),
  },
  'items.csv': {
    contentType: 'text/csv; charset=utf-8',
    extension: 'items.csv',
    reads: [],
    render: (doc, { maxSensitivity }) => boardItemsCsv(doc, { maxSensitivity }),
  },
  'links.csv': {
    contentType: 'text/csv; charset=utf-8',
    extension: 'links.csv',
    reads: [],
    render: (doc, { maxSensitivity }) => boardLinksCsv(doc, { maxSensitivity }),
  },
  md: {
    contentType: 'text/markdown; charset=utf-8',
    extension: 'md',
    reads: [],
    render: (doc, { maxSensitivity, generatedAt }) => boardReport(doc, { maxSensitivity, generatedAt }),
  },
  svg: {
    contentType: 'image/svg+xml; charset=utf-8',
    extension: 'svg',
    reads: [],
    render: (doc, { maxSensitivity, generatedAt }) => boardSvg(doc, { maxSensitivity, generatedAt }),
  },
  png: {
    contentType: 'image/png',
    extension: 'png',
    reads: ['scale'],
    render: (doc, { maxSensitivity, generatedAt, scale }) => boardPng(doc, { maxSensitivity, generatedAt, ...(scale === undefined ? {} : { scale }) }),
  },
  pdf: {
    contentType: 'application/pdf',
    extension: 'pdf',
    reads: ['page', 'orientation', 'fit'],
    render: (doc, { maxSensitivity, generatedAt, page, orientation, fit }) => boardPdf(doc, { maxSensitivity, generatedAt, page, orientation, fit }),
  },
  // The md report set as a PDF, for printing and mailing.
  'report.pdf': {
    contentType: 'application/pdf',
    extension: 'report.pdf',
    reads: ['page'],
    render: (doc, { maxSensitivity, generatedAt, page }) => boardReportPdf(doc, { maxSensitivity, generatedAt, page }),
  },
} as const satisfies Readonly<Record<string, ExportFormat>>;

export type ExportFormatName = keyof typeof EXPORT_FORMATS;

export const EXPORT_FORMAT_NAMES = Object.keys(EXPORT_FORMATS) as ExportFormatName[];

/** Own keys only: a format named `constructor` or `__proto__` is no format. */
export function isExportFormatName(name: string): name is ExportFormatName {
  return Object.hasOwn(EXPORT_FORMATS, name);
}

/** The format's entry, typed as the interface (not as the literal table). */
export function exportFormat(name: ExportFormatName): ExportFormat {
  return EXPORT_FORMATS[name];
}
