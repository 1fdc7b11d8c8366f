import { describe, expect, it } from 'vitest';
import { num, stripInvalidXml, xmlEscape } from './xml.js';

describe('xmlEscape', () => {
  it('escapes the five XML specials so that no text becomes markup', () => {
    expect(xmlEscape(`<b>Tom & Jerry</b> "q" 'a'`)).toBe('&lt;b&gt;Tom &amp; Jerry&lt;/b&gt; &quot;q&quot; &apos;a&apos;');
    expect(xmlEscape('&amp;')).toBe('&amp;amp;');
    expect(xmlEscape(']]>')).toBe(']]&gt;');
  });

  it('drops the characters XML 1.0 forbids, even as references', () => {
    expect(xmlEscape('a\u0000b\u0001c\u0008d\u000be\u000cf\u001fg\ufffeh\uffffi')).toBe('abcdefghi');
    // Lone surrogates are dropped; a proper pair (an emoji) is kept.
    expect(stripInvalidXml('x\ud800y\udc00z')).toBe('xyz');
    expect(stripInvalidXml('🌧️ rain')).toBe('🌧️ rain');
  });

  it('keeps tab, line feed and carriage return as character references', () => {
    expect(xmlEscape('a\tb\nc\rd')).toBe('a&#9;b&#10;c&#13;d');
  });

  it('keeps any other Unicode text as it is', () => {
    expect(xmlEscape('Sécheresse · جفاف · засуха')).toBe('Sécheresse · جفاف · засуха');
  });
});

describe('num', () => {
  it('rounds to hundredths and never writes -0', () => {
    expect(num(1.23456)).toBe('1.23');
    expect(num(-0.001)).toBe('0');
    expect(num(200)).toBe('200');
  });
});
