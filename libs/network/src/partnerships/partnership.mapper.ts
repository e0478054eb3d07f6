import { toGlobalId } from '@cohesion/common';
import type { PartnershipEntity } from './partnership.entity.js';
import { Partnership, PartnershipKind } from './partnership.model.js';

export function toPartnership(entity: PartnershipEntity): Partnership {
  return Object.assign(new Partnership(), {
    id: toGlobalId('Partnership', entity.id),
    partnershipId: entity.id,
    organisationId: entity.organisationId,
    partnerId: entity.partnerId,
    proposedByOrganisationId: entity.proposedByOrganisationId,
    kind: entity.kind as PartnershipKind,
    confirmed: entity.confirmedAt !== null,
    createdAt: entity.createdAt,
    confirmedAt: entity.confirmedAt,
  });
}

/** What the audit trail keeps of a partnership, before and after a change. */
export function partnershipSnapshot(entity: PartnershipEntity): object {
  return {
    organisationId: entity.organisationId,
    partnerId: entity.partnerId,
    kind: entity.kind,
    confirmed: entity.confirmedAt !== null,
  };
}
