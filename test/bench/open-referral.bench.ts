/**
 * The Open Referral UK 3.0 feed under load, on the real PostgreSQL server of this machine.
 *
 *   npm run bench:oruk [-- --fresh] [-- --seconds 10] [-- --whole-runs 5]
 *
 * Uses the benchmark dataset (50,000 services of 20,000 organisations, built once in the
 * database cohesion_bench) and counts how many of them the feed publishes (active, public,
 * of verified organisations listed publicly). Starts the API in production mode with the
 * feed's rate limit out of the way, checks each request answers 200 with content, then
 * measures, at 1 and 16 concurrent clients over kept-alive loopback connections, median,
 * p95 and p99 latency and requests per second of: /services (first, middle and last
 * page of 50, full=true, a search, a taxonomy term, modified_after), /services/{id}
 * fully nested, and /service_at_locations near a postcode. The whole directory in one
 * answer (minimal=true, and the format=ndjson stream) is timed on its own, a few runs at
 * one client, with its size. Prints a table and the telling ratios, and writes
 * test/bench/results/open-referral.json.
 */
import 'reflect-metadata';
import http from 'node:http';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { inApplication } from '../../apps/api/src/cli/command-line.js';
import { startApi } from './lib/api.js';
import { dropDatabase, prepareDatabase } from './lib/bench-database.js';
import { BENCH_SIZE as SIZE, ensureDataset } from './lib/dataset.js';
import { benchArgs } from './lib/graphql.js';
import { get, percentile, runLoad, type LoadRequest, type LoadResult } from './lib/load.js';
import { report, type MeasuredShape } from './lib/report.js';

const SERVER = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const CONNECTIONS = [1, 16];
/** A feed page is a plain indexed read: p95 under this at one client. */
const TARGET_P95_MS = 100;
const BASE = '/openreferral/v3';
/** Services fetched one by one, in turn (so no single row stays hot). */
const ITEM_IDS = 200;

interface FeedPage {
  total_items: number;
  total_pages: number;
  last_page: boolean;
  contents: { id: string }[];
}

interface Shape {
  name: string;
  requests: LoadRequest[];
}

function wholeRuns(): number {
  const argv = process.argv.slice(2);
  const index = argv.indexOf('--whole-runs');
  return index >= 0 ? Number(argv[index + 1]) : 5;
}

interface Whole {
  name: string;
  services: number;
  bytes: number;
  runsMs: number[];
  medianMs: number;
  minMs: number;
  maxMs: number;
}

/** What the shapes need from the data: a theme's term id and when the latest services were written. */
async function lookups(databaseUrl: string): Promise<{ youthTermId: string; recent: Date; recentServices: number }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const term = await client.query<{ id: string }>(
      `SELECT t.id FROM taxonomy_terms t JOIN taxonomies x ON x.id = t.taxonomy_id
        WHERE x.code = 'cohesion-themes' AND t.code = 'youth'`,
    );
    // The generator writes services in batches of 5,000: "recent" is the last batch.
    const latest = await client.query<{ at: Date; services: number }>(
      `SELECT max(updated_at) AS at, count(*) FILTER (WHERE updated_at = (SELECT max(updated_at) FROM services))::int
         AS services FROM services`,
    );
    if (!term.rows[0]) throw new Error('No youth theme in the dataset; try --fresh');
    return { youthTermId: term.rows[0].id, recent: latest.rows[0].at, recentServices: latest.rows[0].services };
  } finally {
    await client.end();
  }
}

/** How many services the import is timed with (fetched fully nested from the feed under test). */
const IMPORT_SERVICES = 2_000;

interface ImportRate {
  services: number;
  created: number;
  unchanged: number;
  warnings: number;
  firstMs: number;
  againMs: number;
}

/**
 * The import rate: services read from the feed under test, fully nested, imported into
 * a fresh database on the same server (migrated first, dropped after), then imported
 * again (the nightly-sync case: every service found and found unchanged). Only the
 * imports are timed, not the reading of the feed or the start-up.
 */
async function measureImport(services: unknown[]): Promise<ImportRate> {
  const name = `cohesion_bench_import_${process.pid}`;
  try {
    process.env.DATABASE_URL = (await prepareDatabase(SERVER, name, null, true)).url;
    process.env.SEED_DEMO = 'false';
    const { OpenReferralImportModule, OpenReferralImportService } = await import('@cohesion/open-referral');
    return await inApplication(
      () => Promise.resolve([OpenReferralImportModule]),
      async (app) => {
        const imports = app.get(OpenReferralImportService);
        let started = performance.now();
        const first = await imports.importDocument(null, 'bench.json', services);
        const firstMs = performance.now() - started;
        started = performance.now();
        const again = await imports.importDocument(null, 'bench.json', services);
        const againMs = performance.now() - started;
        if (first.services.created !== services.length || again.services.unchanged !== services.length) {
          throw new Error(
            `the import took ${first.services.created} and then found ${again.services.unchanged} unchanged of ${services.length}: ${JSON.stringify(first.invalid.slice(0, 3))}`,
          );
        }
        return {
          services: services.length,
          created: first.services.created,
          unchanged: again.services.unchanged,
          warnings: first.warnings.length,
          firstMs,
          againMs,
        };
      },
      (message) => message,
    );
  } finally {
    await dropDatabase(SERVER, name);
  }
}

async function main(): Promise<void> {
  const { fresh, seconds } = benchArgs();
  const runsOfWhole = wholeRuns();
  // Other work on the machine shows in the figures: the load average says how much there was.
  const loadBefore = os.loadavg()[0];
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const databaseUrl = await ensureDataset(SERVER, 'cohesion_bench', SIZE, fresh, log);
  const { youthTermId, recent, recentServices } = await lookups(databaseUrl);
  const api = await startApi(databaseUrl, { ORUK_RATE_LIMIT: '1000000' });
  const agent = new http.Agent({ keepAlive: true });
  try {
    const at = (path: string, query: Record<string, string | number> = {}) => {
      const url = new URL(`${BASE}${path}`, api.url);
      for (const [name, value] of Object.entries(query)) url.searchParams.set(name, String(value));
      return url;
    };
    /** One read outside the timed runs: must be a 200 with content. */
    const read = async <T extends object>(url: URL): Promise<{ json: T; bytes: number }> => {
      const answer = await get(agent, url);
      const json = answer.status === 200 ? (JSON.parse(answer.body) as T) : undefined;
      const items = json && (json as Partial<FeedPage>).contents;
      if (!json || (items !== undefined && items.length === 0) || (items === undefined && !('id' in json))) {
        throw new Error(`${url.pathname}${url.search} answered ${answer.status}: ${answer.body.slice(0, 300)}`);
      }
      return { json, bytes: Buffer.byteLength(answer.body) };
    };

    const first = (await read<FeedPage>(at('/services'))).json;
    const published = first.total_items;
    log(
      `  the feed publishes ${published} of ${SIZE.services} services (${((published / SIZE.services) * 100).toFixed(0)}%), ${first.total_pages} pages of 50`,
    );
    const middlePage = Math.ceil(first.total_pages / 2);
    const itemIds = (
      await read<FeedPage>(at('/services', { page: Math.ceil(published / ITEM_IDS / 2), per_page: ITEM_IDS }))
    ).json.contents.map((item) => item.id);

    const one = (name: string, url: URL): Shape => ({ name, requests: [{ url }] });
    const shapes: Shape[] = [
      one('/services, first page', at('/services')),
      one(`/services, middle page (${middlePage})`, at('/services', { page: middlePage })),
      one(`/services, last page (${first.total_pages})`, at('/services', { page: first.total_pages })),
      one('/services?full=true, first page', at('/services', { full: 'true' })),
      one('/services?search=food bank', at('/services', { search: 'food bank' })),
      one('/services?taxonomy_term_id= (youth theme)', at('/services', { taxonomy_term_id: youthTermId })),
      one(
        `/services?modified_after= (last ${recentServices} written)`,
        at('/services', { modified_after: recent.toISOString() }),
      ),
      {
        name: `/services/{id}, fully nested (${itemIds.length} ids in turn)`,
        requests: itemIds.map((id) => ({ url: at(`/services/${id}`) })),
      },
      one(
        '/service_at_locations?postcode=WS1 1TP&proximity=5000',
        at('/service_at_locations', { postcode: 'WS1 1TP', proximity: 5000 }),
      ),
    ];

    // Every request must answer with something real before it is timed.
    const totals = new Map<string, number>();
    for (const shape of shapes) {
      for (const request of shape.requests) {
        const { json, bytes } = await read<Partial<FeedPage>>(request.url as URL);
        if (request === shape.requests[0]) {
          totals.set(shape.name, json.total_items ?? 1);
          log(`  ${shape.name}: ${json.total_items ?? 1} items, ${(bytes / 1024).toFixed(0)} KiB`);
        }
      }
    }

    // The whole directory in one answer: every published service, each time; a few runs, one client.
    const whole: Whole[] = [];
    const wholeShapes = [
      {
        name: 'minimal=true',
        url: at('/services', { minimal: 'true' }),
        count: (body: string) => (JSON.parse(body) as FeedPage).contents.length,
      },
      {
        name: 'format=ndjson',
        url: at('/services', { format: 'ndjson' }),
        count: (body: string) => body.split('\n').length - 1,
      },
    ];
    for (const shape of wholeShapes) {
      const runsMs: number[] = [];
      let bytes = 0;
      for (let run = 0; run <= runsOfWhole; run++) {
        const started = performance.now();
        const answer = await get(agent, shape.url);
        const ms = performance.now() - started;
        const services = answer.status === 200 ? shape.count(answer.body) : 0;
        if (services !== published) {
          throw new Error(`${shape.name} answered ${answer.status} with ${services} services, not ${published}`);
        }
        // The first run checks and warms up.
        if (run > 0) runsMs.push(ms);
        bytes = Buffer.byteLength(answer.body);
      }
      runsMs.sort((a, b) => a - b);
      whole.push({
        name: shape.name,
        services: published,
        bytes,
        runsMs,
        medianMs: percentile(runsMs, 0.5),
        minMs: runsMs[0],
        maxMs: runsMs[runsMs.length - 1],
      });
      log(`  timed: ${shape.name}`);
    }

    // The import: a slice of this feed, fully nested, into an empty directory and again.
    const toImport: unknown[] = [];
    for (let page = 1; toImport.length < IMPORT_SERVICES; page++) {
      const { json } = await read<FeedPage>(at('/services', { full: 'true', per_page: 500, page }));
      toImport.push(...json.contents.slice(0, IMPORT_SERVICES - toImport.length));
      if (json.last_page) break;
    }
    const imported = await measureImport(toImport);
    log('  timed: the import');

    const rows: MeasuredShape[] = [];
    for (const shape of shapes) {
      const load = { url: shape.requests[0].url as URL, method: 'GET' as const, requests: shape.requests };
      await runLoad({ ...load, connections: 4, seconds: 2 }); // warm-up
      const runs: LoadResult[] = [];
      for (const connections of CONNECTIONS) runs.push(await runLoad({ ...load, connections, seconds }));
      rows.push({ shape: shape.name, runs });
      log(`  measured: ${shape.name}`);
    }

    // Ratios of medians at one client: what paging deep, nesting and filtering cost over the first page.
    const median = (index: number) => rows[index].runs[0].medianMs;
    const ratios = {
      middlePageOverFirst: median(1) / median(0),
      lastPageOverFirst: median(2) / median(0),
      fullOverBasic: median(3) / median(0),
      searchOverFirst: median(4) / median(0),
      taxonomyTermOverFirst: median(5) / median(0),
      modifiedAfterOverFirst: median(6) / median(0),
      throughput16Over1: Object.fromEntries(
        rows.map((row) => [row.shape, row.runs[1].requestsPerSecond / row.runs[0].requestsPerSecond]),
      ),
    };
    const x = (value: number) => `${value.toFixed(2)}x`;
    report({
      name: 'open-referral',
      title: `Open Referral UK feed, ${published} published of ${SIZE.services} services / ${SIZE.organisations} organisations`,
      firstColumn: 'request',
      targetP95Ms: TARGET_P95_MS,
      targetRun: 0,
      p99: true,
      size: SIZE,
      seconds,
      rows,
      notes: [
        '',
        ...whole.map(
          (shape) =>
            `${shape.name}: all ${shape.services} services in one answer, ${(shape.bytes / 2 ** 20).toFixed(1)} MB, median ${shape.medianMs.toFixed(0)} ms (min / max ${shape.minMs.toFixed(0)} / ${shape.maxMs.toFixed(0)}) over ${runsOfWhole} runs at 1 client, ${((shape.services / shape.medianMs) * 1000).toFixed(0)} services/s`,
        ),
        '',
        `Median at 1 client, against the first page: middle page ${x(ratios.middlePageOverFirst)}, last page ${x(ratios.lastPageOverFirst)}, full=true ${x(ratios.fullOverBasic)}, search ${x(ratios.searchOverFirst)}, taxonomy term ${x(ratios.taxonomyTermOverFirst)}, modified_after ${x(ratios.modifiedAfterOverFirst)}`,
        `Load average (1 min) before / after: ${loadBefore.toFixed(2)} / ${os.loadavg()[0].toFixed(2)} on ${os.cpus().length} cores`,
        `Import: ${imported.services} services from this feed (fully nested) into an empty database in ${(imported.firstMs / 1000).toFixed(1)} s, ${((imported.services / imported.firstMs) * 1000).toFixed(0)} services/s (${imported.warnings} with warnings); again, all found unchanged, in ${(imported.againMs / 1000).toFixed(1)} s, ${((imported.services / imported.againMs) * 1000).toFixed(0)} services/s`,
      ],
      extra: {
        published,
        totals: Object.fromEntries(totals),
        whole,
        ratios,
        loadAverage: { before: loadBefore, after: os.loadavg()[0] },
        import: imported,
      },
    });
  } finally {
    agent.destroy();
    await api.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
