// The analysis report's Markdown, read back into blocks and styled runs for the PDF report. Only
// the Markdown that MarkdownDocument writes (headings, paragraphs, bullet and numbered lists,
// tables; bold, italic, backslash escapes and <br> inline) is understood: the report is ours,
// so a full CommonMark parser would only add ways to read it differently.

export type Block =
  | { readonly type: 'heading'; readonly level: number; readonly text: string }
  | { readonly type: 'paragraph'; readonly text: string }
  | { readonly type: 'list'; readonly ordered: boolean; readonly items: readonly string[] }
  | { readonly type: 'table'; readonly header: readonly string[]; readonly rows: readonly (readonly string[])[] };

export interface Run {
  readonly text: string;
  readonly bold: boolean;
  readonly italic: boolean;
}

/** The cells of a table row, split on pipes that are not escaped. */
function cells(line: string): string[] {
  const inner = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  return inner.split(/(?<!\\)\|/).map((cell) => cell.trim());
}

function blockOf(lines: readonly string[]): Block {
  const first = lines[0] ?? '';
  const heading = /^(#{1,6}) (.*)$/.exec(first);
  if (heading && lines.length === 1) return { type: 'heading', level: heading[1]?.length ?? 1, text: heading[2] ?? '' };
  if (first.startsWith('|') && /^\|(\s*-{3,}\s*\|)+$/.test(lines[1]?.trim() ?? '')) {
    return { type: 'table', header: cells(first), rows: lines.slice(2).map(cells) };
  }
  if (lines.every((line) => line.startsWith('- '))) return { type: 'list', ordered: false, items: lines.map((line) => line.slice(2)) };
  if (lines.every((line) => /^\d+\. /.test(line))) return { type: 'list', ordered: true, items: lines.map((line) => line.replace(/^\d+\. /, '')) };
  return { type: 'paragraph', text: lines.join(' ') };
}

/** The blocks of a report, in order; blocks are separated by blank lines. */
export function markdownBlocks(markdown: string): Block[] {
  return markdown
    .split(/\n{2,}/)
    .map((chunk) => chunk.split('\n').filter((line) => line.trim() !== ''))
    .filter((lines) => lines.length > 0)
    .map(blockOf);
}

/** Inline Markdown as runs of plain text: `**bold**`, `*italic*`, `\x` escapes and `<br>` line breaks. */
export function inlineRuns(text: string): Run[] {
  const runs: Run[] = [];
  let bold = false;
  let italic = false;
  let current = '';
  const flush = (): void => {
    if (current !== '') runs.push({ text: current, bold, italic });
    current = '';
  };
  for (let i = 0; i < text.length; i++) {
    const char = text[i] ?? '';
    if (char === '\\' && i + 1 < text.length) {
      current += text[++i] ?? '';
    } else if (text.startsWith('<br>', i)) {
      current += '\n';
      i += 3;
    } else if (text.startsWith('**', i)) {
      flush();
      bold = !bold;
      i += 1;
    } else if (char === '*') {
      flush();
      italic = !italic;
    } else {
      current += char;
    }
  }
  flush();
  return runs;
}

/** Inline Markdown as the plain text a reader sees. */
export function plainText(text: string): string {
  return inlineRuns(text)
    .map((run) => run.text)
    .join('');
}
