/**
 * The website's pages against the GraphQL requests that return the same data, on the real
 * PostgreSQL server of this machine.
 *
 *   npm run bench:web [-- --fresh] [-- --seconds 10]
 *
 * On the benchmark dataset (the one `npm run bench:search` uses, generated once into
 * cohesion_bench), starts the API in production mode, signs in once through the sign-in
 * page (a web session) and once through the API (a bearer token), checks each page and its
 * request answer 200 with content, then measures each pair at 1 and 16 concurrent clients.
 * A page does what its request does plus rendering the HTML: the target is a page costing
 * at most 1.3x its request (median at 16 clients). Prints a table and writes
 * test/bench/results/web.json.
 */
import 'reflect-metadata';
import http from 'node:http';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import pg from 'pg';
import { toGlobalId } from '@cohesion/common';
import { SCALE_PASSWORD } from '@cohesion/scale-data';
import { startApi } from './lib/api.js';
import { BENCH_SIZE as SIZE, ensureDataset } from './lib/dataset.js';
import { benchArgs, signIn } from './lib/graphql.js';
import { get, post, runLoad, type LoadResult } from './lib/load.js';

const SERVER = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const CONNECTIONS = [1, 16];
const TARGET_RATIO = 1.3;

interface Pair {
  name: string;
  page: string;
  query: string;
  variables: Record<string, unknown>;
}

function cookiesOf(headers: http.IncomingHttpHeaders): string[] {
  return (headers['set-cookie'] ?? []).map((cookie) => cookie.split(';')[0]);
}

function request(
  url: URL,
  method: 'GET' | 'POST',
  headers: Record<string, string>,
  body?: string,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const call = http.request(url, { method, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          body: Buffer.concat(chunks).toString(),
        }),
      );
    });
    call.on('error', reject);
    call.end(body);
  });
}

/** Signs in through the sign-in page as a browser would; returns the session cookie. */
async function webSignIn(base: string, email: string, password: string): Promise<string> {
  const form = await request(new URL('/sign-in', base), 'GET', { accept: 'text/html' });
  const browser = cookiesOf(form.headers).join('; ');
  const csrf = form.body.match(/name="_csrf" value="([^"]+)"/)?.[1] ?? '';
  const body = new URLSearchParams({ _csrf: csrf, email, password, next: '/' }).toString();
  const answer = await request(
    new URL('/sign-in', base),
    'POST',
    { cookie: browser, 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(body.length) },
    body,
  );
  const session = cookiesOf(answer.headers).find((cookie) => cookie.startsWith('cn_session='));
  if (answer.status !== 303 || !session)
    throw new Error(`The sign-in page did not sign ${email} in (${answer.status})`);
  return session;
}

const SERVICE_FIELDS = `id name description status minimumAge maximumAge
  organisation { id name } locations { name address { town postcode } } costOptions { option amountPence }`;

async function main(): Promise<void> {
  const { fresh, seconds } = benchArgs();
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const databaseUrl = await ensureDataset(SERVER, 'cohesion_bench', SIZE, fresh, log);
  // A verified member (the pages and requests are for them) with the most introductions waiting,
  // and the profile of someone they may see but are not connected to.
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  const { rows: viewers } = await db.query<{ id: string; email: string }>(
    `SELECT a.id, a.email FROM accounts a JOIN practitioners p ON p.id = a.id
      WHERE p.verified_member AND p.discoverable AND a.email LIKE 'person%@scale.cohesion.example'
      ORDER BY (SELECT count(*) FROM introductions i WHERE i.target_id = a.id) DESC, a.email LIMIT 1`,
  );
  const { rows: profiles } = await db.query<{ id: string }>(
    `SELECT p.id FROM practitioners p WHERE p.verified_member AND p.discoverable AND p.id <> $1
        AND NOT EXISTS (SELECT 1 FROM connections c WHERE (c.practitioner_a_id, c.practitioner_b_id) IN (($1, p.id), (p.id, $1)))
      ORDER BY p.id LIMIT 1`,
    [viewers[0]?.id],
  );
  await db.end();
  if (!viewers[0] || !profiles[0]) throw new Error('The dataset has no verified member to sign in as, or none to open');
  const EMAIL = viewers[0].email;
  const profileId = profiles[0].id;
  log(`  signed in as ${EMAIL}`);
  const api = await startApi(databaseUrl);
  try {
    const graphql = new URL('/graphql', api.url);
    const token = await signIn(graphql, EMAIL, SCALE_PASSWORD);
    const cookie = await webSignIn(api.url, EMAIL, SCALE_PASSWORD);
    const personId = toGlobalId('Practitioner', profileId);

    const pairs: Pair[] = [
      {
        name: 'service search "youth" near WS1 (page 1 of 20)',
        page: '/services?q=youth&postcode=WS1&distance=5',
        query: `query S($q: String!, $near: NearInput!) {
          services: search(query: $q, filter: { kinds: [SERVICE], near: $near }, first: 20) {
            totalCount edges { highlight distanceMetres node { ... on Service { ${SERVICE_FIELDS} } } }
            facets { areas { label count } themes { label count } } pageInfo { hasNextPage endCursor } }
          organisations: search(query: $q, filter: { kinds: [ORGANISATION] }, first: 5) {
            edges { node { ... on Organisation { id name kind } } } } }`,
        variables: { q: 'youth', near: { postcode: 'WS1', withinMetres: 8047 } },
      },
      {
        name: 'a practitioner’s profile',
        page: `/people/${personId}`,
        query: `query P($id: ID!) {
          practitioner(id: $id) { id fullName jobTitle bio canHelpWith lookingFor languages openToIntroductions connectedToYou
            contact { email phone } memberships { status organisation { id name } } expertise { id name } areas { id name } }
          introductionPath(to: $id) { hops } }`,
        variables: { id: personId },
      },
      {
        name: 'the introductions inbox (received)',
        page: '/introductions',
        query: `{ myIntroductions(role: TARGET, first: 20) { totalCount edges { node {
            id status createdAt expiresAt awaitingYou message
            requester { id fullName jobTitle } broker { id fullName } target { id fullName } } } } }`,
        variables: {},
      },
    ];

    // Each must answer properly before it is timed.
    const agent = new http.Agent({ keepAlive: false });
    for (const pair of pairs) {
      const page = await get(agent, new URL(pair.page, api.url), { cookie, accept: 'text/html' });
      if (page.status !== 200 || !page.body.includes('<main')) throw new Error(`${pair.page} answered ${page.status}`);
      const answer = await post(agent, graphql, JSON.stringify({ query: pair.query, variables: pair.variables }), {
        authorization: `Bearer ${token}`,
      });
      if (answer.status !== 200 || answer.body.startsWith('{"errors"') || answer.body.includes('"errors":[')) {
        throw new Error(`The request for "${pair.name}" failed: ${answer.body.slice(0, 300)}`);
      }
      log(`  ${pair.name}: page ${page.body.length} bytes, request ${answer.body.length} bytes`);
    }

    const rows: { shape: string; page: LoadResult[]; request: LoadResult[] }[] = [];
    for (const pair of pairs) {
      const pageUrl = new URL(pair.page, api.url);
      const pageHeaders = { cookie, accept: 'text/html' };
      const body = JSON.stringify({ query: pair.query, variables: pair.variables });
      const requestHeaders = { authorization: `Bearer ${token}` };
      await runLoad({ url: pageUrl, method: 'GET', headers: pageHeaders, connections: 4, seconds: 2 });
      await runLoad({ url: graphql, body, headers: requestHeaders, connections: 4, seconds: 2 });
      const page: LoadResult[] = [];
      const requestRuns: LoadResult[] = [];
      for (const connections of CONNECTIONS) {
        page.push(await runLoad({ url: pageUrl, method: 'GET', headers: pageHeaders, connections, seconds }));
        requestRuns.push(await runLoad({ url: graphql, body, headers: requestHeaders, connections, seconds }));
      }
      rows.push({ shape: pair.name, page, request: requestRuns });
      log(`  measured: ${pair.name}`);
    }

    const fmt = (value: number) => value.toFixed(1);
    const lines = [
      '| page | 1 client: page / request median ms | ratio | 16 clients: page / request median ms | page / request req/s | ratio | within 1.3x |',
      '|---|---|---|---|---|---|---|',
      ...rows.map(({ shape, page, request: req }) => {
        const one = page[0].medianMs / req[0].medianMs;
        const sixteen = page[1].medianMs / req[1].medianMs;
        return `| ${shape} | ${fmt(page[0].medianMs)} / ${fmt(req[0].medianMs)} | ${one.toFixed(2)} | ${fmt(page[1].medianMs)} / ${fmt(req[1].medianMs)} | ${page[1].requestsPerSecond.toFixed(0)} / ${req[1].requestsPerSecond.toFixed(0)} | ${sixteen.toFixed(2)} | ${sixteen <= TARGET_RATIO ? 'yes' : 'no'} |`;
      }),
    ];
    const errors = rows.flatMap((row) => [...row.page, ...row.request]).reduce((sum, run) => sum + run.errors, 0);
    console.log(`\nWeb pages against their GraphQL requests, ${os.cpus().length} cores, ${seconds} s per run\n`);
    console.log(lines.join('\n'));
    console.log(`\nerrors: ${errors}`);
    writeFileSync(
      'test/bench/results/web.json',
      `${JSON.stringify({ date: new Date().toISOString(), size: SIZE, cores: os.cpus().length, seconds, rows }, null, 2)}\n`,
    );
  } finally {
    await api.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
