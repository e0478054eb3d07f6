import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { cube } from '@electric-sql/pglite/contrib/cube';
import { earthdistance } from '@electric-sql/pglite/contrib/earthdistance';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { pgcrypto } from '@electric-sql/pglite/contrib/pgcrypto';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { sessionSetStatements } from '../session-settings.js';
import { LoopbackServer } from './loopback-server.js';

/** The extensions the schema needs; the same list is created on a real server by the first migration. */
const EXTENSIONS = { pg_trgm, cube, earthdistance, unaccent, pgcrypto };

export interface EmbeddedPostgresOptions {
  /** Directory holding the database files and a lock file; omit for an in-memory database. */
  dataDir?: string;
  /** Start from a saved copy of a data directory (see dump()), e.g. a migrated test template. */
  loadFrom?: Blob;
  /** Loopback port to serve on; 0 picks a free one. */
  port?: number;
  /** Client connections served at once (they share PGlite's single backend, one statement at a time). */
  maxConnections?: number;
}

const LOCK_FILE = 'cohesion.lock';

/**
 * PostgreSQL compiled to WebAssembly (PGlite), served on a loopback port so the
 * application reaches it through the same `pg` driver and TypeORM code path as a
 * real server. Queries from several connections are multiplexed onto PGlite's single
 * backend, one batch at a time; a connection inside a transaction has the backend to
 * itself until it ends (see SessionQueue).
 */
export class EmbeddedPostgres {
  private constructor(
    private readonly db: PGlite,
    private readonly server: LoopbackServer,
    private readonly port: number,
    private readonly lockFile: string | undefined,
  ) {}

  static async start(options: EmbeddedPostgresOptions = {}): Promise<EmbeddedPostgres> {
    const lockFile = options.dataDir ? acquireLock(options.dataDir) : undefined;
    try {
      const db = await PGlite.create({
        dataDir: options.dataDir ? join(options.dataDir, 'pg') : undefined,
        loadDataDir: options.loadFrom,
        extensions: EXTENSIONS,
      });
      // Every connection shares PGlite's one session, which ignores startup options.
      for (const statement of sessionSetStatements()) await db.exec(statement);
      const server = new LoopbackServer(db, options.maxConnections ?? 32);
      const port = await server.listen(options.port ?? 0);
      return new EmbeddedPostgres(db, server, port, lockFile);
    } catch (error) {
      if (lockFile) rmSync(lockFile, { force: true });
      throw error;
    }
  }

  /** Connection URL for `pg`/TypeORM. No password: the port is bound to loopback only. */
  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }

  /**
   * Cuts every client connection at once (their open transactions roll back), as a
   * server restart or an operator terminating backends would; returns how many.
   */
  dropConnections(): Promise<number> {
    return this.server.dropConnections();
  }

  /** A copy of the whole database, loadable with `start({ loadFrom })`. */
  async dump(): Promise<Blob> {
    return await this.db.dumpDataDir('none');
  }

  /** Stops serving, then closes the database cleanly so the data directory reopens without recovery. */
  async stop(): Promise<void> {
    await this.server.close();
    if (!this.db.closed) await this.db.close();
    if (this.lockFile) rmSync(this.lockFile, { force: true });
  }
}

/**
 * One process per data directory: two PGlite instances writing the same files would
 * corrupt them. A lock left by a killed process is taken over.
 */
function acquireLock(dataDir: string): string {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, String(process.pid), { flag: 'wx', mode: 0o600 });
      return file;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(readFileSync(file, 'utf8').trim());
      if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && isAlive(owner)) {
        throw new Error(
          `The data directory ${dataDir} is in use by process ${owner}. Stop it, or set DATA_DIR to another directory.`,
        );
      }
      rmSync(file, { force: true });
    }
  }
  throw new Error(`Could not lock the data directory ${dataDir}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
