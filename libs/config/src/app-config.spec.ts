import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { AppConfig } from './app-config.js';
import { ConfigError } from './env.js';

function problems(env: Record<string, string>): string[] {
  try {
    AppConfig.fromEnv(env);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}

describe('configuration', () => {
  it('names every invalid variable at once, without echoing secrets', () => {
    const found = problems({
      NODE_ENV: 'test',
      PORT: 'eighty',
      DATABASE_URL: 'mysql://user:hunter2@db/x',
      LOG_LEVEL: 'loud',
      SEED_DEMO: 'perhaps',
    });
    expect(found).toHaveLength(4);
    expect(found.join('\n')).toMatch(/PORT/);
    expect(found.join('\n')).toMatch(/DATABASE_URL/);
    expect(found.join('\n')).toMatch(/LOG_LEVEL/);
    expect(found.join('\n')).toMatch(/SEED_DEMO/);
    expect(found.join('\n')).not.toContain('hunter2');
  });

  it('requires a strong JWT_SECRET in production', () => {
    expect(problems({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/x' })).toEqual([
      'JWT_SECRET is required when NODE_ENV=production (at least 32 random characters)',
    ]);
    expect(problems({ NODE_ENV: 'production', JWT_SECRET: 'short' })[0]).toContain('at least 32');
  });

  it('in development generates a secret once and keeps it in the data directory', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cohesion-config-'));
    const first = AppConfig.fromEnv({ NODE_ENV: 'development', DATA_DIR: dataDir });
    const second = AppConfig.fromEnv({ NODE_ENV: 'development', DATA_DIR: dataDir });
    expect(first.jwtSecret).toHaveLength(64);
    expect(second.jwtSecret).toBe(first.jwtSecret);
    expect(readFileSync(join(dataDir, 'jwt-secret'), 'utf8').trim()).toBe(first.jwtSecret);
    expect(statSync(join(dataDir, 'jwt-secret')).mode & 0o077).toBe(0);
  });

  it('uses the embedded database and demo data unless told otherwise', () => {
    const embedded = AppConfig.fromEnv({ NODE_ENV: 'test' });
    expect(embedded.usesEmbeddedDatabase).toBe(true);
    expect(embedded.seedDemo).toBe(true);
    const server = AppConfig.fromEnv({ NODE_ENV: 'test', DATABASE_URL: 'postgres://postgres@127.0.0.1/x' });
    expect(server.usesEmbeddedDatabase).toBe(false);
    expect(server.seedDemo).toBe(false);
    expect(AppConfig.fromEnv({ NODE_ENV: 'test', SEED_DEMO: 'false' }).seedDemo).toBe(false);
  });
});
