/**
 * The network under load, on the real PostgreSQL server of this machine.
 *
 *   npm run bench:network [-- --fresh] [-- --seconds 10]
 *
 * Uses the benchmark dataset (100,000 practitioners, about 2,500,000 connections; built
 * once in the database cohesion_bench), starts the API in production mode and signs in
 * as many different practitioners. It picks pairs of people exactly 4 connections apart
 * and pairs more than 4 apart (worked out here from each person's neighbourhood, not by
 * the code under test), checks every answer, then measures suggestedPeers and
 * introductionPath (found at 4 hops, and not found within 4) at 1 and 16 concurrent
 * clients: median, p95 and p99 latency and requests per second. Prints a table and
 * writes test/bench/results/network.json.
 */
import 'reflect-metadata';
import { toGlobalId } from '@cohesion/common';
import { startApi } from './lib/api.js';
import { BENCH_SIZE as SIZE, ensureDataset } from './lib/dataset.js';
import { benchArgs, gql } from './lib/graphql.js';
import { report, type MeasuredShape } from './lib/report.js';
import { runLoad, type LoadRequest, type LoadResult } from './lib/load.js';
import { findPairs, signInCallers } from './lib/network-pairs.js';

const SERVER = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const CONNECTIONS = [1, 16];
const TARGET_P95_MS = 100;
/** People sampled to find pairs among, and callers (each signs in once). */
const SAMPLE = 400;
const CALLERS = 24;

const SUGGESTED = `query S { suggestedPeers(first: 10) { score mutualConnections reasons practitioner { id fullName } } }`;
const PATH = `query P($to: ID!) { introductionPath(to: $to, maxHops: 4) { hops practitioners { id fullName } } }`;

async function main(): Promise<void> {
  const { fresh, seconds } = benchArgs();
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const databaseUrl = await ensureDataset(SERVER, 'cohesion_bench', SIZE, fresh, log);
  const pairs = await findPairs(databaseUrl, { sample: SAMPLE, callers: CALLERS }, log);
  if (pairs.fourApart.length === 0 || pairs.beyondFour.length === 0) {
    throw new Error('The dataset has no pairs 4 apart or beyond 4 among the sample; try --fresh');
  }
  const api = await startApi(databaseUrl);
  try {
    const url = new URL('/graphql', api.url);
    const tokens = await signInCallers(url, databaseUrl, pairs.callers);
    const headers = (caller: string) => ({ authorization: `Bearer ${tokens.get(caller) as string}` });
    const pathRequest = ([from, to]: [string, string]): LoadRequest => ({
      body: JSON.stringify({ query: PATH, variables: { to: toGlobalId('Practitioner', to) } }),
      headers: headers(from),
    });

    // Every request must give the right answer before anything is timed.
    let suggestions = 0;
    for (const caller of pairs.callers) {
      const result = await gql(url, SUGGESTED, {}, tokens.get(caller));
      const list = result.data?.suggestedPeers as { reasons: string[] }[] | undefined;
      if (result.errors || !list || list.length === 0) {
        throw new Error(`suggestedPeers gave nothing: ${JSON.stringify(result.errors ?? result.data)}`);
      }
      suggestions += list.length;
    }
    for (const [from, to] of pairs.fourApart) {
      const result = await gql(url, PATH, { to: toGlobalId('Practitioner', to) }, tokens.get(from));
      const found = result.data?.introductionPath as { hops: number; practitioners: unknown[] } | null | undefined;
      if (result.errors || found?.hops !== 4 || found.practitioners.length !== 5) {
        throw new Error(`introductionPath should find 4 hops: ${JSON.stringify(result.errors ?? result.data)}`);
      }
    }
    for (const [from, to] of pairs.beyondFour) {
      const result = await gql(url, PATH, { to: toGlobalId('Practitioner', to) }, tokens.get(from));
      if (result.errors || result.data?.introductionPath !== null) {
        throw new Error(`introductionPath should find none: ${JSON.stringify(result.errors ?? result.data)}`);
      }
    }
    log(`  checked: ${suggestions} suggestions, ${pairs.fourApart.length} paths of 4, ${pairs.beyondFour.length} none`);

    const shapes: { name: string; requests: LoadRequest[] }[] = [
      {
        name: `suggestedPeers(first: 10), ${pairs.callers.length} callers`,
        requests: pairs.callers.map((caller) => ({
          body: JSON.stringify({ query: SUGGESTED }),
          headers: headers(caller),
        })),
      },
      {
        name: `introductionPath, found at 4 hops (${pairs.fourApart.length} pairs)`,
        requests: pairs.fourApart.map(pathRequest),
      },
      {
        name: `introductionPath, none within 4 (${pairs.beyondFour.length} pairs)`,
        requests: pairs.beyondFour.map(pathRequest),
      },
    ];
    const rows: MeasuredShape[] = [];
    for (const shape of shapes) {
      await runLoad({ url, requests: shape.requests, connections: 4, seconds: 2 }); // warm-up
      const runs: LoadResult[] = [];
      for (const connections of CONNECTIONS) {
        runs.push(await runLoad({ url, requests: shape.requests, connections, seconds }));
      }
      rows.push({ shape: shape.name, runs });
      log(`  measured: ${shape.name}`);
    }

    report({
      name: 'network',
      title: `Network, ${SIZE.practitioners} practitioners / ${SIZE.connections} connections`,
      firstColumn: 'operation',
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
