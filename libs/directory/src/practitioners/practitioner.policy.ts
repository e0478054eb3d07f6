import type { SqlParams, Viewer } from '@cohesion/common';
import type { ContactVisibilityValue, PractitionerEntity } from './practitioner.entity.js';

/** How the viewer stands to a practitioner; decides which contact details they see. */
export type Relationship = 'SELF' | 'CONNECTION' | 'MEMBER' | 'ANONYMOUS';

const SEES: Record<Relationship, ContactVisibilityValue[]> = {
  SELF: ['PUBLIC', 'MEMBERS', 'CONNECTIONS', 'HIDDEN'],
  CONNECTION: ['PUBLIC', 'MEMBERS', 'CONNECTIONS'],
  MEMBER: ['PUBLIC', 'MEMBERS'],
  ANONYMOUS: ['PUBLIC'],
};

/** The value when the relationship allows it, otherwise null: never an error that would reveal it exists. */
export function visibleValue<T>(
  value: T | null,
  visibility: ContactVisibilityValue,
  relationship: Relationship,
): T | null {
  return SEES[relationship].includes(visibility) ? value : null;
}

export function relationshipOf(viewer: Viewer, practitionerId: string): Relationship {
  if (!viewer.isAuthenticated) return 'ANONYMOUS';
  if (viewer.isPractitioner(practitionerId)) return 'SELF';
  return 'MEMBER';
}

/**
 * Which practitioners a viewer may see, as SQL on a `practitioners` alias: members see
 * discoverable profiles and their own; anonymous callers see none.
 */
export function practitionerVisibleSql(viewer: Viewer, alias: string, params: SqlParams): string {
  if (!viewer.accountId) return 'FALSE';
  return `(${alias}.discoverable OR ${alias}.id = ${params.add(viewer.accountId)})`;
}

export function canSeePractitioner(
  viewer: Viewer,
  practitioner: Pick<PractitionerEntity, 'id' | 'discoverable'>,
): boolean {
  return viewer.isAuthenticated && (practitioner.discoverable || viewer.isPractitioner(practitioner.id));
}
