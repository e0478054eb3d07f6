import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { allOf, escapeLike, SqlParams } from '@cohesion/common';
import {
  areasSql,
  circleSql,
  distanceSql,
  locationsSql,
  organisationIdentifiersSql,
  organisationsSql,
  pointSql,
  serviceAreasSql,
  serviceContactsSql,
  serviceCostOptionsSql,
  servicesAtLocationsSql,
  serviceSchedulesSql,
  servicesSql,
  serviceTaxonomyTermsSql,
  taxonomiesSql,
  taxonomyTermsSql,
  withinSql,
} from '@cohesion/directory';
import { OPEN_REFERRAL_POLICY } from '../open-referral.policy.js';
import type { FeedQuery } from './feed.params.js';

/**
 * What the feed publishes (see `OPEN_REFERRAL_POLICY.readFeed`): active, public services
 * of verified organisations listed publicly. Partial indexes hold exactly these rows (idx_services_published,
 * idx_services_published_sort, idx_organisations_published): change one, change them.
 */
export const PUBLISHED_ORGANISATION = OPEN_REFERRAL_POLICY.readFeed.organisationSql();
export const PUBLISHED_SERVICE = OPEN_REFERRAL_POLICY.readFeed.serviceSql();

/**
 * When a service last changed as the feed shows it: the latest of its own and its
 * organisation's rows and audit entries (the audit trail also sees changes that leave
 * the rows' timestamps alone, such as an organisation's identifiers).
 */
const LAST_MODIFIED = `GREATEST(s.updated_at, o.updated_at,
  (SELECT max(a.at) FROM audit_entries a WHERE a.entity_type = 'Service' AND a.entity_id = s.id),
  (SELECT max(a.at) FROM audit_entries a WHERE a.entity_type = 'Organisation' AND a.entity_id = s.organisation_id))`;

export interface OrganisationRow {
  id: string;
  name: string;
  description: string | null;
  email: string | null;
  website: string | null;
}

export interface ServiceRow {
  id: string;
  organisation_id: string;
  name: string;
  description: string | null;
  url: string | null;
  email: string | null;
  status: string;
  fees: string | null;
  eligibility_description: string | null;
  minimum_age: number | null;
  maximum_age: number | null;
  languages: string[];
  assured_date: string | null;
  assurer_email: string | null;
  last_modified: Date;
  org_name: string;
  org_description: string | null;
  org_email: string | null;
  org_website: string | null;
}

/** What `minimal=true` lists of a service. */
export type MinimalServiceRow = Pick<ServiceRow, 'id' | 'name' | 'status' | 'last_modified'>;

export interface LocationRow {
  id: string;
  location_type: string;
  name: string | null;
  description: string | null;
  latitude: number | null;
  longitude: number | null;
  address_id: string | null;
  attention: string | null;
  address_line1: string | null;
  address_line2: string | null;
  town: string | null;
  region: string | null;
  state_province: string | null;
  postcode: string | null;
  country: string;
  address_type: string;
  local_authority: string | null;
}

export interface ServiceAtLocationRow extends LocationRow {
  service_at_location_id: string;
  service_id: string;
}

export interface ScheduleRow {
  id: string;
  service_id: string;
  freq: string | null;
  interval: number | null;
  byday: string | null;
  opens_at: string | null;
  closes_at: string | null;
  valid_from: string | null;
  valid_to: string | null;
  description: string | null;
}

export interface ContactRow {
  id: string;
  service_id: string;
  name: string | null;
  title: string | null;
  email: string | null;
  phone: string | null;
}

export interface CostOptionRow {
  id: string;
  service_id: string;
  option: string | null;
  amount_pence: number | null;
  amount_description: string | null;
  valid_from: string | null;
  valid_to: string | null;
}

export interface ServiceAreaRow {
  service_id: string;
  id: string;
  name: string;
  code: string | null;
}

export interface TermRow {
  id: string;
  name: string;
  description: string | null;
  parent_id: string | null;
  code: string;
  term_uri: string | null;
  taxonomy_id: string;
  taxonomy_name: string;
}

export interface AttributeRow extends TermRow {
  service_id: string;
}

export interface TaxonomyRow {
  id: string;
  name: string;
  description: string | null;
  uri: string | null;
  version: string | null;
}

export interface IdentifierRow {
  id: string;
  organisation_id: string;
  scheme: string;
  identifier: string;
}

/** The parts of a fully nested service, each keyed by service id. */
export interface ServiceParts {
  schedules: ScheduleRow[];
  contacts: ContactRow[];
  costOptions: CostOptionRow[];
  areas: ServiceAreaRow[];
  locations: ServiceAtLocationRow[];
  attributes: AttributeRow[];
  identifiers: IdentifierRow[];
}

export interface Page<T> {
  total: number;
  rows: T[];
}

/** A point to measure from, and how far out to look (metres); no radius orders by distance only. */
export interface Origin {
  latitude: number;
  longitude: number;
  radius?: number;
}

const SERVICE_COLUMNS = `s.id, s.organisation_id, s.name, s.description, s.url, s.email, s.status, s.fees,
  s.eligibility_description, s.minimum_age, s.maximum_age, s.languages, s.assured_date::text AS assured_date,
  s.assurer_email, ${LAST_MODIFIED} AS last_modified,
  o.name AS org_name, o.description AS org_description, o.email AS org_email, o.website AS org_website`;

/** Published services are active: the status is not read, so listing them all reads indexes only. */
const MINIMAL_SERVICE_COLUMNS = `s.id, s.name, 'active' AS status, ${LAST_MODIFIED} AS last_modified`;

/**
 * A place placed only at its postcode district's centre is published without
 * coordinates (the feed has no way to say they are approximate); it is still found
 * by distance.
 */
const LOCATION_COLUMNS = `l.id, l.location_type, l.name, l.description,
  CASE WHEN l.geocode_precision = 'OUTWARD_CODE' THEN NULL ELSE l.latitude END AS latitude,
  CASE WHEN l.geocode_precision = 'OUTWARD_CODE' THEN NULL ELSE l.longitude END AS longitude, l.address_id,
  l.attention, l.address_line1, l.address_line2, l.town, l.region, l.state_province, l.postcode, l.country,
  l.address_type,
  (SELECT la.name FROM ${areasSql('wa')} JOIN ${areasSql('la')} ON la.id = ANY(wa.path_ids) AND la.kind = 'LOCAL_AUTHORITY'
    WHERE wa.id = l.area_id LIMIT 1) AS local_authority`;

/** Services (s) with their organisations (o). */
const SERVICES_OF_ORGANISATIONS = `${servicesSql('s')} JOIN ${organisationsSql('o')} ON o.id = s.organisation_id`;

/** Taxonomy terms (t) with their taxonomies (x). */
const TERMS_OF_TAXONOMIES = `${taxonomyTermsSql('t')} JOIN ${taxonomiesSql('x')} ON x.id = t.taxonomy_id`;

const TERM_COLUMNS = `t.id, t.name, t.description, t.parent_id, t.code, t.term_uri, t.taxonomy_id, x.name AS taxonomy_name`;

/** `%` and `_` match themselves in a LIKE pattern built from what a caller typed. */
function containing(text: string): string {
  return `%${escapeLike(text)}%`;
}

/**
 * The feed's reads. Every list is one count and one page query with the filters as
 * parameters; a fully nested page adds one query per kind of part for the whole page
 * (never one per service), so a page costs the same whatever its size.
 */
@Injectable()
export class FeedRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The conditions on services (s) and their organisations (o) that the service filters
   * add, and the search text's placeholder (for ranking).
   */
  private serviceConditions(query: FeedQuery, params: SqlParams): { where: string; search?: string } {
    const scheduleConditions = [
      query.day && `sc.byday ~ ('(^|,)[+-]?[0-9]*' || ${params.add(query.day)} || '(,|$)')`,
      query.startTime && `sc.closes_at > ${params.add(query.startTime)}::time`,
      query.endTime && `sc.opens_at < ${params.add(query.endTime)}::time`,
    ];
    const bySchedule = query.day || query.startTime || query.endTime;
    const modifiedAfter = query.modifiedAfter && params.add(query.modifiedAfter);
    const search = query.search ? `websearch_to_tsquery('cohesion_english', ${params.add(query.search)})` : undefined;
    const where = allOf([
      PUBLISHED_SERVICE,
      search && `s.search_document @@ ${search}`,
      query.taxonomyTermId && `s.term_path_ids @> ARRAY[${params.add(query.taxonomyTermId)}]::uuid[]`,
      query.taxonomyId &&
        `s.term_path_ids && ARRAY(SELECT t.id FROM ${taxonomyTermsSql('t')}
           WHERE t.taxonomy_id = ${params.add(query.taxonomyId)} AND t.parent_id IS NULL)`,
      query.organizationId && `s.organisation_id = ${params.add(query.organizationId)}`,
      // One set of ids, each part from its own index (an OR across the joined tables would read them all).
      modifiedAfter &&
        `s.id IN (SELECT ms.id FROM ${servicesSql('ms')} WHERE ms.updated_at >= ${modifiedAfter}
           UNION SELECT ms.id FROM ${servicesSql('ms')} JOIN ${organisationsSql('mo')} ON mo.id = ms.organisation_id
                  WHERE mo.updated_at >= ${modifiedAfter}
           UNION SELECT a.entity_id FROM audit_entries a WHERE a.entity_type = 'Service' AND a.at >= ${modifiedAfter}
           UNION SELECT ms.id FROM ${servicesSql('ms')} JOIN audit_entries a ON a.entity_id = ms.organisation_id
                  WHERE a.entity_type = 'Organisation' AND a.at >= ${modifiedAfter})`,
      query.minimumAge !== undefined && `s.maximum_age IS NULL OR s.maximum_age >= ${params.add(query.minimumAge)}`,
      query.maximumAge !== undefined && `s.minimum_age IS NULL OR s.minimum_age <= ${params.add(query.maximumAge)}`,
      bySchedule &&
        `EXISTS (SELECT 1 FROM ${serviceSchedulesSql('sc')} WHERE sc.service_id = s.id
                   AND (sc.valid_to IS NULL OR sc.valid_to >= current_date) AND ${allOf(scheduleConditions)})`,
    ]);
    return { where, search };
  }

  servicePage(query: FeedQuery): Promise<Page<ServiceRow>> {
    return this.servicesIn(query, SERVICE_COLUMNS, true);
  }

  /**
   * A page of services as `minimal=true` lists them: only what it shows is read, all of
   * it in the indexes, so the page is read in one pass.
   */
  minimalServicePage(query: FeedQuery): Promise<Page<MinimalServiceRow>> {
    return this.servicesIn(query, MINIMAL_SERVICE_COLUMNS, false);
  }

  private servicesIn<T>(query: FeedQuery, columns: string, chooseFirst: boolean): Promise<Page<T>> {
    const params = new SqlParams();
    const { where, search } = this.serviceConditions(query, params);
    const rank = search ? `ts_rank(s.search_document, ${search}) DESC, ` : '';
    return this.page<T>(
      { from: SERVICES_OF_ORGANISATIONS, where, key: 's.id', chooseFirst },
      columns,
      `${rank}lower(s.name), s.id`,
      query,
      params,
    );
  }

  /**
   * Every matching service, in name order, a batch at a time: each batch continues after
   * the last row of the one before (keyset), so the thousandth batch costs what the first does.
   */
  async *serviceBatches(query: FeedQuery, size: number): AsyncGenerator<ServiceRow[]> {
    let after: [string, string] | undefined;
    for (;;) {
      const params = new SqlParams();
      const { where } = this.serviceConditions(query, params);
      const keyset = after && `(lower(s.name), s.id) > (${params.add(after[0])}, ${params.add(after[1])}::uuid)`;
      const rows = await this.dataSource.query<(ServiceRow & { sort_name: string })[]>(
        `SELECT ${SERVICE_COLUMNS}, lower(s.name) AS sort_name
           FROM ${SERVICES_OF_ORGANISATIONS}
          WHERE ${allOf([where, keyset])} ORDER BY lower(s.name), s.id LIMIT ${params.add(size)}`,
        params.values,
      );
      if (rows.length > 0) yield rows;
      if (rows.length < size) return;
      const last = rows[rows.length - 1];
      after = [last.sort_name, last.id];
    }
  }

  async servicesByIds(ids: string[]): Promise<ServiceRow[]> {
    if (ids.length === 0) return [];
    return this.dataSource.query<ServiceRow[]>(
      `SELECT ${SERVICE_COLUMNS} FROM ${SERVICES_OF_ORGANISATIONS}
       WHERE s.id = ANY($1::uuid[]) AND ${PUBLISHED_SERVICE} ORDER BY lower(s.name), s.id`,
      [ids],
    );
  }

  async servicesOfOrganisations(organisationIds: string[]): Promise<ServiceRow[]> {
    if (organisationIds.length === 0) return [];
    return this.dataSource.query<ServiceRow[]>(
      `SELECT ${SERVICE_COLUMNS} FROM ${SERVICES_OF_ORGANISATIONS}
       WHERE s.organisation_id = ANY($1::uuid[]) AND ${PUBLISHED_SERVICE} ORDER BY lower(s.name), s.id`,
      [organisationIds],
    );
  }

  /** Everything a fully nested service shows beyond its own row, for a page of services at once. */
  async serviceParts(services: ServiceRow[]): Promise<ServiceParts> {
    const ids = services.map((service) => service.id);
    const organisationIds = [...new Set(services.map((service) => service.organisation_id))];
    if (ids.length === 0) {
      return {
        schedules: [],
        contacts: [],
        costOptions: [],
        areas: [],
        locations: [],
        attributes: [],
        identifiers: [],
      };
    }
    const [schedules, contacts, costOptions, areas, locations, attributes, identifiers] = await Promise.all([
      this.dataSource.query<ScheduleRow[]>(
        `SELECT id, service_id, freq, interval, byday, opens_at::text AS opens_at, closes_at::text AS closes_at,
                valid_from::text AS valid_from, valid_to::text AS valid_to, description
           FROM ${serviceSchedulesSql()} WHERE service_id = ANY($1::uuid[]) ORDER BY service_id, id`,
        [ids],
      ),
      this.dataSource.query<ContactRow[]>(
        `SELECT id, service_id, name, title, email, phone FROM ${serviceContactsSql()}
          WHERE service_id = ANY($1::uuid[]) ORDER BY service_id, id`,
        [ids],
      ),
      this.dataSource.query<CostOptionRow[]>(
        `SELECT id, service_id, option, amount_pence, amount_description, valid_from::text AS valid_from,
                valid_to::text AS valid_to
           FROM ${serviceCostOptionsSql()} WHERE service_id = ANY($1::uuid[]) ORDER BY service_id, id`,
        [ids],
      ),
      this.dataSource.query<ServiceAreaRow[]>(
        `SELECT sa.service_id, a.id, a.name, a.code FROM ${serviceAreasSql('sa')} JOIN ${areasSql('a')} ON a.id = sa.area_id
          WHERE sa.service_id = ANY($1::uuid[]) ORDER BY sa.service_id, lower(a.name), a.id`,
        [ids],
      ),
      this.dataSource.query<ServiceAtLocationRow[]>(
        `SELECT sl.id AS service_at_location_id, sl.service_id, ${LOCATION_COLUMNS}
           FROM ${servicesAtLocationsSql('sl')} JOIN ${locationsSql('l')} ON l.id = sl.location_id
          WHERE sl.service_id = ANY($1::uuid[]) ORDER BY sl.service_id, sl.id`,
        [ids],
      ),
      this.dataSource.query<AttributeRow[]>(
        `SELECT st.service_id, ${TERM_COLUMNS}
           FROM ${serviceTaxonomyTermsSql('st')} JOIN ${taxonomyTermsSql('t')} ON t.id = st.term_id
           JOIN ${taxonomiesSql('x')} ON x.id = t.taxonomy_id
          WHERE st.service_id = ANY($1::uuid[]) ORDER BY st.service_id, x.code, t.code`,
        [ids],
      ),
      this.identifiers(organisationIds),
    ]);
    return { schedules, contacts, costOptions, areas, locations, attributes, identifiers };
  }

  identifiers(organisationIds: string[]): Promise<IdentifierRow[]> {
    if (organisationIds.length === 0) return Promise.resolve([]);
    return this.dataSource.query<IdentifierRow[]>(
      `SELECT id, organisation_id, scheme, identifier FROM ${organisationIdentifiersSql()}
        WHERE organisation_id = ANY($1::uuid[]) ORDER BY organisation_id, scheme, identifier`,
      [organisationIds],
    );
  }

  async organisationPage(query: FeedQuery): Promise<Page<OrganisationRow>> {
    const params = new SqlParams();
    const where = allOf([
      PUBLISHED_ORGANISATION,
      query.search && `o.search_document @@ websearch_to_tsquery('cohesion_english', ${params.add(query.search)})`,
    ]);
    return this.page<OrganisationRow>(
      { from: organisationsSql('o'), where, key: 'o.id' },
      'o.id, o.name, o.description, o.email, o.website',
      'lower(o.name), o.id',
      query,
      params,
    );
  }

  async organisation(id: string): Promise<OrganisationRow | undefined> {
    const [row] = await this.dataSource.query<OrganisationRow[]>(
      `SELECT o.id, o.name, o.description, o.email, o.website FROM ${organisationsSql('o')}
        WHERE o.id = $1 AND ${PUBLISHED_ORGANISATION}`,
      [id],
    );
    return row;
  }

  async taxonomyPage(query: FeedQuery): Promise<Page<TaxonomyRow>> {
    const params = new SqlParams();
    const pattern = query.search && params.add(containing(query.search));
    const where = pattern ? `x.name ILIKE ${pattern} OR x.description ILIKE ${pattern}` : 'TRUE';
    return this.page<TaxonomyRow>(
      { from: taxonomiesSql('x'), where, key: 'x.id' },
      'x.id, x.name, x.description, x.uri, x.version',
      'lower(x.name), x.id',
      query,
      params,
    );
  }

  async taxonomy(id: string): Promise<TaxonomyRow | undefined> {
    const [row] = await this.dataSource.query<TaxonomyRow[]>(
      `SELECT x.id, x.name, x.description, x.uri, x.version FROM ${taxonomiesSql('x')} WHERE x.id = $1`,
      [id],
    );
    return row;
  }

  async termPage(query: FeedQuery): Promise<Page<TermRow>> {
    const params = new SqlParams();
    const pattern = query.search && params.add(containing(query.search));
    const where = allOf([
      query.taxonomyId && `t.taxonomy_id = ${params.add(query.taxonomyId)}`,
      query.topOnly && 't.parent_id IS NULL',
      query.parentId && `t.parent_id = ${params.add(query.parentId)}`,
      pattern && `t.name ILIKE ${pattern} OR t.description ILIKE ${pattern}`,
    ]);
    return this.page<TermRow>(
      { from: TERMS_OF_TAXONOMIES, where, key: 't.id' },
      TERM_COLUMNS,
      'lower(x.name), lower(t.name), t.id',
      query,
      params,
    );
  }

  termsOf(taxonomyId: string): Promise<TermRow[]> {
    return this.dataSource.query<TermRow[]>(
      `SELECT ${TERM_COLUMNS} FROM ${TERMS_OF_TAXONOMIES}
        WHERE t.taxonomy_id = $1 ORDER BY lower(t.name), t.id`,
      [taxonomyId],
    );
  }

  async term(id: string): Promise<TermRow | undefined> {
    const [row] = await this.dataSource.query<TermRow[]>(
      `SELECT ${TERM_COLUMNS} FROM ${TERMS_OF_TAXONOMIES} WHERE t.id = $1`,
      [id],
    );
    return row;
  }

  /**
   * Services at locations, with the service filters; from an origin, nearest first (and
   * within its radius, when it has one: a latitude/longitude box the index can use, then
   * the exact great-circle distance).
   */
  async serviceAtLocationPage(query: FeedQuery, origin?: Origin): Promise<Page<ServiceAtLocationRow>> {
    const params = new SqlParams();
    const { where: serviceWhere } = this.serviceConditions(query, params);
    let near: string | false = false;
    let order: string | ((params: SqlParams) => string) = 'lower(s.name), s.id, sl.id';
    if (origin) {
      if (origin.radius !== undefined) {
        const circle = circleSql(origin, origin.radius, params);
        near = withinSql(circle, 'l.latitude', 'l.longitude');
        order = `${distanceSql(circle, 'l.latitude', 'l.longitude')} ASC, sl.id`;
      } else {
        // Only the page query orders by distance: its parameters are not the count's.
        order = (pageParams) =>
          `${distanceSql(pointSql(origin, pageParams), 'l.latitude', 'l.longitude')} ASC NULLS LAST, sl.id`;
      }
    }
    const from = `${servicesAtLocationsSql('sl')} JOIN ${servicesSql('s')} ON s.id = sl.service_id
      JOIN ${organisationsSql('o')} ON o.id = s.organisation_id JOIN ${locationsSql('l')} ON l.id = sl.location_id`;
    return this.page<ServiceAtLocationRow>(
      { from, where: allOf([serviceWhere, near]), key: 'sl.id' },
      `sl.id AS service_at_location_id, sl.service_id, ${LOCATION_COLUMNS}`,
      order,
      query,
      params,
    );
  }

  async serviceAtLocation(id: string): Promise<ServiceAtLocationRow | undefined> {
    const [row] = await this.dataSource.query<ServiceAtLocationRow[]>(
      `SELECT sl.id AS service_at_location_id, sl.service_id, ${LOCATION_COLUMNS}
         FROM ${servicesAtLocationsSql('sl')} JOIN ${servicesSql('s')} ON s.id = sl.service_id
         JOIN ${organisationsSql('o')} ON o.id = s.organisation_id JOIN ${locationsSql('l')} ON l.id = sl.location_id
        WHERE sl.id = $1 AND ${PUBLISHED_SERVICE}`,
      [id],
    );
    return row;
  }

  /**
   * One count and one page of `columns` from the rows of `from` that `where` keeps, in
   * `order` (a function when the ordering needs parameters the count must not see). The
   * page's rows are chosen by `key` alone and only they are read in full: skipping
   * 30,000 services, or ranking 3,000 matches, then reads 50 service rows, not all of
   * them. `chooseFirst: false` reads the page in one pass, for columns the indexes hold.
   */
  private async page<T>(
    rows: { from: string; where: string; key: string; chooseFirst?: boolean },
    columns: string,
    order: string | ((params: SqlParams) => string),
    query: FeedQuery,
    params: SqlParams,
  ): Promise<Page<T>> {
    const { from, where, key, chooseFirst = true } = rows;
    const countValues = [...params.values];
    const orderBy = typeof order === 'string' ? order : order(params);
    const window = `ORDER BY ${orderBy} LIMIT ${params.add(query.perPage)} OFFSET ${params.add((query.page - 1) * query.perPage)}`;
    const pageSql = chooseFirst
      ? `SELECT ${columns} FROM ${from} WHERE ${key} IN (SELECT ${key} FROM ${from} WHERE ${where} ${window})
          ORDER BY ${orderBy}`
      : `SELECT ${columns} FROM ${from} WHERE ${where} ${window}`;
    const [[{ total }], found] = await Promise.all([
      this.dataSource.query<{ total: number }[]>(
        `SELECT count(*)::int AS total FROM ${from} WHERE ${where}`,
        countValues,
      ),
      this.dataSource.query<T[]>(pageSql, params.values),
    ]);
    return { total, rows: found };
  }
}
