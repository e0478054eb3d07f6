import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { toGlobalId } from '@cohesion/common';
import { createTestApp, type TestApp } from '@cohesion/testing';
import { DEMO_PASSWORD, DemoDataService } from '../../apps/api/src/demo/demo-data.service.js';

/**
 * Every GraphQL example of the README and of the pages under docs/, run as written
 * against the demo data, page by page (the README first, then docs/ in path order) and
 * in the order a reader meets them on a page: signed in as its first line says
 * (`# Signed in as <email>`), with each `"<Type id of Name>"` filled in with that record's
 * id (what the reader looks up). Each must answer without an error, and every list it
 * counts must have something in it.
 */

/** How many examples the pages hold: an example lost when a page is edited or moved fails. */
const GRAPHQL_EXAMPLES = 23;
const CURL_REQUESTS = 8;

interface Example {
  /** The page and line it starts on, for messages: `docs/api/grants.md line 12`. */
  where: string;
  line: number;
  text: string;
}

interface Page {
  path: string;
  markdown: string;
}

function pages(): Page[] {
  const docs = readdirSync('docs', { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.md'))
    .map((name) => join('docs', name))
    .sort();
  return ['README.md', ...docs].map((path) => ({ path, markdown: readFileSync(path, 'utf8') }));
}

function examplesIn(page: Page, language: string): Example[] {
  const examples: Example[] = [];
  const lines = page.markdown.split('\n');
  for (let start = 0; start < lines.length; start++) {
    if (lines[start].trim() !== `\`\`\`${language}`) continue;
    let end = start + 1;
    while (lines[end].trim() !== '```') end++;
    examples.push({
      where: `${page.path} line ${start + 2}`,
      line: start + 2,
      text: lines.slice(start + 1, end).join('\n'),
    });
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
  Membership: `SELECT m.id FROM practitioner_memberships m JOIN practitioners p ON p.id = m.practitioner_id
                WHERE p.full_name = $1 AND m.status = 'PENDING'`,
  OrganisationEmailDomain: 'SELECT id FROM organisation_email_domains WHERE domain = $1',
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

describe('the examples of the README and docs/', () => {
  const all = pages();
  const readme = all[0].markdown;
  const examples = all.flatMap((page) => examplesIn(page, 'graphql'));
  /** Each `curl` line of a shell example, with the sign-in its example's first line names. */
  const curlRequests = all.flatMap((page) =>
    examplesIn(page, 'bash').flatMap((example) => {
      const signedIn = SIGNED_IN.exec(example.text.trimStart())?.[1];
      return example.text.split('\n').flatMap((text, offset) => {
        const line = example.line + offset;
        return text.startsWith('curl ') ? [{ where: `${page.path} line ${line}`, line, text, signedIn }] : [];
      });
    }),
  );
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
    if (!lookup) throw new Error(`${example.where}: no way to look up a ${type} (${placeholder})`);
    const rows = await t.db.query<{ id: string }[]>(lookup, [name]);
    if (rows.length !== 1) throw new Error(`${example.where}: ${rows.length} records for ${placeholder}`);
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
    if (left) throw new Error(`${example.where}: ${left[0]} is not a placeholder this test can fill in`);
    return text;
  }

  it('finds every example the pages hold', () => {
    const found = { graphql: examples.length, curl: curlRequests.length, pages: all.length };
    console.info(`${found.graphql} GraphQL examples and ${found.curl} curl requests in ${found.pages} pages`);
    expect({ graphql: found.graphql, curl: found.curl }).toEqual({ graphql: GRAPHQL_EXAMPLES, curl: CURL_REQUESTS });
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
      if (problems.length) failures.push(`${example.where} (HTTP ${result.status}): ${problems.join('; ')}`);
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
    for (const written of curlRequests) {
      const line = await filledIn(written);
      const url = /http:\/\/localhost:3000(\/[^"\s]*)/.exec(line)?.[1];
      if (!url) continue;
      const request = t.http().get(url);
      if (line.includes('$TOKEN')) {
        if (!written.signedIn) throw new Error(`${written.where}: $TOKEN of whom?`);
        request.set('authorization', `Bearer ${await tokenFor(written.signedIn)}`);
      }
      const response = await request;
      if (response.status !== 200) failures.push(`${written.where}: GET ${url} answered ${response.status}`);
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
