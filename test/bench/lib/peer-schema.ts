import pg from 'pg';
import { NAME_SIMILARITY } from '@cohesion/database';

/**
 * The directory search of the comparison, written once by hand: anonymous (verified,
 * publicly listed organisations and their public services), words matched by the
 * stored full-text document or by name similarity, inside areas `$2` and themes `$3`,
 * scored and ordered as the API scores and orders them. PostGraphile serves it as a
 * SQL function; the floor runs it directly.
 */
export function searchSql(query: string, areaIds: string, themeIds: string): string {
  const tsquery = `websearch_to_tsquery('cohesion_english', ${query})`;
  const name = `search_normalise(${query})`;
  const score = (alias: string, freshAt: string) => `((CASE WHEN ${alias}.search_name = ${name} THEN 10 ELSE 0 END)
      + 2 * ts_rank(${alias}.search_document, ${tsquery}, 32)
      + word_similarity(${name}, ${alias}.search_name)
      + 0.05 * least(1, greatest(0, (extract(epoch FROM ${freshAt})::float8 - 1577836800) / 315360000)))::float8`;
  const matches = (alias: string) => [
    `${alias}.search_document @@ ${tsquery}`,
    `${name} <% ${alias}.search_name AND word_similarity(${name}, ${alias}.search_name) >= ${NAME_SIMILARITY}`,
  ];
  const organisations = matches('o').map(
    (match) => `(SELECT 'ORGANISATION'::text AS kind, 1 AS kind_order, o.id, ${score('o', 'o.updated_at')} AS score,
                        o.name::text AS name, o.kind::text AS organisation_kind, NULL::text AS service_status
                   FROM organisations o
                  WHERE ${match} AND o.verified AND o.visibility = 'PUBLIC'
                    AND o.term_path_ids && ${themeIds} AND o.area_path_ids && ${areaIds})`,
  );
  const services = matches('s').map(
    (match) => `(SELECT 'SERVICE'::text, 3, s.id, ${score('s', 'coalesce(s.assured_date::timestamptz, s.updated_at)')},
                        s.name::text, NULL::text, s.status::text
                   FROM services s JOIN organisations o ON o.id = s.organisation_id
                  WHERE ${match} AND s.visibility = 'PUBLIC' AND o.verified AND o.visibility = 'PUBLIC'
                    AND s.term_path_ids && ${themeIds} AND s.area_path_ids && ${areaIds})`,
  );
  return `(${organisations.join(' UNION ')}) UNION ALL (${services.join(' UNION ')})`;
}

/**
 * What PostGraphile needs to serve the same queries, in the benchmark database only
 * (schema bench_peer, rebuilt on every run): the search above as a function, and the
 * directory's sort order (lower(name), then id) as sortable computed columns.
 */
const PEER_SCHEMA = `
DROP SCHEMA IF EXISTS bench_peer CASCADE;
CREATE SCHEMA bench_peer;
CREATE TYPE bench_peer.search_hit AS (
  kind text, id uuid, score float8, name text, organisation_kind text, service_status text);
CREATE FUNCTION bench_peer.search_directory(query text, area_ids uuid[], theme_ids uuid[])
  RETURNS SETOF bench_peer.search_hit LANGUAGE sql STABLE AS $$
  SELECT kind, id, score, name, organisation_kind, service_status
    FROM (${searchSql('query', 'area_ids', 'theme_ids')}) hits
   ORDER BY score DESC, kind_order, id
$$;
CREATE OR REPLACE FUNCTION public.organisations_sort_name(o public.organisations) RETURNS text
  LANGUAGE sql STABLE AS $$ SELECT lower(o.name) $$;
COMMENT ON FUNCTION public.organisations_sort_name(public.organisations) IS E'@sortable';
CREATE OR REPLACE FUNCTION public.services_sort_name(s public.services) RETURNS text
  LANGUAGE sql STABLE AS $$ SELECT lower(s.name) $$;
COMMENT ON FUNCTION public.services_sort_name(public.services) IS E'@sortable';
CREATE OR REPLACE FUNCTION public.practitioners_sort_name(p public.practitioners) RETURNS text
  LANGUAGE sql STABLE AS $$ SELECT lower(p.full_name) $$;
COMMENT ON FUNCTION public.practitioners_sort_name(public.practitioners) IS E'@sortable';
`;

/** The schemas PostGraphile exposes. */
export const PEER_SCHEMAS = ['public', 'bench_peer'];

export async function installPeerSchema(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(PEER_SCHEMA);
  } finally {
    await client.end();
  }
}
