import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  allOf,
  AuditService,
  badInput,
  connectionsByParent,
  keysetCursor,
  keysetPage,
  pageLimit,
  normalisePostcode,
  notFound,
  returningRows,
  SqlParams,
  staleVersion,
  type ConnectionShape,
  type KeysetSort,
  type Viewer,
  enforce,
  containsTextSql,
} from '@cohesion/common';
import type { AreaEntity } from '../areas/area.entity.js';
import { Geocoder, type Placement } from '../geo/geocoder.js';
import { linkedAreasSql } from '../areas/area.queries.js';
import { AreasService } from '../areas/areas.service.js';
import type { TaxonomyTermEntity } from '../taxonomy/taxonomy.entity.js';
import { replaceLinks } from '../shared/links.js';
import { linkedTermsSql } from '../taxonomy/taxonomy.queries.js';
import { TaxonomyService } from '../taxonomy/taxonomy.service.js';
import type {
  CreateServiceInput,
  ServiceLocationInput,
  ServicesFilter,
  UpdateServiceInput,
} from './dto/service.inputs.js';
import {
  LocationEntity,
  ServiceAreaEntity,
  ServiceContactEntity,
  ServiceCostOptionEntity,
  ServiceEntity,
  ServiceLocationEntity,
  ServiceScheduleEntity,
  ServiceTaxonomyTermEntity,
} from './service.entity.js';
import { toService } from './service.mapper.js';
import { ScheduleFrequency, type Service } from './service.model.js';
import { DIRECTORY_POLICY } from '../directory.policy.js';

export interface ServiceRecord extends ServiceEntity {
  sortName: string;
}

export const SERVICE_COLUMNS = `
  s.id, s.organisation_id AS "organisationId", s.name, s.description, s.url, s.email, s.status, s.fees,
  s.eligibility_description AS "eligibilityDescription", s.minimum_age AS "minimumAge",
  s.maximum_age AS "maximumAge", s.languages, to_char(s.assured_date, 'YYYY-MM-DD') AS "assuredDate",
  s.assurer_email AS "assurerEmail", s.visibility, s.is_demo AS "isDemo", s.version, s.created_by AS "createdBy",
  s.created_at AS "createdAt", s.updated_at AS "updatedAt", lower(s.name) AS "sortName"`;

export const SERVICE_SORT: KeysetSort<ServiceRecord> = {
  expressions: ['lower(s.name)', 's.id'],
  parts: ['text', 'uuid'],
  valuesOf: (row) => [row.sortName, row.id],
};

/** A service row ranked within its organisation, with how many the viewer may see there. */
export type RankedService = ServiceRecord & { rn: number; total: number };

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

export function toServiceConnections(
  organisationIds: readonly string[],
  rows: RankedService[],
  first: number,
): ConnectionShape<Service>[] {
  return connectionsByParent(organisationIds, rows, first, {
    parentOf: (row) => row.organisationId,
    totalOf: (row) => row.total,
    cursorOf: (row) => keysetCursor(SERVICE_SORT, row),
    toNode: (row) => toService(row),
  });
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

type ServiceFields = Omit<
  CreateServiceInput,
  'organisationId' | 'costOptions' | 'schedules' | 'locations' | 'contacts' | 'taxonomyTermIds' | 'serviceAreaIds'
>;

function columnsFrom(input: Partial<ServiceFields>): Partial<ServiceEntity> {
  const columns: Partial<ServiceEntity> = {};
  if (input.name !== undefined) columns.name = input.name;
  if (input.description !== undefined) columns.description = input.description || null;
  if (input.status !== undefined) columns.status = input.status;
  if (input.url !== undefined) columns.url = input.url || null;
  if (input.email !== undefined) columns.email = input.email ? input.email.toLowerCase() : null;
  if (input.fees !== undefined) columns.fees = input.fees || null;
  if (input.eligibilityDescription !== undefined) columns.eligibilityDescription = input.eligibilityDescription || null;
  if (input.minimumAge !== undefined) columns.minimumAge = input.minimumAge;
  if (input.maximumAge !== undefined) columns.maximumAge = input.maximumAge;
  if (input.languages !== undefined) columns.languages = [...new Set(input.languages)];
  if (input.assuredDate !== undefined) columns.assuredDate = input.assuredDate;
  if (input.visibility !== undefined) columns.visibility = input.visibility;
  return columns;
}

@Injectable()
export class ServicesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly areas: AreasService,
    private readonly taxonomy: TaxonomyService,
    private readonly geocoder: Geocoder,
  ) {}

  async list(
    viewer: Viewer,
    filter: ServicesFilter | undefined,
    page: { first: number; after?: string },
  ): Promise<ConnectionShape<Service>> {
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
    return keysetPage(this.dataSource, {
      select: SERVICE_COLUMNS,
      from: 'services s JOIN organisations o ON o.id = s.organisation_id',
      where,
      params,
      sort: SERVICE_SORT,
      page,
      toNode: (row: ServiceRecord) => toService(row),
    });
  }

  async visibleByIds(viewer: Viewer, ids: readonly string[]): Promise<ServiceRecord[]> {
    if (ids.length === 0) return [];
    return this.dataSource.query(
      `SELECT ${SERVICE_COLUMNS} FROM services s JOIN organisations o ON o.id = s.organisation_id
        WHERE s.id = ANY($1::uuid[]) AND ${DIRECTORY_POLICY.seeService.sql(viewer, 's', 'o')}`,
      [ids],
    );
  }

  /** Each organisation's services, `first` per organisation, in one query. */
  async byOrganisations(
    viewer: Viewer,
    organisationIds: readonly string[],
    first: number,
  ): Promise<ConnectionShape<Service>[]> {
    const rows: RankedService[] = await this.dataSource.query(organisationServicesSql(viewer, '$1::uuid[]', first), [
      organisationIds,
    ]);
    return toServiceConnections(organisationIds, rows, first);
  }

  costOptionsOf(serviceIds: readonly string[]): Promise<ServiceCostOptionEntity[]> {
    return this.childRows(ServiceCostOptionEntity, serviceIds, 'c.amount_pence');
  }

  schedulesOf(serviceIds: readonly string[]): Promise<ServiceScheduleEntity[]> {
    return this.childRows(ServiceScheduleEntity, serviceIds, 'c.opens_at');
  }

  contactsOf(serviceIds: readonly string[]): Promise<ServiceContactEntity[]> {
    return this.childRows(ServiceContactEntity, serviceIds, 'c.name');
  }

  async locationsOf(serviceIds: readonly string[]): Promise<(LocationEntity & { serviceId: string })[]> {
    return this.dataSource.query(serviceLocationsSql('$1::uuid[]'), [serviceIds]);
  }

  async termsOf(serviceIds: readonly string[]): Promise<(TaxonomyTermEntity & { ownerId: string })[]> {
    return this.dataSource.query(serviceTermsSql('$1::uuid[]'), [serviceIds]);
  }

  async areasOf(serviceIds: readonly string[]): Promise<(AreaEntity & { ownerId: string })[]> {
    return this.dataSource.query(linkedAreasSql('service_areas', 'service_id', '$1::uuid[]'), [serviceIds]);
  }

  async create(viewer: Viewer, input: CreateServiceInput): Promise<Service> {
    assertConsistent(input);
    const places = await this.placesOf(input.locations);
    return this.dataSource.transaction(async (manager) => {
      const organisation: { id: string }[] = await manager.query(
        'SELECT id FROM organisations WHERE id = $1 FOR SHARE',
        [input.organisationId],
      );
      if (organisation.length === 0) throw badInput('input.organisationId', 'is not a known organisation');
      enforce(DIRECTORY_POLICY.manageService, viewer, { organisationId: input.organisationId, adding: true });
      await this.assertReferences(manager, input);
      const entity = manager.create(ServiceEntity, {
        ...columnsFrom(input),
        organisationId: input.organisationId,
        createdBy: viewer.accountId,
      });
      await manager.insert(ServiceEntity, entity);
      await this.replaceChildren(manager, entity.id, input.organisationId, input, places);
      await this.audit.record(manager, viewer, {
        entityType: 'Service',
        entityId: entity.id,
        action: 'create',
        before: null,
        after: await this.snapshot(manager, entity.id),
      });
      return this.load(manager, entity.id);
    });
  }

  async update(viewer: Viewer, input: UpdateServiceInput): Promise<Service> {
    const places = await this.placesOf(input.locations);
    return this.dataSource.transaction(async (manager) => {
      const current = await manager.findOne(ServiceEntity, {
        where: { id: input.id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!current) throw notFound('That service');
      enforce(DIRECTORY_POLICY.manageService, viewer, { organisationId: current.organisationId, adding: false });
      if (current.version !== input.version) throw staleVersion('This service', current.version);
      assertConsistent({
        ...input,
        minimumAge: input.minimumAge === undefined ? current.minimumAge : input.minimumAge,
        maximumAge: input.maximumAge === undefined ? current.maximumAge : input.maximumAge,
      });
      await this.assertReferences(manager, input);
      const before = await this.snapshot(manager, current.id);
      await manager.update(ServiceEntity, { id: current.id }, { ...columnsFrom(input), version: current.version + 1 });
      await this.replaceChildren(manager, current.id, current.organisationId, input, places);
      await this.audit.record(manager, viewer, {
        entityType: 'Service',
        entityId: current.id,
        action: 'update',
        before,
        after: await this.snapshot(manager, current.id),
      });
      return this.load(manager, current.id);
    });
  }

  private async load(manager: EntityManager, id: string): Promise<Service> {
    const [record] = await manager.query<ServiceRecord[]>(`SELECT ${SERVICE_COLUMNS} FROM services s WHERE s.id = $1`, [
      id,
    ]);
    return toService(record);
  }

  private childRows<T extends { serviceId: string }>(
    entity: new () => T,
    serviceIds: readonly string[],
    orderBy: string,
  ): Promise<T[]> {
    return this.dataSource
      .getRepository(entity)
      .createQueryBuilder('c')
      .where('c.service_id = ANY(:ids)', { ids: serviceIds })
      .orderBy(orderBy, 'ASC', 'NULLS LAST')
      .addOrderBy('c.id')
      .getMany();
  }

  private async assertReferences(manager: EntityManager, input: Partial<CreateServiceInput>): Promise<void> {
    if (input.taxonomyTermIds) await this.taxonomy.assertTerms(manager, input.taxonomyTermIds, 'input.taxonomyTermIds');
    if (input.serviceAreaIds) await this.areas.assertExist(manager, input.serviceAreaIds, 'input.serviceAreaIds');
    const locationAreas = (input.locations ?? []).map((location) => location.areaId ?? null);
    for (const [index, areaId] of locationAreas.entries()) {
      if (areaId) await this.areas.assertExist(manager, [areaId], `input.locations[${index}].areaId`);
    }
  }

  /**
   * Where each venue is: as given, else from its postcode (a full postcode the geocoder
   * does not know falls back to its district's centre, and says so). Looked up before
   * the transaction opens, so a slow geocoder never holds its locks.
   */
  private async placesOf(locations: ServiceLocationInput[] | undefined): Promise<Placement[]> {
    const places: Placement[] = [];
    for (const location of locations ?? []) {
      places.push(await this.geocoder.place(location.address?.postcode, location.location));
    }
    return places;
  }

  /** Replaces each child collection the input names; the others stay as they are. */
  private async replaceChildren(
    manager: EntityManager,
    serviceId: string,
    organisationId: string,
    input: Partial<CreateServiceInput>,
    places: Placement[],
  ): Promise<void> {
    if (input.costOptions) {
      await manager.delete(ServiceCostOptionEntity, { serviceId });
      if (input.costOptions.length) {
        await manager.insert(
          ServiceCostOptionEntity,
          input.costOptions.map((cost) => ({
            serviceId,
            option: cost.option || null,
            amountPence: cost.amountPence ?? null,
            amountDescription: cost.amountDescription || null,
            validFrom: cost.validFrom ?? null,
            validTo: cost.validTo ?? null,
          })),
        );
      }
    }
    if (input.schedules) {
      await manager.delete(ServiceScheduleEntity, { serviceId });
      if (input.schedules.length) {
        await manager.insert(
          ServiceScheduleEntity,
          input.schedules.map((schedule) => ({
            serviceId,
            freq: schedule.freq ?? null,
            interval: schedule.interval ?? null,
            byday: schedule.byday || null,
            opensAt: schedule.opensAt ?? null,
            closesAt: schedule.closesAt ?? null,
            validFrom: schedule.validFrom ?? null,
            validTo: schedule.validTo ?? null,
            description: schedule.description || null,
          })),
        );
      }
    }
    if (input.contacts) {
      await manager.delete(ServiceContactEntity, { serviceId });
      if (input.contacts.length) {
        await manager.insert(
          ServiceContactEntity,
          input.contacts.map((contact) => ({
            serviceId,
            name: contact.name || null,
            title: contact.title || null,
            email: contact.email ? contact.email.toLowerCase() : null,
            phone: contact.phone || null,
          })),
        );
      }
    }
    if (input.locations) {
      const previous = await returningRows<{ location_id: string }>(
        manager,
        'DELETE FROM service_locations WHERE service_id = $1 RETURNING location_id',
        [serviceId],
      );
      if (previous.length) {
        // A place no other service uses goes with the listing.
        await manager.query(
          `DELETE FROM locations l WHERE l.id = ANY($1::uuid[])
              AND NOT EXISTS (SELECT 1 FROM service_locations sl WHERE sl.location_id = l.id)`,
          [previous.map((row) => row.location_id)],
        );
      }
      for (const [index, location] of input.locations.entries()) {
        const place = manager.create(LocationEntity, {
          organisationId,
          locationType: location.locationType ?? 'physical',
          name: location.name || null,
          description: location.description || null,
          addressLine1: location.address?.line1 || null,
          addressLine2: location.address?.line2 || null,
          town: location.address?.town || null,
          postcode: location.address?.postcode ? (normalisePostcode(location.address.postcode) ?? null) : null,
          ...places[index],
          areaId: location.areaId ?? null,
        });
        await manager.insert(LocationEntity, place);
        await manager.insert(ServiceLocationEntity, { serviceId, locationId: place.id });
      }
    }
    await replaceLinks(manager, ServiceTaxonomyTermEntity, { serviceId }, 'termId', input.taxonomyTermIds);
    await replaceLinks(manager, ServiceAreaEntity, { serviceId }, 'areaId', input.serviceAreaIds);
  }

  /** What an audit row records: the service with all its parts. */
  private async snapshot(manager: EntityManager, id: string): Promise<Record<string, unknown>> {
    const [row] = await manager.query<Record<string, unknown>[]>(
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
    const { sortName: _sortName, createdAt: _createdAt, updatedAt: _updatedAt, ...state } = row;
    return state;
  }
}

/** Rules across fields, reported against the field a person would change. */
function assertConsistent(input: Partial<CreateServiceInput>): void {
  if (input.minimumAge != null && input.maximumAge != null && input.minimumAge > input.maximumAge) {
    throw badInput('input.maximumAge', 'must not be below minimumAge');
  }
  input.schedules?.forEach((schedule, index) => {
    if (schedule.opensAt && schedule.closesAt && schedule.closesAt <= schedule.opensAt) {
      throw badInput(`input.schedules[${index}].closesAt`, 'must be after opensAt');
    }
    if (schedule.validFrom && schedule.validTo && schedule.validTo < schedule.validFrom) {
      throw badInput(`input.schedules[${index}].validTo`, 'must not be before validFrom');
    }
    if (schedule.freq === ScheduleFrequency.WEEKLY && schedule.byday && /\d/.test(schedule.byday)) {
      throw badInput(`input.schedules[${index}].byday`, 'takes plain days (MO,WE) for a WEEKLY schedule');
    }
  });
  input.costOptions?.forEach((cost, index) => {
    if (cost.validFrom && cost.validTo && cost.validTo < cost.validFrom) {
      throw badInput(`input.costOptions[${index}].validTo`, 'must not be before validFrom');
    }
  });
}
