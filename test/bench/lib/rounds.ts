import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import pg from 'pg';
import { percentile, type LoadResult } from './load.js';

/** The latencies of one timed run. */
export interface Sample {
  latencies: number[];
  errors: number;
  seconds: number;
}

/** Something that can be driven for `seconds` by `connections` clients in a closed loop. */
export type Runner = (connections: number, seconds: number) => Promise<Sample>;

export interface HttpRequest {
  body: string;
  headers?: Record<string, string>;
}

/**
 * Drives a GraphQL endpoint with autocannon: each connection sends the next request as
 * soon as the last one answered, going round `requests`. A non-2xx answer, a body with
 * GraphQL errors, or (with `expect`) any body other than `expect` counts as an error.
 */
export function httpRunner(url: URL, requests: HttpRequest[], expect?: string): Runner {
  return async (connections, seconds) => {
    const latencies: number[] = [];
    let bad = 0;
    const instance = autocannon({
      url: url.toString(),
      connections,
      duration: seconds,
      method: 'POST',
      requests: requests.map((request) => ({
        method: 'POST',
        headers: { 'content-type': 'application/json', ...request.headers },
        body: request.body,
        onResponse: (status: number, body: string) => {
          if (status === 200 && (expect === undefined ? !body.startsWith('{"errors"') : body === expect)) return;
          bad++;
        },
      })),
    });
    instance.on('response', (_client, _status, _bytes, ms) => latencies.push(ms));
    const started = performance.now();
    const result = await instance;
    return {
      latencies,
      errors: bad + result.errors + result.timeouts,
      seconds: (performance.now() - started) / 1000,
    };
  };
}

/**
 * The floor: one hand-written statement per request through `pg` alone, prepared once
 * per connection, its JSON left as the text PostgreSQL sends (nothing else to do).
 */
export function floorRunner(databaseUrl: string, name: string, sql: string, params: unknown[][]): Runner {
  return async (connections, seconds) => {
    const pool = new pg.Pool({ connectionString: databaseUrl, max: connections });
    const latencies: number[] = [];
    let errors = 0;
    let turn = 0;
    const started = performance.now();
    const end = started + seconds * 1000;
    const client = async () => {
      while (performance.now() < end) {
        const sent = performance.now();
        try {
          await pool.query({ name, text: sql, values: params[turn++ % params.length] });
          latencies.push(performance.now() - sent);
        } catch {
          errors++;
        }
      }
    };
    await Promise.all(Array.from({ length: connections }, client));
    const elapsed = (performance.now() - started) / 1000;
    await pool.end();
    return { latencies, errors, seconds: elapsed };
  };
}

export function summarise(connections: number, samples: Sample[]): LoadResult {
  const latencies = samples.flatMap((sample) => sample.latencies).sort((a, b) => a - b);
  const seconds = samples.reduce((sum, sample) => sum + sample.seconds, 0);
  return {
    connections,
    requests: latencies.length,
    errors: samples.reduce((sum, sample) => sum + sample.errors, 0),
    seconds,
    requestsPerSecond: latencies.length / seconds,
    medianMs: percentile(latencies, 0.5),
    p95Ms: percentile(latencies, 0.95),
    p99Ms: percentile(latencies, 0.99),
  };
}

/**
 * Alternating rounds: every runner takes a turn of `seconds` in each round, the order
 * rotating from round to round, so drift of the machine (caches, other work, thermal)
 * falls on all of them alike. Returns each runner's figures over all its turns.
 */
export async function alternate(
  runners: Record<string, Runner>,
  connections: number,
  seconds: number,
  rounds: number,
): Promise<Record<string, LoadResult>> {
  const names = Object.keys(runners);
  const samples = new Map<string, Sample[]>(names.map((name) => [name, []]));
  for (let round = 0; round < rounds; round++) {
    const order = names.map((_, index) => names[(index + round) % names.length]);
    for (const name of order) samples.get(name)?.push(await runners[name](connections, seconds));
  }
  return Object.fromEntries(names.map((name) => [name, summarise(connections, samples.get(name) ?? [])]));
}
