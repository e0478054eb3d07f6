import { toGlobalId } from '@cohesion/common';
import type { BlockedPractitioner } from './blocked-practitioner.model.js';
import type { BlockedRow } from './block.queries.js';

export function toBlockedPractitioner(row: BlockedRow): BlockedPractitioner {
  return {
    practitionerId: toGlobalId('Practitioner', row.id),
    fullName: row.fullName,
    blockedAt: row.blockedAt,
  };
}
