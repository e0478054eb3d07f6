/**
 * Prepares or drops the migrated template database in a process of its own, so the
 * jest runner never loads the application's decorated classes into its own realm
 * (tests running in-band would otherwise see two copies of every metadata store).
 *
 *   node dist/test/support/template-cli.js prepare   prints the template's location
 *   node dist/test/support/template-cli.js drop      (reads COHESION_TEST_TEMPLATE)
 */
import 'reflect-metadata';
import { SCHEMA } from '@cohesion/platform';
import { dropTemplate, prepareTemplate, TEMPLATE_ENV } from './test-database.js';

const command = process.argv[2];
if (command === 'prepare') {
  await prepareTemplate(SCHEMA);
  process.stdout.write(`${process.env[TEMPLATE_ENV]}\n`);
} else if (command === 'drop') {
  await dropTemplate();
} else {
  process.stderr.write('Usage: template-cli prepare | drop\n');
  process.exit(2);
}
