import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
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

  it('masks its secrets when printed or serialised', () => {
    const config = AppConfig.fromEnv({
      NODE_ENV: 'test',
      DATABASE_URL: 'postgres://app:db-Pass-91x@db.example.org/cohesion',
      JWT_SECRET: 'jwt-secret-value-that-is-long-enough-1234567890',
      MAIL_TRANSPORT: 'smtp',
      SMTP_URL: 'smtp://mailer:smtp-Pass-55q@smtp.example.org:587',
    });
    for (const shown of [JSON.stringify(config), inspect(config, { depth: 5 })]) {
      expect(shown).not.toContain('db-Pass-91x');
      expect(shown).not.toContain('smtp-Pass-55q');
      expect(shown).not.toContain('jwt-secret-value');
      expect(shown).toContain('db.example.org');
    }
    expect(config.databaseUrl).toContain('db-Pass-91x'); // the real value is untouched
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

  describe('email and background work', () => {
    const password = 'Smtp-Pass-7f3a9c';

    it('sends mail to files under the data directory by default, and needs SMTP_URL only for MAIL_TRANSPORT=smtp', () => {
      const config = AppConfig.fromEnv({ NODE_ENV: 'test', DATA_DIR: '/srv/cohesion' });
      expect(config.mailTransport).toBe('file');
      expect(config.mailDir).toBe('/srv/cohesion/mail');
      expect(config.smtpUrl).toBeUndefined();
      expect(problems({ NODE_ENV: 'test', MAIL_TRANSPORT: 'smtp' })).toEqual([
        'SMTP_URL is required when MAIL_TRANSPORT=smtp',
      ]);
      expect(problems({ NODE_ENV: 'test', MAIL_TRANSPORT: 'carrier-pigeon' })[0]).toMatch(/^MAIL_TRANSPORT must be/);
      const smtp = AppConfig.fromEnv({
        NODE_ENV: 'test',
        MAIL_TRANSPORT: 'smtp',
        SMTP_URL: `smtps://mailer:${password}@smtp.example.org:465`,
      });
      expect(smtp.mailTransport).toBe('smtp');
      expect(smtp.smtpUrl).toBe(`smtps://mailer:${password}@smtp.example.org:465`);
    });

    it('names a bad SMTP_URL without ever echoing its password', () => {
      for (const url of [
        `https://mailer:${password}@smtp.example.org`,
        `smtp://mailer:${password}@`,
        `mailer:${password}@smtp.example.org`,
      ]) {
        const found = problems({ NODE_ENV: 'test', MAIL_TRANSPORT: 'smtp', SMTP_URL: url });
        expect(found).toContain('SMTP_URL must be a smtp:// or smtps:// URL');
        expect(found.join('\n')).not.toContain(password);
        // Nor in the message a failed boot prints.
        let message = '';
        try {
          AppConfig.fromEnv({ NODE_ENV: 'test', MAIL_TRANSPORT: 'smtp', SMTP_URL: url });
        } catch (error) {
          message = (error as Error).message;
        }
        expect(message).toContain('SMTP_URL');
        expect(message).not.toContain(password);
      }
    });

    it('refuses a MAIL_FROM that is not an email address, naming the variable', () => {
      for (const from of ['no-reply', 'Cohesion Network', 'no-reply@localhost', 'Cohesion <no-reply>', 'a@b@c.org']) {
        const found = problems({ NODE_ENV: 'test', MAIL_FROM: from });
        expect(found).toHaveLength(1);
        expect(found[0]).toMatch(/^MAIL_FROM must be an email address/);
      }
      for (const from of ['no-reply@cohesion.example.org', 'Cohesion Network <no-reply@cohesion.example.org>']) {
        expect(AppConfig.fromEnv({ NODE_ENV: 'test', MAIL_FROM: from }).mailFrom).toBe(from);
      }
    });

    it('runs background work inside the API except under test, unless WORKER_IN_PROCESS says otherwise', () => {
      const secret = { JWT_SECRET: 'x'.repeat(32) };
      expect(AppConfig.fromEnv({ NODE_ENV: 'test' }).workerInProcess).toBe(false);
      expect(AppConfig.fromEnv({ NODE_ENV: 'development', ...secret }).workerInProcess).toBe(true);
      expect(AppConfig.fromEnv({ NODE_ENV: 'production', ...secret }).workerInProcess).toBe(true);
      expect(AppConfig.fromEnv({ NODE_ENV: 'production', ...secret, WORKER_IN_PROCESS: 'false' }).workerInProcess).toBe(
        false,
      );
      expect(AppConfig.fromEnv({ NODE_ENV: 'test', WORKER_IN_PROCESS: 'true' }).workerInProcess).toBe(true);
      expect(problems({ NODE_ENV: 'test', WORKER_IN_PROCESS: 'sometimes' })).toEqual([
        'WORKER_IN_PROCESS must be true or false (got "sometimes")',
      ]);
    });

    it('bounds the delivery settings, with sensible defaults', () => {
      const config = AppConfig.fromEnv({ NODE_ENV: 'test' });
      expect(config).toMatchObject({
        workerPollMs: 2000,
        notificationMaxAttempts: 8,
        notificationRetryBaseMs: 30_000,
        notificationLeaseSeconds: 120,
        notificationWithdrawWindowSeconds: 300,
      });
      const found = problems({
        NODE_ENV: 'test',
        WORKER_POLL_MS: '0',
        NOTIFY_MAX_ATTEMPTS: '0',
        NOTIFY_RETRY_BASE_MS: 'soon',
        NOTIFY_LEASE_SECONDS: '0',
        NOTIFY_WITHDRAW_WINDOW_SECONDS: '-1',
      });
      expect(found.map((problem) => problem.split(' ')[0])).toEqual([
        'WORKER_POLL_MS',
        'NOTIFY_MAX_ATTEMPTS',
        'NOTIFY_RETRY_BASE_MS',
        'NOTIFY_LEASE_SECONDS',
        'NOTIFY_WITHDRAW_WINDOW_SECONDS',
      ]);
    });
  });
});
