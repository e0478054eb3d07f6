import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { TokenService } from '@cohesion/auth';
import { AppConfig } from '@cohesion/config';
import { createLogger } from '@cohesion/common';
import { DatabaseLogger } from '@cohesion/database';
import { AppModule } from '../../apps/api/src/app.module.js';
import { setUpHttp } from '../../apps/api/src/http/http.setup.js';
import { startDatabaseProxy, type DatabaseProxy } from './database-proxy.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

export interface GqlError {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; fields?: { field: string; message: string }[]; [key: string]: unknown };
}

export interface GqlResult<T = Record<string, unknown>> {
  status: number;
  data: T;
  errors?: GqlError[];
  headers: Record<string, string>;
}

export interface TestApp {
  app: INestApplication;
  db: DataSource;
  config: AppConfig;
  database: TestDatabase;
  /** The relay the app reaches its database through, when asked for (`{ proxy: true }`): to take the database away. */
  proxy?: DatabaseProxy;
  /** Runs a GraphQL operation the way a browser would (JSON POST), optionally signed in. */
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
  ): Promise<GqlResult<T>>;
  http(): ReturnType<typeof request>;
  /** A valid access token for an account, of a new session of its own, without going through login. */
  tokenFor(account: { id: string; sessionEpoch?: number }): Promise<string>;
  /** SQL statements sent since the last reset. */
  statements(): number;
  resetStatements(): void;
  close(): Promise<void>;
}

/** Environment the tests run the API with; individual files override pieces (e.g. low throttle limits). */
const TEST_ENV: Record<string, string> = {
  NODE_ENV: 'test',
  SEED_DEMO: 'false',
  LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
  LOGIN_THROTTLE_PER_EMAIL: '1000',
  LOGIN_THROTTLE_PER_EMAIL_TOTAL: '10000',
  AUTH_THROTTLE_PER_IP: '10000',
  DATABASE_POOL_SIZE: '5',
  // Notices show at once, unless a test is about the withdraw window (it sets its own).
  NOTIFY_WITHDRAW_WINDOW_SECONDS: '0',
};

/** Boots the real application on a fresh database; one per test file. */
export async function createTestApp(
  env: Record<string, string> = {},
  options: { proxy?: boolean } = {},
): Promise<TestApp> {
  const database = await createTestDatabase();
  const proxy = options.proxy ? await startDatabaseProxy(database.url) : undefined;
  // Emails the file transport writes go to a directory of this app's own.
  const mailDir = mkdtempSync(join(tmpdir(), 'cohesion-test-mail-'));
  try {
    const config = AppConfig.fromEnv({
      ...TEST_ENV,
      MAIL_DIR: mailDir,
      ...env,
      DATABASE_URL: proxy?.url ?? database.url,
    });
    const logger = createLogger(config);
    const app = await NestFactory.create(AppModule.forRoot(config, logger), { logger: false, bodyParser: false });
    setUpHttp(app, config, logger);
    await app.init();
    const db = app.get(DataSource);
    const counter = app.get(DatabaseLogger);
    const tokens = app.get(TokenService);
    const server = app.getHttpServer();
    return {
      app,
      db,
      config,
      database,
      proxy,
      async gql<T>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<GqlResult<T>> {
        const call = request(server).post('/graphql').set('content-type', 'application/json');
        if (token) call.set('authorization', `Bearer ${token}`);
        const response = await call.send({ query, variables });
        return {
          status: response.status,
          data: response.body?.data as T,
          errors: response.body?.errors as GqlError[] | undefined,
          headers: response.headers,
        };
      },
      http: () => request(server),
      tokenFor: async (account) =>
        (await tokens.issue(db.manager, { id: account.id, sessionEpoch: account.sessionEpoch ?? 0 })).accessToken,
      statements: () => counter.statementCount,
      resetStatements: () => counter.resetCount(),
      async close() {
        await app.close();
        await proxy?.close();
        await database.close();
        rmSync(mailDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await proxy?.close();
    await database.close();
    rmSync(mailDir, { recursive: true, force: true });
    throw error;
  }
}

/** The first error's code, for terse assertions. */
export function errorCode(result: GqlResult<unknown>): string | undefined {
  return result.errors?.[0]?.extensions?.code;
}

/** The fields a BAD_USER_INPUT error names. */
export function errorFields(result: GqlResult<unknown>): string[] {
  return (result.errors?.[0]?.extensions?.fields ?? []).map((problem) => problem.field);
}
