import { describe, expect, it } from 'vitest';
import { redactTokens } from './logging.js';

describe('redactTokens', () => {
  it('masks every token query parameter and nothing else', () => {
    expect(redactTokens('/sync/b1?token=abc_DEF-123')).toBe('/sync/b1?token=[redacted]');
    expect(redactTokens('/b/b1?name=Amina&token=abc&x=1')).toBe('/b/b1?name=Amina&token=[redacted]&x=1');
    expect(redactTokens('/api/boards/b1?TOKEN=abc')).toBe('/api/boards/b1?TOKEN=[redacted]');
    expect(redactTokens('/api/boards/b1?mytoken=keep')).toBe('/api/boards/b1?mytoken=keep');
    expect(redactTokens('/sync/b1?%74oken=abc')).toBe('/sync/b1?%74oken=[redacted]');
    expect(redactTokens('/b/b1?token=abc#x')).toBe('/b/b1?token=[redacted]#x');
    expect(redactTokens('/healthz')).toBe('/healthz');
  });
});
