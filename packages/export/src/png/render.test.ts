import { describe, expect, it } from 'vitest';
import { sampleBoard } from '../svg/testing/sampleBoard.js';
import { PNG_LIMITS, PNG_SCALE, boardPng, pngScale } from './render.js';

/** Width and height from the PNG's IHDR chunk. */
function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

describe('pngScale', () => {
  it('uses the scale asked for within its bounds', () => {
    expect(pngScale(1000, 800, 2)).toBe(2);
    expect(pngScale(1000, 800)).toBe(1);
    expect(pngScale(1000, 800, 100)).toBe(PNG_SCALE.max);
    expect(pngScale(1000, 800, 0.01)).toBe(PNG_SCALE.min);
  });

  it('draws a map too big for the limits smaller instead of refusing it', () => {
    const side = pngScale(40_000, 1_000, 1);
    expect(40_000 * side).toBeLessThanOrEqual(PNG_LIMITS.maxSide);
    const area = pngScale(20_000, 20_000, 4);
    expect(20_000 * area * 20_000 * area).toBeLessThanOrEqual(PNG_LIMITS.maxPixels);
  });
});

describe('boardPng', () => {
  it('is a PNG whose size follows the scale', async () => {
    const doc = sampleBoard();
    const one = await boardPng(doc, { maxSensitivity: 'restricted', generatedAt: 0 });
    const two = await boardPng(doc, { maxSensitivity: 'restricted', generatedAt: 0, scale: 2 });
    expect(Buffer.from(one.subarray(0, 8)).toString('latin1')).toBe('\x89PNG\r\n\x1a\n');
    const a = pngSize(one);
    const b = pngSize(two);
    expect(a.width).toBeGreaterThan(700);
    expect(Math.abs(b.width - 2 * a.width)).toBeLessThanOrEqual(2);
    expect(Math.abs(b.height - 2 * a.height)).toBeLessThanOrEqual(2);
  });
});
