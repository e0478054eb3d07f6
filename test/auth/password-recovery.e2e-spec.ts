import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PasswordResetTask } from '@cohesion/auth';
import { NotificationDeliveryWorker } from '@cohesion/notifications';
import {
  countRows,
  createPractitioner,
  createTestApp,
  emailedToken,
  emailsTo,
  errorCode,
  errorFields,
  type TestApp,
  type TestPractitioner,
} from '@cohesion/testing';

const LOGIN = `mutation ($input: LoginInput!) { login(input: $input) { accessToken refreshToken } }`;
const REFRESH = `mutation ($token: String!) { refreshToken(input: { refreshToken: $token }) { accessToken } }`;
const REQUEST = `mutation ($email: String!) { requestPasswordReset(input: { email: $email }) }`;
const RESET = `mutation ($token: String!, $password: String!) {
  resetPassword(input: { token: $token, newPassword: $password })
}`;
const CHANGE = `mutation ($current: String!, $next: String!) {
  changePassword(input: { currentPassword: $current, newPassword: $next }) { accessToken refreshToken }
}`;
const ME = `{ me { email emailVerified } }`;
const NEW_PASSWORD = 'a brand new passphrase for dudley';

interface Tokens {
  accessToken: string;
  refreshToken: string;
}

describe('password recovery and change', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ ACCOUNT_LINK_RESEND_INTERVAL_SECONDS: '60' });
  });
  afterAll(async () => {
    await t.close();
  });

  async function signIn(email: string, password: string): Promise<Tokens> {
    const result = await t.gql<{ login: Tokens }>(LOGIN, { input: { email, password } });
    expect(result.errors).toBeUndefined();
    return result.data.login;
  }

  /** What the background task does within seconds of a request. */
  async function sendRequested(): Promise<void> {
    while ((await t.app.get(PasswordResetTask).runOnce()) > 0);
  }

  async function resetTokenFor(person: TestPractitioner): Promise<string> {
    expect((await t.gql(REQUEST, { email: person.email })).data).toEqual({ requestPasswordReset: true });
    await sendRequested();
    return emailedToken(t, person.email, 'PASSWORD_RESET');
  }

  describe('asking for a reset link', () => {
    it('answers the same for an address with an account and one without; only the owner is emailed', async () => {
      const person = await createPractitioner(t);
      const known = await t.gql(REQUEST, { email: ` ${person.email.toUpperCase()} ` });
      const unknown = await t.gql(REQUEST, { email: 'nobody.at.all@example.org' });
      expect(known).toMatchObject({ status: 200, data: { requestPasswordReset: true } });
      expect(unknown).toMatchObject({ status: 200, data: { requestPasswordReset: true } });
      expect(known.errors).toBeUndefined();
      expect(unknown.errors).toBeUndefined();
      await sendRequested();
      const sent = await emailsTo(t, person.email);
      expect(sent).toHaveLength(1);
      expect(sent[0]).toMatchObject({ kind: 'PASSWORD_RESET', shownInApp: false });
      expect(sent[0].body).toContain('1 hour');
      expect(await emailsTo(t, 'nobody.at.all@example.org')).toEqual([]);
    });

    it('does the same work for an unknown address as for a known one, so takes as long', async () => {
      const person = await createPractitioner(t);
      const statements = { known: [] as number[], unknown: [] as number[] };
      const timings = { known: [] as number[], unknown: [] as number[] };
      for (let i = 0; i < 6; i++) {
        for (const [which, email] of [
          ['known', person.email],
          ['unknown', `nobody${i}@example.org`],
        ] as const) {
          t.resetStatements();
          const started = process.hrtime.bigint();
          await t.gql(REQUEST, { email });
          timings[which].push(Number(process.hrtime.bigint() - started) / 1e6);
          statements[which].push(t.statements());
        }
      }
      // The same statements, one write each: the links are sent afterwards, in the background.
      expect(statements.known).toEqual(statements.unknown);
      expect(new Set(statements.known)).toEqual(new Set([1]));
      const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
      expect(Math.abs(median(timings.known) - median(timings.unknown))).toBeLessThan(25);
    });

    it('sends an account at most one link a minute, silently', async () => {
      const person = await createPractitioner(t);
      await t.gql(REQUEST, { email: person.email });
      await sendRequested();
      const again = await t.gql(REQUEST, { email: person.email });
      await sendRequested();
      expect(again.data).toEqual({ requestPasswordReset: true });
      expect(await emailsTo(t, person.email)).toHaveLength(1);
    });

    it('refuses a blank address, naming the field', async () => {
      const waiting = await countRows(t, 'password_reset_requests');
      const result = await t.gql(REQUEST, { email: '   ' });
      expect(errorFields(result)).toEqual(['input.email']);
      expect(await countRows(t, 'password_reset_requests')).toBe(waiting);
    });

    it('sends nothing to a suspended account', async () => {
      const person = await createPractitioner(t, { email: 'suspended.reset@example.org' });
      await t.db.query(`UPDATE accounts SET disabled_at = now() WHERE id = $1`, [person.id]);
      expect((await t.gql(REQUEST, { email: person.email })).data).toEqual({ requestPasswordReset: true });
      await sendRequested();
      expect(await emailsTo(t, person.email)).toEqual([]);
      expect(await countRows(t, 'password_reset_requests')).toBe(0);
    });
  });

  describe('following the link', () => {
    it('sets the new password, ends every session, tells the person, and works once', async () => {
      const person = await createPractitioner(t);
      const session = await signIn(person.email, person.password);
      const token = await resetTokenFor(person);

      expect((await t.gql(RESET, { token, password: NEW_PASSWORD })).data).toEqual({ resetPassword: true });
      expect(errorCode(await t.gql(ME, {}, session.accessToken))).toBe('UNAUTHENTICATED');
      expect(errorCode(await t.gql(REFRESH, { token: session.refreshToken }))).toBe('UNAUTHENTICATED');
      expect(errorCode(await t.gql(LOGIN, { input: { email: person.email, password: person.password } }))).toBe(
        'UNAUTHENTICATED',
      );
      await signIn(person.email, NEW_PASSWORD);
      expect((await emailsTo(t, person.email)).map((email) => email.kind)).toEqual([
        'PASSWORD_RESET',
        'PASSWORD_CHANGED',
      ]);

      const again = await t.gql(RESET, { token, password: 'yet another passphrase here' });
      expect(errorCode(again)).toBe('BAD_USER_INPUT');
      expect(errorFields(again)).toEqual(['input.token']);
      const madeUp = await t.gql(RESET, { token: 'y'.repeat(43), password: 'yet another passphrase here' });
      expect(madeUp.errors?.[0].message).toBe(again.errors?.[0].message);
    });

    it('refuses a weak password naming the field, and the link still works after', async () => {
      const person = await createPractitioner(t);
      const token = await resetTokenFor(person);
      const weak = await t.gql(RESET, { token, password: 'password1234' });
      expect(errorFields(weak)).toEqual(['input.newPassword']);
      expect((await t.gql(RESET, { token, password: NEW_PASSWORD })).errors).toBeUndefined();
    });

    it('refuses an expired link, and an earlier one once a newer was sent', async () => {
      const person = await createPractitioner(t);
      const first = await resetTokenFor(person);
      await t.db.query(`UPDATE account_links SET created_at = now() - interval '2 minutes' WHERE account_id = $1`, [
        person.id,
      ]);
      const second = await resetTokenFor(person);
      expect(second).not.toBe(first);
      expect(errorFields(await t.gql(RESET, { token: first, password: NEW_PASSWORD }))).toEqual(['input.token']);
      await t.db.query(`UPDATE account_links SET expires_at = now() - interval '1 second' WHERE account_id = $1`, [
        person.id,
      ]);
      expect(errorFields(await t.gql(RESET, { token: second, password: NEW_PASSWORD }))).toEqual(['input.token']);
      await signIn(person.email, person.password);
    });

    it('verifies the address of an account that had not yet: the link proved it', async () => {
      const person = await createPractitioner(t, { emailVerified: false });
      const token = await resetTokenFor(person);
      await t.gql(RESET, { token, password: NEW_PASSWORD });
      const session = await signIn(person.email, NEW_PASSWORD);
      expect((await t.gql<{ me: { emailVerified: boolean } }>(ME, {}, session.accessToken)).data.me.emailVerified).toBe(
        true,
      );
    });

    it('is emailed with the link, and the outbox keeps no trace of it once sent', async () => {
      const person = await createPractitioner(t, { email: 'outbox.reset@example.org' });
      const token = await resetTokenFor(person);
      const worker = t.app.get(NotificationDeliveryWorker);
      while ((await worker.runOnce()) > 0);
      const files = readdirSync(t.config.mailDir).map((file) => readFileSync(join(t.config.mailDir, file), 'utf8'));
      expect(files.some((text) => text.includes(token))).toBe(true);
      const [kept] = await emailsTo(t, person.email);
      expect(kept.body).not.toContain(token);
      expect(kept.body).toContain('one-time link');
    });
  });

  describe('changing the password', () => {
    it('needs the current password; ends other sessions; this one goes on with the new tokens', async () => {
      const person = await createPractitioner(t);
      const elsewhere = await signIn(person.email, person.password);
      const here = await signIn(person.email, person.password);

      const wrong = await t.gql(CHANGE, { current: 'not the password', next: NEW_PASSWORD }, here.accessToken);
      expect(errorFields(wrong)).toEqual(['input.currentPassword']);
      const same = await t.gql(CHANGE, { current: person.password, next: person.password }, here.accessToken);
      expect(errorFields(same)).toEqual(['input.newPassword']);
      const weak = await t.gql(CHANGE, { current: person.password, next: 'sunshine2026' }, here.accessToken);
      expect(errorFields(weak)).toEqual(['input.newPassword']);

      const changed = await t.gql<{ changePassword: Tokens }>(
        CHANGE,
        { current: person.password, next: NEW_PASSWORD },
        here.accessToken,
      );
      expect(changed.errors).toBeUndefined();
      expect((await t.gql(ME, {}, changed.data.changePassword.accessToken)).errors).toBeUndefined();
      expect(errorCode(await t.gql(ME, {}, here.accessToken))).toBe('UNAUTHENTICATED');
      expect(errorCode(await t.gql(ME, {}, elsewhere.accessToken))).toBe('UNAUTHENTICATED');
      expect(errorCode(await t.gql(REFRESH, { token: elsewhere.refreshToken }))).toBe('UNAUTHENTICATED');
      expect((await t.gql(REFRESH, { token: changed.data.changePassword.refreshToken })).errors).toBeUndefined();
      await signIn(person.email, NEW_PASSWORD);
      expect((await emailsTo(t, person.email)).map((email) => email.kind)).toEqual(['PASSWORD_CHANGED']);
    });

    it('ends outstanding reset links', async () => {
      const person = await createPractitioner(t);
      const token = await resetTokenFor(person);
      await t.gql(CHANGE, { current: person.password, next: NEW_PASSWORD }, person.token);
      expect(errorFields(await t.gql(RESET, { token, password: 'a third passphrase entirely' }))).toEqual([
        'input.token',
      ]);
    });

    it('needs sign-in', async () => {
      expect(errorCode(await t.gql(CHANGE, { current: 'x', next: NEW_PASSWORD }))).toBe('UNAUTHENTICATED');
    });
  });
});
