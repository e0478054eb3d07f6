import { toGlobalId } from '@cohesion/common';
import { geoPoint, type ListingVisibility } from '../shared/shared.models.js';
import type { OrganisationEntity } from './organisation.entity.js';
import type { OrganisationRecord } from './organisation.queries.js';
import { isOrganisationVerified } from '../directory.policy.js';
import { Organisation, type FaithTradition, type OrganisationKind } from './organisation.model.js';

export const ORGANISATION_TYPE = 'Organisation';

/** `identifiers` are already in org-id form (GB-CHC-1234567). */
export function toOrganisation(entity: OrganisationEntity, identifiers: string[]): Organisation {
  const hasAddress = entity.addressLine1 || entity.addressLine2 || entity.town || entity.postcode;
  return Object.assign(new Organisation(), {
    id: toGlobalId(ORGANISATION_TYPE, entity.id),
    organisationId: entity.id,
    name: entity.name,
    kind: entity.kind as OrganisationKind,
    description: entity.description,
    identifiers,
    website: entity.website,
    email: entity.email,
    phone: entity.phone,
    address: hasAddress
      ? { line1: entity.addressLine1, line2: entity.addressLine2, town: entity.town, postcode: entity.postcode }
      : null,
    location: geoPoint(entity.latitude, entity.longitude),
    faithTradition: entity.faithTradition as FaithTradition | null,
    languages: entity.languages,
    verified: isOrganisationVerified(entity),
    changedSinceVerification: entity.changedSinceVerificationAt,
    visibility: entity.visibility as ListingVisibility,
    namedInGrantsData: entity.namedInGrantsData,
    demo: entity.isDemo,
    version: entity.version,
    createdAt: entity.createdAt,
    updatedAt: entity.updatedAt,
  });
}

export function recordToOrganisation(record: OrganisationRecord): Organisation {
  return toOrganisation(record, record.identifiers);
}
