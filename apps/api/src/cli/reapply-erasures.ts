/**
 * Erases again every account whose deletion is remembered in the `erasures` table: run it
 * after restoring a backup, before the API serves anyone, so people who deleted their
 * account after the backup was taken are gone again. Safe to run any number of times.
 *
 *   npm run erasures:reapply
 *
 * Uses DATABASE_URL (or the embedded database in DATA_DIR, which the API must not be
 * using at the same time), migrating it first. Prints what it changed; exit code 0.
 */
import 'reflect-metadata';
import { inApplication, runCommand, UsageError } from './command-line.js';

const USAGE = 'Usage: npm run erasures:reapply';

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (args.length > 0) throw new UsageError(`Unexpected ${args[0]}\n${USAGE}`);
  return inApplication(
    async () => {
      const { PersonalDataErasureModule } = await import('../personal-data/personal-data-erasure.js');
      return [PersonalDataErasureModule];
    },
    async (app) => {
      const { PersonalDataErasure } = await import('../personal-data/personal-data-erasure.js');
      const report = await app.get(PersonalDataErasure).reapplyAll();
      const lines = [
        `Re-applied ${report.erasures} erasure${report.erasures === 1 ? '' : 's'}; ` +
          `${report.accountsChanged} account${report.accountsChanged === 1 ? '' : 's'} had personal data again.`,
        ...report.rows.map((count) => `  ${count.name}: ${count.rows} row${count.rows === 1 ? '' : 's'} erased`),
      ];
      process.stdout.write(`${lines.join('\n')}\n`);
      return 0;
    },
    (message) => message,
  );
}

runCommand(main, 'Re-applying erasures');
