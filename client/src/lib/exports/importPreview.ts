// What an import would do, worked out in the browser before anything is sent: the file is read
// by the very parsers the server uses (@interlink/export), then merged by the server's own merge
// into a throwaway copy of the board as this browser has it. So the preview counts what would
// really be added (an export imported twice adds nothing), and a faulty file is refused here with
// the same words the server would answer, without a request.
import { importItemsCsv, parseItemsCsv } from '@interlink/export/csv';
import { mergeIntoBoard, parseBoardJsonText, type MergeCounts, type MergeResult } from '@interlink/export/json';
import type { JsonItem } from '@interlink/model';
import * as Y from 'yjs';
import type { ImportFormat } from './importFile.js';

export interface KindCount {
  readonly kind: string;
  readonly count: number;
}

export type ImportPreview =
  | {
      readonly ok: true;
      readonly format: ImportFormat;
      /** What the file holds. */
      readonly file: MergeCounts;
      /** The file's cards by kind, the most frequent first. */
      readonly kinds: readonly KindCount[];
      /** What merging it into the board as it is now would do. */
      readonly merge: MergeResult;
    }
  | { readonly ok: false; readonly format: ImportFormat; readonly errors: readonly string[] };

export function kindCounts(items: readonly JsonItem[]): KindCount[] {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item.kind, (counts.get(item.kind) ?? 0) + 1);
  return [...counts].map(([kind, count]) => ({ kind, count })).sort((a, b) => b.count - a.count || a.kind.localeCompare(b.kind));
}

/**
 * The items.csv parser reports every faulty row in one message ("row 4: ...; row 9: ...; and 3
 * more"); the dialog lists them one per line. Splitting only before "row N:" and "and N more"
 * keeps a "; " inside a row's own message intact.
 */
export function csvFaults(message: string): string[] {
  return message.split(/; (?=row \d+: |and \d+ more$)/);
}

/** Merges into a copy: the board itself is never touched by a preview. */
function dryRun(board: Y.Doc | undefined, write: (doc: Y.Doc) => MergeResult): MergeResult {
  const trial = new Y.Doc();
  try {
    if (board) Y.applyUpdate(trial, Y.encodeStateAsUpdate(board));
    return write(trial);
  } finally {
    trial.destroy();
  }
}

/** Never throws: a file that cannot be read is a preview with errors. */
export function previewImport(format: ImportFormat, text: string, board?: Y.Doc): ImportPreview {
  if (format === 'csv') {
    const parsed = parseItemsCsv(text);
    if (!parsed.ok) return { ok: false, format, errors: csvFaults(parsed.message) };
    const items = parsed.rows.map((row) => row.item);
    return {
      ok: true,
      format,
      file: { items: items.length, links: 0 },
      kinds: kindCounts(items),
      merge: dryRun(board, (doc) => importItemsCsv(doc, parsed.rows)),
    };
  }
  const parsed = parseBoardJsonText(text);
  if (!parsed.ok) return { ok: false, format, errors: [parsed.error.message] };
  const { board: content } = parsed;
  return {
    ok: true,
    format,
    file: { items: content.items.length, links: content.links.length },
    kinds: kindCounts(content.items),
    merge: dryRun(board, (doc) => mergeIntoBoard(doc, content)),
  };
}
