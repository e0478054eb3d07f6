import type { Db } from '@cohesion/common';
import { CURRENT_MEMBERSHIP } from '../shared/membership-standing.queries.js';

/**
 * The directory's read models for SQL: what another domain embeds in its own statements
 * where a join is the right call for speed, instead of naming the directory's tables
 * itself. Each relation lists the columns other domains may rely on; the rest of each
 * table is the directory's to change. Organisation identifiers: `org-identifiers.sql.ts`;
 * an area's coded ancestor: `area-ancestry.sql.ts`.
 */

/**
 * Organisations as `organisations <alias>`: id, name, kind, description, email, town, postcode,
 * website, updated_at, search_document (`cohesion_english`); who may see one: ask
 * `DIRECTORY_POLICY.seeOrganisation`. Another
 * domain may lock these rows (`FOR NO KEY UPDATE`) to serialise its own work on an organisation.
 */
export const organisationsSql = (alias: string): string => `organisations ${alias}`;

/**
 * Areas as `areas <alias>`: id, name, code (ONS), kind, parent_id, and path_ids (the
 * area's own id and its ancestors', see `underSql`).
 */
export const areasSql = (alias: string): string => `areas ${alias}`;

/**
 * Taxonomy terms as `taxonomy_terms <alias>`: id, name, description, code, term_uri,
 * taxonomy_id, parent_id (NULL for a top-level term), path_ids (see `underSql`).
 */
export const taxonomyTermsSql = (alias: string): string => `taxonomy_terms ${alias}`;

/**
 * Taxonomies (the vocabularies terms belong to) as `taxonomies <alias>`: id, code, name,
 * description, uri, version.
 */
export const taxonomiesSql = (alias: string): string => `taxonomies ${alias}`;

/**
 * Practitioners as `practitioners <alias>`: id (the practitioner's account id), full_name,
 * job_title, discoverable (ask `DIRECTORY_POLICY.seePractitioner` rather than reading it),
 * open_to_introductions, introductions_monthly_cap, updated_at, and term_path_ids and
 * area_path_ids (their themes and the areas they cover, each with everything above it).
 * Another domain may lock these rows (`FOR NO KEY UPDATE`) to serialise its own work on a person.
 */
export const practitionersSql = (alias: string): string => `practitioners ${alias}`;

/**
 * The memberships in force today (started, or with no start, and not ended) as `<alias>`:
 * practitioner_id, organisation_id. Who works at an organisation now.
 */
export const currentMembershipsSql = (alias: string): string =>
  `(SELECT m.practitioner_id, m.organisation_id FROM practitioner_memberships m WHERE ${CURRENT_MEMBERSHIP}) ${alias}`;

/**
 * A practitioner's own themes (the terms they chose, not those above them, which are in
 * `practitioners.term_path_ids`) as `practitioner_themes <alias>`: practitioner_id, term_id.
 */
export const practitionerThemesSql = (alias: string): string => `practitioner_themes ${alias}`;

/**
 * True when the area or term aliased `alias` is the one whose id is `ancestorId` (a bound
 * parameter or column) or lies beneath it.
 */
export const underSql = (alias: string, ancestorId: string): string =>
  `${alias}.path_ids @> ARRAY[${ancestorId}::uuid]`;

/**
 * The names, in order, of the areas a link table ties to a record: `linkTable` has an
 * `area_id` column and `ownerColumn` naming the record, matched to `owner` (a column
 * reference). An empty array when there are none.
 */
export const areaNamesSql = (linkTable: string, ownerColumn: string, owner: string): string =>
  `COALESCE((SELECT array_agg(ar.name ORDER BY ar.name) FROM ${linkTable} x JOIN areas ar ON ar.id = x.area_id
                    WHERE x.${ownerColumn} = ${owner}), '{}')`;

/** The directory records another domain links to by id. */
export type DirectoryRecordKind = 'area' | 'term';

const TABLE_OF: Record<DirectoryRecordKind, string> = { area: 'areas', term: 'taxonomy_terms' };

/** Which of `ids` name an existing area or term: one statement, in the caller's transaction. */
export async function existingDirectoryIds(db: Db, kind: DirectoryRecordKind, ids: string[]): Promise<string[]> {
  const rows = await db.query<{ id: string }[]>(`SELECT id FROM ${TABLE_OF[kind]} WHERE id = ANY($1::uuid[])`, [ids]);
  return rows.map((row) => row.id);
}
