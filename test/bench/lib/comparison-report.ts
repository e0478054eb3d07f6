import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import prettier from 'prettier';
import type { DatasetSize } from './dataset.js';
import type { LoadResult } from './load.js';

/** One shape's figures: each side's run at 1 and at 16 connections. */
export interface ComparedRow {
  key: string;
  name: string;
  ours: LoadResult[];
  peer?: LoadResult[];
  floor: LoadResult[];
}

export interface GrowthRow extends ComparedRow {
  practitioners: number;
}

/** The shapes held to the targets: throughput at 16 at least the peer's, median at 1 within 2x the floor. */
const TARGETED = new Set(['nestedList', 'detail', 'search']);
/** The page whose comparison section each full run rewrites. */
export const BENCHMARKS_PAGE = 'docs/benchmarks.md';
const START = '<!-- bench:compare:start -->';
const END = '<!-- bench:compare:end -->';

const ms = (value: number) => value.toFixed(1);
const rate = (run: LoadResult) => run.requestsPerSecond.toFixed(0);
const latency = (run: LoadResult) => `${ms(run.medianMs)} / ${ms(run.p95Ms)}`;
const thousands = (value: number) => value.toLocaleString('en-GB');

export interface Verdict {
  throughputRatio: number | null;
  floorRatio: number;
  met: boolean | null;
}

export function verdictOf(row: ComparedRow): Verdict {
  const throughputRatio = row.peer ? row.ours[1].requestsPerSecond / row.peer[1].requestsPerSecond : null;
  const floorRatio = row.ours[0].medianMs / row.floor[0].medianMs;
  const met = TARGETED.has(row.key) ? (throughputRatio ?? 0) >= 1 && floorRatio <= 2 : null;
  return { throughputRatio, floorRatio, met };
}

function markdown(options: {
  size: DatasetSize;
  seconds: number;
  rounds: number;
  rows: ComparedRow[];
  growth: GrowthRow[];
  date: string;
}): string {
  const { size, rows } = options;
  const lines = [
    `Measured ${options.date.slice(0, 10)} on ${os.cpus().length} cores, ${thousands(size.practitioners)} practitioners / ` +
      `${thousands(size.organisations)} organisations / ${thousands(size.services)} services / ` +
      `${thousands(size.connections)} connections; ${options.rounds} alternating rounds of ${options.seconds} s per side ` +
      `and connection count. Latency in ms (median / p95), client side over loopback; the floor is one hand-written ` +
      `statement through \`pg\`, no HTTP.`,
    '',
    '| shape | ours: 1 conn | PostGraphile: 1 conn | floor: 1 conn | ours / floor (median) | ours: 16 conns, req/s | PostGraphile: 16 conns, req/s | floor: 16 conns, req/s | ours / PostGraphile (req/s at 16) | targets met |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...rows
      .map((row) => {
        const verdict = verdictOf(row);
        const peer = row.peer;
        return [
          row.name,
          `${latency(row.ours[0])} (${rate(row.ours[0])} req/s)`,
          peer ? `${latency(peer[0])} (${rate(peer[0])} req/s)` : 'n/a',
          `${latency(row.floor[0])} (${rate(row.floor[0])} req/s)`,
          `${verdict.floorRatio.toFixed(2)}x`,
          `${rate(row.ours[1])} (${latency(row.ours[1])})`,
          peer ? `${rate(peer[1])} (${latency(peer[1])})` : 'n/a',
          `${rate(row.floor[1])} (${latency(row.floor[1])})`,
          verdict.throughputRatio === null ? 'n/a' : verdict.throughputRatio.toFixed(2),
          verdict.met === null ? 'not targeted' : verdict.met ? 'yes' : 'no',
        ].join(' | ');
      })
      .map((line) => `| ${line} |`),
  ];
  if (options.growth.length) {
    const sizes = [...new Set(options.growth.map((row) => row.practitioners))].sort((a, b) => a - b);
    lines.push(
      '',
      'Growth with data size (1 connection median ms, and req/s at 16 connections; ours / PostGraphile / floor):',
      '',
      `| shape | ${sizes.map((n) => `${thousands(n)} practitioners`).join(' | ')} |`,
      `|---|${sizes.map(() => '---').join('|')}|`,
    );
    for (const key of ['nestedList', 'search']) {
      const cells = sizes.map((n) => {
        const row = options.growth.find((candidate) => candidate.key === key && candidate.practitioners === n);
        if (!row) return 'n/a';
        const peer = row.peer;
        return (
          `${ms(row.ours[0].medianMs)} / ${peer ? ms(peer[0].medianMs) : 'n/a'} / ${ms(row.floor[0].medianMs)} ms; ` +
          `${rate(row.ours[1])} / ${peer ? rate(peer[1]) : 'n/a'} / ${rate(row.floor[1])} req/s`
        );
      });
      lines.push(`| ${key === 'nestedList' ? 'nested list' : 'search'} | ${cells.join(' | ')} |`);
    }
  }
  const errors = [...rows, ...options.growth]
    .flatMap((row) => [...row.ours, ...(row.peer ?? []), ...row.floor])
    .reduce((sum, run) => sum + run.errors, 0);
  lines.push('', `Errors or answers differing from the checked ones during timing: ${errors}.`);
  return `${lines.join('\n')}\n`;
}

/** Prints the comparison tables only. */
export function printComparison(options: {
  size: DatasetSize;
  seconds: number;
  rounds: number;
  rows: ComparedRow[];
  growth: GrowthRow[];
}): void {
  console.log(`\n${markdown({ ...options, date: new Date().toISOString() })}`);
}

/** Markdown as the repository's formatter (npm run lint) keeps it. */
async function formatted(text: string, path: string): Promise<string> {
  const config = await prettier.resolveConfig(path);
  return prettier.format(text, { ...config, filepath: path });
}

/**
 * Prints the comparison and writes it: test/bench/results/latest.json (every figure),
 * latest.md (the tables), and the section of docs/benchmarks.md between the bench:compare markers.
 */
export async function writeComparison(options: {
  size: DatasetSize;
  seconds: number;
  rounds: number;
  rows: ComparedRow[];
  growth: GrowthRow[];
  minutes: number;
}): Promise<void> {
  const date = new Date().toISOString();
  const table = markdown({ ...options, date });
  console.log(`\n${table}`);
  console.log(`Finished in ${options.minutes.toFixed(1)} minutes.`);
  writeFileSync(
    'test/bench/results/latest.json',
    `${JSON.stringify(
      {
        date,
        cores: os.cpus().length,
        size: options.size,
        seconds: options.seconds,
        rounds: options.rounds,
        minutes: Math.round(options.minutes * 10) / 10,
        rows: options.rows.map((row) => ({ ...row, verdict: verdictOf(row) })),
        growth: options.growth,
      },
      null,
      2,
    )}\n`,
  );
  writeFileSync('test/bench/results/latest.md', await formatted(table, 'test/bench/results/latest.md'));
  const page = withComparison(readFileSync(BENCHMARKS_PAGE, 'utf8'), table, BENCHMARKS_PAGE);
  writeFileSync(BENCHMARKS_PAGE, await formatted(page, BENCHMARKS_PAGE));
}

/** The page with the text between its bench:compare markers replaced by the table, the rest as it was. */
export function withComparison(page: string, table: string, path: string): string {
  const start = page.indexOf(START);
  const end = page.indexOf(END);
  if (start < 0 || end < start) throw new Error(`${path} has no ${START} ... ${END} section to fill`);
  return `${page.slice(0, start + START.length)}\n\n${table}\n${page.slice(end)}`;
}
