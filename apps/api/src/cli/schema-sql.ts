/**
 * schema.sql: the database's shape as the migrations leave it, in one reviewable file.
 * A scratch database on a PostgreSQL 15 server is migrated from empty and dumped with
 * PostgreSQL 15's pg_dump, schema only, without owners and privileges; what would differ
 * from one run or one machine to the next (the dump's versions, session settings, the
 * random \restrict key) is taken out, so the file changes only when the schema does.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import pg from 'pg';
import { migrate, withScratchDatabase } from './scratch-database.js';

const run = promisify(execFile);

/** The one major version schema.sql is dumped with and from, so every machine writes the same file. */
export const POSTGRES_MAJOR = 15;
export const DEFAULT_SCHEMA_SERVER = 'postgres://postgres@127.0.0.1:5432/postgres';
const DEBIAN_PG_DUMP = `/usr/lib/postgresql/${POSTGRES_MAJOR}/bin/pg_dump`;

const HEADER = `-- The database schema as the migrations build it, dumped from an empty PostgreSQL ${POSTGRES_MAJOR}
-- database after every migration. Written by npm run schema:generate; do not edit by hand.`;

/** A pg_dump of the major version, or an error that says what to install. */
export async function findPgDump(explicit: string | undefined): Promise<string> {
  const candidates = explicit ? [explicit] : [DEBIAN_PG_DUMP, 'pg_dump'];
  const found: string[] = [];
  for (const candidate of candidates) {
    if (candidate.includes('/') && !existsSync(candidate)) continue;
    const version = await run(candidate, ['--version']).then(
      ({ stdout }) => stdout.trim(),
      () => undefined,
    );
    if (!version) continue;
    if (Number(/ (\d+)\.\d+/.exec(version)?.[1]) === POSTGRES_MAJOR) return candidate;
    found.push(`${candidate} is ${version}`);
  }
  throw new Error(
    `schema.sql is dumped with PostgreSQL ${POSTGRES_MAJOR}'s pg_dump, and ${
      found.length ? `this machine has another (${found.join('; ')})` : 'this machine has none'
    }${explicit ? ` at PG_DUMP=${explicit}` : ` (looked for ${DEBIAN_PG_DUMP} and pg_dump on PATH)`}. ` +
      `Install postgresql-client-${POSTGRES_MAJOR}, or set PG_DUMP to its pg_dump.`,
  );
}

/** The dump as committed: the header, then pg_dump's objects in its order, without what varies between runs. */
export function tidyDump(raw: string): string {
  const blocks = raw.split(/\n(?=--\n-- Name: )/);
  const objects = blocks
    .slice(1)
    .filter((block) => !/^--\n-- Name: EXTENSION [^;]+; Type: COMMENT;/.test(block))
    .map((block) =>
      block
        .split('\n')
        .filter((line) => !/^\\(un)?restrict /.test(line) && line !== '-- PostgreSQL database dump complete')
        .join('\n')
        .replace(/(\n--\s*)+$/, '')
        .trim(),
    );
  return `${HEADER}\n\n${objects.join('\n\n')}\n`;
}

/** Migrates a scratch database on the server at `serverUrl` from empty and returns its tidied dump. */
export async function dumpMigratedSchema(serverUrl: string, pgDump: string): Promise<string> {
  return withScratchDatabase(serverUrl, async (url) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const version = await client
      .query<{ version: string }>(`SELECT current_setting('server_version') AS version`)
      .finally(() => client.end());
    const server = version.rows[0].version;
    if (Number.parseInt(server, 10) !== POSTGRES_MAJOR)
      throw new Error(
        `schema.sql is dumped from PostgreSQL ${POSTGRES_MAJOR}; the server at ${redacted(serverUrl)} is ${server}. ` +
          `Set SCHEMA_DATABASE_URL to a PostgreSQL ${POSTGRES_MAJOR} server.`,
      );
    await migrate(url);
    const { stdout } = await run(pgDump, ['--schema-only', '--no-owner', '--no-privileges', `--dbname=${url}`], {
      maxBuffer: 64 * 1024 * 1024,
    });
    return tidyDump(stdout);
  });
}

function redacted(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}
