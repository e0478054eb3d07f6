import { writeFileSync } from 'node:fs';
import os from 'node:os';
import type { DatasetSize } from './dataset.js';
import type { LoadResult } from './load.js';

export interface MeasuredShape {
  shape: string;
  /** At 1 and at 16 clients. */
  runs: LoadResult[];
}

/**
 * Prints the Markdown table of a benchmark (median / p95, with `p99` also p99, and
 * throughput at 1 and 16 clients, and whether p95 meets the target at 16 clients, or at
 * the run `targetRun` names), then any `notes`, and writes the figures (with `extra`) to
 * test/bench/results/<name>.json.
 */
export function report(options: {
  name: string;
  title: string;
  firstColumn: string;
  targetP95Ms: number;
  size: DatasetSize;
  seconds: number;
  rows: MeasuredShape[];
  p99?: boolean;
  targetRun?: number;
  notes?: string[];
  extra?: Record<string, unknown>;
}): void {
  const { rows, targetP95Ms } = options;
  const fmt = (value: number) => value.toFixed(1);
  const clients = (run: LoadResult) => `${run.connections} client${run.connections === 1 ? '' : 's'}`;
  const latency = (run: LoadResult) =>
    `${fmt(run.medianMs)} / ${fmt(run.p95Ms)}${options.p99 ? ` / ${fmt(run.p99Ms)}` : ''}`;
  const percentiles = options.p99 ? 'median / p95 / p99 ms' : 'median / p95 ms';
  const targetRun = options.targetRun ?? 1;
  const [one, sixteen] = rows[0].runs;
  const table = [
    `| ${options.firstColumn} | ${clients(one)}: ${percentiles} | ${clients(one)}: req/s | ${clients(sixteen)}: ${percentiles} | ${clients(sixteen)}: req/s | p95 at ${rows[0].runs[targetRun].connections} < ${targetP95Ms} ms |`,
    '|---|---|---|---|---|---|',
    ...rows.map(
      ({ shape, runs }) =>
        `| ${shape} | ${latency(runs[0])} | ${runs[0].requestsPerSecond.toFixed(0)} | ${latency(runs[1])} | ${runs[1].requestsPerSecond.toFixed(0)} | ${runs[targetRun].p95Ms < targetP95Ms ? 'yes' : 'no'} |`,
    ),
  ].join('\n');
  const errors = rows.flatMap((row) => row.runs).reduce((sum, run) => sum + run.errors, 0);
  const cores = os.cpus().length;
  console.log(`\n${options.title}, ${cores} cores, ${options.seconds} s per run\n`);
  console.log(table);
  console.log(`\nerrors: ${errors}`);
  for (const note of options.notes ?? []) console.log(note);
  writeFileSync(
    `test/bench/results/${options.name}.json`,
    `${JSON.stringify({ date: new Date().toISOString(), size: options.size, cores, seconds: options.seconds, rows, ...options.extra }, null, 2)}\n`,
  );
}
