/**
 * Directory search under load, on the real PostgreSQL server of this machine.
 *
 *   npm run bench:search [-- --fresh] [-- --seconds 10]
 *
 * Generates (once) 100,000 practitioners, 20,000 organisations, 50,000 services and
 * 2,500,000 connections in
 * the database cohesion_bench, starts the API in production mode, checks each search
 * returns results, then measures five typical searches at 1 and 16 concurrent clients:
 * median, p95 and p99 latency (client-side, over loopback) and requests per second.
 * Prints a table and writes test/bench/results/search.json.
 */
import 'reflect-metadata';
import { SCALE_PASSWORD } from '@cohesion/scale-data';
import { startApi } from './lib/api.js';
import { BENCH_SIZE as SIZE, ensureDataset } from './lib/dataset.js';
import { benchArgs, gql, signIn } from './lib/graphql.js';
import { report, type MeasuredShape } from './lib/report.js';
import { runLoad, type LoadResult } from './lib/load.js';

const SERVER = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
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

async function main(): Promise<void> {
  const { fresh, seconds } = benchArgs();
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const databaseUrl = await ensureDataset(SERVER, 'cohesion_bench', SIZE, fresh, log);
  const api = await startApi(databaseUrl);
  try {
    const url = new URL('/graphql', api.url);
    const token = await signIn(url, 'person0@scale.cohesion.example', SCALE_PASSWORD);
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

    const rows: MeasuredShape[] = [];
    for (const shape of shapes) {
      const body = JSON.stringify({ query: shape.query, variables: shape.variables });
      const headers = { authorization: `Bearer ${token}` };
      await runLoad({ url, body, headers, connections: 4, seconds: 2 }); // warm-up
      const runs: LoadResult[] = [];
      for (const connections of CONNECTIONS) runs.push(await runLoad({ url, body, headers, connections, seconds }));
      rows.push({ shape: shape.name, runs });
      log(`  measured: ${shape.name}`);
    }

    report({
      name: 'search',
      title: `Directory search, ${SIZE.practitioners} practitioners / ${SIZE.organisations} organisations / ${SIZE.services} services`,
      firstColumn: 'search',
      targetP95Ms: TARGET_P95_MS,
      size: SIZE,
      seconds,
      rows,
    });
  } finally {
    await api.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
