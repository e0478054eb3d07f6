import {
  allOf,
  containsTextSql,
  keysetPage,
  pageLimit,
  returningRows,
  SqlParams,
  type ConnectionShape,
  type Db,
  type Viewer,
  byNameSort,
} from '@cohesion/common';
import { linkedAreasSql, type LinkedAreaRow } from '../areas/area.queries.js';
import { auditState, type AuditState } from '../shared/audit-state.js';
import { DIRECTORY_POLICY } from '../directory.policy.js';
import { jsonRowsSql } from '../shared/json-rows.js';
import { linkedTermsSql, type LinkedTermRow } from '../taxonomy/taxonomy.queries.js';
import type { ServicesFilter } from './dto/service.inputs.js';
import type {
  LocationEntity,
  ServiceContactEntity,
  ServiceCostOptionEntity,
  ServiceEntity,
  ServiceScheduleEntity,
} from './service.entity.js';

/** A service as the directory's statements read it (`SERVICE_COLUMNS`, alias `s`). */
export interface ServiceRecord extends ServiceEntity {
  sortName: string;
}

export const SERVICE_COLUMNS = `
  s.id, s.organisation_id AS "organisationId", s.name, s.description, s.url, s.email, s.status, s.fees,
  s.eligibility_description AS "eligibilityDescription", s.minimum_age AS "minimumAge",
  s.maximum_age AS "maximumAge", s.languages, to_char(s.assured_date, 'YYYY-MM-DD') AS "assuredDate",
  s.assurer_email AS "assurerEmail", s.visibility, s.is_demo AS "isDemo", s.version, s.created_by AS "createdBy",
  s.created_at AS "createdAt", s.updated_at AS "updatedAt", lower(s.name) AS "sortName"`;

export const SERVICE_SORT = byNameSort<ServiceRecord>('s.name', 's.id', (row) => [row.sortName, row.id]);

/** A service row ranked within its organisation, with how many the viewer may see there. */
export type RankedService = ServiceRecord & { rn: number; total: number };

/** A venue of a service (`serviceLocationsSql`), with the service's id. */
export type ServiceLocationRow = LocationEntity & { serviceId: string };

/**
 * Each organisation's services (of the uuid[] SQL expression `organisationIds`) that the
 * viewer may see, by name: the first `first` + 1 of each, with their totals. The loader
 * runs it over many organisations; the organisation reader nests it in its statement.
 */
export function organisationServicesSql(viewer: Viewer, organisationIds: string, first: number): string {
  return `SELECT * FROM (
         SELECT ${SERVICE_COLUMNS},
                row_number() OVER (PARTITION BY s.organisation_id ORDER BY lower(s.name), s.id) AS rn,
                count(*) OVER (PARTITION BY s.organisation_id)::int AS total
           FROM services s JOIN organisations o ON o.id = s.organisation_id
          WHERE s.organisation_id = ANY(${organisationIds}) AND ${DIRECTORY_POLICY.seeService.sql(viewer, 's', 'o')}) ranked
        WHERE rn <= ${pageLimit(first)}
        ORDER BY rn`;
}

/** The venues of each service of the uuid[] SQL expression `serviceIds`, by name. */
export function serviceLocationsSql(serviceIds: string): string {
  return `SELECT sl.service_id AS "serviceId", l.id, l.organisation_id AS "organisationId",
              l.location_type AS "locationType", l.name, l.description, l.address_line1 AS "addressLine1",
              l.address_line2 AS "addressLine2", l.town, l.postcode, l.latitude, l.longitude,
              l.geocode_precision AS "geocodePrecision", l.area_id AS "areaId"
         FROM service_locations sl JOIN locations l ON l.id = sl.location_id
        WHERE sl.service_id = ANY(${serviceIds})
        ORDER BY l.name`;
}

/** The taxonomy terms of each service of the uuid[] SQL expression `serviceIds`, by name. */
export function serviceTermsSql(serviceIds: string): string {
  return linkedTermsSql('service_taxonomy_terms', 'service_id', serviceIds);
}

/** A service of `organisationTreeServicesSql`, with its venues and terms when they were asked for. */
export type TreeServiceRow = RankedService & { locationRows?: ServiceLocationRow[]; termRows?: LinkedTermRow[] };

/**
 * `organisationServicesSql` as one JSON array of `TreeServiceRow`s (in rank order), each
 * service with its venues and terms when asked for: a column of the organisation reader's
 * statement.
 */
export function organisationTreeServicesSql(
  viewer: Viewer,
  organisationIds: string,
  first: number,
  nested: { locations: boolean; terms: boolean },
): string {
  const extra = [
    nested.locations && `${jsonRowsSql(serviceLocationsSql('ARRAY[tree_service.id]'))} AS "locationRows"`,
    nested.terms && `${jsonRowsSql(serviceTermsSql('ARRAY[tree_service.id]'))} AS "termRows"`,
  ].filter(Boolean);
  const sql = `SELECT tree_service.*${extra.map((part) => `, ${part}`).join('')}
                   FROM (${organisationServicesSql(viewer, organisationIds, first)}) tree_service`;
  return `(SELECT coalesce(json_agg(x ORDER BY x.rn), '[]') FROM (${sql}) x)`;
}

/** A page of the services the filter selects that the viewer may see, by name. */
export function servicePage<T>(
  db: Db,
  viewer: Viewer,
  filter: ServicesFilter | undefined,
  page: { first: number; after?: string },
  toNode: (row: ServiceRecord) => T,
): Promise<ConnectionShape<T>> {
  const params = new SqlParams();
  const where = allOf([
    DIRECTORY_POLICY.seeService.sql(viewer, 's', 'o'),
    filter?.organisationId && `s.organisation_id = ${params.add(filter.organisationId)}`,
    filter?.statuses?.length && `s.status = ANY(${params.add(filter.statuses)}::varchar[])`,
    filter?.nameContains && containsTextSql('s.name', filter.nameContains, params),
    // Terms and areas (service areas and the areas of its venues), with everything above them,
    // kept on the row (GIN-indexed).
    filter?.taxonomyTermIds?.length && `s.term_path_ids && ${params.add(filter.taxonomyTermIds)}::uuid[]`,
    filter?.areaIds?.length && `s.area_path_ids && ${params.add(filter.areaIds)}::uuid[]`,
  ]);
  return keysetPage(db, {
    select: SERVICE_COLUMNS,
    from: 'services s JOIN organisations o ON o.id = s.organisation_id',
    where,
    params,
    sort: SERVICE_SORT,
    page,
    toNode,
  });
}

/** The services among `ids` that the viewer may see. */
export function visibleServicesByIds(db: Db, viewer: Viewer, ids: readonly string[]): Promise<ServiceRecord[]> {
  return db.query<ServiceRecord[]>(
    `SELECT ${SERVICE_COLUMNS} FROM services s JOIN organisations o ON o.id = s.organisation_id
      WHERE s.id = ANY($1::uuid[]) AND ${DIRECTORY_POLICY.seeService.sql(viewer, 's', 'o')}`,
    [ids],
  );
}

export function servicesOfOrganisations(
  db: Db,
  viewer: Viewer,
  organisationIds: readonly string[],
  first: number,
): Promise<RankedService[]> {
  return db.query<RankedService[]>(organisationServicesSql(viewer, '$1::uuid[]', first), [organisationIds]);
}

export async function serviceById(db: Db, id: string): Promise<ServiceRecord> {
  const [record] = await db.query<ServiceRecord[]>(`SELECT ${SERVICE_COLUMNS} FROM services s WHERE s.id = $1`, [id]);
  return record;
}

export function serviceLocations(db: Db, serviceIds: readonly string[]): Promise<ServiceLocationRow[]> {
  return db.query<ServiceLocationRow[]>(serviceLocationsSql('$1::uuid[]'), [serviceIds]);
}

export function serviceTerms(db: Db, serviceIds: readonly string[]): Promise<LinkedTermRow[]> {
  return db.query<LinkedTermRow[]>(serviceTermsSql('$1::uuid[]'), [serviceIds]);
}

export function serviceAreas(db: Db, serviceIds: readonly string[]): Promise<LinkedAreaRow[]> {
  return db.query<LinkedAreaRow[]>(linkedAreasSql('service_areas', 'service_id', '$1::uuid[]'), [serviceIds]);
}

/** Unlinks every venue of the service; the ids of the places it was linked to. */
export async function unlinkServiceLocations(db: Db, serviceId: string): Promise<string[]> {
  const previous = await returningRows<{ location_id: string }>(
    db,
    'DELETE FROM service_locations WHERE service_id = $1 RETURNING location_id',
    [serviceId],
  );
  return previous.map((row) => row.location_id);
}

/** Deletes the places among `locationIds` that no service uses. */
export async function deleteUnusedLocations(db: Db, locationIds: string[]): Promise<void> {
  await db.query(
    `DELETE FROM locations l WHERE l.id = ANY($1::uuid[])
        AND NOT EXISTS (SELECT 1 FROM service_locations sl WHERE sl.location_id = l.id)`,
    [locationIds],
  );
}

/** A service with all its parts (`serviceSnapshot`). */
export interface ServiceSnapshotRow extends ServiceRecord {
  costOptions: Pick<
    ServiceCostOptionEntity,
    'option' | 'amountPence' | 'amountDescription' | 'validFrom' | 'validTo'
  >[];
  schedules: Pick<
    ServiceScheduleEntity,
    'freq' | 'interval' | 'byday' | 'opensAt' | 'closesAt' | 'validFrom' | 'validTo' | 'description'
  >[];
  contacts: Pick<ServiceContactEntity, 'name' | 'title' | 'email' | 'phone'>[];
  locations: Pick<LocationEntity, 'name' | 'postcode' | 'latitude' | 'longitude' | 'areaId'>[];
  taxonomyTermIds: string[];
  serviceAreaIds: string[];
}

/** What an audit row records of a service. */
export type ServiceSnapshot = AuditState<ServiceSnapshotRow>;

/** What an audit row records: the service with all its parts. */
export async function serviceSnapshot(db: Db, id: string): Promise<ServiceSnapshot> {
  const [row] = await db.query<ServiceSnapshotRow[]>(
    `SELECT ${SERVICE_COLUMNS},
       (SELECT coalesce(json_agg(json_build_object('option', c.option, 'amountPence', c.amount_pence,
               'amountDescription', c.amount_description, 'validFrom', c.valid_from, 'validTo', c.valid_to)
               ORDER BY c.id), '[]') FROM service_cost_options c WHERE c.service_id = s.id) AS "costOptions",
       (SELECT coalesce(json_agg(json_build_object('freq', c.freq, 'interval', c.interval, 'byday', c.byday,
               'opensAt', c.opens_at, 'closesAt', c.closes_at, 'validFrom', c.valid_from, 'validTo', c.valid_to,
               'description', c.description) ORDER BY c.id), '[]') FROM service_schedules c WHERE c.service_id = s.id) AS schedules,
       (SELECT coalesce(json_agg(json_build_object('name', c.name, 'title', c.title, 'email', c.email, 'phone', c.phone)
               ORDER BY c.id), '[]') FROM service_contacts c WHERE c.service_id = s.id) AS contacts,
       (SELECT coalesce(json_agg(json_build_object('name', l.name, 'postcode', l.postcode, 'latitude', l.latitude,
               'longitude', l.longitude, 'areaId', l.area_id) ORDER BY l.id), '[]')
          FROM service_locations sl JOIN locations l ON l.id = sl.location_id WHERE sl.service_id = s.id) AS locations,
       ARRAY(SELECT term_id FROM service_taxonomy_terms WHERE service_id = s.id ORDER BY term_id) AS "taxonomyTermIds",
       ARRAY(SELECT area_id FROM service_areas WHERE service_id = s.id ORDER BY area_id) AS "serviceAreaIds"
     FROM services s WHERE s.id = $1`,
    [id],
  );
  return auditState(row);
}
