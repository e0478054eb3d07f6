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
 * Prints the Markdown table of a benchmark (median / p95 and throughput at 1 and 16
 * clients, and whether p95 at 16 meets the target) and writes the figures to
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
}): void {
  const { rows, targetP95Ms } = options;
  const fmt = (value: number) => value.toFixed(1);
  const table = [
    `| ${options.firstColumn} | 1 client: median / p95 ms | 1 client: req/s | 16 clients: median / p95 ms | 16 clients: req/s | p95 at 16 < ${targetP95Ms} ms |`,
    '|---|---|---|---|---|---|',
    ...rows.map(
      ({ shape, runs: [one, sixteen] }) =>
        `| ${shape} | ${fmt(one.medianMs)} / ${fmt(one.p95Ms)} | ${one.requestsPerSecond.toFixed(0)} | ${fmt(sixteen.medianMs)} / ${fmt(sixteen.p95Ms)} | ${sixteen.requestsPerSecond.toFixed(0)} | ${sixteen.p95Ms < targetP95Ms ? 'yes' : 'no'} |`,
    ),
  ].join('\n');
  const errors = rows.flatMap((row) => row.runs).reduce((sum, run) => sum + run.errors, 0);
  const cores = os.cpus().length;
  console.log(`\n${options.title}, ${cores} cores, ${options.seconds} s per run\n`);
  console.log(table);
  console.log(`\nerrors: ${errors}`);
  writeFileSync(
    `test/bench/results/${options.name}.json`,
    `${JSON.stringify({ date: new Date().toISOString(), size: options.size, cores, seconds: options.seconds, rows }, null, 2)}\n`,
  );
}
