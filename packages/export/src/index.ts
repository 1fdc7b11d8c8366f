// The export package: pure functions from a board to the formats it leaves the room in
// (CONTRACT.md section 5). No I/O here but reading the bundled font files; the server and the CLI
// feed it a Y.Doc.
export { boardReport, renderReport, type ReportOptions } from './report/render.js';
export { inlineText } from './markdown/escape.js';
// json, items.csv and links.csv, and the import of a json export or of items.csv.
export * from './json/index.js';
export * from './csv/index.js';
// svg, png and pdf: one scene of the whole map, painted as SVG (rasterised by resvg) or as PDF.
export { boardSvg, boardToSvg, type VisualOptions } from './svg/render.js';
export { boardPng, boardToPng, pngScale, svgToPng, PNG_LIMITS, PNG_SCALE, type PngOptions } from './png/render.js';
export { boardPdf, boardToPdf, type PdfOptions } from './pdf/render.js';
export { boardReportPdf, markdownReportToPdf, type ReportPdfOptions } from './pdf/reportPdf.js';
export { FITS, ORIENTATIONS, PAGE_SIZE_NAMES, type Fit, type Orientation, type PageSize } from './pdf/pages.js';
// The formats by name, as the API and the CLI offer them.
export {
  DEFAULT_EXPORT_MAX_SENSITIVITY,
  EXPORT_FORMAT_NAMES,
  EXPORT_FORMATS,
  exportFormat,
  isExportFormatName,
  type ExportFormat,
  type ExportFormatName,
  type ExportLayoutOption,
  type ExportLayoutOptions,
  type ExportRenderOptions,
} from './formats.js';
