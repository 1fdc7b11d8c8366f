// What the Export menu can ask the server for (CONTRACT.md section 5), and the request it makes.
// Pure, so that the query each choice turns into is unit-tested without a browser. Every export
// is of the whole board: the server's formats take no selection or viewport, so the menu offers
// none rather than pretending to.
import { SENSITIVITIES, type Sensitivity } from '@interlink/model';
import { FITS, ORIENTATIONS, PAGE_SIZE_NAMES, type Fit, type Orientation, type PageSize } from '@interlink/export/paper';
import { hasRole, type Role } from '@interlink/protocol';

/** The server's format names, in the order the menu lists them. */
export const EXPORT_FORMATS = ['png', 'svg', 'pdf', 'md', 'report.pdf', 'json', 'items.csv', 'links.csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Pixels per canvas unit offered for PNG; the server takes 0.25..4, these two cover screen and print. */
export const PNG_SCALES = [1, 2] as const;
export type PngScale = (typeof PNG_SCALES)[number];

/** `auto`: no orientation sent, the server picks the one that suits the map's shape. */
export const PDF_ORIENTATIONS = ['auto', ...ORIENTATIONS] as const;
export type PdfOrientation = 'auto' | Orientation;

export { FITS as PDF_FITS, PAGE_SIZE_NAMES as PDF_PAGE_SIZES, type Fit, type PageSize };

/** Whatever the person chose in the menu; each format reads only the fields it has a use for. */
export interface ExportChoice {
  readonly format: ExportFormat;
  readonly maxSensitivity: Sensitivity;
  readonly scale: PngScale;
  readonly page: PageSize;
  readonly orientation: PdfOrientation;
  readonly fit: Fit;
}

/** `restricted` is the server's own default (CONTRACT.md section 5): confidential cards stay out unless asked for. */
export const DEFAULT_EXPORT_CHOICE: ExportChoice = {
  format: 'png',
  maxSensitivity: 'restricted',
  scale: 1,
  page: 'a4',
  orientation: 'auto',
  fit: 'page',
};

/** Which of the format's options the menu shows. */
export interface FormatOptions {
  readonly scale: boolean;
  readonly page: boolean;
  readonly orientation: boolean;
  readonly fit: boolean;
}

const NONE: FormatOptions = { scale: false, page: false, orientation: false, fit: false };

/** As the server reads them (server/src/plugins/exports.ts): the report's PDF takes the paper only. */
export function formatOptions(format: ExportFormat): FormatOptions {
  if (format === 'png') return { ...NONE, scale: true };
  if (format === 'pdf') return { ...NONE, page: true, orientation: true, fit: true };
  if (format === 'report.pdf') return { ...NONE, page: true };
  return NONE;
}

/**
 * The levels a role may ask for. The server would quietly filter a participant's request for
 * confidential cards; the menu does not offer what would not be delivered.
 */
export function sensitivityChoices(role: Role): readonly Sensitivity[] {
  return hasRole(role, 'facilitator') ? SENSITIVITIES : SENSITIVITIES.filter((level) => level !== 'confidential');
}

/** The query string of the export request: only what the format reads, never the token. */
export function exportQuery(choice: ExportChoice): URLSearchParams {
  const query = new URLSearchParams({ maxSensitivity: choice.maxSensitivity });
  const options = formatOptions(choice.format);
  if (options.scale) query.set('scale', String(choice.scale));
  if (options.page) query.set('page', choice.page);
  if (options.orientation && choice.orientation !== 'auto') query.set('orientation', choice.orientation);
  if (options.fit) query.set('fit', choice.fit);
  return query;
}

/**
 * The request's path. The token travels in the Authorization header, not here: URLs end up in
 * server logs, proxies and the browser's history.
 */
export function exportPath(boardId: string, choice: ExportChoice): string {
  return `/api/boards/${encodeURIComponent(boardId)}/export/${encodeURIComponent(choice.format)}?${exportQuery(choice).toString()}`;
}
