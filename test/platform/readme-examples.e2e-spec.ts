import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { toGlobalId } from '@cohesion/common';
import { createTestApp, type TestApp } from '@cohesion/testing';
import { DEMO_PASSWORD, DemoDataService } from '../../apps/api/src/demo/demo-data.service.js';

/**
 * Every GraphQL example of the README, run as written against the demo data, in the
 * order a reader meets them: signed in as its first line says (`# Signed in as <email>`),
 * with each `"<Type id of Name>"` filled in with that record's id (what the reader looks
 * up). Each must answer without an error, and every list it counts must have something
 * in it.
 */

interface Example {
  line: number;
  text: string;
}

function examplesIn(markdown: string, language: string): Example[] {
  const examples: Example[] = [];
  const lines = markdown.split('\n');
  for (let start = 0; start < lines.length; start++) {
    if (lines[start].trim() !== `\`\`\`${language}`) continue;
    let end = start + 1;
    while (lines[end].trim() !== '```') end++;
    examples.push({ line: start + 2, text: lines.slice(start + 1, end).join('\n') });
    start = end;
  }
  return examples;
}

/** Where each kind of record a placeholder names is found by its name. */
const LOOKUPS: Record<string, string> = {
  Area: 'SELECT id FROM areas WHERE name = $1',
  TaxonomyTerm: 'SELECT id FROM taxonomy_terms WHERE name = $1',
  Organisation: 'SELECT id FROM organisations WHERE name = $1',
  Practitioner: 'SELECT id FROM practitioners WHERE full_name = $1',
  GrantFund: 'SELECT id FROM grant_funds WHERE name = $1',
};

const PLACEHOLDER = /"<(\w+) id of ([^">]+)>"/g;
const UUID_PLACEHOLDER = /<(\w+) uuid of ([^">]+)>/g;
const SIGNED_IN = /^#\s*Signed in as ([^\s:]+@[^\s:]+)/;

/** Every `totalCount` in an answer, with where it is. */
function counts(value: unknown, path = 'data'): [string, number][] {
  if (Array.isArray(value)) return value.flatMap((item, index) => counts(item, `${path}[${index}]`));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, item]): [string, number][] =>
    key === 'totalCount' && typeof item === 'number' ? [[`${path}.${key}`, item]] : counts(item, `${path}.${key}`),
  );
}

describe('the README’s examples', () => {
  const readme = readFileSync('README.md', 'utf8');
  const examples = examplesIn(readme, 'graphql');
  let t: TestApp;
  const tokens = new Map<string, string>();

  beforeAll(async () => {
    t = await createTestApp();
    await t.app.get(DemoDataService).seed();
  });
  afterAll(async () => {
    await t?.close();
  });

  async function tokenFor(email: string): Promise<string> {
    const known = tokens.get(email);
    if (known) return known;
    const login = await t.gql<{ login: { accessToken: string } }>(
      `mutation L($input: LoginInput!) { login(input: $input) { accessToken } }`,
      { input: { email, password: DEMO_PASSWORD } },
    );
    expect(login.errors).toBeUndefined();
    tokens.set(email, login.data.login.accessToken);
    return login.data.login.accessToken;
  }

  async function uuidOf(example: Example, placeholder: string, type: string, name: string): Promise<string> {
    const lookup = LOOKUPS[type];
    if (!lookup) throw new Error(`README line ${example.line}: no way to look up a ${type} (${placeholder})`);
    const rows = await t.db.query<{ id: string }[]>(lookup, [name]);
    if (rows.length !== 1) throw new Error(`README line ${example.line}: ${rows.length} records for ${placeholder}`);
    return rows[0].id;
  }

  /** The example with its placeholders filled in: global ids (GraphQL) or uuids (REST). */
  async function filledIn(example: Example): Promise<string> {
    let text = example.text;
    for (const [placeholder, type, name] of example.text.matchAll(PLACEHOLDER)) {
      const id = toGlobalId(type, await uuidOf(example, placeholder, type, name));
      text = text.replace(placeholder, JSON.stringify(id));
    }
    for (const [placeholder, type, name] of example.text.matchAll(UUID_PLACEHOLDER)) {
      text = text.replace(placeholder, await uuidOf(example, placeholder, type, name));
    }
    const left = /"<[^"]*>"|<\w+ (id|uuid)\b[^>]*>/.exec(text);
    if (left) throw new Error(`README line ${example.line}: ${left[0]} is not a placeholder this test can fill in`);
    return text;
  }

  it('has examples to run', () => {
    expect(examples.length).toBeGreaterThanOrEqual(10);
  });

  // Before the examples: one of them lists an organisation, which makes its creator its admin.
  it('tells the demo sign-ins with the roles they really have', async () => {
    const rows = [...readme.matchAll(/^\| `([^`]+@demo\.cohesion\.example)` +\| ([^|]+)\|$/gm)];
    expect(rows.length).toBeGreaterThanOrEqual(4);
    for (const [, email, described] of rows) {
      const login = await t.gql<{ login: { account: { roles: { role: string }[] } } }>(
        `mutation L($input: LoginInput!) { login(input: $input) { account { roles { role } } } }`,
        { input: { email, password: DEMO_PASSWORD } },
      );
      expect(login.errors).toBeUndefined();
      const roles = login.data.login.account.roles.map((grant) => grant.role);
      const named = /^([A-Z_]+)\b/.exec(described.trim())?.[1];
      expect({ email, roles }).toEqual({ email, roles: named ? [named] : [] });
    }
  });

  it('runs every example as written, each answering without an error', async () => {
    const failures: string[] = [];
    for (const example of examples) {
      const signedIn = SIGNED_IN.exec(example.text.trimStart())?.[1];
      let query: string;
      try {
        query = await filledIn(example);
      } catch (error) {
        failures.push((error as Error).message);
        continue;
      }
      const result = await t.gql(query, {}, signedIn ? await tokenFor(signedIn) : undefined);
      const problems = [
        ...(result.errors ?? []).map((error) => `${error.extensions?.code ?? 'ERROR'}: ${error.message}`),
        ...(result.data ? [] : ['no data']),
        ...counts(result.data)
          .filter(([, count]) => count === 0)
          .map(([path]) => `${path} is 0: the example shows nothing`),
      ];
      if (problems.length) failures.push(`README line ${example.line} (HTTP ${result.status}): ${problems.join('; ')}`);
    }
    expect(failures).toEqual([]);

    // What the examples create is new, not a second copy of a demo record.
    const repeated = await t.db.query<{ name: string }[]>(
      `SELECT name FROM organisations GROUP BY name HAVING count(*) > 1
       UNION ALL SELECT name FROM grant_funds GROUP BY name HAVING count(*) > 1`,
    );
    expect(repeated).toEqual([]);
  });

  it('answers every curl example on this server with 200, ids as the GraphQL types give them', async () => {
    const failures: string[] = [];
    for (const example of examplesIn(readme, 'bash')) {
      const signedIn = SIGNED_IN.exec(example.text.trimStart())?.[1];
      for (const [offset, written] of example.text.split('\n').entries()) {
        if (!written.startsWith('curl ')) continue;
        const line = await filledIn({ line: example.line + offset, text: written });
        const url = /http:\/\/localhost:3000(\/[^"\s]*)/.exec(line)?.[1];
        if (!url) continue;
        const request = t.http().get(url);
        if (line.includes('$TOKEN')) {
          if (!signedIn) throw new Error(`README line ${example.line}: $TOKEN of whom?`);
          request.set('authorization', `Bearer ${await tokenFor(signedIn)}`);
        }
        const response = await request;
        if (response.status !== 200)
          failures.push(`README line ${example.line}: GET ${url} answered ${response.status}`);
      }
    }
    expect(failures).toEqual([]);

    // The uuid a GraphQL type gives is the id its REST endpoint takes.
    const typed = await t.gql<{
      organisations: {
        edges: { node: { id: string; uuid: string; services: { edges: { node: { uuid: string } }[] } } }[];
      };
      taxonomyTerms: { edges: { node: { uuid: string; taxonomy: { uuid: string } } }[] };
    }>(`{
      organisations(first: 1, filter: { kinds: [VCS] }) {
        edges { node { id uuid services(first: 1) { edges { node { uuid } } } } }
      }
      taxonomyTerms(first: 1) { edges { node { uuid taxonomy { uuid } } } }
    }`);
    expect(typed.errors).toBeUndefined();
    const [organisation] = typed.data.organisations.edges.map((edge) => edge.node);
    const [term] = typed.data.taxonomyTerms.edges.map((edge) => edge.node);
    expect(Buffer.from(organisation.id, 'base64url').toString()).toBe(`Organisation:${organisation.uuid}`);
    for (const path of [
      `/openreferral/v3/organizations/${organisation.uuid}`,
      `/openreferral/v3/services/${organisation.services.edges[0].node.uuid}`,
      `/openreferral/v3/taxonomy_terms/${term.uuid}`,
      `/openreferral/v3/taxonomies/${term.taxonomy.uuid}`,
    ]) {
      expect({ path, status: (await t.http().get(path)).status }).toEqual({ path, status: 200 });
    }
    const funds = await t.gql<{ grantsReport: { byFund: { key: string }[] } }>(
      `{ grantsReport(filter: { financialYears: ["2026-27"] }) { byFund { key } } }`,
      {},
      await tokenFor('grants.officer@demo.cohesion.example'),
    );
    expect(funds.errors).toBeUndefined();
    const fund = await t.gql<{ node: { uuid: string } }>(
      `query F($id: ID!) { node(id: $id) { ... on GrantFund { uuid } } }`,
      { id: funds.data.grantsReport.byFund[0].key },
      await tokenFor('grants.officer@demo.cohesion.example'),
    );
    expect(fund.errors).toBeUndefined();
    expect((await t.http().get(`/grants/360giving/funds/${fund.data.node.uuid}.json`)).status).toBe(200);
  });
});
