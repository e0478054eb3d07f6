import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  countRows,
  createPractitioner,
  createTestApp,
  emailsTo,
  errorCode,
  errorFields,
  TEST_PASSWORD,
  type TestApp,
} from '@cohesion/testing';

const REGISTER = `mutation Register($input: RegisterInput!) { register(input: $input) { email message } }`;
const LOGIN = `mutation Login($input: LoginInput!) { login(input: $input) { accessToken refreshToken account { email } } }`;
const REFRESH = `mutation Refresh($input: RefreshTokenInput!) { refreshToken(input: $input) { accessToken refreshToken } }`;
const LOGOUT = `mutation Logout($input: LogoutInput) { logout(input: $input) }`;
const ME = `{ me { email emailVerified roles { role } practitioner { fullName jobTitle } } }`;

describe('accounts and sessions', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  describe('register', () => {
    it('creates an account with its practitioner profile, unverified, that can then sign in', async () => {
      const result = await t.gql<{ register: { email: string; message: string } }>(REGISTER, {
        input: {
          email: '  Amira.Hussain@Example.ORG ',
          password: 'walsall cohesion officer 2026',
          fullName: 'Amira Hussain',
          jobTitle: 'Cohesion officer',
        },
      });
      expect(result.errors).toBeUndefined();
      expect(result.data.register.email).toBe('amira.hussain@example.org');
      expect(result.data.register.message).toContain('follow the link');
      const login = await t.gql<{ login: { accessToken: string } }>(LOGIN, {
        input: { email: 'amira.hussain@example.org', password: 'walsall cohesion officer 2026' },
      });
      const me = await t.gql<{ me: Record<string, unknown> }>(ME, {}, login.data.login.accessToken);
      expect(me.data.me).toEqual({
        email: 'amira.hussain@example.org',
        emailVerified: false,
        roles: [],
        practitioner: { fullName: 'Amira Hussain', jobTitle: 'Cohesion officer' },
      });
    });

    it.each([
      ['too short', 'short-pass1', 'at least 12 characters'],
      ['a common password', 'password1234', 'most commonly used'],
      ['a common password with digits added', 'sunshine20262026', 'most commonly used'],
      ['containing their name', 'rashidkhan-rocks-99', 'name or email'],
    ])('refuses a password that is %s, naming the field, and writes nothing', async (_case, password, message) => {
      const accounts = await countRows(t, 'accounts');
      const result = await t.gql(REGISTER, {
        input: { email: `weak${accounts}@example.org`, password, fullName: 'Rashid Khan' },
      });
      expect(errorCode(result)).toBe('BAD_USER_INPUT');
      expect(errorFields(result)).toEqual(['input.password']);
      expect(result.errors?.[0].message).toContain(message);
      expect(await countRows(t, 'accounts')).toBe(accounts);
      expect(await countRows(t, 'practitioners')).toBe(accounts);
    });

    it('refuses an invalid email and a blank name, naming each field', async () => {
      const result = await t.gql(REGISTER, {
        input: { email: 'not-an-email', password: 'a perfectly fine passphrase', fullName: '   ' },
      });
      expect(errorCode(result)).toBe('BAD_USER_INPUT');
      expect(errorFields(result).sort()).toEqual(['input.email', 'input.fullName']);
    });

    it('treats emails case-insensitively: a second registration answers the same and creates nothing', async () => {
      const first = await t.gql(REGISTER, {
        input: { email: 'sam.jones@example.org', password: 'a perfectly fine passphrase', fullName: 'Sam Jones' },
      });
      const accounts = await countRows(t, 'accounts');
      const again = await t.gql(REGISTER, {
        input: { email: 'SAM.JONES@example.org', password: 'another fine passphrase', fullName: 'Sam Jones' },
      });
      expect(again.errors).toBeUndefined();
      expect(again.data).toEqual(first.data);
      expect(await countRows(t, 'accounts')).toBe(accounts);
      // The owner hears of it instead; the password they chose still signs them in.
      expect((await emailsTo(t, 'sam.jones@example.org')).map((email) => email.kind)).toEqual([
        'EMAIL_VERIFICATION',
        'REGISTRATION_ATTEMPT',
      ]);
      const login = await t.gql(LOGIN, {
        input: { email: 'sam.jones@example.org', password: 'a perfectly fine passphrase' },
      });
      expect(login.errors).toBeUndefined();
      // Trying again within the hour answers the same, and does not email the owner again.
      const third = await t.gql(REGISTER, {
        input: { email: 'sam.jones@example.org', password: 'a third fine passphrase', fullName: 'Sam Jones' },
      });
      expect(third.data).toEqual(first.data);
      expect(await emailsTo(t, 'sam.jones@example.org')).toHaveLength(2);
    });
  });

  describe('login', () => {
    it('signs in with the email in any case', async () => {
      const person = await createPractitioner(t, { email: 'login.case@example.org' });
      const result = await t.gql<{ login: { accessToken: string; account: { email: string } } }>(LOGIN, {
        input: { email: 'Login.Case@Example.org', password: person.password },
      });
      expect(result.data.login.account.email).toBe('login.case@example.org');
      expect(result.data.login.accessToken.split('.')).toHaveLength(3);
    });

    it('answers a wrong password and an unknown email identically', async () => {
      const person = await createPractitioner(t);
      const wrong = await t.gql(LOGIN, { input: { email: person.email, password: 'not the right password' } });
      const unknown = await t.gql(LOGIN, {
        input: { email: 'nobody.here@example.org', password: 'not the right password' },
      });
      expect(errorCode(wrong)).toBe('UNAUTHENTICATED');
      expect(wrong.errors?.[0].message).toBe(unknown.errors?.[0].message);
      expect(errorCode(unknown)).toBe('UNAUTHENTICATED');
    });
  });

  describe('me', () => {
    it('needs a valid token', async () => {
      expect(errorCode(await t.gql(ME))).toBe('UNAUTHENTICATED');
      expect(errorCode(await t.gql(ME, {}, 'not-a-jwt'))).toBe('UNAUTHENTICATED');
      const person = await createPractitioner(t);
      const [header, payload] = person.token.split('.');
      const forged = `${header}.${payload}.${Buffer.from('forged-signature').toString('base64url')}`;
      expect(errorCode(await t.gql(ME, {}, forged))).toBe('UNAUTHENTICATED');
    });
  });

  describe('refresh tokens', () => {
    async function signIn(): Promise<{ accessToken: string; refreshToken: string }> {
      const person = await createPractitioner(t);
      const result = await t.gql<{ login: { accessToken: string; refreshToken: string } }>(LOGIN, {
        input: { email: person.email, password: TEST_PASSWORD },
      });
      return result.data.login;
    }

    it('rotates: each refresh token works once and yields a new pair', async () => {
      const session = await signIn();
      const first = await t.gql<{ refreshToken: { accessToken: string; refreshToken: string } }>(REFRESH, {
        input: { refreshToken: session.refreshToken },
      });
      expect(first.errors).toBeUndefined();
      expect(first.data.refreshToken.refreshToken).not.toBe(session.refreshToken);
      const second = await t.gql<{ refreshToken: { refreshToken: string } }>(REFRESH, {
        input: { refreshToken: first.data.refreshToken.refreshToken },
      });
      expect(second.errors).toBeUndefined();
    });

    it('revokes the whole family when a rotated token is used again', async () => {
      const session = await signIn();
      const rotated = await t.gql<{ refreshToken: { refreshToken: string } }>(REFRESH, {
        input: { refreshToken: session.refreshToken },
      });
      const successor = rotated.data.refreshToken.refreshToken;

      // Someone replays the old token: refused, and the legitimate successor dies with it.
      const replay = await t.gql(REFRESH, { input: { refreshToken: session.refreshToken } });
      expect(errorCode(replay)).toBe('UNAUTHENTICATED');
      const afterReplay = await t.gql(REFRESH, { input: { refreshToken: successor } });
      expect(errorCode(afterReplay)).toBe('UNAUTHENTICATED');
    });

    it('refuses an unknown token without saying why', async () => {
      const result = await t.gql(REFRESH, { input: { refreshToken: 'made-up-token' } });
      expect(errorCode(result)).toBe('UNAUTHENTICATED');
      expect(result.errors?.[0].message).toBe('This session has ended; sign in again');
    });
  });

  describe('logout', () => {
    it('ends the session of a refresh token', async () => {
      const person = await createPractitioner(t);
      const login = await t.gql<{ login: { refreshToken: string } }>(LOGIN, {
        input: { email: person.email, password: TEST_PASSWORD },
      });
      const out = await t.gql<{ logout: boolean }>(LOGOUT, { input: { refreshToken: login.data.login.refreshToken } });
      expect(out.data.logout).toBe(true);
      expect(errorCode(await t.gql(REFRESH, { input: { refreshToken: login.data.login.refreshToken } }))).toBe(
        'UNAUTHENTICATED',
      );
    });

    it('everywhere: ends every session and invalidates access tokens already issued', async () => {
      const person = await createPractitioner(t);
      const a = await t.gql<{ login: { accessToken: string; refreshToken: string } }>(LOGIN, {
        input: { email: person.email, password: TEST_PASSWORD },
      });
      const b = await t.gql<{ login: { accessToken: string; refreshToken: string } }>(LOGIN, {
        input: { email: person.email, password: TEST_PASSWORD },
      });
      const out = await t.gql<{ logout: boolean }>(LOGOUT, { input: { everywhere: true } }, a.data.login.accessToken);
      expect(out.data.logout).toBe(true);
      expect(errorCode(await t.gql(ME, {}, a.data.login.accessToken))).toBe('UNAUTHENTICATED');
      expect(errorCode(await t.gql(ME, {}, b.data.login.accessToken))).toBe('UNAUTHENTICATED');
      expect(errorCode(await t.gql(REFRESH, { input: { refreshToken: b.data.login.refreshToken } }))).toBe(
        'UNAUTHENTICATED',
      );
    });

    it('everywhere needs a signed-in caller', async () => {
      expect(errorCode(await t.gql(LOGOUT, { input: { everywhere: true } }))).toBe('UNAUTHENTICATED');
    });
  });
});

describe('sign-in throttling', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ LOGIN_THROTTLE_PER_EMAIL: '3', AUTH_THROTTLE_PER_IP: '8' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('slows guessing one person’s password: after the limit, attempts on that email are refused', async () => {
    const person = await createPractitioner(t);
    for (let attempt = 0; attempt < 3; attempt++) {
      expect(errorCode(await t.gql(LOGIN, { input: { email: person.email, password: 'wrong guess number x' } }))).toBe(
        'UNAUTHENTICATED',
      );
    }
    const blocked = await t.gql(LOGIN, { input: { email: person.email.toUpperCase(), password: person.password } });
    expect(errorCode(blocked)).toBe('TOO_MANY_REQUESTS');
    expect(blocked.errors?.[0].extensions?.retryAfterSeconds).toBeGreaterThan(0);
    // The same hint at the HTTP level, as for SERVICE_UNAVAILABLE.
    expect(blocked.headers['retry-after']).toBe(String(blocked.errors?.[0].extensions?.retryAfterSeconds));
    // Another person's sign-in is not affected by the limit on this email.
    const other = await createPractitioner(t);
    expect(errorCode(await t.gql(LOGIN, { input: { email: other.email, password: other.password } }))).toBeUndefined();
  });

  it('limits attempts from one address across emails', async () => {
    let refused = 0;
    for (let attempt = 0; attempt < 8; attempt++) {
      const result = await t.gql(LOGIN, {
        input: { email: `spray${attempt}@example.org`, password: 'guessing passwords here' },
      });
      if (errorCode(result) === 'TOO_MANY_REQUESTS') refused++;
    }
    expect(refused).toBeGreaterThan(0);
  });
});
