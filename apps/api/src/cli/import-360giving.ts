/**
 * Imports a 360Giving 1.4.3 JSON package of past awards into a fund.
 *
 *   npm run import:360giving -- --fund <fund uuid or programme code> FILE
 *
 * Uses DATABASE_URL (or the embedded database in DATA_DIR, which the API must not be
 * using at the same time), migrating it first. Runs as the system: its audit rows have
 * no actor. Safe to run again: grants already imported are left alone, changed ones
 * are updated.
 *
 * Prints progress for big files (on stderr), then the report: the counts, each rejected
 * grant with its reasons, and the warnings. Exit code 0 when every grant is in the fund,
 * 1 when some were rejected, 2 for bad arguments or a file that is not a 360Giving package.
 */
import 'reflect-metadata';
import { progressLine, type ImportProgress } from '@cohesion/common';
import type { FundSummary, ImportReport } from '@cohesion/grants';
import { inApplication, readJsonFile, runCommand, UsageError } from './command-line.js';

const USAGE = 'Usage: npm run import:360giving -- --fund <fund uuid or programme code> FILE';

function parseArguments(args: string[]): { fund: string; file: string } {
  let fund: string | undefined;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--fund') fund = args[++i];
    else if (args[i].startsWith('--fund=')) fund = args[i].slice('--fund='.length);
    else if (args[i].startsWith('--')) throw new UsageError(`Unknown option ${args[i]}\n${USAGE}`);
    else files.push(args[i]);
  }
  if (!fund) throw new UsageError(`Name the fund with --fund\n${USAGE}`);
  if (files.length !== 1) throw new UsageError(`Give one 360Giving JSON file\n${USAGE}`);
  return { fund, file: files[0] };
}

function pickFund(reference: string, funds: FundSummary[]): FundSummary {
  if (funds.length === 1) return funds[0];
  if (funds.length === 0) throw new UsageError(`No fund has the id or programme code "${reference}"`);
  const years = funds.map((fund) => `${fund.financialYear} (${fund.id})`).join(', ');
  throw new UsageError(`${funds.length} funds use the programme code "${reference}": ${years}; pass the fund’s id`);
}

/** Progress on stderr for files of 100 grants or more: a bar on a terminal, a line every 5% otherwise. */
function progressPrinter(): (progress: ImportProgress) => void {
  const terminal = process.stderr.isTTY;
  return ({ done, total }) => {
    if (!total || total < 100) return;
    const step = Math.max(1, Math.floor(total / 20));
    if (done % step !== 0 && done !== total) return;
    const line = progressLine(done, total, 'grants');
    process.stderr.write(terminal ? `\r${line}${done === total ? '\n' : ''}` : `${line}\n`);
  };
}

function formatReport(fund: FundSummary, file: string, report: ImportReport): string {
  const lines = [
    `Fund: ${fund.name} (${fund.programmeCode}, ${fund.financialYear})`,
    `File: ${file}: ${report.total} grant${report.total === 1 ? '' : 's'}`,
    `Created ${report.created}, updated ${report.updated}, unchanged ${report.unchanged}, rejected ${report.rejected.length}; ` +
      `${report.organisationsCreated} new organisation${report.organisationsCreated === 1 ? '' : 's'} listed (unverified); ` +
      `${report.warnings.length} grant${report.warnings.length === 1 ? '' : 's'} with warnings`,
  ];
  const describe = (index: number, grantId: string | null) => `  grants[${index}]${grantId ? ` ${grantId}` : ''}`;
  if (report.rejected.length) {
    lines.push('Rejected:');
    for (const rejection of report.rejected) {
      lines.push(describe(rejection.index, rejection.grantId), ...rejection.reasons.map((reason) => `    ${reason}`));
    }
  }
  if (report.warnings.length) {
    lines.push('Warnings:');
    for (const warning of report.warnings) {
      lines.push(describe(warning.index, warning.grantId), ...warning.messages.map((message) => `    ${message}`));
    }
  }
  return `${lines.join('\n')}\n`;
}

async function main(): Promise<number> {
  const { fund: reference, file } = parseArguments(process.argv.slice(2));
  const pkg = readJsonFile(file);
  return inApplication(
    async () => {
      const [{ GrantsModule }, { NetworkRelationshipsModule }, { NotificationsModule }] = await Promise.all([
        import('@cohesion/grants'),
        import('@cohesion/network'),
        import('@cohesion/notifications'),
      ]);
      // Grants brings the auth module, which sends account emails through the outbox.
      return [NetworkRelationshipsModule, NotificationsModule, GrantsModule];
    },
    async (app) => {
      const { ThreeSixtyGivingImportService } = await import('@cohesion/grants');
      const imports = app.get(ThreeSixtyGivingImportService);
      const fund = pickFund(reference, await imports.fundsByReference(reference));
      const report = await imports.import(null, fund.id, pkg, { onProgress: progressPrinter() });
      process.stdout.write(formatReport(fund, file, report));
      return report.rejected.length ? 1 : 0;
    },
    (message) => `${file} is not a 360Giving package the import can read: ${message}`,
  );
}

runCommand(main);
