import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import {
  BATCH_OPTIONS,
  batchByPageSize,
  groupedInKeyOrder,
  inKeyOrder,
  type ConnectionShape,
  type LoaderFactory,
  type Viewer,
} from '@cohesion/common';
import type { AreaEntity } from '../areas/area.entity.js';
import type { TaxonomyTermEntity } from '../taxonomy/taxonomy.entity.js';
import type { ServiceContactEntity, ServiceCostOptionEntity, ServiceScheduleEntity } from './service.entity.js';
import type { Service } from './service.model.js';
import type { ServiceLocationRow, ServiceRecord } from './service.queries.js';
import { ServicesService } from './services.service.js';

@Injectable()
export class ServiceByIdLoader implements LoaderFactory<string, ServiceRecord | null> {
  constructor(private readonly services: ServicesService) {}

  create(viewer: Viewer): DataLoader<string, ServiceRecord | null> {
    return new DataLoader(
      async (ids) => inKeyOrder(ids, await this.services.visibleByIds(viewer, ids), (row) => row.id),
      BATCH_OPTIONS,
    );
  }
}

/** Keys are `organisationId:first`. */
@Injectable()
export class OrganisationServicesLoader implements LoaderFactory<string, ConnectionShape<Service>> {
  constructor(private readonly services: ServicesService) {}

  create(viewer: Viewer): DataLoader<string, ConnectionShape<Service>> {
    return new DataLoader(
      (keys) => batchByPageSize(keys, (ids, first) => this.services.byOrganisations(viewer, ids, first)),
      BATCH_OPTIONS,
    );
  }
}

/** One loader per child collection of a service; each level of a query costs one statement. */
function childLoader<T>(fetch: (ids: readonly string[]) => Promise<T[]>, keyOf: (row: T) => string) {
  return () =>
    new DataLoader<string, T[]>(async (ids) => groupedInKeyOrder(ids, await fetch(ids), keyOf), BATCH_OPTIONS);
}

@Injectable()
export class ServiceCostOptionsLoader implements LoaderFactory<string, ServiceCostOptionEntity[]> {
  readonly create;
  constructor(services: ServicesService) {
    this.create = childLoader(
      (ids) => services.costOptionsOf(ids),
      (row) => row.serviceId,
    );
  }
}

@Injectable()
export class ServiceSchedulesLoader implements LoaderFactory<string, ServiceScheduleEntity[]> {
  readonly create;
  constructor(services: ServicesService) {
    this.create = childLoader(
      (ids) => services.schedulesOf(ids),
      (row) => row.serviceId,
    );
  }
}

@Injectable()
export class ServiceContactsLoader implements LoaderFactory<string, ServiceContactEntity[]> {
  readonly create;
  constructor(services: ServicesService) {
    this.create = childLoader(
      (ids) => services.contactsOf(ids),
      (row) => row.serviceId,
    );
  }
}

@Injectable()
export class ServiceLocationsLoader implements LoaderFactory<string, ServiceLocationRow[]> {
  readonly create;
  constructor(services: ServicesService) {
    this.create = childLoader(
      (ids) => services.locationsOf(ids),
      (row) => row.serviceId,
    );
  }
}

@Injectable()
export class ServiceTermsLoader implements LoaderFactory<string, TaxonomyTermEntity[]> {
  readonly create;
  constructor(services: ServicesService) {
    this.create = childLoader(
      (ids) => services.termsOf(ids),
      (row) => row.ownerId,
    );
  }
}

@Injectable()
export class ServiceAreasLoader implements LoaderFactory<string, AreaEntity[]> {
  readonly create;
  constructor(services: ServicesService) {
    this.create = childLoader(
      (ids) => services.areasOf(ids),
      (row) => row.ownerId,
    );
  }
}
