import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger as TypeOrmLogger, QueryRunner } from 'typeorm';

/** Work attributed to one request (or job): filled in by the database logger, read by the request log. */
export interface StatementTally {
  statements: number;
}

const tallies = new AsyncLocalStorage<StatementTally>();

/** Runs `fn` with a fresh tally of the SQL statements it causes. */
export function withStatementTally<T>(tally: StatementTally, fn: () => T): T {
  return tallies.run(tally, fn);
}

export interface QueryLogSink {
  warn(message: object, text: string): void;
  error(message: object, text: string): void;
  debug(message: object, text: string): void;
}

const SLOW_QUERY_MS = 500;

/**
 * Counts every statement sent through TypeORM (for the request log and for tests
 * that prove a list does not grow its statements with page size) and reports
 * failures and slow statements without their parameters, which may hold personal data.
 */
export class DatabaseLogger implements TypeOrmLogger {
  /** Statements since the process started (or since the last reset), for tests and diagnostics. */
  statementCount = 0;
  private sink: QueryLogSink | undefined;

  attach(sink: QueryLogSink): void {
    this.sink = sink;
  }

  resetCount(): void {
    this.statementCount = 0;
  }

  logQuery(query: string, _parameters?: unknown[], _runner?: QueryRunner): void {
    this.statementCount++;
    const tally = tallies.getStore();
    if (tally) tally.statements++;
    this.sink?.debug({ sql: truncate(query) }, 'sql');
  }

  logQueryError(error: string | Error, query: string): void {
    const message = typeof error === 'string' ? error : error.message;
    this.sink?.error({ sql: truncate(query), err: message }, 'sql failed');
  }

  logQuerySlow(time: number, query: string): void {
    this.sink?.warn({ sql: truncate(query), ms: time }, 'slow sql');
  }

  logSchemaBuild(message: string): void {
    this.sink?.debug({ message }, 'schema');
  }

  logMigration(message: string): void {
    this.sink?.debug({ message }, 'migration');
  }

  /** A connection failed outside a query (the server went away or ended it); the pool replaces it. */
  connectionFault(error: Error, source: 'pool' | 'connection'): void {
    const code = (error as Error & { code?: string }).code;
    this.sink?.warn({ err: error.message, code, source }, 'database connection lost');
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.sink?.warn({ message }, 'typeorm');
    else this.sink?.debug({ message }, 'typeorm');
  }
}

export const SLOW_QUERY_THRESHOLD_MS = SLOW_QUERY_MS;

function truncate(sql: string): string {
  return sql.length > 2000 ? `${sql.slice(0, 2000)}…` : sql;
}
