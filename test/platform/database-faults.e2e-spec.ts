import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { fromGlobalId } from '@cohesion/common';
import { NAME_SIMILARITY } from '@cohesion/database';
import {
  createPractitioner,
  createTestApp,
  createTestDatabase,
  TEST_PASSWORD,
  type GqlError,
  type TestApp,
  type TestDatabase,
} from '@cohesion/testing';
import { startApi, type ApiProcess } from '../support/api-process.js';

/**
 * The database drops the API's connections while requests run (an operator's
 * pg_terminate_backend, a restart, a failover; on the embedded database every client
 * socket is cut). The process must live through it, tell callers the truth (a retryable
 * SERVICE_UNAVAILABLE, never "your token is not valid" or an internal error), answer
 * again as soon as the database does, and keep every write it acknowledged.
 */

interface Answer {
  status: number;
  data?: Record<string, unknown> | null;
  errors?: GqlError[];
}
type Gql = (query: string, variables: Record<string, unknown>, token?: string) => Promise<Answer>;

const ME = 'query { me { id } }';
const LIST = 'query { organisations(first: 5) { totalCount edges { node { id name } } } }';
const CREATE = `mutation ($name: String!) { createOrganisation(input: { name: $name, kind: VCS }) { id } }`;

interface Outcome {
  operation: 'me' | 'organisations' | 'createOrganisation';
  answer: Answer;
}

/**
 * Thirty clients, each in turn a signed-in read (the session check is a prepared
 * statement), a plain read and a write, while the connections are cut six times.
 */
async function underFaults(gql: Gql, token: string, interrupt: () => Promise<number>) {
  const outcomes: Outcome[] = [];
  let stop = false;
  const client = async (index: number) => {
    for (let round = 0; !stop; round++) {
      const kind = (index + round) % 3;
      const operation = (['me', 'organisations', 'createOrganisation'] as const)[kind];
      const answer =
        kind === 0
          ? await gql(ME, {}, token)
          : kind === 1
            ? await gql(LIST, {})
            : await gql(CREATE, { name: `Fault test group ${index}-${round}` }, token);
      outcomes.push({ operation, answer });
    }
  };
  const clients = Array.from({ length: 30 }, (_, index) => client(index));
  let cut = 0;
  for (let wave = 0; wave < 6; wave++) {
    await new Promise((resolve) => setTimeout(resolve, 150));
    cut += await interrupt();
  }
  stop = true;
  await Promise.all(clients);
  return { outcomes, cut };
}

function expectTruthfulRefusals(outcomes: Outcome[]): void {
  const codes = new Set(outcomes.flatMap(({ answer }) => (answer.errors ?? []).map((error) => error.extensions?.code)));
  codes.delete('SERVICE_UNAVAILABLE');
  expect([...codes]).toEqual([]);
  expect(outcomes.filter(({ answer }) => answer.status !== 200)).toEqual([]);
  for (const { answer } of outcomes) {
    for (const error of answer.errors ?? []) {
      expect(error.extensions?.retryAfterSeconds).toBeGreaterThan(0);
      expect(error.message).not.toMatch(/terminat|socket|ECONN|administrator/i);
    }
  }
}

/** The organisations the API said it created. */
function acknowledged(outcomes: Outcome[]): string[] {
  return outcomes
    .map(({ operation, answer }) => (operation === 'createOrganisation' ? answer.data?.createOrganisation : undefined))
    .filter((created): created is { id: string } => Boolean(created))
    .map((created) => fromGlobalId(created.id, 'Organisation', 'id'));
}

describe('database connections dropped under load', () => {
  let t: TestApp;
  let token: string;

  beforeAll(async () => {
    t = await createTestApp({ DATABASE_POOL_SIZE: '8' });
    token = (await createPractitioner(t)).token;
  });
  afterAll(async () => {
    await t.close();
  });

  const gql: Gql = (query, variables, bearer) => t.gql(query, variables, bearer);

  it('gives every pooled connection an error listener from the moment it exists', async () => {
    const pool = (t.db.driver as unknown as { master: pg.Pool }).master;
    // A connection taken straight from the pool, as no caller has yet listened on it.
    const clients = await Promise.all(Array.from({ length: 3 }, () => pool.connect()));
    try {
      for (const client of clients) expect(client.listenerCount('error')).toBeGreaterThan(0);
    } finally {
      for (const client of clients) client.release();
    }
    expect(pool.listenerCount('error')).toBeGreaterThan(0);
  });

  it('refuses with SERVICE_UNAVAILABLE only, answers again and keeps every acknowledged write', async () => {
    const { outcomes, cut } = await underFaults(gql, token, () => t.database.interrupt());
    // The faults were real: connections were cut while requests were in flight.
    expect(cut).toBeGreaterThan(0);
    expect(outcomes.length).toBeGreaterThan(30);
    expectTruthfulRefusals(outcomes);

    const again = await t.gql(ME, {}, token);
    expect(again.errors).toBeUndefined();
    expect(again.data.me).toBeTruthy();

    const ids = acknowledged(outcomes);
    expect(ids.length).toBeGreaterThan(0);
    const stored = await t.db.query<{ id: string }[]>(`SELECT id FROM organisations WHERE id = ANY($1)`, [ids]);
    expect(stored.map((row) => row.id).sort()).toEqual([...ids].sort());
  });
});

/**
 * The API as users run it, its own process, on the real server: terminated backends must
 * not end it. (The embedded database lives inside the API's process, where nothing outside
 * can cut its connections; the in-process tests above cut them there.)
 */
if (process.env.TEST_DATABASE_URL)
  describe('the API process when its backends are terminated', () => {
    let database: TestDatabase;
    let api: ApiProcess;

    beforeAll(async () => {
      database = await createTestDatabase();
      api = await startApi({ DATABASE_URL: database.url, SEED_DEMO: 'false', DATABASE_POOL_SIZE: '8' });
    });
    afterAll(async () => {
      api?.child.kill('SIGTERM');
      await api?.exited;
      await database?.close();
    });

    const gql: Gql = async (query, variables, token) => {
      try {
        const response = await fetch(`${api.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
          body: JSON.stringify({ query, variables }),
        });
        return { status: response.status, ...((await response.json()) as Omit<Answer, 'status'>) };
      } catch (error) {
        // No answer at all: the process has gone.
        return { status: 0, errors: [{ message: String(error), extensions: { code: 'NO_ANSWER' } }] };
      }
    };

    it('lives, answers again and keeps every acknowledged write', async () => {
      const registered = await gql(`mutation ($input: RegisterInput!) { register(input: $input) { email } }`, {
        input: { email: 'faults@example.org', password: TEST_PASSWORD, fullName: 'Fault Tester' },
      });
      expect(registered.errors).toBeUndefined();
      // Verified as if the emailed link had been followed: the writes below are a member's.
      const setup = new pg.Client({ connectionString: database.url });
      await setup.connect();
      try {
        await setup.query(`UPDATE accounts SET email_verified_at = now() WHERE email = 'faults@example.org'`);
      } finally {
        await setup.end();
      }
      const login = await gql(`mutation ($input: LoginInput!) { login(input: $input) { accessToken } }`, {
        input: { email: 'faults@example.org', password: TEST_PASSWORD },
      });
      const token = (login.data?.login as { accessToken: string }).accessToken;
      let exited = false;
      void api.exited.then(() => (exited = true));

      const { outcomes, cut } = await underFaults(gql, token, () => database.interrupt());
      expect(cut).toBeGreaterThan(0);
      expect(exited).toBe(false);
      expectTruthfulRefusals(outcomes);

      const again = await gql(ME, {}, token);
      expect(again.errors).toBeUndefined();
      expect(again.data?.me).toBeTruthy();
      expect(exited).toBe(false);

      const ids = acknowledged(outcomes);
      expect(ids.length).toBeGreaterThan(0);
      const reader = new pg.Client({ connectionString: database.url });
      await reader.connect();
      try {
        const stored = await reader.query<{ id: string }>(`SELECT id FROM organisations WHERE id = ANY($1)`, [ids]);
        expect(stored.rows.map((row) => row.id).sort()).toEqual([...ids].sort());
      } finally {
        await reader.end();
      }
    });
  });

describe('while the database is down', () => {
  let t: TestApp;
  let token: string;

  beforeAll(async () => {
    t = await createTestApp({}, { proxy: true });
    token = (await createPractitioner(t)).token;
  });
  afterAll(async () => {
    await t.close();
  });

  it('refuses every kind of request as retryable, keeps liveness, and recovers when it is back', async () => {
    const proxy = t.proxy as NonNullable<TestApp['proxy']>;
    await proxy.down();
    try {
      for (const bearer of [token, undefined]) {
        const answer = await t.gql(bearer ? ME : LIST, {}, bearer);
        // GraphQL answers 200 (GraphQL over HTTP), with the code and when to retry.
        expect(answer.status).toBe(200);
        expect(answer.headers['retry-after']).toMatch(/^\d+$/);
        expect(answer.errors?.map((error) => error.extensions?.code)).toEqual(['SERVICE_UNAVAILABLE']);
      }

      const feed = await t.http().get('/openreferral/v3/services');
      expect(feed.status).toBe(503);
      expect(feed.headers['retry-after']).toMatch(/^\d+$/);
      expect(feed.body.errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');

      // Readiness names the failing check, without the driver's detail (hosts, ports).
      const ready = await t.http().get('/health/ready');
      expect(ready.status).toBe(503);
      expect(ready.body.status).toBe('error');
      expect(ready.body.error.database.status).toBe('down');
      expect(JSON.stringify(ready.body)).not.toMatch(/127\.0\.0\.1|ECONN|5432/);
      // The process itself is alive: liveness does not depend on the database.
      expect((await t.http().get('/health')).status).toBe(200);
    } finally {
      await proxy.up();
    }

    const again = await t.gql(ME, {}, token);
    expect(again.errors).toBeUndefined();
    expect(again.data.me).toBeTruthy();
    expect((await t.http().get('/health/ready')).status).toBe(200);
  });
});

/** On the embedded database a psql on its port shares the API's one session; on a server it has its own. */
describe("an operator's session beside the API", () => {
  let t: TestApp;
  let token: string;

  beforeAll(async () => {
    t = await createTestApp();
    token = (await createPractitioner(t)).token;
  });
  afterAll(async () => {
    await t.close();
  });

  it('leaves signed-in requests and name matching working after RESET ALL and DISCARD ALL', async () => {
    const operator = new pg.Client({ connectionString: t.database.url });
    await operator.connect();
    try {
      await operator.query('RESET ALL');
      await operator.query('DISCARD ALL');
    } finally {
      await operator.end();
    }
    const answers = await Promise.all(Array.from({ length: 6 }, () => t.gql(ME, {}, token)));
    for (const answer of answers) expect(answer.errors).toBeUndefined();
    const [setting] = await t.db.query<{ threshold: string }[]>(
      `SELECT current_setting('pg_trgm.word_similarity_threshold') AS threshold`,
    );
    expect(Number(setting.threshold)).toBe(NAME_SIMILARITY);
  });
});
