import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createPractitioner, createTestApp, TEST_PASSWORD, type TestApp } from '@cohesion/testing';

const LOGIN = `mutation Login($input: LoginInput!) { login(input: $input) { accessToken refreshToken } }`;
const REFRESH = `mutation Refresh($input: RefreshTokenInput!) { refreshToken(input: $input) { refreshToken } }`;
const WRONG = 'not the right password at all';

const PER_EMAIL = 3;
const PER_EMAIL_TOTAL = 8;
const PER_IP = 6;

interface Answer {
  code: string | undefined;
  retryAfterSeconds: unknown;
  retryAfterHeader: string | undefined;
  data: { login?: { accessToken: string; refreshToken: string }; refreshToken?: { refreshToken: string } };
}

/**
 * The throttle slows guessing without handing anyone a way to lock a person out: it
 * counts failures (successes are given back), per client address and per email from
 * each address, with a higher ceiling per email across addresses.
 */
describe('sign-in throttling counts failures, where they come from', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({
      TRUST_PROXY: 'true',
      LOGIN_THROTTLE_PER_EMAIL: String(PER_EMAIL),
      LOGIN_THROTTLE_PER_EMAIL_TOTAL: String(PER_EMAIL_TOTAL),
      AUTH_THROTTLE_PER_IP: String(PER_IP),
    });
  });
  afterAll(async () => {
    await t.close();
  });

  /** A GraphQL call from the client address `from` (the API trusts X-Forwarded-For here). */
  async function call(from: string, query: string, input: Record<string, unknown>): Promise<Answer> {
    const response = await t
      .http()
      .post('/graphql')
      .set('content-type', 'application/json')
      .set('x-forwarded-for', from)
      .send({ query, variables: { input } });
    const error = response.body.errors?.[0] as { extensions?: Record<string, unknown> } | undefined;
    return {
      code: error?.extensions?.code as string | undefined,
      retryAfterSeconds: error?.extensions?.retryAfterSeconds,
      retryAfterHeader: response.headers['retry-after'],
      data: response.body.data ?? {},
    };
  }

  const login = (from: string, email: string, password: string) => call(from, LOGIN, { email, password });

  it('an attacker failing from one address locks out that address, not the owner signing in elsewhere', async () => {
    const owner = await createPractitioner(t);
    for (let attempt = 0; attempt < PER_EMAIL; attempt++) {
      expect((await login('203.0.113.7', owner.email, WRONG)).code).toBe('UNAUTHENTICATED');
    }
    // The attacker's address is refused for this email, even with the right password, and told when to retry.
    const refused = await login('203.0.113.7', owner.email.toUpperCase(), TEST_PASSWORD);
    expect(refused.code).toBe('TOO_MANY_REQUESTS');
    expect(refused.retryAfterSeconds).toEqual(expect.any(Number));
    expect(refused.retryAfterHeader).toBe(String(refused.retryAfterSeconds));

    const signedIn = await login('198.51.100.20', owner.email, TEST_PASSWORD);
    expect(signedIn.code).toBeUndefined();
    expect(signedIn.data.login?.accessToken).toBeDefined();
  });

  it('never slows successful sign-ins and refreshes, however many come from one address', async () => {
    const people = [await createPractitioner(t), await createPractitioner(t)];
    const councilAddress = '192.0.2.44';
    for (let round = 0; round < 4 * PER_IP; round++) {
      const person = people[round % people.length];
      const signedIn = await login(councilAddress, person.email, TEST_PASSWORD);
      expect(signedIn.code).toBeUndefined();
      const refreshed = await call(councilAddress, REFRESH, { refreshToken: signedIn.data.login?.refreshToken });
      expect(refreshed.code).toBeUndefined();
    }
  });

  it('throttles an address that fails across many emails, and no other address', async () => {
    const sprayer = '203.0.113.99';
    for (let attempt = 0; attempt < PER_IP; attempt++) {
      expect((await login(sprayer, `spray${attempt}@example.org`, WRONG)).code).toBe('UNAUTHENTICATED');
    }
    const someone = await createPractitioner(t);
    const refused = await login(sprayer, someone.email, TEST_PASSWORD);
    expect(refused.code).toBe('TOO_MANY_REQUESTS');
    expect(Number(refused.retryAfterHeader)).toBeGreaterThan(0);
    expect((await login('198.51.100.21', someone.email, TEST_PASSWORD)).code).toBeUndefined();
  });

  it('bounds guessing spread over many addresses with a ceiling per email', async () => {
    const target = await createPractitioner(t);
    let failures = 0;
    for (let address = 1; address <= PER_EMAIL_TOTAL; address++) {
      for (let attempt = 0; attempt < PER_EMAIL; attempt++) {
        const answer = await login(`198.18.0.${address}`, target.email, WRONG);
        if (answer.code === 'UNAUTHENTICATED') failures++;
        else expect(answer.code).toBe('TOO_MANY_REQUESTS');
      }
    }
    expect(failures).toBe(PER_EMAIL_TOTAL);
    // A refused attempt did not count: a locked-out address does not push the email further.
    expect((await login('198.18.1.1', target.email, TEST_PASSWORD)).code).toBe('TOO_MANY_REQUESTS');
  });

  it('counts attempts on arrival: concurrent guesses cannot all slip under the limit', async () => {
    const person = await createPractitioner(t);
    const answers = await Promise.all(
      Array.from({ length: PER_EMAIL + 4 }, () => login('203.0.113.150', person.email, WRONG)),
    );
    const codes = answers.map((answer) => answer.code);
    expect(codes.filter((code) => code === 'UNAUTHENTICATED')).toHaveLength(PER_EMAIL);
    expect(codes.filter((code) => code === 'TOO_MANY_REQUESTS')).toHaveLength(4);
  });
});
