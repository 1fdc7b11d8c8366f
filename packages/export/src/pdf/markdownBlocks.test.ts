import { describe, expect, it } from 'vitest';
import { inlineRuns, markdownBlocks, plainText } from './markdownBlocks.js';

describe('markdownBlocks', () => {
  it('reads back the blocks MarkdownDocument writes', () => {
    const md = ['# Title \\<x\\>', 'A paragraph\nover two lines.', '## Section', '- one\n- two', '1. first\n2. second', '| A | B \\| C |\n| --- | --- |\n| 1 | 2 |'].join('\n\n');
    expect(markdownBlocks(`${md}\n`)).toEqual([
      { type: 'heading', level: 1, text: 'Title \\<x\\>' },
      { type: 'paragraph', text: 'A paragraph over two lines.' },
      { type: 'heading', level: 2, text: 'Section' },
      { type: 'list', ordered: false, items: ['one', 'two'] },
      { type: 'list', ordered: true, items: ['first', 'second'] },
      { type: 'table', header: ['A', 'B \\| C'], rows: [['1', '2']] },
    ]);
  });
});

describe('inlineRuns', () => {
  it('turns emphasis into runs and escapes back into the characters typed', () => {
    expect(inlineRuns('**Loop**: a \\*b\\* *causes* c<br>d')).toEqual([
      { text: 'Loop', bold: true, italic: false },
      { text: ': a *b* ', bold: false, italic: false },
      { text: 'causes', bold: false, italic: true },
      { text: ' c\nd', bold: false, italic: false },
    ]);
    expect(plainText('\\<b\\>Tom & Jerry\\</b\\> \\| x')).toBe('<b>Tom & Jerry</b> | x');
  });
});
