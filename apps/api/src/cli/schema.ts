/**
 * The two schema files, generated so a change to either contract shows up in review:
 *
 *   npm run schema:generate   write schema.gql and schema.sql
 *   npm run schema:check      fail (exit 1) when either differs from what generate would write
 *
 * schema.gql is the GraphQL schema exactly as the API serves it, sorted; schema.sql the
 * database as the migrations build it (see schema-sql.ts), dumped from a scratch database
 * on the PostgreSQL 15 server at SCHEMA_DATABASE_URL (default the local one) with
 * PostgreSQL 15's pg_dump (PG_DUMP, else /usr/lib/postgresql/15/bin/pg_dump or pg_dump on
 * PATH). `npm run build` generates them; CI fails when either is stale (and the test suite
 * when schema.gql is).
 */
import 'reflect-metadata';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { printSchema, lexicographicSortSchema } from 'graphql';
import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { AppConfig } from '@cohesion/config';
import { createLogger } from '@cohesion/common';
import { EmbeddedPostgres } from '@cohesion/database';
import { AppModule } from '../app.module.js';
import { exitWhenWritten } from './command-line.js';
import { DEFAULT_SCHEMA_SERVER, dumpMigratedSchema, findPgDump } from './schema-sql.js';

export const SCHEMA_FILE = resolve(process.cwd(), 'schema.gql');
export const DATABASE_SCHEMA_FILE = resolve(process.cwd(), 'schema.sql');

async function graphqlSchema(): Promise<string> {
  const database = await EmbeddedPostgres.start();
  try {
    const config = AppConfig.fromEnv({ NODE_ENV: 'test', DATABASE_URL: database.url, SEED_DEMO: 'false' });
    const app = await NestFactory.create(AppModule.forRoot(config, createLogger(config)), {
      logger: false,
      abortOnError: false,
    });
    await app.init();
    const schema = app.get(GraphQLSchemaHost).schema;
    await app.close();
    return `${printSchema(lexicographicSortSchema(schema))}\n`;
  } finally {
    await database.stop();
  }
}

async function main(): Promise<number> {
  const check = process.argv.includes('--check');
  const stale: string[] = [];
  const produce = async (file: string, text: () => Promise<string>) => {
    const wanted = await text();
    if (!check) {
      writeFileSync(file, wanted);
      console.log(`Wrote ${file}`);
    } else if (!existsSync(file) || readFileSync(file, 'utf8') !== wanted) {
      console.error(`${file} is stale: run npm run schema:generate and commit it`);
      stale.push(file);
    }
  };
  // schema.gql first: it needs nothing but this checkout, so it is written even where pg_dump is missing.
  await produce(SCHEMA_FILE, graphqlSchema);
  await produce(DATABASE_SCHEMA_FILE, async () =>
    dumpMigratedSchema(process.env.SCHEMA_DATABASE_URL ?? DEFAULT_SCHEMA_SERVER, await findPgDump(process.env.PG_DUMP)),
  );
  if (check && stale.length === 0) console.log('schema.gql and schema.sql are current.');
  return stale.length ? 1 : 0;
}

main().then(exitWhenWritten, (error: unknown) => {
  console.error((error as Error).message);
  return exitWhenWritten(1);
});
