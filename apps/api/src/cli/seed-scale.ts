/**
 * Fills a database with a realistic synthetic directory for load tests and benchmarks.
 *
 *   npm run seed:scale -- --practitioners 100000 --organisations 20000 --services 50000 \
 *     [--connections 2500000] [--seed 42]
 *
 * Connections default to 25 per practitioner (50 each end on average).
 *
 * Uses DATABASE_URL (or the embedded database in DATA_DIR), migrating it first. Runs
 * once per database. Every generated account signs in with SCALE_PASSWORD (scale-data-password).
 */
import 'reflect-metadata';
import { AppConfig } from '@cohesion/config';
import { createDataSource, EmbeddedPostgres, runMigrations } from '@cohesion/database';
import { generateScaleData, SCALE_PASSWORD, scalePasswordHash } from '@cohesion/scale-data';
import { SCHEMA } from '@cohesion/platform';

function option(args: string[], name: string, fallback: number): number {
  const index = args.indexOf(`--${name}`);
  if (index < 0) return fallback;
  const value = Number(args[index + 1]);
  if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} needs a whole number`);
  return value;
}

function bar(phase: string, done: number, total: number): void {
  const width = 30;
  const filled = total === 0 ? width : Math.round((done / total) * width);
  process.stderr.write(
    `\r${phase.padEnd(16)} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}   `,
  );
  if (done >= total) process.stderr.write('\n');
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const options = {
    practitioners: option(args, 'practitioners', 1000),
    organisations: option(args, 'organisations', 200),
    services: option(args, 'services', 500),
    connections: 0,
    seed: option(args, 'seed', 42),
  };
  options.connections = option(args, 'connections', options.practitioners * 25);
  const config = AppConfig.fromEnv({ ...process.env, NODE_ENV: process.env.NODE_ENV ?? 'development' });
  const embedded = config.databaseUrl ? undefined : await EmbeddedPostgres.start({ dataDir: config.dataDir });
  const dataSource = createDataSource(SCHEMA, {
    url: config.databaseUrl ?? (embedded as EmbeddedPostgres).url,
    poolSize: 2,
  });
  await dataSource.initialize();
  try {
    await runMigrations(dataSource);
    const [done] = await dataSource.query<{ name: string }[]>(`SELECT name FROM seed_runs WHERE name = 'scale'`);
    if (done) {
      console.log('This database already holds scale data; use a fresh database to generate again.');
      return;
    }
    const started = Date.now();
    const passwordHash = await scalePasswordHash();
    const counts = await generateScaleData(dataSource, { ...options, passwordHash, onProgress: bar });
    await dataSource.query(`INSERT INTO seed_runs (name) VALUES ('scale')`);
    console.log(
      `Generated ${counts.practitioners} practitioners, ${counts.organisations} organisations, ${counts.services} services ` +
        `and ${counts.connections} connections ` +
        `in ${((Date.now() - started) / 1000).toFixed(1)} s (seed ${options.seed}). Accounts: person<N>@scale.cohesion.example / ${SCALE_PASSWORD}`,
    );
  } finally {
    await dataSource.destroy();
    await embedded?.stop();
  }
}

main().catch((error: unknown) => {
  console.error((error as Error).stack ?? error);
  process.exit(1);
});
