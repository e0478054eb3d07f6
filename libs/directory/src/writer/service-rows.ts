import type { EntityManager } from 'typeorm';
import type { AuditService, Viewer } from '@cohesion/common';
import {
  LocationEntity,
  ServiceAreaEntity,
  ServiceContactEntity,
  ServiceCostOptionEntity,
  ServiceEntity,
  ServiceLocationEntity,
  ServiceScheduleEntity,
  ServiceTaxonomyTermEntity,
} from '../services/service.entity.js';
import { LOCATION_COLUMNS, type SourcedLocation } from './location-rows.js';
import { freeIds, insertRows, rowsBySourceId } from './sourced-rows.js';

/** A service's own fields as a source gives them. */
export interface SourcedServiceFields {
  organisationId: string;
  name: string;
  description: string | null;
  url: string | null;
  email: string | null;
  status: string;
  fees: string | null;
  eligibilityDescription: string | null;
  minimumAge: number | null;
  maximumAge: number | null;
  languages: string[];
  assuredDate: string | null;
  assurerEmail: string | null;
}

/** A service as the writer compares and audits it: its own fields and every part, without ids. */
export interface SourcedServiceState extends SourcedServiceFields {
  lastModified: string | null;
  schedules: Record<string, unknown>[];
  contacts: Record<string, unknown>[];
  costOptions: Record<string, unknown>[];
  locations: SourcedLocation[];
  taxonomyTermIds: string[];
  serviceAreaIds: string[];
}

/** The kinds of row a service has many of, each replaced whole. */
const PARTS = {
  schedules: { entity: ServiceScheduleEntity, table: 'service_schedules' },
  contacts: { entity: ServiceContactEntity, table: 'service_contacts' },
  costOptions: { entity: ServiceCostOptionEntity, table: 'service_cost_options' },
} as const;

const LINKS = {
  terms: { table: 'service_taxonomy_terms', column: 'term_id' },
  areas: { table: 'service_areas', column: 'area_id' },
} as const;

const SERVICE_STATE_SQL = `
  SELECT s.organisation_id AS "organisationId", s.name, s.description, s.url, s.email, s.status, s.fees,
         s.eligibility_description AS "eligibilityDescription", s.minimum_age AS "minimumAge",
         s.maximum_age AS "maximumAge", s.languages, s.assured_date::text AS "assuredDate",
         s.assurer_email AS "assurerEmail", s.updated_at AS "lastModified",
    (SELECT coalesce(json_agg(json_build_object('freq', c.freq, 'interval', c.interval, 'byday', c.byday,
            'opensAt', c.opens_at::text, 'closesAt', c.closes_at::text, 'validFrom', c.valid_from::text,
            'validTo', c.valid_to::text, 'description', c.description)), '[]')
       FROM service_schedules c WHERE c.service_id = s.id) AS schedules,
    (SELECT coalesce(json_agg(json_build_object('name', c.name, 'title', c.title, 'email', c.email, 'phone', c.phone)), '[]')
       FROM service_contacts c WHERE c.service_id = s.id) AS contacts,
    (SELECT coalesce(json_agg(json_build_object('option', c.option, 'amountPence', c.amount_pence,
            'amountDescription', c.amount_description, 'validFrom', c.valid_from::text, 'validTo', c.valid_to::text)), '[]')
       FROM service_cost_options c WHERE c.service_id = s.id) AS "costOptions",
    (SELECT coalesce(json_agg(json_build_object('sourceId', l.source_id,
            ${LOCATION_COLUMNS.map(([column, field]) => `'${field}', l.${column}`).join(', ')})), '[]')
       FROM service_locations sl JOIN locations l ON l.id = sl.location_id WHERE sl.service_id = s.id) AS locations,
    ARRAY(SELECT term_id FROM service_taxonomy_terms WHERE service_id = s.id ORDER BY term_id) AS "taxonomyTermIds",
    ARRAY(SELECT area_id FROM service_areas WHERE service_id = s.id ORDER BY area_id) AS "serviceAreaIds"
  FROM services s WHERE s.id = $1`;

/** A service of the demo dataset with its parts, places and links. */
export interface SeededService {
  row: Partial<ServiceEntity> & { id: string; organisationId: string };
  costOptions: (Partial<ServiceCostOptionEntity> & { id: string })[];
  schedules: (Partial<ServiceScheduleEntity> & { id: string })[];
  locations: { location: Partial<LocationEntity> & { id: string }; linkId: string }[];
  contacts: (Partial<ServiceContactEntity> & { id: string })[];
  termIds: string[];
  areaIds: string[];
}

/** Writes the services other systems give the directory, found again by (source, source id). */
export class ServiceRows {
  constructor(private readonly audit: AuditService) {}

  /** Services imported with this source id, or listed here with it as their id; locked. */
  bySourceId(
    manager: EntityManager,
    sourceId: string,
  ): Promise<{ id: string; sourceId: string | null; name: string }[]> {
    return rowsBySourceId(manager, 'services', sourceId);
  }

  async state(manager: EntityManager, id: string): Promise<SourcedServiceState> {
    const [row] = await manager.query<(Omit<SourcedServiceState, 'lastModified'> & { lastModified: Date })[]>(
      SERVICE_STATE_SQL,
      [id],
    );
    return { ...row, lastModified: new Date(row.lastModified).toISOString() };
  }

  /**
   * The service's own row, created (its id the source id, listed publicly) or brought up
   * to date; `lastModified` null stamps it now.
   */
  async write(
    manager: EntityManager,
    actor: Viewer | null,
    source: string,
    id: string,
    exists: boolean,
    fields: SourcedServiceFields,
    lastModified: Date | null,
  ): Promise<void> {
    const columns = [
      fields.organisationId,
      fields.name,
      fields.description,
      fields.url,
      fields.email,
      fields.status,
      fields.fees,
      fields.eligibilityDescription,
      fields.minimumAge,
      fields.maximumAge,
      fields.languages,
      fields.assuredDate,
      fields.assurerEmail,
      lastModified,
      source,
    ];
    if (exists) {
      await manager.query(
        `UPDATE services SET organisation_id = $2, name = $3, description = $4, url = $5, email = $6, status = $7,
                fees = $8, eligibility_description = $9, minimum_age = $10, maximum_age = $11, languages = $12,
                assured_date = $13, assurer_email = $14, updated_at = coalesce($15, now()), source_feed = $16,
                version = version + 1
          WHERE id = $1`,
        [id, ...columns],
      );
    } else {
      await manager.query(
        `INSERT INTO services (id, organisation_id, name, description, url, email, status, fees, eligibility_description,
                               minimum_age, maximum_age, languages, assured_date, assurer_email, updated_at,
                               source_feed, source_id, visibility, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, coalesce($15, now()), $16, $1, 'PUBLIC', $17)`,
        [id, ...columns, actor?.accountId ?? null],
      );
    }
  }

  /** The audit row of an imported service, its state now against `before`. */
  async record(
    manager: EntityManager,
    actor: Viewer | null,
    id: string,
    before: SourcedServiceState | null,
  ): Promise<void> {
    await this.audit.record(manager, actor, {
      entityType: 'Service',
      entityId: id,
      action: 'import',
      before,
      after: await this.state(manager, id),
    });
  }

  /** A service's rows of one kind, replaced; each keeps the publisher's id unless another row already has it. */
  async replaceParts<T extends { sourceId: string | null }>(
    manager: EntityManager,
    part: keyof typeof PARTS,
    serviceId: string,
    items: T[],
  ): Promise<void> {
    const { entity, table } = PARTS[part];
    await manager.query(`DELETE FROM ${table} WHERE service_id = $1`, [serviceId]);
    if (items.length === 0) return;
    const free = await freeIds(
      manager,
      table,
      items.map((item) => item.sourceId),
    );
    await manager.insert(
      entity,
      items.map(({ sourceId, ...columns }) => ({
        ...(sourceId && free.delete(sourceId) ? { id: sourceId } : {}),
        serviceId,
        ...columns,
      })),
    );
  }

  /** The links of a service to terms or areas, replaced. */
  async replaceLinks(
    manager: EntityManager,
    link: keyof typeof LINKS,
    serviceId: string,
    ids: string[],
  ): Promise<void> {
    const { table, column } = LINKS[link];
    await manager.query(`DELETE FROM ${table} WHERE service_id = $1`, [serviceId]);
    if (ids.length === 0) return;
    await manager.query(`INSERT INTO ${table} (service_id, ${column}) SELECT $1, unnest($2::uuid[])`, [serviceId, ids]);
  }

  /** A service of the demo dataset with its parts, places and links (marked as demo, not audited). */
  async seed(manager: EntityManager, service: SeededService): Promise<void> {
    const serviceId = service.row.id;
    await manager.insert(ServiceEntity, { ...service.row, isDemo: true });
    await insertRows(
      manager,
      ServiceCostOptionEntity,
      service.costOptions.map((row) => ({ ...row, serviceId })),
    );
    await insertRows(
      manager,
      ServiceScheduleEntity,
      service.schedules.map((row) => ({ ...row, serviceId })),
    );
    for (const { location, linkId } of service.locations) {
      await manager.insert(LocationEntity, { ...location, organisationId: service.row.organisationId });
      await manager.insert(ServiceLocationEntity, { id: linkId, serviceId, locationId: location.id });
    }
    await insertRows(
      manager,
      ServiceContactEntity,
      service.contacts.map((row) => ({ ...row, serviceId })),
    );
    await insertRows(
      manager,
      ServiceTaxonomyTermEntity,
      service.termIds.map((termId) => ({ serviceId, termId })),
    );
    await insertRows(
      manager,
      ServiceAreaEntity,
      service.areaIds.map((areaId) => ({ serviceId, areaId })),
    );
  }
}
