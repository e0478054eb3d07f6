import type { Viewer } from '@cohesion/common';
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

/** `connected` comes from the query that loaded the practitioner (see PractitionerRelationships). */
export function relationshipOf(viewer: Viewer, practitioner: { id: string; connected: boolean }): Relationship {
  if (!viewer.isAuthenticated) return 'ANONYMOUS';
  if (viewer.isPractitioner(practitioner.id)) return 'SELF';
  return practitioner.connected ? 'CONNECTION' : 'MEMBER';
}

/**
 * Which practitioners a viewer may see, as SQL on a `practitioners` alias: members see
 * discoverable profiles and their own; anonymous callers see none. `viewerParam` is the
 * placeholder of the viewer's id (undefined when anonymous).
 */
export function practitionerVisibleSql(alias: string, viewerParam: string | undefined): string {
  if (!viewerParam) return 'FALSE';
  return `(${alias}.discoverable OR ${alias}.id = ${viewerParam}::uuid)`;
}

export function canSeePractitioner(
  viewer: Viewer,
  practitioner: Pick<PractitionerEntity, 'id' | 'discoverable'>,
): boolean {
  return viewer.isAuthenticated && (practitioner.discoverable || viewer.isPractitioner(practitioner.id));
}
