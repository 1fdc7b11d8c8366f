// The export package: pure functions from a board to the formats it leaves the room in
// (CONTRACT.md section 5). No I/O here; the server and the CLI feed it a Y.Doc.
export { boardReport, renderReport, type ReportOptions } from './report/render.js';
export { inlineText } from './markdown/escape.js';
