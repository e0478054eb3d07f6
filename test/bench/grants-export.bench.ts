/**
 * Publishing grants as 360Giving data, on the real PostgreSQL server of this machine.
 *
 *   npm run bench:grants [-- --fresh] [-- --runs 5] [-- --only time|memory]
 *
 * Uses its own database, cohesion_bench_grants (built once with set-based SQL, reused
 * after): three councils with 2,500, 10,000 and 40,000 awards, and one application in
 * ten that is not an award. Runs the API in this process (production settings) and
 * fetches the exports over HTTP, as any client would. First checks that the
 * 10,000-award council's JSON holds exactly its 10,000 awards (each once) and its CSV
 * as many rows; then times the JSON and CSV of 10,000 awards (one fund, and a council's
 * two funds) and the fund page's dataQualityWarnings statement, median of several runs.
 *
 * Memory: each council's export (2,500, 10,000 and 40,000 awards) runs in a fresh API
 * process of its own, after a warm-up, sampling while it streams: the peak growth over
 * a baseline taken after a full GC of RSS, of V8 heap used (garbage included), and of
 * the live heap (heap used straight after a forced full GC, every 128 KiB received).
 * This runs twice: with V8's default settings (which let garbage pile up while the heap
 * is far below its limit, so the peak follows the length of the run), and with the old
 * space capped (so garbage must be collected and the peak shows what the export needs).
 * Prints the figures and the ratios between sizes: flat memory means ratios near 1, not
 * the 4x and 16x of the data. Writes test/bench/results/grants-export.json.
 */
import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import pg from 'pg';
import { AppConfig } from '@cohesion/config';
import { createLogger } from '@cohesion/common';
import { DataQualityService } from '@cohesion/grants';
import { AppModule } from '../../apps/api/src/app.module.js';
import { setUpHttp } from '../../apps/api/src/http/http.setup.js';
import { ensureGrantsDataset, GRANTS_BENCH_COUNCILS } from './lib/grants-dataset.js';
import { percentile } from './lib/load.js';

const SERVER = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DATABASE = 'cohesion_bench_grants';
const TARGET_MS = 2000;
const AWARD_STATUSES_SQL = `('AWARDED', 'ACTIVE', 'COMPLETED', 'CLOSED_EARLY')`;

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function args(): { fresh: boolean; runs: number; time: boolean; memory: boolean } {
  const argv = process.argv.slice(2);
  const value = (flag: string) => (argv.includes(flag) ? argv[argv.indexOf(flag) + 1] : undefined);
  const only = value('--only');
  return {
    fresh: argv.includes('--fresh'),
    runs: Number(value('--runs') ?? 5),
    time: only !== 'memory',
    memory: only !== 'time',
  };
}

/** The API, as production configures it, in this process on a free loopback port. */
async function startApi(databaseUrl: string): Promise<{ base: string; app: INestApplication }> {
  const config = AppConfig.fromEnv({
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    JWT_SECRET: randomBytes(32).toString('base64url'),
    LOG_LEVEL: 'warn',
    LOG_FORMAT: 'json',
    WORKER_IN_PROCESS: 'false',
    PUBLIC_URL: 'https://grants.example.org',
  });
  const logger = createLogger(config);
  const app = await NestFactory.create(AppModule.forRoot(config, logger), { logger: false, bodyParser: false });
  setUpHttp(app, config, logger);
  await app.listen(0, '127.0.0.1');
  const port = (app.getHttpServer().address() as AddressInfo).port;
  return { base: `http://127.0.0.1:${port}/grants/360giving`, app };
}

interface Fetched {
  status: number;
  bytes: number;
  ms: number;
  body?: string;
}

/** One GET, read to the end; the body is kept only when asked (timed and memory runs discard it). */
function get(url: string, keep = false, onChunk?: (bytes: number) => void): Promise<Fetched> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    http
      .get(url, { agent: false }, (response) => {
        let bytes = 0;
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => {
          bytes += chunk.length;
          if (keep) chunks.push(chunk);
          onChunk?.(chunk.length);
        });
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            bytes,
            ms: performance.now() - started,
            body: keep ? Buffer.concat(chunks).toString('utf8') : undefined,
          }),
        );
        response.on('error', reject);
      })
      .on('error', reject);
  });
}

interface Peak {
  rssMb: number;
  heapMb: number;
  liveMb: number;
  /** Heap used at the baseline (after GC), for scale. */
  baselineHeapMb: number;
}

const LIVE_SAMPLE_BYTES = 128 * 1024;
/** The second memory pass runs the API with V8's old space capped at this, so garbage cannot simply pile up. */
const CAPPED_OLD_SPACE_MB = 96;

/**
 * Memory while `path` streams, over a baseline taken after a full GC: the peak RSS and
 * heap used (one run, as it comes), then the peak live heap (a second run, forcing a
 * full GC every LIVE_SAMPLE_BYTES received and reading heap used straight after).
 */
async function probe(base: string, path: string, warmUp: string): Promise<Peak> {
  await get(`${base}${warmUp}`);
  await get(`${base}${path}`);
  const settle = () => {
    gc();
    gc();
    return process.memoryUsage();
  };
  let start = settle();
  let rss = start.rss;
  let heap = start.heapUsed;
  const sample = () => {
    const now = process.memoryUsage();
    if (now.rss > rss) rss = now.rss;
    if (now.heapUsed > heap) heap = now.heapUsed;
  };
  const timer = setInterval(sample, 2);
  try {
    if ((await get(`${base}${path}`, false, sample)).status !== 200) throw new Error(`${path} failed`);
  } finally {
    clearInterval(timer);
  }
  const rssMb = (rss - start.rss) / 2 ** 20;
  const heapMb = (heap - start.heapUsed) / 2 ** 20;

  start = settle();
  let live = start.heapUsed;
  let received = 0;
  const measureLive = (bytes: number) => {
    received += bytes;
    if (received < LIVE_SAMPLE_BYTES) return;
    received = 0;
    gc();
    live = Math.max(live, process.memoryUsage().heapUsed);
  };
  if ((await get(`${base}${path}`, false, measureLive)).status !== 200) throw new Error(`${path} failed`);
  return { rssMb, heapMb, liveMb: (live - start.heapUsed) / 2 ** 20, baselineHeapMb: start.heapUsed / 2 ** 20 };
}

/** Runs `probe` in a fresh process of this script, so each size starts from the same state. */
function probeInChild(databaseUrl: string, path: string, warmUp: string, nodeFlags: string[] = []): Promise<Peak> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeFlags, process.argv[1], '--probe', databaseUrl, path, warmUp], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) reject(new Error(`The memory probe for ${path} exited with ${code}`));
      else resolve(JSON.parse(output.trim().split('\n').pop() as string) as Peak);
    });
  });
}

interface BenchCouncilRow {
  code: string;
  id: string;
  awards: number;
  funds: { id: string; awards: number }[];
}

async function councilsIn(databaseUrl: string): Promise<Map<string, BenchCouncilRow>> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<BenchCouncilRow>(
      `SELECT i.identifier AS code, o.id, sum(s.awards)::int AS awards,
              json_agg(json_build_object('id', f.id, 'awards', s.awards) ORDER BY f.financial_year) AS funds
         FROM organisations o
         JOIN organisation_identifiers i ON i.organisation_id = o.id AND i.scheme = 'GB-LAE'
         JOIN grant_funds f ON f.owner_organisation_id = o.id
         CROSS JOIN LATERAL (SELECT count(*)::int AS awards FROM grant_applications a
                              WHERE a.fund_id = f.id AND a.status IN ${AWARD_STATUSES_SQL}) s
        GROUP BY i.identifier, o.id`,
    );
    return new Map(rows.map((row) => [row.code, row]));
  } finally {
    await client.end();
  }
}

const median = (values: number[]) =>
  percentile(
    [...values].sort((a, b) => a - b),
    0.5,
  );
const mb = (value: number) => value.toFixed(1);

async function main(): Promise<void> {
  const { fresh, runs, time, memory: measureMemory } = args();
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const databaseUrl = await ensureGrantsDataset(SERVER, DATABASE, fresh, log);
  const councils = await councilsIn(databaseUrl);
  const [small, middle, large] = GRANTS_BENCH_COUNCILS.map((council) => {
    const found = councils.get(council.code);
    if (!found) throw new Error(`No council ${council.code} in the dataset; try --fresh`);
    return found;
  });

  const { base, app } = await startApi(databaseUrl);
  const fundUrl = (id: string, format: string) => `${base}/funds/${id}.${format}`;
  const councilUrl = (id: string, format: string) => `${base}/councils/${id}.${format}`;
  const timings = [];
  try {
    // Right answers first: every award of the 10,000 council, nothing else.
    const json = await get(councilUrl(middle.id, 'json'), true);
    const parsed = JSON.parse(json.body as string) as { grants: { id: string }[] };
    const unique = new Set(parsed.grants.map((grant) => grant.id));
    if (json.status !== 200 || parsed.grants.length !== middle.awards || unique.size !== middle.awards) {
      throw new Error(`The council JSON has ${parsed.grants.length} grants (${unique.size} ids), not ${middle.awards}`);
    }
    const csv = await get(councilUrl(middle.id, 'csv'), true);
    const records = (csv.body as string).split('\r\n').filter((line) => line !== '').length - 1;
    if (csv.status !== 200 || records !== middle.awards) {
      throw new Error(`The council CSV has ${records} rows, not ${middle.awards}`);
    }
    log(
      `  checked: ${middle.awards} grants in JSON (${mb(json.bytes / 2 ** 20)} MB) and CSV (${mb(csv.bytes / 2 ** 20)} MB)`,
    );

    const tenThousandFund = large.funds[0];
    const timed = [
      { name: 'one fund, JSON', awards: tenThousandFund.awards, url: fundUrl(tenThousandFund.id, 'json') },
      { name: 'one fund, CSV', awards: tenThousandFund.awards, url: fundUrl(tenThousandFund.id, 'csv') },
      { name: 'council (2 funds), JSON', awards: middle.awards, url: councilUrl(middle.id, 'json') },
      { name: 'council (2 funds), CSV', awards: middle.awards, url: councilUrl(middle.id, 'csv') },
    ];
    for (const shape of time ? timed : []) {
      await get(shape.url); // warm-up
      const runsMs: number[] = [];
      let bytes = 0;
      for (let run = 0; run < runs; run++) {
        const fetched = await get(shape.url);
        if (fetched.status !== 200) throw new Error(`${shape.url} answered ${fetched.status}`);
        runsMs.push(fetched.ms);
        bytes = fetched.bytes;
      }
      const { url: _url, ...about } = shape;
      timings.push({
        ...about,
        bytes,
        runsMs,
        medianMs: median(runsMs),
        minMs: Math.min(...runsMs),
        maxMs: Math.max(...runsMs),
      });
      log(`  timed: ${shape.name}`);
    }
    if (time) {
      // The fund page's warnings: one SQL aggregate over the fund's awards, no HTTP.
      const quality = app.get(DataQualityService);
      await quality.forFunds([tenThousandFund.id]);
      const runsMs: number[] = [];
      for (let run = 0; run < runs; run++) {
        const started = performance.now();
        await quality.forFunds([tenThousandFund.id]);
        runsMs.push(performance.now() - started);
      }
      timings.push({
        name: 'dataQualityWarnings of one fund (SQL)',
        awards: tenThousandFund.awards,
        bytes: 0,
        runsMs,
        medianMs: median(runsMs),
        minMs: Math.min(...runsMs),
        maxMs: Math.max(...runsMs),
      });
      log('  timed: dataQualityWarnings');
    }
  } finally {
    await app.close();
  }

  const memory = [];
  for (const capped of measureMemory ? [false, true] : []) {
    for (const format of ['json', 'csv']) {
      for (const council of [small, middle, large]) {
        const path = `/councils/${council.id}.${format}`;
        const flags = capped ? [`--max-old-space-size=${CAPPED_OLD_SPACE_MB}`] : [];
        const peak = await probeInChild(databaseUrl, path, `/councils/${small.id}.${format}`, flags);
        memory.push({ capped, format, awards: council.awards, ...peak });
        log(`  memory: ${format}, ${council.awards} awards${capped ? `, old space ${CAPPED_OLD_SPACE_MB} MB` : ''}`);
      }
    }
  }

  const cores = os.cpus().length;
  if (time) {
    console.log(`\n360Giving export, ${cores} cores, local PostgreSQL, median of ${runs} runs\n`);
    console.log(`| export | awards | size MB | median ms | min / max ms | awards/s | under ${TARGET_MS} ms |`);
    console.log('|---|---|---|---|---|---|---|');
    for (const row of timings) {
      console.log(
        `| ${row.name} | ${row.awards} | ${row.bytes ? mb(row.bytes / 2 ** 20) : '-'} | ${row.medianMs.toFixed(0)} | ${row.minMs.toFixed(0)} / ${row.maxMs.toFixed(0)} | ${((row.awards / row.medianMs) * 1000).toFixed(0)} | ${row.medianMs < TARGET_MS ? 'yes' : 'no'} |`,
      );
    }
  }
  const ratios = [];
  // A ratio of figures under 1 MB says nothing but noise.
  const ratio = (a: number, b: number) => (b >= 1 ? (a / b).toFixed(2) : `n/a (${mb(a)} vs ${mb(b)} MB)`);
  for (const capped of measureMemory ? [false, true] : []) {
    const rows = memory.filter((row) => row.capped === capped);
    console.log(
      `\nPeak memory growth over the baseline while a council export streams, a fresh API process each, ${
        capped ? `V8 old space capped at ${CAPPED_OLD_SPACE_MB} MB` : 'default V8 settings'
      } (baseline heap used ${mb(rows[0].baselineHeapMb)} MB)\n`,
    );
    console.log('| format | awards | RSS MB | heap used MB (garbage included) | live heap MB (after a full GC) |');
    console.log('|---|---|---|---|---|');
    for (const row of rows) {
      console.log(`| ${row.format} | ${row.awards} | ${mb(row.rssMb)} | ${mb(row.heapMb)} | ${mb(row.liveMb)} |`);
    }
    console.log('\nGrowth ratios between sizes (the data grows 4x and 16x):\n');
    console.log(
      '| format | RSS 10k/2.5k | RSS 40k/2.5k | heap 10k/2.5k | heap 40k/2.5k | live 10k/2.5k | live 40k/2.5k |',
    );
    console.log('|---|---|---|---|---|---|---|');
    for (const format of ['json', 'csv']) {
      const [s, m, l] = rows.filter((row) => row.format === format);
      const cells = [
        ratio(m.rssMb, s.rssMb),
        ratio(l.rssMb, s.rssMb),
        ratio(m.heapMb, s.heapMb),
        ratio(l.heapMb, s.heapMb),
        ratio(m.liveMb, s.liveMb),
        ratio(l.liveMb, s.liveMb),
      ];
      ratios.push({ capped, format, cells });
      console.log(`| ${format} | ${cells.join(' | ')} |`);
    }
  }
  writeFileSync(
    'test/bench/results/grants-export.json',
    `${JSON.stringify({ date: new Date().toISOString(), cores, runs, timings, memory, ratios }, null, 2)}\n`,
  );
}

async function probeMain(databaseUrl: string, path: string, warmUp: string): Promise<void> {
  const { base, app } = await startApi(databaseUrl);
  try {
    process.stdout.write(`${JSON.stringify(await probe(base, path, warmUp))}\n`);
  } finally {
    await app.close();
  }
}

const probing = process.argv.indexOf('--probe');
(probing >= 0
  ? probeMain(process.argv[probing + 1], process.argv[probing + 2], process.argv[probing + 3])
  : main()
).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
