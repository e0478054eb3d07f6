import type { KeysetSort } from '@cohesion/common';
import type { PractitionerEntity } from './practitioner.entity.js';

/** A practitioner as the directory's statements read it (alias `p`). */
export interface PractitionerRecord extends PractitionerEntity {
  sortName: string;
  /** Whether the viewer is connected to this practitioner. */
  connected: boolean;
}

/** Every column of alias `p`, camel-cased, plus whether the viewer is connected to each. */
export function practitionerColumns(connectedSql: string): string {
  return `${PRACTITIONER_COLUMNS}, ${connectedSql} AS connected`;
}

const PRACTITIONER_COLUMNS = `
  p.id, p.full_name AS "fullName", p.job_title AS "jobTitle", p.bio, p.can_help_with AS "canHelpWith",
  p.looking_for AS "lookingFor", p.languages, p.discoverable, p.open_to_introductions AS "openToIntroductions",
  p.introductions_monthly_cap AS "introductionsMonthlyCap",
  p.contact_email AS "contactEmail", p.contact_email_visibility AS "contactEmailVisibility",
  p.contact_phone AS "contactPhone", p.contact_phone_visibility AS "contactPhoneVisibility",
  p.contact_mobile AS "contactMobile", p.contact_mobile_visibility AS "contactMobileVisibility",
  p.website, p.website_visibility AS "websiteVisibility", p.is_demo AS "isDemo", p.version,
  p.created_at AS "createdAt", p.updated_at AS "updatedAt", lower(p.full_name) AS "sortName"`;

export const PRACTITIONER_SORT: KeysetSort<PractitionerRecord> = {
  expressions: ['lower(p.full_name)', 'p.id'],
  parts: ['text', 'uuid'],
  valuesOf: (row) => [row.sortName, row.id],
};

/** A practitioner row ranked within an organisation (`parentKey`), with how many the viewer may see there. */
export type RankedPractitioner = PractitionerRecord & { parentKey: string; rn: number; total: number };

/** A membership that has started (or has no start) and has not ended. */
export const CURRENT_MEMBERSHIP = `(m.start_date IS NULL OR m.start_date <= CURRENT_DATE)
  AND (m.end_date IS NULL OR m.end_date >= CURRENT_DATE)`;

/** The current organisations of the practitioner `alias`, as `o` (FROM ... WHERE, to go on). */
export const CURRENT_ORGANISATIONS = (alias: string) =>
  `FROM practitioner_memberships m JOIN organisations o ON o.id = m.organisation_id
   WHERE m.practitioner_id = ${alias}.id AND ${CURRENT_MEMBERSHIP}`;

/**
 * Where a person is placed: the areas they cover and the areas the organisations they work
 * at now serve (with everything above them). True when the practitioner `alias` is placed
 * in any of the areas of the uuid[] SQL expression `areaIds`; every area filter on people
 * (search, practitioners) asks this, as `near` places them by those organisations too.
 */
export function practitionerPlacedInSql(alias: string, areaIds: string): string {
  return `(${alias}.area_path_ids && ${areaIds}
           OR EXISTS (SELECT 1 ${CURRENT_ORGANISATIONS(alias)} AND o.area_path_ids && ${areaIds}))`;
}

/** The areas the practitioner `alias` is placed in (see `practitionerPlacedInSql`), each once, as a uuid[]. */
export function practitionerPlacedAreasSql(alias: string): string {
  return `ARRAY(SELECT unnest(${alias}.area_path_ids)
                UNION SELECT unnest(o.area_path_ids) ${CURRENT_ORGANISATIONS(alias)})`;
}
