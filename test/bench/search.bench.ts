/**
 * Directory search under load, on the real PostgreSQL server of this machine.
 *
 *   npm run bench:search [-- --fresh] [-- --seconds 10]
 *
 * Generates (once) 100,000 practitioners, 20,000 organisations and 50,000 services in
 * the database cohesion_bench, starts the API in production mode, checks each search
 * returns results, then measures five typical searches at 1 and 16 concurrent clients:
 * median, p95 and p99 latency (client-side, over loopback) and requests per second.
 * Prints a table and writes test/bench/results/search.json.
 */
import 'reflect-metadata';
import http from 'node:http';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { SCALE_PASSWORD } from '@cohesion/testing/scale';
import { startApi } from './lib/api.js';
import { ensureDataset } from './lib/dataset.js';
import { post, runLoad, type LoadResult } from './lib/load.js';

const SERVER = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const SIZE = { practitioners: 100_000, organisations: 20_000, services: 50_000, seed: 42 };
const CONNECTIONS = [1, 16];
const TARGET_P95_MS = 50;

const PAGE = `edges { score highlight distanceMetres node { __typename
  ... on Organisation { id name kind } ... on Service { id name status } ... on Practitioner { id fullName jobTitle } } }
  pageInfo { hasNextPage endCursor } totalCount
  facets { kinds { value count } themes { label count } areas { label count } }`;

interface Shape {
  name: string;
  query: string;
  variables: Record<string, unknown>;
}

function args(): { fresh: boolean; seconds: number } {
  const argv = process.argv.slice(2);
  const index = argv.indexOf('--seconds');
  return { fresh: argv.includes('--fresh'), seconds: index >= 0 ? Number(argv[index + 1]) : 10 };
}

async function gql(url: URL, query: string, variables: Record<string, unknown>, token?: string) {
  const agent = new http.Agent({ keepAlive: false });
  const response = await post(
    agent,
    url,
    JSON.stringify({ query, variables }),
    token ? { authorization: `Bearer ${token}` } : {},
  );
  return JSON.parse(response.body) as { data?: Record<string, unknown>; errors?: { message: string }[] };
}

async function main(): Promise<void> {
  const { fresh, seconds } = args();
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const databaseUrl = await ensureDataset(SERVER, 'cohesion_bench', SIZE, fresh, log);
  const api = await startApi(databaseUrl);
  try {
    const url = new URL('/graphql', api.url);
    const login = await gql(url, `mutation L($input: LoginInput!) { login(input: $input) { accessToken } }`, {
      input: { email: 'person0@scale.cohesion.example', password: SCALE_PASSWORD },
    });
    const token = (login.data?.login as { accessToken: string } | undefined)?.accessToken;
    if (!token) throw new Error(`Could not sign in: ${JSON.stringify(login.errors)}`);
    const lookup = await gql(
      url,
      `{ areas(filter: { codes: ["E08000028", "E08000030"] }) { edges { node { id code } } }
         taxonomyTerms(filter: { taxonomy: "cohesion-themes" }, first: 50) { edges { node { id code } } } }`,
      {},
    );
    const areas = Object.fromEntries(
      ((lookup.data?.areas as { edges: { node: { id: string; code: string } }[] }).edges ?? []).map((edge) => [
        edge.node.code,
        edge.node.id,
      ]),
    );
    const themes = Object.fromEntries(
      (lookup.data?.taxonomyTerms as { edges: { node: { id: string; code: string } }[] }).edges.map((edge) => [
        edge.node.code,
        edge.node.id,
      ]),
    );
    const SEARCH = `query S($query: String, $filter: SearchFilter, $sort: SearchSort) {
      search(query: $query, filter: $filter, sort: $sort, first: 20) { ${PAGE} } }`;
    const shapes: Shape[] = [
      {
        name: 'hate crime in Sandwell (words + area)',
        query: SEARCH,
        variables: { query: 'hate crime', filter: { areaIds: [areas.E08000028] } },
      },
      {
        name: 'ESOL near WS1, nearest first (words + 3 km)',
        query: SEARCH,
        variables: { query: 'esol', filter: { near: { postcode: 'WS1', withinMetres: 3000 } }, sort: 'NEAREST' },
      },
      {
        name: 'misspelt name "Bloxwich Youth Colective"',
        query: SEARCH,
        variables: { query: 'Bloxwich Youth Colective' },
      },
      {
        name: 'youth workers in Walsall open to introductions',
        query: SEARCH,
        variables: { query: 'youth worker', filter: { areaIds: [areas.E08000030], openToIntroductions: true } },
      },
      {
        name: 'free Saturday youth services, age 15 (theme + filters)',
        query: SEARCH,
        variables: {
          filter: { themeIds: [themes.youth], age: 15, dayOfWeek: 'SATURDAY', freeOnly: true, activeOnly: true },
        },
      },
    ];

    // Every search must return something real before it is timed.
    for (const shape of shapes) {
      const result = await gql(url, shape.query, shape.variables, token);
      const search = result.data?.search as { edges: unknown[]; totalCount: number } | undefined;
      if (result.errors || !search || search.edges.length === 0) {
        throw new Error(`"${shape.name}" returned no results: ${JSON.stringify(result.errors ?? result.data)}`);
      }
      log(`  ${shape.name}: ${search.totalCount} results`);
    }

    const rows: { shape: string; runs: LoadResult[] }[] = [];
    for (const shape of shapes) {
      const body = JSON.stringify({ query: shape.query, variables: shape.variables });
      const headers = { authorization: `Bearer ${token}` };
      await runLoad({ url, body, headers, connections: 4, seconds: 2 }); // warm-up
      const runs: LoadResult[] = [];
      for (const connections of CONNECTIONS) runs.push(await runLoad({ url, body, headers, connections, seconds }));
      rows.push({ shape: shape.name, runs });
      log(`  measured: ${shape.name}`);
    }

    const fmt = (value: number) => value.toFixed(1);
    const table = [
      `| search | 1 client: median / p95 ms | 1 client: req/s | 16 clients: median / p95 ms | 16 clients: req/s | p95 at 16 < ${TARGET_P95_MS} ms |`,
      '|---|---|---|---|---|---|',
      ...rows.map(
        ({ shape, runs: [one, sixteen] }) =>
          `| ${shape} | ${fmt(one.medianMs)} / ${fmt(one.p95Ms)} | ${one.requestsPerSecond.toFixed(0)} | ${fmt(sixteen.medianMs)} / ${fmt(sixteen.p95Ms)} | ${sixteen.requestsPerSecond.toFixed(0)} | ${sixteen.p95Ms < TARGET_P95_MS ? 'yes' : 'no'} |`,
      ),
    ].join('\n');
    const errors = rows.flatMap((row) => row.runs).reduce((sum, run) => sum + run.errors, 0);
    console.log(
      `\nDirectory search, ${SIZE.practitioners} practitioners / ${SIZE.organisations} organisations / ${SIZE.services} services, ${os.cpus().length} cores, ${seconds} s per run\n`,
    );
    console.log(table);
    console.log(`\nerrors: ${errors}`);
    writeFileSync(
      'test/bench/results/search.json',
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
