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

  it('beats every 15 s, well under the stock client\'s 30 s silence watchdog, and refuses slower', () => {
    expect(loadConfig({}, undefined).pingIntervalMs).toBe(15_000);
    expect(loadConfig({ PING_INTERVAL_MS: '1000' }, undefined).pingIntervalMs).toBe(1_000);
    expect(() => loadConfig({ PING_INTERVAL_MS: '30000' }, undefined)).toThrow(/PING_INTERVAL_MS/);
    expect(() => loadConfig({ PING_INTERVAL_MS: '0' }, undefined)).toThrow(/PING_INTERVAL_MS/);
  });

  it('reads WS_COMPRESSION as on or off, and refuses anything else', () => {
    expect(loadConfig({}, undefined).wsCompression).toBe(false);
    expect(loadConfig({ WS_COMPRESSION: 'on' }, undefined).wsCompression).toBe(true);
    expect(loadConfig({ WS_COMPRESSION: 'TRUE' }, undefined).wsCompression).toBe(true);
    expect(loadConfig({ WS_COMPRESSION: 'off' }, undefined).wsCompression).toBe(false);
    expect(loadConfig({ WS_COMPRESSION: '0' }, undefined).wsCompression).toBe(false);
    expect(() => loadConfig({ WS_COMPRESSION: 'gzip' }, undefined)).toThrow(/WS_COMPRESSION must be on or off/);
  });

  it('caps members per board at 10,000 unless MAX_MEMBERS_PER_BOARD says otherwise, and refuses less than 1', () => {
    expect(loadConfig({}, undefined).maxMembersPerBoard).toBe(10_000);
    expect(loadConfig({ MAX_MEMBERS_PER_BOARD: '3' }, undefined).maxMembersPerBoard).toBe(3);
    expect(() => loadConfig({ MAX_MEMBERS_PER_BOARD: '0' }, undefined)).toThrow(/MAX_MEMBERS_PER_BOARD/);
  });

  it('runs on SQLite unless both scale-out URLs are set', () => {
    expect(loadConfig({}, undefined).scaleOut).toBeUndefined();
    const both = loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379', DATABASE_URL: 'postgres://u:secret@127.0.0.1/db' }, undefined);
    expect(both.scaleOut).toEqual({ redisUrl: 'redis://127.0.0.1:6379', databaseUrl: 'postgres://u:secret@127.0.0.1/db' });
  });

  it('refuses half a scale-out setup, and URLs of the wrong kind, naming the variable', () => {
    expect(() => loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379' }, undefined)).toThrow(/REDIS_URL is set but DATABASE_URL is not/);
    expect(() => loadConfig({ DATABASE_URL: 'postgres://127.0.0.1/db' }, undefined)).toThrow(/DATABASE_URL is set but REDIS_URL is not/);
    expect(() => loadConfig({ REDIS_URL: 'redis://h', DATABASE_URL: 'mysql://u:secret@h/db' }, undefined)).toThrow(/DATABASE_URL must be a postgres/);
    expect(() => loadConfig({ REDIS_URL: 'localhost:6379', DATABASE_URL: 'postgres://h/db' }, undefined)).toThrow(ConfigError);
    // The message never echoes a URL, which may carry a password.
    expect(() => loadConfig({ REDIS_URL: 'redis://h', DATABASE_URL: 'mysql://u:secret@h/db' }, undefined)).not.toThrow(/secret/);
  });
});
