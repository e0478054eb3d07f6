import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { JwtService } from '@nestjs/jwt';
import { createPractitioner, createTestApp, errorCode, TEST_PASSWORD, type TestApp } from '@cohesion/testing';

const LOGIN = `mutation Login($input: LoginInput!) { login(input: $input) { accessToken refreshToken } }`;
const REFRESH = `mutation Refresh($input: RefreshTokenInput!) { refreshToken(input: $input) { accessToken refreshToken } }`;
const LOGOUT = `mutation Logout($input: LogoutInput) { logout(input: $input) }`;
const ME = `{ me { email } }`;

interface Pair {
  accessToken: string;
  refreshToken: string;
}

/**
 * An access token lives 15 minutes, but it is only as good as its session: the check
 * that runs on every request sees a session ended by logout or by a replayed refresh
 * token at once, in the same single statement it always ran.
 */
describe('access tokens end with their session', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  async function signIn(email: string): Promise<Pair> {
    const result = await t.gql<{ login: Pair }>(LOGIN, { input: { email, password: TEST_PASSWORD } });
    expect(result.errors).toBeUndefined();
    return result.data.login;
  }

  async function works(accessToken: string): Promise<boolean> {
    const result = await t.gql(ME, {}, accessToken);
    if (result.errors) expect(errorCode(result)).toBe('UNAUTHENTICATED');
    return !result.errors;
  }

  function claimsOf(token: string): Record<string, unknown> {
    return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as Record<string, unknown>;
  }

  /** A token signed with the server's own secret, as an insider or a leaked secret could make one. */
  function handSigned(claims: Record<string, unknown>, options: { expiresIn?: number } = {}): Promise<string> {
    return t.app.get(JwtService).signAsync(claims, {
      secret: t.config.jwtSecret,
      algorithm: 'HS256',
      issuer: 'cohesion-network',
      audience: 'cohesion-api',
      ...options,
    });
  }

  it('logout(refreshToken) refuses that session’s access token at once; another session’s still works', async () => {
    const person = await createPractitioner(t);
    const laptop = await signIn(person.email);
    const phone = await signIn(person.email);
    expect(await works(laptop.accessToken)).toBe(true);

    const out = await t.gql<{ logout: boolean }>(LOGOUT, { input: { refreshToken: laptop.refreshToken } });
    expect(out.data.logout).toBe(true);

    const refused = await t.gql(ME, {}, laptop.accessToken);
    expect(errorCode(refused)).toBe('UNAUTHENTICATED');
    expect(refused.errors?.[0].message).toBe('This session has ended; sign in again');
    expect(await works(phone.accessToken)).toBe(true);
  });

  it('a replayed refresh token ends every access token of its family, and no other session', async () => {
    const person = await createPractitioner(t);
    const stolen = await signIn(person.email);
    const other = await signIn(person.email);
    const rotated = await t.gql<{ refreshToken: Pair }>(REFRESH, { input: { refreshToken: stolen.refreshToken } });
    const successor = rotated.data.refreshToken;
    expect(await works(stolen.accessToken)).toBe(true);
    expect(await works(successor.accessToken)).toBe(true);

    const replay = await t.gql(REFRESH, { input: { refreshToken: stolen.refreshToken } });
    expect(errorCode(replay)).toBe('UNAUTHENTICATED');

    expect(await works(stolen.accessToken)).toBe(false);
    expect(await works(successor.accessToken)).toBe(false);
    expect(await works(other.accessToken)).toBe(true);
  });

  it('carries its session in the token: the family its refresh token belongs to', async () => {
    const person = await createPractitioner(t);
    const session = await signIn(person.email);
    const rotated = await t.gql<{ refreshToken: Pair }>(REFRESH, { input: { refreshToken: session.refreshToken } });
    const claims = claimsOf(session.accessToken);
    expect(typeof claims.sid).toBe('string');
    expect(claimsOf(rotated.data.refreshToken.accessToken).sid).toBe(claims.sid);
    expect(typeof claims.exp).toBe('number');
  });

  it('refuses a correctly signed token without an expiry, or without a session', async () => {
    const person = await createPractitioner(t);
    const session = await signIn(person.email);
    const { sub, ep, typ, sid } = claimsOf(session.accessToken);

    // The same claims, correctly signed, with an expiry: accepted (so the refusals below are about what is missing).
    expect(await works(await handSigned({ sub, ep, typ, sid }, { expiresIn: 60 }))).toBe(true);

    const forever = await t.gql(ME, {}, await handSigned({ sub, ep, typ, sid }));
    expect(errorCode(forever)).toBe('UNAUTHENTICATED');
    const sessionless = await t.gql(ME, {}, await handSigned({ sub, ep, typ }, { expiresIn: 60 }));
    expect(errorCode(sessionless)).toBe('UNAUTHENTICATED');
    const notASession = await t.gql(ME, {}, await handSigned({ sub, ep, typ, sid: 'x' }, { expiresIn: 60 }));
    expect(errorCode(notASession)).toBe('UNAUTHENTICATED');
  });

  it('checks the session in the one statement a signed-in request always cost', async () => {
    const person = await createPractitioner(t);
    const session = await signIn(person.email);
    t.resetStatements();
    const result = await t.gql<{ me: { email: string } }>(ME, {}, session.accessToken);
    expect(result.data.me.email).toBe(person.email);
    // the viewer with their session and roles, then the account `me` reads
    expect(t.statements()).toBe(2);
  });
});
