import type { Db, PersonalDataSection } from '@cohesion/common';
import type { ContactVisibilityValue } from '../directory.policy.js';

/**
 * What the directory holds about one person, for a copy of their data: their whole
 * profile (contact details with who may see each), areas, themes and memberships.
 */
export interface ProfileDataRow {
  fullName: string;
  jobTitle: string | null;
  bio: string | null;
  canHelpWith: string | null;
  lookingFor: string | null;
  languages: string[];
  discoverable: boolean;
  openToIntroductions: boolean;
  introductionsMonthlyCap: number;
  contactEmail: string | null;
  contactEmailVisibility: ContactVisibilityValue;
  contactPhone: string | null;
  contactPhoneVisibility: ContactVisibilityValue;
  contactMobile: string | null;
  contactMobileVisibility: ContactVisibilityValue;
  website: string | null;
  websiteVisibility: ContactVisibilityValue;
  createdAt: Date;
  updatedAt: Date;
}

export interface NamedRow {
  id: string;
  name: string;
}

export interface MembershipDataRow {
  organisationId: string;
  organisationName: string;
  role: string | null;
  team: string | null;
  startDate: string | null;
  endDate: string | null;
  status: string;
  confirmedVia: string | null;
  claimedAt: Date;
  decidedAt: Date | null;
  endedAt: Date | null;
}

/** The practitioner's profile, or undefined when the account has none. */
export async function profileData(db: Db, practitionerId: string): Promise<ProfileDataRow | undefined> {
  const rows = await db.query<ProfileDataRow[]>(
    `SELECT full_name AS "fullName", job_title AS "jobTitle", bio, can_help_with AS "canHelpWith",
            looking_for AS "lookingFor", languages, discoverable, open_to_introductions AS "openToIntroductions",
            introductions_monthly_cap AS "introductionsMonthlyCap",
            contact_email AS "contactEmail", contact_email_visibility AS "contactEmailVisibility",
            contact_phone AS "contactPhone", contact_phone_visibility AS "contactPhoneVisibility",
            contact_mobile AS "contactMobile", contact_mobile_visibility AS "contactMobileVisibility",
            website, website_visibility AS "websiteVisibility", created_at AS "createdAt", updated_at AS "updatedAt"
       FROM practitioners WHERE id = $1`,
    [practitionerId],
  );
  return rows[0];
}

/** The areas the practitioner works in, by name. */
export function profileAreaData(db: Db, practitionerId: string): Promise<NamedRow[]> {
  return db.query<NamedRow[]>(
    `SELECT a.id, a.name FROM practitioner_areas pa JOIN areas a ON a.id = pa.area_id
      WHERE pa.practitioner_id = $1 ORDER BY a.name, a.id`,
    [practitionerId],
  );
}

/** The themes the practitioner works on, by name. */
export function profileThemeData(db: Db, practitionerId: string): Promise<NamedRow[]> {
  return db.query<NamedRow[]>(
    `SELECT t.id, t.name FROM practitioner_themes pt JOIN taxonomy_terms t ON t.id = pt.term_id
      WHERE pt.practitioner_id = $1 ORDER BY t.name, t.id`,
    [practitionerId],
  );
}

/** Where the practitioner works or worked, past roles included. */
export function membershipData(db: Db, practitionerId: string): Promise<MembershipDataRow[]> {
  return db.query<MembershipDataRow[]>(
    `SELECT m.organisation_id AS "organisationId", o.name AS "organisationName", m.role, m.team,
            m.start_date::text AS "startDate", m.end_date::text AS "endDate", m.status,
            m.confirmed_via AS "confirmedVia", m.created_at AS "claimedAt", m.decided_at AS "decidedAt",
            m.ended_at AS "endedAt"
       FROM practitioner_memberships m JOIN organisations o ON o.id = m.organisation_id
      WHERE m.practitioner_id = $1 ORDER BY m.start_date NULLS FIRST, o.name, m.id`,
    [practitionerId],
  );
}

/** The profile with its areas and themes, or null when the account has none. */
async function profileWithLinks(db: Db, practitionerId: string) {
  const profile = await profileData(db, practitionerId);
  if (!profile) return null;
  const [areas, themes] = [await profileAreaData(db, practitionerId), await profileThemeData(db, practitionerId)];
  return { ...profile, areas, themes };
}

export const DIRECTORY_PERSONAL_DATA: PersonalDataSection[] = [
  { name: 'practitionerProfile', read: profileWithLinks },
  { name: 'memberships', read: membershipData },
];
