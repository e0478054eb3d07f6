/**
 * Writes schema.gql: the GraphQL schema exactly as the API serves it, sorted, so a
 * change to the contract shows up in review. `npm run build` runs this; CI and the test
 * suite fail when the committed file is stale.
 */
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { printSchema, lexicographicSortSchema } from 'graphql';
import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { AppConfig } from '@cohesion/config';
import { createLogger } from '@cohesion/common';
import { EmbeddedPostgres } from '@cohesion/database';
import { AppModule } from '../app.module.js';

export const SCHEMA_FILE = resolve(process.cwd(), 'schema.gql');

async function main(): Promise<void> {
  const database = await EmbeddedPostgres.start();
  try {
    const config = AppConfig.fromEnv({ NODE_ENV: 'test', DATABASE_URL: database.url, SEED_DEMO: 'false' });
    const app = await NestFactory.create(AppModule.forRoot(config, createLogger(config)), {
      logger: false,
      abortOnError: false,
    });
    await app.init();
    const schema = app.get(GraphQLSchemaHost).schema;
    writeFileSync(SCHEMA_FILE, `${printSchema(lexicographicSortSchema(schema))}\n`);
    await app.close();
    console.log(`Wrote ${SCHEMA_FILE}`);
  } finally {
    await database.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
