import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  AuditService,
  badInput,
  normalisePostcode,
  notFound,
  staleVersion,
  type ConnectionShape,
  type Viewer,
  enforce,
} from '@cohesion/common';
import { Geocoder, type Placement } from '../geo/geocoder.js';
import type { LinkedAreaRow } from '../areas/area.queries.js';
import { AreasService } from '../areas/areas.service.js';
import { organisationExistsForShare } from '../organisations/organisation.queries.js';
import { replaceLinks } from '../shared/links.js';
import type { LinkedTermRow } from '../taxonomy/taxonomy.queries.js';
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
import { toService, toServiceConnections } from './service.mapper.js';
import {
  deleteUnusedLocations,
  serviceAreas,
  serviceById,
  serviceLocations,
  servicePage,
  servicesOfOrganisations,
  serviceSnapshot,
  serviceTerms,
  unlinkServiceLocations,
  visibleServicesByIds,
  type ServiceLocationRow,
  type ServiceRecord,
} from './service.queries.js';
import { ScheduleFrequency, type Service } from './service.model.js';
import { DIRECTORY_POLICY } from '../directory.policy.js';

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
    return servicePage(this.dataSource, viewer, filter, page, (row) => toService(row));
  }

  async visibleByIds(viewer: Viewer, ids: readonly string[]): Promise<ServiceRecord[]> {
    if (ids.length === 0) return [];
    return visibleServicesByIds(this.dataSource, viewer, ids);
  }

  /** Each organisation's services, `first` per organisation, in one query. */
  async byOrganisations(
    viewer: Viewer,
    organisationIds: readonly string[],
    first: number,
  ): Promise<ConnectionShape<Service>[]> {
    const rows = await servicesOfOrganisations(this.dataSource, viewer, organisationIds, first);
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

  async locationsOf(serviceIds: readonly string[]): Promise<ServiceLocationRow[]> {
    return serviceLocations(this.dataSource, serviceIds);
  }

  async termsOf(serviceIds: readonly string[]): Promise<LinkedTermRow[]> {
    return serviceTerms(this.dataSource, serviceIds);
  }

  async areasOf(serviceIds: readonly string[]): Promise<LinkedAreaRow[]> {
    return serviceAreas(this.dataSource, serviceIds);
  }

  async create(viewer: Viewer, input: CreateServiceInput): Promise<Service> {
    assertConsistent(input);
    const places = await this.placesOf(input.locations);
    return this.dataSource.transaction(async (manager) => {
      const known = await organisationExistsForShare(manager, input.organisationId);
      if (!known) throw badInput('input.organisationId', 'is not a known organisation');
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
        after: await serviceSnapshot(manager, entity.id),
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
      const before = await serviceSnapshot(manager, current.id);
      await manager.update(ServiceEntity, { id: current.id }, { ...columnsFrom(input), version: current.version + 1 });
      await this.replaceChildren(manager, current.id, current.organisationId, input, places);
      await this.audit.record(manager, viewer, {
        entityType: 'Service',
        entityId: current.id,
        action: 'update',
        before,
        after: await serviceSnapshot(manager, current.id),
      });
      return this.load(manager, current.id);
    });
  }

  private async load(manager: EntityManager, id: string): Promise<Service> {
    return toService(await serviceById(manager, id));
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
      const previous = await unlinkServiceLocations(manager, serviceId);
      // A place no other service uses goes with the listing.
      if (previous.length) await deleteUnusedLocations(manager, previous);
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
