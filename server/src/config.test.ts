import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('uses the documented defaults', () => {
    const config = loadConfig({}, undefined);
    expect(config).toMatchObject({ port: 3000, host: '127.0.0.1', roomIdleMs: 30_000, maxMessageBytes: 1_048_576, createKey: undefined });
    expect(config.dataDir.endsWith('/data')).toBe(true);
  });

  it('refuses values it cannot use instead of running with a surprise', () => {
    expect(() => loadConfig({ PORT: 'eighty' }, undefined)).toThrow(ConfigError);
    expect(() => loadConfig({ ROOM_IDLE_MS: '-1' }, undefined)).toThrow(/ROOM_IDLE_MS/);
    expect(() => loadConfig({ LOG_LEVEL: 'loud' }, undefined)).toThrow(/LOG_LEVEL/);
  });
});
