import type { DataSource } from 'typeorm';
import {
  allOf,
  containsTextSql,
  keysetPage,
  SqlParams,
  type ConnectionShape,
  type Db,
  type Viewer,
  byNameSort,
} from '@cohesion/common';
import { queryPrepared } from '@cohesion/database';
import { linkedAreasSql, type LinkedAreaRow } from '../areas/area.queries.js';
import { auditState, type AuditState } from '../shared/audit-state.js';
import { DIRECTORY_POLICY, organisationVerifiedSql } from '../directory.policy.js';
import { linkedTermsSql, type LinkedTermRow } from '../taxonomy/taxonomy.queries.js';
import type { OrganisationsFilter } from './dto/organisation.inputs.js';
import type { OrganisationEntity } from './organisation.entity.js';

/** An organisation row with its identifiers already in org-id form (`ORGANISATION_COLUMNS`). */
export interface OrganisationRecord extends OrganisationEntity {
  identifiers: string[];
  sortName: string;
}

/** Every column, camel-cased, plus the identifiers, so one query yields a whole organisation. */
export const ORGANISATION_COLUMNS = `
  o.id, o.name, o.kind, o.description, o.website, o.email, o.phone,
  o.address_line1 AS "addressLine1", o.address_line2 AS "addressLine2", o.town, o.postcode,
  o.latitude, o.longitude, o.faith_tradition AS "faithTradition", o.languages, o.verified,
  o.verified_at AS "verifiedAt", o.verified_by AS "verifiedBy",
  o.changed_since_verification_at AS "changedSinceVerificationAt", o.visibility,
  o.named_in_grants_data AS "namedInGrantsData", o.is_demo AS "isDemo",
  o.version, o.created_by AS "createdBy", o.created_at AS "createdAt", o.updated_at AS "updatedAt",
  lower(o.name) AS "sortName",
  ARRAY(SELECT i.scheme || '-' || i.identifier FROM organisation_identifiers i
         WHERE i.organisation_id = o.id ORDER BY i.scheme, i.identifier) AS identifiers`;

const ORGANISATION_SORT = byNameSort<OrganisationRecord>('o.name', 'o.id', (row) => [row.sortName, row.id]);

/** The areas each organisation of the uuid[] SQL expression `organisationIds` serves, by name. */
export function organisationAreasSql(organisationIds: string): string {
  return linkedAreasSql('organisation_areas', 'organisation_id', organisationIds);
}

/** The themes of each organisation of the uuid[] SQL expression `organisationIds`, by name. */
export function organisationThemesSql(organisationIds: string): string {
  return linkedTermsSql('organisation_themes', 'organisation_id', organisationIds);
}

/** A page of the organisations the filter selects that the viewer may see, by name. */
export function organisationPage<T>(
  db: Db,
  viewer: Viewer,
  filter: OrganisationsFilter | undefined,
  page: { first: number; after?: string },
  toNode: (row: OrganisationRecord) => T,
): Promise<ConnectionShape<T>> {
  const params = new SqlParams();
  const where = allOf([
    DIRECTORY_POLICY.seeOrganisation.sql(viewer, 'o'),
    filter?.kinds?.length && `o.kind = ANY(${params.add(filter.kinds)}::varchar[])`,
    filter?.faithTraditions?.length && `o.faith_tradition = ANY(${params.add(filter.faithTraditions)}::varchar[])`,
    filter?.languages?.length && `o.languages && ${params.add(filter.languages)}::varchar[]`,
    filter?.verifiedOnly && organisationVerifiedSql('o'),
    filter?.nameContains && containsTextSql('o.name', filter.nameContains, params),
    // The areas and themes linked, with everything above them, kept on the row (GIN-indexed).
    filter?.areaIds?.length && `o.area_path_ids && ${params.add(filter.areaIds)}::uuid[]`,
    filter?.themeIds?.length && `o.term_path_ids && ${params.add(filter.themeIds)}::uuid[]`,
  ]);
  return keysetPage(db, {
    select: ORGANISATION_COLUMNS,
    from: 'organisations o',
    where,
    params,
    sort: ORGANISATION_SORT,
    page,
    toNode,
  });
}

/**
 * A page of the organisations awaiting a platform admin's check, by name: never verified,
 * or changed (name, kind, identifiers) since they were. For admins, who see every listing.
 */
export function awaitingVerificationPage<T>(
  db: Db,
  page: { first: number; after?: string },
  toNode: (row: OrganisationRecord) => T,
): Promise<ConnectionShape<T>> {
  return keysetPage(db, {
    select: ORGANISATION_COLUMNS,
    from: 'organisations o',
    where: `NOT ${organisationVerifiedSql('o')}`,
    params: new SqlParams(),
    sort: ORGANISATION_SORT,
    page,
    toNode,
  });
}

/** The organisations among `ids` that the viewer may see, as a prepared statement (a hot lookup). */
export function visibleOrganisationsByIds(
  dataSource: DataSource,
  viewer: Viewer,
  ids: readonly string[],
): Promise<OrganisationRecord[]> {
  return queryPrepared<OrganisationRecord>(
    dataSource,
    `SELECT ${ORGANISATION_COLUMNS} FROM organisations o
      WHERE o.id = ANY($1::uuid[]) AND ${DIRECTORY_POLICY.seeOrganisation.sql(viewer, 'o')}`,
    [ids],
  );
}

export async function organisationById(db: Db, id: string): Promise<OrganisationRecord> {
  const [record] = await db.query<OrganisationRecord[]>(
    `SELECT ${ORGANISATION_COLUMNS} FROM organisations o WHERE o.id = $1`,
    [id],
  );
  return record;
}

export function organisationAreas(db: Db, organisationIds: readonly string[]): Promise<LinkedAreaRow[]> {
  return db.query<LinkedAreaRow[]>(organisationAreasSql('$1::uuid[]'), [organisationIds]);
}

export function organisationThemes(db: Db, organisationIds: readonly string[]): Promise<LinkedTermRow[]> {
  return db.query<LinkedTermRow[]>(organisationThemesSql('$1::uuid[]'), [organisationIds]);
}

/** Which of `ids` are organisations. */
export async function knownOrganisationIds(db: Db, ids: string[]): Promise<Set<string>> {
  const found = await db.query<{ id: string }[]>('SELECT id FROM organisations WHERE id = ANY($1::uuid[])', [ids]);
  return new Set(found.map((row) => row.id));
}

/** Whether the organisation exists, locking it (FOR SHARE) against deletion until the transaction ends. */
export async function organisationExistsForShare(db: Db, id: string): Promise<boolean> {
  const found = await db.query<{ id: string }[]>('SELECT id FROM organisations WHERE id = $1 FOR SHARE', [id]);
  return found.length > 0;
}

/** An identifier in the organisation_identifiers table. */
export interface IdentifierRow {
  scheme: string;
  identifier: string;
}

/** The first of the org-id `keys` (SCHEME-IDENTIFIER) another organisation than `organisationId` holds. */
export async function identifierTakenByAnother(
  db: Db,
  organisationId: string,
  keys: string[],
): Promise<IdentifierRow | undefined> {
  const [taken] = await db.query<IdentifierRow[]>(
    `SELECT scheme, identifier FROM organisation_identifiers
      WHERE organisation_id <> $1 AND (scheme || '-' || identifier) = ANY($2::text[])
      ORDER BY scheme, identifier LIMIT 1`,
    [organisationId, keys],
  );
  return taken;
}

/** An organisation with the areas and themes linked to it (`organisationSnapshot`). */
export interface OrganisationSnapshotRow extends OrganisationRecord {
  areaIds: string[];
  themeIds: string[];
}

/** The state the directory's audit rows record of an organisation. */
export type OrganisationSnapshot = AuditState<OrganisationSnapshotRow>;

/** The state the directory's audit rows record of an organisation: its own fields and its links. */
export async function organisationSnapshot(db: Db, id: string): Promise<OrganisationSnapshot> {
  const [row] = await db.query<OrganisationSnapshotRow[]>(
    `SELECT ${ORGANISATION_COLUMNS},
            ARRAY(SELECT area_id FROM organisation_areas WHERE organisation_id = o.id ORDER BY area_id) AS "areaIds",
            ARRAY(SELECT term_id FROM organisation_themes WHERE organisation_id = o.id ORDER BY term_id) AS "themeIds"
       FROM organisations o WHERE o.id = $1`,
    [id],
  );
  return auditState(row);
}

/** The organisation in hand in `organisationTreeRows`' columns, as a uuid[] SQL expression. */
export const TREE_OWNER_IDS = 'ARRAY[tree_owner.id]';

/** An organisation of `organisationTreeRows`, with a JSON array of rows in each column asked for. */
export interface OrganisationTreeRow {
  id: string;
  [column: `f${number}`]: unknown[];
}

/**
 * One row per organisation of the uuid[] placeholder `organisationIds`, with the
 * `columns` (each `<sql> AS f<n>`, reading the organisation as `TREE_OWNER_IDS`), as a
 * prepared statement: it comes in a few shapes (which fields, what page sizes).
 */
export function organisationTreeRows(
  dataSource: DataSource,
  columns: string[],
  organisationIds: string,
  values: unknown[],
): Promise<OrganisationTreeRow[]> {
  return queryPrepared<OrganisationTreeRow>(
    dataSource,
    `SELECT tree_owner.id, ${columns.join(', ')}
         FROM unnest(${organisationIds}::uuid[]) AS tree_owner(id)`,
    values,
  );
}
