import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { isObjectType, type GraphQLObjectType } from 'graphql';
import { NodeRegistry, toGlobalId } from '@cohesion/common';
import {
  createArea,
  createOrganisation,
  createPractitioner,
  createService,
  createTestApp,
  errorCode,
  termId,
  type TestApp,
} from '@cohesion/testing';

describe('GraphQL platform', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ GRAPHQL_MAX_DEPTH: '6', GRAPHQL_MAX_COMPLEXITY: '3000', REQUEST_BODY_LIMIT: '2kb' });
  });
  afterAll(async () => {
    await t.close();
  });

  describe('node(id)', () => {
    it('has a way to fetch every type that implements Node', () => {
      const schema = t.app.get(GraphQLSchemaHost).schema;
      const implementations = Object.values(schema.getTypeMap())
        .filter((type): type is GraphQLObjectType => isObjectType(type))
        .filter((type) => type.getInterfaces().some((contract) => contract.name === 'Node'))
        .map((type) => type.name)
        .sort();
      expect(implementations.length).toBeGreaterThan(10);
      expect(t.app.get(NodeRegistry).types).toEqual(implementations);
    });

    it('reaches every entity type by its global id', async () => {
      const area = await createArea(t, { name: 'Node Area' });
      const term = await termId(t, 'cohesion-themes', 'youth');
      const organisation = await createOrganisation(t, { name: 'Node Organisation' });
      const service = await createService(t, { organisationId: organisation.id, name: 'Node Service' });
      const person = await createPractitioner(t, { fullName: 'Node Person' });
      const NODE = `query N($id: ID!) { node(id: $id) { __typename id
        ... on Area { name } ... on TaxonomyTerm { name } ... on Organisation { name } ... on Service { name }
        ... on Practitioner { fullName } ... on Account { email } } }`;
      const cases: [string, string, string][] = [
        [area.globalId, 'Area', 'Node Area'],
        [term.globalId, 'TaxonomyTerm', 'Youth'],
        [organisation.globalId, 'Organisation', 'Node Organisation'],
        [service.globalId, 'Service', 'Node Service'],
      ];
      for (const [id, type, name] of cases) {
        const result = await t.gql<{ node: { __typename: string; id: string; name: string } }>(NODE, { id });
        expect(result.data.node).toEqual({ __typename: type, id, name });
      }
      const practitioner = await t.gql<{ node: { fullName: string } }>(NODE, { id: person.globalId }, person.token);
      expect(practitioner.data.node.fullName).toBe('Node Person');
      const account = await t.gql<{ node: { email: string } }>(
        NODE,
        { id: toGlobalId('Account', person.id) },
        person.token,
      );
      expect(account.data.node.email).toBe(person.email);
      const someoneElse = await createPractitioner(t);
      expect(
        (await t.gql<{ node: unknown }>(NODE, { id: toGlobalId('Account', person.id) }, someoneElse.token)).data.node,
      ).toBeNull();
      expect(
        (
          await t.gql<{ node: unknown }>(NODE, {
            id: toGlobalId('Organisation', '00000000-0000-4000-8000-000000000000'),
          })
        ).data.node,
      ).toBeNull();
      expect(errorCode(await t.gql(NODE, { id: 'garbage!' }))).toBe('BAD_USER_INPUT');
    });
  });

  describe('limits', () => {
    it('refuses queries nested deeper than the limit before running them', async () => {
      const result = await t.gql(`{ areas { edges { node { parent { parent { parent { parent { name } } } } } } } }`);
      expect(result.status).toBe(400);
      expect(errorCode(result)).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0].message).toContain('limit is 6');
    });

    it('refuses at once a small document whose fragments multiply, without holding up other requests', async () => {
      // 30 levels of fragments each spreading the next twice: about 1 KB of text, 2^30 paths.
      let query = 'query { ...F0 }';
      for (let level = 0; level < 30; level++)
        query += ` fragment F${level} on Query { ...F${level + 1} ...F${level + 1} }`;
      query += ' fragment F30 on Query { areas { totalCount } }';
      const [result, health] = await Promise.all([t.gql(query), t.http().get('/health')]);
      expect(result.status).toBe(400);
      expect(errorCode(result)).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0].message).toMatch(/expands to over a billion fields/);
      expect(health.status).toBe(200);
    });

    it('costs each aliased search as a search', async () => {
      const aliased = (count: number) =>
        `{ ${Array.from({ length: count }, (_, index) => `s${index}: search(query: "c", first: 1) { totalCount }`).join(' ')} }`;
      // The cost limit here is 3000: seven searches are over it, three are not.
      const costly = await t.gql(aliased(7));
      expect(errorCode(costly)).toBe('BAD_USER_INPUT');
      expect(costly.errors?.[0].message).toMatch(/the limit is 3000/);
      expect((await t.gql(aliased(3))).errors).toBeUndefined();
    });

    it('refuses queries that would cost too much, counting page sizes', async () => {
      const result = await t.gql(
        `{ organisations(first: 100) { edges { node { services(first: 100) { totalCount } } } } }`,
      );
      expect(result.status).toBe(400);
      expect(errorCode(result)).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0].message).toContain('the limit is 3000');
      const cheap = await t.gql(`{ organisations(first: 5) { edges { node { name } } } }`);
      expect(cheap.errors).toBeUndefined();
    });

    it('refuses a request body over the limit with 413', async () => {
      const response = await t
        .http()
        .post('/graphql')
        .set('content-type', 'application/json')
        .send({ query: `{ areas { totalCount } }`, variables: { pad: 'x'.repeat(4000) } });
      expect(response.status).toBe(413);
      expect(response.body.errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
    });
  });

  describe('errors', () => {
    it('reports unknown fields without running anything', async () => {
      const result = await t.gql(`{ organisations { edges { node { secretColumn } } } }`);
      expect(errorCode(result)).toBe('GRAPHQL_VALIDATION_FAILED');
    });

    it('reports a variable outside its enum as bad input, not a server fault', async () => {
      const result = await t.gql(`query S($filter: SearchFilter) { search(filter: $filter) { totalCount } }`, {
        filter: { kinds: ['NOT_A_KIND'] },
      });
      expect(errorCode(result)).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0].message).toContain('NOT_A_KIND');
    });

    it('never sends stack traces outside development', async () => {
      const result = await t.gql(`{ organisation(id: "nonsense") { name } }`);
      expect(JSON.stringify(result.errors)).not.toMatch(/stacktrace|at .*\.js|SELECT/);
    });
  });

  describe('CSRF and transport', () => {
    it('refuses a simple GET that a form or link could forge', async () => {
      const response = await t.http().get('/graphql').query({ query: '{ areas { totalCount } }' });
      expect(response.status).toBe(400);
      expect(JSON.stringify(response.body)).toContain('CSRF');
    });

    it('tags every response with a request id, keeping a sane one sent by the client', async () => {
      const generated = await t.http().get('/health');
      expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      const given = await t.http().get('/health').set('x-request-id', 'trace-123');
      expect(given.headers['x-request-id']).toBe('trace-123');
      const hostile = await t.http().get('/health').set('x-request-id', 'a b<script>');
      expect(hostile.headers['x-request-id']).not.toContain('<');
    });

    it('answers a route that does not exist as every REST error: 404, the JSON error body', async () => {
      const response = await t.http().get('/no-such-route');
      expect(response.status).toBe(404);
      expect(response.body).toEqual({
        errors: [{ message: 'Cannot GET /no-such-route', extensions: { code: 'NOT_FOUND' } }],
      });
    });
  });

  describe('health', () => {
    it('answers liveness and readiness (database reachable)', async () => {
      const live = await t.http().get('/health');
      expect(live.status).toBe(200);
      expect(live.body.status).toBe('ok');
      const ready = await t.http().get('/health/ready');
      expect(ready.status).toBe(200);
      expect(ready.body.info.database.status).toBe('up');
    });
  });
});

describe('GraphQL in production', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({
      NODE_ENV: 'production',
      JWT_SECRET: 'a-production-like-secret-of-enough-length-0123456789',
    });
  });
  afterAll(async () => {
    await t.close();
  });

  it('refuses aliases beyond the limit (400 aliased searches in one request)', async () => {
    const query = `{ ${Array.from({ length: 400 }, (_, index) => `s${index}: search(query: "community", first: 1) { totalCount }`).join(' ')} }`;
    const flood = await t.gql(query);
    expect(flood.status).toBe(400);
    expect(errorCode(flood)).toBe('BAD_USER_INPUT');
    expect(flood.errors?.[0].message).toBe('The query has 400 aliased fields; the limit is 50');
  });

  it('has no GraphiQL: no page, no files', async () => {
    const browser = await t.http().get('/graphql').set('accept', 'text/html');
    expect(browser.text).not.toContain('GraphiQL');
    expect((await t.http().get('/graphiql/graphiql.min.js')).status).toBe(404);
  });

  it('does not describe the schema to callers: no introspection, no "Did you mean"', async () => {
    const introspection = await t.gql(`{ __schema { types { name } } }`);
    expect(introspection.status).toBe(400);
    expect(introspection.data).toBeUndefined();
    const typo = await t.gql(`{ organisatons { totalCount } }`);
    expect(errorCode(typo)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(typo.errors?.[0].message).not.toMatch(/Did you mean|organisations/);
    // The schema still answers those who know it.
    expect((await t.gql(`{ organisations(first: 1) { totalCount } }`)).errors).toBeUndefined();
  });
});
