import { createDataSource, runMigrations } from '@cohesion/database';
import { generateScaleData, scalePasswordHash } from '@cohesion/scale-data';
import { SCHEMA } from '@cohesion/platform';
import { prepareDatabase } from './bench-database.js';

export interface DatasetSize {
  practitioners: number;
  organisations: number;
  services: number;
  connections: number;
  seed: number;
}

/** The dataset every benchmark runs on: the scale PRODUCT.md sets for a region. */
export const BENCH_SIZE: DatasetSize = {
  practitioners: 100_000,
  organisations: 20_000,
  services: 50_000,
  connections: 2_500_000,
  seed: 42,
};

/**
 * A benchmark database on the local PostgreSQL server, generated once and reused while
 * its size and seed match (`fresh` rebuilds it). Returns its URL.
 */
export async function ensureDataset(
  server: string,
  name: string,
  size: DatasetSize,
  fresh: boolean,
  log: (line: string) => void,
): Promise<string> {
  const marker = `scale:${size.practitioners}:${size.organisations}:${size.services}:${size.connections}:${size.seed}`;
  const { url, reused } = await prepareDatabase(server, name, marker, fresh);
  if (reused) {
    log(`Reusing the dataset in database ${name} (${marker}).`);
    return url;
  }
  const dataSource = createDataSource(SCHEMA, { url, poolSize: 2 });
  await dataSource.initialize();
  try {
    await runMigrations(dataSource);
    const started = Date.now();
    const passwordHash = await scalePasswordHash();
    let lastPhase = '';
    await generateScaleData(dataSource, {
      ...size,
      passwordHash,
      onProgress: (phase, done, total) => {
        if (phase !== lastPhase || done === total) {
          log(`  ${phase}: ${done}/${total}`);
          lastPhase = phase;
        }
      },
    });
    await dataSource.query('INSERT INTO seed_runs (name) VALUES ($1)', [marker]);
    log(`Generated ${marker} in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
  } finally {
    await dataSource.destroy();
  }
  return url;
}
