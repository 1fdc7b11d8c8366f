// The analysis report as Markdown (CONTRACT.md section 5, `md`): the board's findings in the
// order a workshop reads them. Pure: the caller reads and filters the board, so the same
// function serves the HTTP export, the CLI and tests.
import { analyseBoard, restrictView, readBoard, type AnalysisOptions, type BoardView, type Sensitivity } from '@interlink/model';
import { createTranslator, en, type Translator } from '@interlink/i18n';
import type * as Y from 'yjs';
import { MarkdownDocument } from '../markdown/document.js';
import { inlineText } from '../markdown/escape.js';
import { reportContext } from './context.js';
import { writeGaps, writeIndicators, writeProblems } from './findings.js';
import { writeInterlinkages, writeMostConnected } from './interlinkages.js';
import { writeResponses } from './responses.js';
import { writeSummary, writeThreatsByDimension } from './summary.js';

export interface ReportOptions {
  /** The most sensitive cards the report may show; the view must already be filtered to it. */
  readonly maxSensitivity: Sensitivity;
  /** When the report was made (ms epoch); printed in its header. */
  readonly generatedAt: number;
  readonly translator?: Translator;
  readonly analysis?: AnalysisOptions;
}

const english = createTranslator(() => en);

/** Renders the report of a view that has already been filtered to `maxSensitivity`. */
export function renderReport(view: BoardView, options: ReportOptions): string {
  const translator = options.translator ?? english;
  const ctx = reportContext(view, analyseBoard(view, options.analysis), translator);
  const md = new MarkdownDocument();
  const title = view.title.trim() === '' ? ctx.t('report.untitled') : inlineText(view.title.trim());
  md.heading(1, ctx.t('report.title', { title }));
  md.paragraph(
    ctx.t(options.maxSensitivity === 'confidential' ? 'report.scope.everything' : `report.scope.upTo.${options.maxSensitivity}`, {
      date: new Date(options.generatedAt).toISOString().slice(0, 16).replace('T', ' '),
    }),
  );
  writeSummary(md, ctx);
  writeThreatsByDimension(md, ctx);
  writeInterlinkages(md, ctx);
  writeMostConnected(md, ctx);
  writeResponses(md, ctx);
  writeGaps(md, ctx);
  writeIndicators(md, ctx);
  writeProblems(md, ctx);
  return md.toString();
}

/** Reads a board, leaves out what is above `maxSensitivity`, and renders its report. */
export function boardReport(doc: Y.Doc, options: ReportOptions): string {
  return renderReport(restrictView(readBoard(doc), options.maxSensitivity), options);
}
