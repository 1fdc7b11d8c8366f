import { describe, expect, it } from 'vitest';
import { inlineText } from './escape.js';

describe('inlineText', () => {
  it('leaves ordinary text exactly as typed', () => {
    expect(inlineText('Drought & crop failure (north), 2024: 40% loss!')).toBe('Drought & crop failure (north), 2024: 40% loss!');
  });

  it('escapes what would open markup, a link, HTML or a table cell', () => {
    expect(inlineText('*bold* _it_ `code` [x](y) <script> a|b ~s~ \\')).toBe(
      '\\*bold\\* \\_it\\_ \\`code\\` \\[x\\](y) \\<script\\> a\\|b \\~s\\~ \\\\',
    );
  });

  it('escapes character references but not a bare ampersand', () => {
    expect(inlineText('&lt; &#60; & co')).toBe('\\&lt; \\&#60; & co');
  });

  it('keeps a multi-line text on one Markdown line', () => {
    expect(inlineText('first\nsecond\r\nthird')).toBe('first<br>second<br>third');
  });

  it('cannot open a block after a list marker: heading, quote, list, rule', () => {
    expect(inlineText('# not a heading')).toBe('\\# not a heading');
    expect(inlineText('> not a quote')).toBe('\\> not a quote');
    expect(inlineText('- not a list')).toBe('\\- not a list');
    expect(inlineText('2024. A bad year')).toBe('2024\\. A bad year');
    expect(inlineText('---')).toBe('\\---');
    expect(inlineText('Mid-line # and 2024. stay')).toBe('Mid-line # and 2024. stay');
    // What only looks like a marker stays as typed.
    expect(inlineText('4.5 m for 2 days')).toBe('4.5 m for 2 days');
    expect(inlineText('-5% rainfall')).toBe('-5% rainfall');
    expect(inlineText('#3 priority')).toBe('#3 priority');
  });
});
