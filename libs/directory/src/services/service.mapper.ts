import { connectionsByParent, keysetCursor, toGlobalId, type ConnectionShape } from '@cohesion/common';
import { GeocodePrecisionKind } from '../geo/geocode-precision.model.js';
import { geoPoint, type ListingVisibility } from '../shared/shared.models.js';
import type {
  LocationEntity,
  ServiceContactEntity,
  ServiceCostOptionEntity,
  ServiceEntity,
  ServiceScheduleEntity,
} from './service.entity.js';
import {
  CostOption,
  Schedule,
  Service,
  ServiceContact,
  ServiceLocation,
  type LocationType,
  type ScheduleFrequency,
  type ServiceStatus,
} from './service.model.js';
import { SERVICE_SORT, type RankedService } from './service.queries.js';

export const SERVICE_TYPE = 'Service';

export function toService(entity: ServiceEntity): Service {
  return Object.assign(new Service(), {
    id: toGlobalId(SERVICE_TYPE, entity.id),
    serviceId: entity.id,
    organisationId: entity.organisationId,
    name: entity.name,
    description: entity.description,
    status: entity.status as ServiceStatus,
    url: entity.url,
    email: entity.email,
    fees: entity.fees,
    eligibilityDescription: entity.eligibilityDescription,
    minimumAge: entity.minimumAge,
    maximumAge: entity.maximumAge,
    languages: entity.languages,
    assuredDate: entity.assuredDate,
    visibility: entity.visibility as ListingVisibility,
    demo: entity.isDemo,
    version: entity.version,
    createdAt: entity.createdAt,
    lastModified: entity.updatedAt,
  });
}

export function toCostOption(entity: ServiceCostOptionEntity): CostOption {
  return Object.assign(new CostOption(), {
    option: entity.option,
    amountPence: entity.amountPence,
    amountDescription: entity.amountDescription,
    validFrom: entity.validFrom,
    validTo: entity.validTo,
  });
}

export function toSchedule(entity: ServiceScheduleEntity): Schedule {
  return Object.assign(new Schedule(), {
    freq: entity.freq as ScheduleFrequency | null,
    interval: entity.interval,
    byday: entity.byday,
    opensAt: entity.opensAt,
    closesAt: entity.closesAt,
    validFrom: entity.validFrom,
    validTo: entity.validTo,
    description: entity.description,
  });
}

export function toServiceLocation(entity: LocationEntity): ServiceLocation {
  const hasAddress = entity.addressLine1 || entity.addressLine2 || entity.town || entity.postcode;
  return Object.assign(new ServiceLocation(), {
    locationType: entity.locationType as LocationType,
    name: entity.name,
    description: entity.description,
    address: hasAddress
      ? { line1: entity.addressLine1, line2: entity.addressLine2, town: entity.town, postcode: entity.postcode }
      : null,
    location: geoPoint(entity.latitude, entity.longitude),
    geocodePrecision: entity.geocodePrecision === null ? null : GeocodePrecisionKind[entity.geocodePrecision],
    areaId: entity.areaId,
  });
}

export function toServiceContact(entity: ServiceContactEntity): ServiceContact {
  return Object.assign(new ServiceContact(), {
    name: entity.name,
    title: entity.title,
    email: entity.email,
    phone: entity.phone,
  });
}

/** Each organisation's page of services, from `organisationServicesSql`'s rows. */
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
