import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jest, afterAll, describe, expect, it } from '@jest/globals';
import { nodeWarnings, runApiUntilExit, startApi } from '../support/api-process.js';

const ORGANISATIONS = `{ organisations(first: 1) { totalCount } }`;
const LOGIN = `mutation L($input: LoginInput!) { login(input: $input) { accessToken account { email } } }`;
const REGISTER = `mutation R($input: RegisterInput!) { register(input: $input) { email } }`;

/**
 * `npm start` as a user runs it: the server on the embedded database in a data
 * directory, started, stopped, killed and started again.
 */
// Each test starts the API as a process, up to twice (see startApi's bound).
jest.setTimeout(300_000);

describe('the API on its embedded database', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'cohesion-embedded-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('starts on an empty data directory with the demo data, without a warning, and its demo logins work', async () => {
    const api = await startApi({ DATA_DIR: dataDir });
    try {
      const anonymous = await api.gql<{ organisations: { totalCount: number } }>(ORGANISATIONS);
      expect(anonymous.data.organisations.totalCount).toBeGreaterThan(20);
      const login = await api.gql<{ login: { account: { email: string } } }>(LOGIN, {
        input: { email: 'member@demo.cohesion.example', password: 'cohesion-demo-2026' },
      });
      expect(login.data.login.account.email).toBe('member@demo.cohesion.example');
      expect(api.logs.join('\n')).toContain('admin@demo.cohesion.example');
      expect(existsSync(join(dataDir, 'cohesion.lock'))).toBe(true);

      // One data directory, one process: a second server refuses to share it.
      const second = await runApiUntilExit({ DATA_DIR: dataDir });
      expect(second.code).toBe(1);
      expect(second.output).toContain('is in use by process');
    } finally {
      api.child.kill('SIGTERM');
      // Nest closes the app, then re-raises the signal, the Unix way to say "stopped by SIGTERM".
      const exit = await api.exited;
      expect(exit.code === 0 || exit.signal === 'SIGTERM').toBe(true);
    }
    // The shutdown closed the database and released the data directory.
    expect(existsSync(join(dataDir, 'cohesion.lock'))).toBe(false);
    // From the first boot (migrations, the demo data) to the shutdown, Node warned of nothing.
    expect(nodeWarnings(api.logs)).toEqual([]);
  });

  it('keeps committed data through a kill, and loads the demo data only once', async () => {
    const first = await startApi({ DATA_DIR: dataDir });
    const before = await first.gql<{ organisations: { totalCount: number } }>(ORGANISATIONS);
    const registered = await first.gql(REGISTER, {
      input: { email: 'survivor@example.org', password: 'a passphrase that survives', fullName: 'Sam Survivor' },
    });
    expect(registered.errors).toBeUndefined();
    first.child.kill('SIGKILL');
    await first.exited;

    const again = await startApi({ DATA_DIR: dataDir });
    try {
      const login = await again.gql<{ login: { account: { email: string } } }>(LOGIN, {
        input: { email: 'survivor@example.org', password: 'a passphrase that survives' },
      });
      expect(login.data.login.account.email).toBe('survivor@example.org');
      const after = await again.gql<{ organisations: { totalCount: number } }>(ORGANISATIONS);
      expect(after.data.organisations.totalCount).toBe(before.data.organisations.totalCount);
    } finally {
      again.child.kill('SIGTERM');
      await again.exited;
    }
    expect(nodeWarnings([...first.logs, ...again.logs])).toEqual([]);
  });

  it('refuses to start with an invalid configuration, naming the variable', async () => {
    const result = await runApiUntilExit({ DATA_DIR: dataDir, PORT: 'eighty' });
    expect(result.code).toBe(1);
    expect(result.output).toContain('PORT must be a whole number');
  });
});
