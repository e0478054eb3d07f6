/**
 * Schema migrations from the command line.
 *
 *   npm run migration:run                 apply pending migrations to DATABASE_URL, or to the embedded database in DATA_DIR
 *   npm run migration:revert              undo the latest migration there
 *   npm run migration:generate -- Name    write a migration with the SQL that brings a freshly migrated database in line with the entities
 *   npm run migration:check               fail if the entities and the migrations disagree (CI's drift check)
 *
 * generate and check work on a scratch database: an in-memory embedded one, or, when
 * DATABASE_URL is set, a temporary database created on that server and dropped after.
 */
import 'reflect-metadata';
import { readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AppConfig } from '@cohesion/config';
import {
  createDataSource,
  EmbeddedPostgres,
  pendingSchemaChanges,
  runMigrations,
  type SchemaChange,
  type SchemaDefinition,
} from '@cohesion/database';
import { SCHEMA } from '@cohesion/platform';
import { exitWhenWritten } from './command-line.js';
import { migrate, withScratchDatabase } from './scratch-database.js';

/** Run from the repository root, as the npm scripts do. */
const MIGRATIONS_DIR = resolve(process.cwd(), 'libs/database/src/migrations');

async function diffAgainstMigrations(url: string, schema: SchemaDefinition) {
  const dataSource = createDataSource(schema, { url, poolSize: 2 });
  await dataSource.initialize();
  try {
    await runMigrations(dataSource);
    return await pendingSchemaChanges(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

async function onConfiguredDatabase<T>(config: AppConfig, fn: (url: string) => Promise<T>): Promise<T> {
  if (config.databaseUrl) return fn(config.databaseUrl);
  const embedded = await EmbeddedPostgres.start({ dataDir: config.dataDir });
  try {
    return await fn(embedded.url);
  } finally {
    await embedded.stop();
  }
}

/**
 * TypeORM records generated-column expressions in typeorm_metadata under the name of
 * the database it diffed against (here a scratch one); the migration must record them
 * under whichever database it runs in.
 */
function portable(change: SchemaChange): SchemaChange {
  const { query, parameters } = change;
  if (!parameters || !query.includes('"typeorm_metadata"')) return change;
  if (query.startsWith('INSERT')) {
    return {
      query: query.replace(
        'VALUES ($1, $2, $3, $4, $5, $6)',
        'VALUES (current_database(), current_schema(), $1, $2, $3, $4)',
      ),
      parameters: parameters.slice(2),
    };
  }
  return {
    query: query.replace(
      '"database" = $3 AND "schema" = $4 AND "table" = $5',
      '"database" = current_database() AND "schema" = current_schema() AND "table" = $3',
    ),
    parameters: [parameters[0], parameters[1], parameters[4]],
  };
}

function writeMigration(name: string, up: SchemaChange[], down: SchemaChange[]): string {
  if (!/^[A-Z][A-Za-z0-9]+$/.test(name)) throw new Error('Name the migration in PascalCase, e.g. AddServiceSearch');
  const timestamp = Date.now();
  const className = `${name}${timestamp}`;
  const indent = (queries: SchemaChange[]) =>
    queries
      .map(portable)
      .map(({ query, parameters }) => {
        const sql = `\`${query.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${')}\``;
        return parameters?.length
          ? `    await queryRunner.query(${sql}, ${JSON.stringify(parameters)});`
          : `    await queryRunner.query(${sql});`;
      })
      .join('\n');
  const file = join(MIGRATIONS_DIR, `${timestamp}-${name}.ts`);
  writeFileSync(
    file,
    `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  async up(queryRunner: QueryRunner): Promise<void> {
${indent(up)}
  }

  async down(queryRunner: QueryRunner): Promise<void> {
${indent([...down].reverse())}
  }
}
`,
  );
  writeIndex();
  return file;
}

/** Rewrites migrations/index.ts to import every migration file, oldest first. */
function writeIndex(): void {
  const files = readdirSync(MIGRATIONS_DIR)
    .filter((file) => /^\d+-[A-Za-z0-9]+\.ts$/.test(file))
    .sort();
  const entries = files.map((file) => {
    const [timestamp, rest] = file.replace(/\.ts$/, '').split('-');
    return { module: file.replace(/\.ts$/, '.js'), className: `${rest}${timestamp}` };
  });
  writeFileSync(
    join(MIGRATIONS_DIR, 'index.ts'),
    `import type { MigrationInterface } from 'typeorm';
${entries.map((entry) => `import { ${entry.className} } from './${entry.module}';`).join('\n')}

/** Every migration, oldest first. \`npm run migration:generate\` rewrites this list. */
export const MIGRATIONS: (new () => MigrationInterface)[] = [
${entries.map((entry) => `  ${entry.className},`).join('\n')}
];
`,
  );
}

async function main(): Promise<number> {
  const [command, name] = process.argv.slice(2);
  const config = AppConfig.fromEnv({ ...process.env, NODE_ENV: process.env.NODE_ENV ?? 'development' });
  switch (command) {
    case 'run': {
      const applied = await onConfiguredDatabase(config, migrate);
      console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
      return 0;
    }
    case 'revert': {
      await onConfiguredDatabase(config, async (url) => {
        const dataSource = createDataSource(SCHEMA, { url, poolSize: 2 });
        await dataSource.initialize();
        try {
          await dataSource.undoLastMigration({ transaction: 'each' });
        } finally {
          await dataSource.destroy();
        }
      });
      console.log('Reverted the latest migration.');
      return 0;
    }
    case 'generate': {
      if (!name) throw new Error('Usage: npm run migration:generate -- MigrationName');
      const changes = await withScratchDatabase(config.databaseUrl, (url) => diffAgainstMigrations(url, SCHEMA));
      if (changes.up.length === 0) {
        console.log('No changes: the migrations already match the entities.');
        return 0;
      }
      console.log(`Wrote ${writeMigration(name, changes.up, changes.down)}; read the SQL before committing it.`);
      return 0;
    }
    case 'check': {
      const changes = await withScratchDatabase(config.databaseUrl, (url) => diffAgainstMigrations(url, SCHEMA));
      if (changes.up.length === 0) {
        console.log('Migrations and entities agree.');
        return 0;
      }
      console.error('The entities differ from what the migrations build. Missing SQL:');
      for (const change of changes.up) console.error(`  ${change.query};`);
      return 1;
    }
    default:
      console.error('Usage: migrations run | revert | generate <Name> | check');
      return 2;
  }
}

main().then(exitWhenWritten, (error: unknown) => {
  console.error((error as Error).message);
  return exitWhenWritten(1);
});
