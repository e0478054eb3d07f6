/**
 * Writes everything held about one person to stdout, as the JSON document they would
 * download themselves from GET /account/export: for a platform ADMIN answering a subject
 * access request (UK GDPR, right of access).
 *
 *   npm run export:personal-data -- <email> > my-data.json
 *
 * Uses DATABASE_URL (or the embedded database in DATA_DIR, which the API must not be
 * using at the same time), migrating it first. Exit code 0 once the document is written,
 * 2 for bad arguments or an address with no account.
 */
import 'reflect-metadata';
import { inApplication, runCommand, UsageError } from './command-line.js';

const USAGE = 'Usage: npm run export:personal-data -- <email>';

function parseArguments(args: string[]): string {
  const unknown = args.find((arg) => arg.startsWith('--'));
  if (unknown) throw new UsageError(`Unknown option ${unknown}\n${USAGE}`);
  if (args.length !== 1) throw new UsageError(`Give the person's email address\n${USAGE}`);
  return args[0];
}

async function main(): Promise<number> {
  const email = parseArguments(process.argv.slice(2));
  return inApplication(
    async () => {
      const [{ NetworkRelationshipsModule }, { PersonalDataModule }] = await Promise.all([
        import('@cohesion/network'),
        import('../personal-data/personal-data.module.js'),
      ]);
      return [NetworkRelationshipsModule, PersonalDataModule];
    },
    async (app) => {
      const { PersonalDataService } = await import('../personal-data/personal-data.service.js');
      const personalData = app.get(PersonalDataService);
      const accountId = await personalData.accountIdByEmail(email);
      if (!accountId) throw new UsageError(`No account has the address ${email}`);
      for await (const piece of personalData.document(accountId)) {
        if (!process.stdout.write(piece)) await new Promise((resolve) => process.stdout.once('drain', resolve));
      }
      return 0;
    },
    (message) => message,
  );
}

runCommand(main, 'The export');
