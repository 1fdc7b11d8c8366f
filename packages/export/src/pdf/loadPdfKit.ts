// pdfkit (with the fontkit it pulls in) takes a few hundred milliseconds to load, more on a busy
// machine; loaded at start-up it delayed every server restart, and so every reconnection after
// one, for a format that few requests ask for. It is loaded on the first PDF instead.
type PdfKitConstructor = typeof import('pdfkit');

let loading: Promise<PdfKitConstructor> | undefined;

export function loadPdfKit(): Promise<PdfKitConstructor> {
  loading ??= import('pdfkit').then((module) => module.default);
  return loading;
}
