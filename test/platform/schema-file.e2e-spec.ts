import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { createTestApp, type TestApp } from '@cohesion/testing';

describe('schema.gql', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('is the schema the API serves (run `npm run schema:generate` after changing the API)', () => {
    const served = `${printSchema(lexicographicSortSchema(t.app.get(GraphQLSchemaHost).schema))}\n`;
    expect(readFileSync('schema.gql', 'utf8')).toBe(served);
  });
});

describe('schema.sql', () => {
  it('shows the trigger functions and the triggers that run them, which only migrations create', () => {
    const sql = readFileSync('schema.sql', 'utf8');
    for (const [fn, table] of [
      ['term_renamed', 'taxonomy_terms'],
      ['area_renamed', 'areas'],
      ['location_changed', 'locations'],
    ]) {
      expect(sql).toContain(`CREATE FUNCTION public.${fn}() RETURNS trigger`);
      expect(sql).toMatch(
        new RegExp(`CREATE TRIGGER \\w+ .* ON public\\.${table} .*EXECUTE FUNCTION public\\.${fn}\\(\\);`),
      );
    }
  });
});
