import { describe, expect, it } from '@jest/globals';
import { findPgDump, tidyDump } from './schema-sql.js';

/** Objects as pg_dump 15 prints them for `--schema-only --no-owner --no-privileges`. */
const EXTENSION = `--
-- Name: cube; Type: EXTENSION; Schema: -; Owner: -
--

CREATE EXTENSION IF NOT EXISTS cube WITH SCHEMA public;`;
const EXTENSION_COMMENT = `--
-- Name: EXTENSION cube; Type: COMMENT; Schema: -; Owner: -
--

COMMENT ON EXTENSION cube IS 'data type for multidimensional cubes';`;
const FUNCTION = `--
-- Name: term_renamed(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.term_renamed() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
  SET LOCAL search_path = public;
  RETURN NULL;
END $$;`;
const TRIGGER = `--
-- Name: taxonomy_terms taxonomy_terms_search_tags; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER taxonomy_terms_search_tags AFTER UPDATE OF name ON public.taxonomy_terms FOR EACH ROW EXECUTE FUNCTION public.term_renamed();`;

/** A whole dump: its preamble, the objects two blank lines apart, its footer. */
function dump(key: string, version: string): string {
  return `--
-- PostgreSQL database dump
--

\\restrict ${key}

-- Dumped from database version ${version} (Debian ${version}-0+deb12u1)
-- Dumped by pg_dump version ${version} (Debian ${version}-0+deb12u1)

SET statement_timeout = 0;
SELECT pg_catalog.set_config('search_path', '', false);

${[EXTENSION, EXTENSION_COMMENT, FUNCTION, TRIGGER].join('\n\n\n')}


--
-- PostgreSQL database dump complete
--

\\unrestrict ${key}

`;
}

describe('schema.sql from a pg_dump', () => {
  const tidied = tidyDump(dump('BM6hTMK3xccH9Gr0yWoTHDMTtz9ssTR8RqMQwEUU209UYA8vcKPRg3e8Zj3gH7Y', '15.20'));

  it('keeps every object in pg_dump order, function bodies as written, under its own header', () => {
    const [header, ...objects] = tidied.split('\n\n');
    expect(header).toMatch(/^-- The database schema as the migrations build it/);
    expect(objects.join('\n\n')).toBe(`${[EXTENSION, FUNCTION, TRIGGER].join('\n\n')}\n`);
  });

  it('leaves out what differs between runs and machines: versions, session settings, the restrict key', () => {
    expect(tidied).not.toMatch(/restrict|Dumped|statement_timeout|set_config|COMMENT ON EXTENSION|dump complete/);
    expect(tidyDump(dump('tSI21P16b2aaCkBj2USCQFXqHgqTEIey0te8ESAy8eN4nLp9uvQzhjgYtdC536i', '15.21'))).toBe(tidied);
  });

  it('says which pg_dump it needs when the one named is not there', async () => {
    await expect(findPgDump('/nowhere/pg_dump')).rejects.toThrow(
      "schema.sql is dumped with PostgreSQL 15's pg_dump, and this machine has none at PG_DUMP=/nowhere/pg_dump. " +
        'Install postgresql-client-15, or set PG_DUMP to its pg_dump.',
    );
  });
});
