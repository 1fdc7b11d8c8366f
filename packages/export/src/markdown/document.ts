// A small builder for the report's Markdown: headings, paragraphs, lists and tables with the
// blank lines CommonMark needs between blocks. Callers hand it text that is already inline
// Markdown (user text goes through `inlineText` first).

export class MarkdownDocument {
  private readonly blocks: string[] = [];

  heading(level: 1 | 2 | 3 | 4, text: string): this {
    this.blocks.push(`${'#'.repeat(level)} ${text}`);
    return this;
  }

  paragraph(text: string): this {
    this.blocks.push(text);
    return this;
  }

  bullets(lines: readonly string[]): this {
    if (lines.length > 0) this.blocks.push(lines.map((line) => `- ${line}`).join('\n'));
    return this;
  }

  numbered(lines: readonly string[]): this {
    if (lines.length > 0) this.blocks.push(lines.map((line, index) => `${index + 1}. ${line}`).join('\n'));
    return this;
  }

  /** A GFM table; cells must already be inline Markdown (pipes escaped). */
  table(header: readonly string[], rows: readonly (readonly string[])[]): this {
    if (rows.length === 0) return this;
    const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
    this.blocks.push([line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n'));
    return this;
  }

  toString(): string {
    return `${this.blocks.join('\n\n')}\n`;
  }
}
