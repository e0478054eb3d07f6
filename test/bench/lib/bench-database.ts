import pg from 'pg';

/** The URL of `database` on the server `server` points at. */
export function withDatabase(server: string, database: string): string {
  const url = new URL(server);
  url.pathname = `/${database}`;
  return url.toString();
}

/**
 * A benchmark database on the local server: kept when it exists, `fresh` is false and
 * its seed_runs hold `marker` (the data it was built with); otherwise dropped if there
 * and created empty, to be migrated and filled by the caller.
 */
export async function prepareDatabase(
  server: string,
  name: string,
  marker: string | null,
  fresh: boolean,
): Promise<{ url: string; reused: boolean }> {
  const url = withDatabase(server, name);
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  try {
    const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1;
    if (exists && !fresh && marker !== null) {
      const probe = new pg.Client({ connectionString: url });
      await probe.connect();
      try {
        const found = await probe
          .query('SELECT 1 FROM seed_runs WHERE name = $1', [marker])
          .catch(() => ({ rowCount: 0 }));
        if (found.rowCount === 1) return { url, reused: true };
      } finally {
        await probe.end();
      }
    }
    if (exists) await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
    return { url, reused: false };
  } finally {
    await admin.end();
  }
}

export async function dropDatabase(server: string, name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}
