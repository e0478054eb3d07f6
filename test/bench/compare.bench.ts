/**
 * Our API side by side with PostGraphile 4 and with the SQL floor, on the same data, in
 * the same run.
 *
 *   npm run bench [-- --fresh] [-- --seconds 5] [-- --rounds 3] [-- --scale 1m] [-- --only detail,search]
 *
 * Ensures the benchmark dataset (100,000 practitioners, 20,000 organisations, 50,000
 * services, about 2,500,000 connections; database cohesion_bench, reused unless --fresh)
 * and a tenth of it (cohesion_bench_10k; with --scale 1m also ten times it,
 * cohesion_bench_1m), starts our API in production mode and PostGraphile over the same
 * database, checks every shape's answers carry the same data three ways (ours, the peer,
 * the floor), then drives them with autocannon in alternating rounds at 1 and 16
 * connections. Writes test/bench/results/latest.json and latest.md and the comparison
 * section of docs/benchmarks.md. `--only` measures just the named shapes (nestedList, detail,
 * search, suggestedPeers, introductionPath), skips the growth curve and writes nothing:
 * for working on one shape.
 */
import 'reflect-metadata';
import { isDeepStrictEqual } from 'node:util';
import pg from 'pg';
import { toGlobalId } from '@cohesion/common';
import { SCALE_PASSWORD } from '@cohesion/scale-data';
import { startApi, startPeer, type RunningApi } from './lib/api.js';
import { BENCH_SIZE, ensureDataset, type DatasetSize } from './lib/dataset.js';
import { signIn } from './lib/graphql.js';
import type { LoadResult } from './lib/load.js';
import { findPairs } from './lib/network-pairs.js';
import { networkShapes, type NetworkShape } from './lib/network-shapes.js';
import { installPeerSchema, PEER_SCHEMAS } from './lib/peer-schema.js';
import { printComparison, writeComparison, type ComparedRow, type GrowthRow } from './lib/comparison-report.js';
import { alternate, floorRunner, httpRunner, type Runner } from './lib/rounds.js';
import { detailShape, nestedListShape, searchShape, type Shape } from './lib/shapes.js';

const SERVER = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const CONNECTIONS = [1, 16];

/** The growth curve's other sizes: a tenth of the benchmark dataset, and (on demand) ten times it. */
const TENTH: DatasetSize = {
  practitioners: 10_000,
  organisations: 2_000,
  services: 5_000,
  connections: 250_000,
  seed: 42,
};
const TENFOLD: DatasetSize = {
  practitioners: 1_000_000,
  organisations: 200_000,
  services: 500_000,
  connections: 25_000_000,
  seed: 42,
};

interface Args {
  fresh: boolean;
  seconds: number;
  rounds: number;
  million: boolean;
  only: Set<string> | null;
}

function args(): Args {
  const argv = process.argv.slice(2);
  const number = (flag: string, fallback: number) => {
    const index = argv.indexOf(flag);
    const value = index >= 0 ? Number(argv[index + 1]) : fallback;
    if (!Number.isFinite(value) || value <= 0) throw new Error(`${flag} needs a positive number`);
    return value;
  };
  const scale = argv.indexOf('--scale');
  if (scale >= 0 && argv[scale + 1] !== '1m') throw new Error('--scale takes 1m (one million practitioners)');
  const only = argv.indexOf('--only');
  return {
    only: only >= 0 ? new Set(argv[only + 1].split(',')) : null,
    fresh: argv.includes('--fresh'),
    seconds: number('--seconds', 5),
    rounds: number('--rounds', 3),
    million: scale >= 0,
  };
}

const log = (line: string) => process.stderr.write(`${line}\n`);

/** What the shapes are asked about, picked from the data (the same rules on every dataset). */
interface Inputs {
  areaId: string;
  areaName: string;
  themeId: string;
  organisationId: string;
  viewerId: string;
  viewerEmail: string;
  today: string;
}

async function pickInputs(databaseUrl: string): Promise<Inputs> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const one = async <T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T> => {
      const { rows } = await client.query<T>(sql, params);
      if (!rows[0]) throw new Error(`The dataset has nothing for: ${sql.slice(0, 80)}`);
      return rows[0];
    };
    const area = await one<{ id: string; name: string }>(`SELECT id, name FROM areas WHERE code = 'E08000030'`);
    const theme = await one<{ id: string }>(
      `SELECT t.id FROM taxonomy_terms t JOIN taxonomies x ON x.id = t.taxonomy_id
        WHERE x.code = 'cohesion-themes' AND t.code = 'youth'`,
    );
    // The organisation with the most people working there now (up to a page of 100), then the most services.
    const organisation = await one<{ id: string }>(
      `SELECT o.id FROM organisations o
        WHERE o.verified AND o.visibility = 'PUBLIC'
        ORDER BY least(100, (SELECT count(DISTINCT m.practitioner_id) FROM practitioner_memberships m
                              WHERE m.organisation_id = o.id AND (m.end_date IS NULL OR m.end_date >= CURRENT_DATE)))
                 DESC,
                 (SELECT count(*) FROM services s WHERE s.organisation_id = o.id) DESC, o.id
        LIMIT 1`,
    );
    const viewer = await one<{ id: string; email: string }>(
      `SELECT p.id, a.email FROM practitioners p JOIN accounts a ON a.id = p.id
        WHERE p.discoverable
          AND NOT EXISTS (SELECT 1 FROM practitioner_memberships m WHERE m.practitioner_id = p.id AND m.organisation_id = $1)
          AND NOT EXISTS (SELECT 1 FROM practitioner_blocks b WHERE p.id IN (b.blocker_id, b.blocked_id))
        ORDER BY p.id LIMIT 1`,
      [organisation.id],
    );
    const { today } = await one<{ today: string }>(`SELECT CURRENT_DATE::text AS today`);
    return {
      areaId: toGlobalId('Area', area.id),
      areaName: area.name,
      themeId: toGlobalId('TaxonomyTerm', theme.id),
      organisationId: toGlobalId('Organisation', organisation.id),
      viewerId: viewer.id,
      viewerEmail: viewer.email,
      today,
    };
  } finally {
    await client.end();
  }
}

/** The first place two plain answers differ, for the error message. */
function firstDifference(a: unknown, b: unknown, path = '$'): string {
  if (isDeepStrictEqual(a, b)) return '';
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
    return `${path}: ${JSON.stringify(a)?.slice(0, 200)} vs ${JSON.stringify(b)?.slice(0, 200)}`;
  }
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    const found = firstDifference(
      (a as Record<string, unknown>)[key],
      (b as Record<string, unknown>)[key],
      `${path}.${key}`,
    );
    if (found) return found;
  }
  return `${path}: differs`;
}

interface Checked {
  /** The exact bodies each server answered, which every timed answer must repeat. */
  oursBody: string;
  peerBody?: string;
  /** A short account of what was compared. */
  summary: string;
}

async function graphqlBody(url: URL, body: string, token?: string): Promise<string> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body,
  });
  const text = await response.text();
  if (!response.ok || text.startsWith('{"errors"') || text.includes('"errors":[')) {
    throw new Error(`${url.origin} answered ${response.status}: ${text.slice(0, 500)}`);
  }
  return text;
}

const bodyOf = (query: string, variables: Record<string, unknown>) => JSON.stringify({ query, variables });

/** Asks all three for the shape and fails unless they carry the same data. */
async function check(shape: Shape, ours: URL, peer: URL | undefined, databaseUrl: string): Promise<Checked> {
  const oursBody = await graphqlBody(ours, bodyOf(shape.ours.query, shape.ours.variables), shape.ours.token);
  const mine = shape.plain.ours((JSON.parse(oursBody) as { data: Record<string, unknown> }).data);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  let floor: unknown;
  try {
    const { rows } = await client.query<{ result: string }>(shape.floor.sql, shape.floor.params);
    floor = shape.plain.floor(JSON.parse(rows[0].result) as Record<string, unknown>);
  } finally {
    await client.end();
  }
  const fromFloor = firstDifference(mine, floor);
  if (fromFloor) throw new Error(`"${shape.name}": ours and the floor differ at ${fromFloor}`);
  let peerBody: string | undefined;
  if (peer && shape.peer && shape.plain.peer) {
    peerBody = await graphqlBody(peer, bodyOf(shape.peer.query, shape.peer.variables), shape.peer.token);
    const theirs = shape.plain.peer((JSON.parse(peerBody) as { data: Record<string, unknown> }).data);
    const fromPeer = firstDifference(mine, theirs);
    if (fromPeer) throw new Error(`"${shape.name}": ours and PostGraphile differ at ${fromPeer}`);
  }
  const counted = JSON.stringify(mine);
  return { oursBody, peerBody, summary: `${(counted.length / 1024).toFixed(0)} KB of data, same three ways` };
}

/** Ours, the peer and the floor for one shape, in alternating rounds at each connection count. */
async function measure(
  shape: Shape,
  ours: RunningApi,
  peer: RunningApi,
  databaseUrl: string,
  options: { seconds: number; rounds: number; connections: number[] },
): Promise<ComparedRow> {
  const oursUrl = new URL('/graphql', ours.url);
  const peerUrl = new URL('/graphql', peer.url);
  const checked = await check(shape, oursUrl, peerUrl, databaseUrl);
  log(`  checked ${shape.key}: ${checked.summary}`);
  const runners: Record<string, Runner> = {
    ours: httpRunner(
      oursUrl,
      [
        {
          body: bodyOf(shape.ours.query, shape.ours.variables),
          headers: shape.ours.token ? { authorization: `Bearer ${shape.ours.token}` } : {},
        },
      ],
      checked.oursBody,
    ),
    floor: floorRunner(databaseUrl, shape.key, shape.floor.sql, [shape.floor.params]),
  };
  if (shape.peer && checked.peerBody) {
    runners.peer = httpRunner(peerUrl, [{ body: bodyOf(shape.peer.query, shape.peer.variables) }], checked.peerBody);
  }
  return timed(shape.key, shape.name, runners, options);
}

/** Warms the runners up, then times them in alternating rounds at each connection count. */
async function timed(
  key: string,
  name: string,
  runners: Record<string, Runner>,
  options: { seconds: number; rounds: number; connections: number[] },
): Promise<ComparedRow> {
  // Warm-up: code paths compiled, plans cached, pools filled.
  await alternate(runners, 4, 2, 1);
  const runs: Record<string, LoadResult[]> = { ours: [], peer: [], floor: [] };
  for (const connections of options.connections) {
    const results = await alternate(runners, connections, options.seconds, options.rounds);
    for (const [side, result] of Object.entries(results)) runs[side].push(result);
  }
  log(`  measured ${key}`);
  return { key, name, ours: runs.ours, peer: runs.peer.length ? runs.peer : undefined, floor: runs.floor };
}

/** The network shapes: ours against the floor only (PostGraphile has no such query). */
async function measureNetwork(
  shape: NetworkShape,
  ours: RunningApi,
  databaseUrl: string,
  options: { seconds: number; rounds: number; connections: number[] },
): Promise<ComparedRow> {
  const url = new URL('/graphql', ours.url);
  await shape.check(url, databaseUrl);
  log(`  checked ${shape.key}: ${shape.checked}`);
  const runners: Record<string, Runner> = {
    ours: httpRunner(url, shape.requests),
    floor: floorRunner(databaseUrl, shape.key, shape.floor.sql, shape.floor.params),
  };
  return timed(shape.key, shape.name, runners, options);
}

/** Both servers over one dataset, for as long as `work` runs. */
async function withServers<T>(
  databaseUrl: string,
  work: (ours: RunningApi, peer: RunningApi) => Promise<T>,
): Promise<T> {
  await installPeerSchema(databaseUrl);
  const ours = await startApi(databaseUrl);
  try {
    const peer = await startPeer(databaseUrl, PEER_SCHEMAS);
    try {
      return await work(ours, peer);
    } finally {
      await peer.stop();
    }
  } finally {
    await ours.stop();
  }
}

async function growthAt(size: DatasetSize, name: string, options: Args): Promise<GrowthRow[]> {
  const databaseUrl = await ensureDataset(SERVER, name, size, options.fresh, log);
  const inputs = await pickInputs(databaseUrl);
  return withServers(databaseUrl, async (ours, peer) => {
    const rows: GrowthRow[] = [];
    for (const shape of [
      nestedListShape(inputs.areaId, inputs.areaName),
      searchShape('youth', inputs.areaId, inputs.themeId, inputs.areaName),
    ]) {
      const row = await measure(shape, ours, peer, databaseUrl, { ...options, rounds: 1, connections: CONNECTIONS });
      rows.push({ practitioners: size.practitioners, ...row });
    }
    return rows;
  });
}

async function main(): Promise<void> {
  const options = args();
  const started = Date.now();
  const databaseUrl = await ensureDataset(SERVER, 'cohesion_bench', BENCH_SIZE, options.fresh, log);
  const inputs = await pickInputs(databaseUrl);
  const wanted = (key: string) => !options.only || options.only.has(key);
  const pairs =
    wanted('suggestedPeers') || wanted('introductionPath')
      ? await findPairs(databaseUrl, { sample: 400, callers: 24 }, log)
      : null;

  const rows = await withServers(databaseUrl, async (ours, peer) => {
    const url = new URL('/graphql', ours.url);
    const token = await signIn(url, inputs.viewerEmail, SCALE_PASSWORD);
    const measured: ComparedRow[] = [];
    const shapes = [
      nestedListShape(inputs.areaId, inputs.areaName),
      detailShape(inputs.organisationId, inputs.viewerId, token, inputs.today),
      searchShape('youth', inputs.areaId, inputs.themeId, inputs.areaName),
    ];
    for (const shape of shapes.filter((one) => wanted(one.key))) {
      measured.push(await measure(shape, ours, peer, databaseUrl, { ...options, connections: CONNECTIONS }));
    }
    for (const shape of pairs ? await networkShapes(url, databaseUrl, pairs) : []) {
      if (!wanted(shape.key)) continue;
      measured.push(await measureNetwork(shape, ours, databaseUrl, { ...options, connections: CONNECTIONS }));
    }
    return measured;
  });
  if (options.only) {
    printComparison({ size: BENCH_SIZE, seconds: options.seconds, rounds: options.rounds, rows, growth: [] });
    return;
  }

  const growth: GrowthRow[] = [];
  growth.push(...(await growthAt(TENTH, 'cohesion_bench_10k', options)));
  for (const row of rows.filter((row) => row.key === 'nestedList' || row.key === 'search')) {
    growth.push({ practitioners: BENCH_SIZE.practitioners, ...row });
  }
  if (options.million) growth.push(...(await growthAt(TENFOLD, 'cohesion_bench_1m', options)));

  await writeComparison({
    size: BENCH_SIZE,
    seconds: options.seconds,
    rounds: options.rounds,
    rows,
    growth,
    minutes: (Date.now() - started) / 60_000,
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
