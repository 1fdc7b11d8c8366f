import { describe, expect, it } from 'vitest';
import { BLOCKS_BELOW, FULL_FROM, detailAt, drawsAsDot, type Detail } from './levelOfDetail.js';

describe('level of detail', () => {
  it('draws cards in full when zoomed in and as blocks when zoomed far out', () => {
    expect(detailAt(1, 'full')).toBe('full');
    expect(detailAt(1, 'blocks')).toBe('full');
    expect(detailAt(0.1, 'full')).toBe('blocks');
    expect(detailAt(0.02, 'blocks')).toBe('blocks');
  });

  it('keeps the current detail between the two thresholds, so jitter does not flip it', () => {
    const between = (BLOCKS_BELOW + FULL_FROM) / 2;
    expect(detailAt(between, 'full')).toBe('full');
    expect(detailAt(between, 'blocks')).toBe('blocks');
  });

  it('switches once per crossing while zooming out and back in', () => {
    let detail: Detail = 'full';
    const switches: string[] = [];
    const scales = [1, 0.6, 0.46, 0.43, 0.41, 0.39, 0.2, 0.39, 0.41, 0.43, 0.45, 0.6];
    for (const scale of scales) {
      const next = detailAt(scale, detail);
      if (next !== detail) switches.push(`${scale}:${next}`);
      detail = next;
    }
    expect(switches).toEqual(['0.39:blocks', '0.45:full']);
  });

  it('fills blocks that are a few pixels small with a strong colour', () => {
    expect(drawsAsDot(200, 120, 0.02)).toBe(true);
    expect(drawsAsDot(200, 120, 0.3)).toBe(false);
    expect(drawsAsDot(200, 120, BLOCKS_BELOW)).toBe(false);
  });
});
