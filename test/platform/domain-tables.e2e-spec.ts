import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getMetadataArgsStorage } from 'typeorm';
import { AUTH_ENTITIES } from '@cohesion/auth';
import { DIRECTORY_ENTITIES } from '@cohesion/directory';

/**
 * A domain reads another's tables only through the owner's named, exported read models
 * (the directory's `libs/directory/src/read-models/`, auth's
 * `libs/auth/src/accounts/account-read-models.ts`): its own SQL never names them. The
 * tables are those of the owner's entities, so a table added there is covered here.
 */

/** The table names of `entities`, as their `@Entity` decorators declare them. */
function tablesOf(entities: readonly unknown[]): string[] {
  return getMetadataArgsStorage()
    .tables.filter((table) => entities.includes(table.target) && table.name !== undefined)
    .map((table) => table.name as string);
}

/**
 * Where `source` names one of `tables` as SQL does: after FROM, JOIN, INTO, UPDATE or
 * TABLE, or as a quoted name; comment lines (prose about the tables) are left out. A word
 * of `vocabulary` (a name the domain has for something else, such as an open standard's
 * field) may stand in single quotes; in SQL, or in double quotes or backticks, it still counts.
 */
function tableMentions(
  source: string,
  tables: readonly string[],
  vocabulary: readonly string[] = [],
): { line: number; table: string }[] {
  const names = tables.join('|');
  const pattern = new RegExp(`\\b(?:FROM|JOIN|INTO|UPDATE|TABLE)\\s+(${names})\\b|['"\`](${names})['"\`]`, 'g');
  const comment = /^\s*(\/\/|\/\*|\*)/;
  const ownWord = (match: RegExpMatchArray) => match[0] === `'${match[2]}'` && vocabulary.includes(match[2]);
  return source
    .split('\n')
    .flatMap((text, index) =>
      comment.test(text)
        ? []
        : [...text.matchAll(pattern)]
            .filter((match) => !ownWord(match))
            .map((match) => ({ line: index + 1, table: match[1] ?? match[2] })),
    );
}

/** The production TypeScript files under `root` (specs left out). */
function sourceFiles(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

function offenders(root: string, tables: readonly string[], vocabulary?: readonly string[]): string[] {
  return sourceFiles(root).flatMap((file) =>
    tableMentions(readFileSync(file, 'utf8'), tables, vocabulary).map(
      ({ line, table }) => `${file}:${line} names ${table}`,
    ),
  );
}

const DIRECTORY_TABLES = tablesOf(DIRECTORY_ENTITIES);
const AUTH_TABLES = tablesOf(AUTH_ENTITIES);

/**
 * Words the Open Referral UK lib quotes that are not the directory's tables: the standard's
 * endpoints and fields (`/services`, `taxonomy_terms`, `service_areas`...) and the
 * directory writer's link kinds (`replaceLinks(manager, 'areas', ...)`).
 */
const OPEN_REFERRAL_WORDS = ['services', 'taxonomies', 'taxonomy_terms', 'service_areas', 'areas'];

describe('tables a domain reads only through their owner', () => {
  it('takes the directory tables from its entities', () => {
    expect(DIRECTORY_TABLES).toEqual(
      expect.arrayContaining(['areas', 'organisations', 'organisation_identifiers', 'taxonomy_terms', 'locations']),
    );
    expect(DIRECTORY_TABLES).toHaveLength(DIRECTORY_ENTITIES.length);
  });

  it('takes the auth tables from its entities', () => {
    expect(AUTH_TABLES).toEqual(expect.arrayContaining(['accounts', 'role_grants', 'refresh_tokens']));
    expect(AUTH_TABLES).toHaveLength(AUTH_ENTITIES.length);
  });

  it('finds a table named in SQL, and not a column or a CTE of another name', () => {
    const tables = ['areas', 'locations'];
    expect(tableMentions('SELECT a.id\n  FROM grants g JOIN areas a ON a.id = g.area_id', tables)).toEqual([
      { line: 2, table: 'areas' },
    ]);
    expect(tableMentions("const found = await db.query(`SELECT id FROM ${'x'}`); link('locations');", tables)).toEqual([
      { line: 1, table: 'locations' },
    ]);
    expect(
      tableMentions('SELECT count(*) AS locations FROM grant_application_areas, published_locations', tables),
    ).toEqual([]);
    expect(tableMentions('/**\n * `sql` on an `areas` alias.\n */\n// FROM areas', tables)).toEqual([]);
  });

  it("lets a domain's own word stand in single quotes, and nowhere else", () => {
    const tables = ['areas', 'services'];
    expect(tableMentions("@Get('services') eachEntry(record, 'areas')", tables, ['services', 'areas'])).toEqual([]);
    expect(
      tableMentions('SELECT id FROM services\nlink("services", `areas`)\nlink(\'areas\')', tables, ['services']),
    ).toEqual([
      { line: 1, table: 'services' },
      { line: 2, table: 'services' },
      { line: 2, table: 'areas' },
      { line: 3, table: 'areas' },
    ]);
  });

  // The vocabulary has a default: a fourth parameter without one would be taken for `done`.
  it.each<[string, string, string[], string[]?]>([
    ['libs/grants/src', 'the directory', DIRECTORY_TABLES],
    ['libs/grants/src', 'auth', AUTH_TABLES],
    ['libs/notifications/src', 'auth', AUTH_TABLES],
    ['libs/network/src', 'the directory', DIRECTORY_TABLES],
    ['libs/open-referral/src', 'the directory', DIRECTORY_TABLES, OPEN_REFERRAL_WORDS],
  ])('%s names no table of %s', (root, _owner, tables, vocabulary = []) => {
    expect(offenders(root, tables, vocabulary)).toEqual([]);
  });
});
