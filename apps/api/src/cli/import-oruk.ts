/**
 * Imports another publisher's Open Referral UK 3.0 data into the directory.
 *
 *   npm run import:oruk -- https://example.org/openreferral/v3    a whole feed (/services, then each /services/{id})
 *   npm run import:oruk -- services.json                          a saved file: a service, organization,
 *                                                                 service_at_location, taxonomy or term, a list page
 *                                                                 ({"contents": [...]}) or an array of them
 *
 * Uses DATABASE_URL (or the embedded database in DATA_DIR, which the API must not be
 * using at the same time), migrating it first. Runs as the system: its audit rows have
 * no actor. Fetches any address, private networks included (the API's mutation does
 * not). Safe to run again: unchanged records are left alone, changed ones are updated.
 * ORUK_IMPORT_TIMEOUT_MS and ORUK_IMPORT_CONCURRENCY tune the fetching.
 *
 * Prints progress on stderr, then the report: the counts, each invalid or skipped
 * record with its reasons, and the warnings. Exit code 0 when every record is in, 1 when
 * some are invalid, 2 for bad arguments or a source that cannot be read.
 */
import 'reflect-metadata';
import { basename } from 'node:path';
import { progressBar, progressLine, type ImportProgress } from '@cohesion/common';
import type { ImportCounts, ImportIssue, OrukImportReport } from '@cohesion/open-referral';
import { inApplication, readJsonFile, runCommand, UsageError } from './command-line.js';

const USAGE = 'Usage: npm run import:oruk -- URL_OR_FILE';

type Source = { kind: 'feed'; url: string } | { kind: 'file'; name: string; document: unknown };

function readSource(args: string[]): Source {
  const unknown = args.find((arg) => arg.startsWith('--'));
  if (unknown) throw new UsageError(`Unknown option ${unknown}\n${USAGE}`);
  if (args.length !== 1) throw new UsageError(`Give one feed address or file\n${USAGE}`);
  const [target] = args;
  if (/^https?:\/\//i.test(target)) return { kind: 'feed', url: target };
  return { kind: 'file', name: basename(target), document: readJsonFile(target) };
}

/** Progress on stderr: a bar on a terminal, otherwise a line every 5%. */
function progressPrinter(): (progress: ImportProgress) => void {
  const terminal = process.stderr.isTTY;
  let lastShare = -1;
  return ({ phase, done, total }) => {
    if (phase === 'listing') {
      const line = `Reading the feed's list: page ${done}${total ? ` of ${total}` : ''}`;
      process.stderr.write(terminal ? `\r${line}` : `${line}\n`);
      return;
    }
    if (!total) return;
    const share = Math.floor((done / total) * 100);
    if (!terminal && share < lastShare + 5 && done !== total) return;
    lastShare = share;
    const line = `${terminal ? progressBar(done, total) : ''}${progressLine(done, total, 'records')}`;
    process.stderr.write(terminal ? `\r${line}${done === total ? '\n' : ''}` : `${line}\n`);
  };
}

function countsLine(label: string, counts: ImportCounts): string {
  return (
    `${label}: created ${counts.created}, updated ${counts.updated}, unchanged ${counts.unchanged}, ` +
    `skipped ${counts.skipped}, invalid ${counts.invalid}`
  );
}

function describe(issue: ImportIssue): string {
  const what = issue.recordType === 'unknown' ? 'record' : issue.recordType.replace('_', ' ');
  const parts = [what, issue.sourceId, issue.name && `"${issue.name}"`, issue.at && `(${issue.at})`].filter(Boolean);
  return `  ${parts.join(' ')}`;
}

function formatReport(report: OrukImportReport): string {
  const lines = [
    `Source: ${report.source}`,
    countsLine('Services', report.services),
    countsLine('Organisations', report.organisations),
  ];
  if (report.taxonomies.total) lines.push(countsLine('Taxonomies', report.taxonomies));
  if (report.taxonomyTerms.total) lines.push(countsLine('Taxonomy terms', report.taxonomyTerms));
  for (const [title, issues] of [
    ['Invalid', report.invalid],
    ['Skipped', report.skipped],
    ['Warnings', report.warnings],
  ] as const) {
    if (issues.length === 0) continue;
    lines.push(`${title}:`);
    for (const issue of issues) lines.push(describe(issue), ...issue.messages.map((message) => `    ${message}`));
  }
  if (report.issuesNotListed) lines.push(`(${report.issuesNotListed} more issues not listed)`);
  return `${lines.join('\n')}\n`;
}

async function main(): Promise<number> {
  const source = readSource(process.argv.slice(2));
  const what = source.kind === 'feed' ? source.url : source.name;
  return inApplication(
    async () => [(await import('@cohesion/open-referral')).OpenReferralImportModule],
    async (app) => {
      const { OpenReferralImportService } = await import('@cohesion/open-referral');
      const imports = app.get(OpenReferralImportService);
      const options = { allowPrivate: true, onProgress: progressPrinter() };
      const report =
        source.kind === 'feed'
          ? await imports.importFeed(null, source.url, options)
          : await imports.importDocument(null, source.name, source.document, options);
      process.stdout.write(formatReport(report));
      const counts = [report.services, report.organisations, report.taxonomies, report.taxonomyTerms];
      return report.invalid.length > 0 || counts.some((kind) => kind.invalid > 0) ? 1 : 0;
    },
    (message) => `${what} cannot be imported: ${message.replace(/^(url|document): /, '')}`,
  );
}

runCommand(main);
