import type { EntityManager } from 'typeorm';
import {
  PractitionerAreaEntity,
  PractitionerEntity,
  PractitionerThemeEntity,
} from '../practitioners/practitioner.entity.js';
import { PractitionerMembershipEntity } from '../memberships/membership.entity.js';
import { insertRows } from './sourced-rows.js';

/** A person of the demo dataset, with the areas and themes they work on and their memberships. */
export interface SeededPractitioner {
  row: Partial<PractitionerEntity> & { id: string };
  areaIds: string[];
  themeIds: string[];
  memberships: Omit<Partial<PractitionerMembershipEntity>, 'practitionerId'>[];
}

/** Writes the people the demo dataset lists (their accounts are the caller's). */
export class PractitionerRows {
  /** A person of the demo dataset with their links (marked as demo, not audited). */
  async seed(manager: EntityManager, person: SeededPractitioner): Promise<void> {
    const practitionerId = person.row.id;
    await manager.insert(PractitionerEntity, { ...person.row, isDemo: true });
    await insertRows(
      manager,
      PractitionerAreaEntity,
      person.areaIds.map((areaId) => ({ practitionerId, areaId })),
    );
    await insertRows(
      manager,
      PractitionerThemeEntity,
      person.themeIds.map((termId) => ({ practitionerId, termId })),
    );
    await insertRows(
      manager,
      PractitionerMembershipEntity,
      person.memberships.map((membership) => ({ ...membership, practitionerId })),
    );
  }
}
