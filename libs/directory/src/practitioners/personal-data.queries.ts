import { returningRows, type Db, type PersonalDataEraser, type PersonalDataSection } from '@cohesion/common';
import { accountsSql } from '@cohesion/auth';
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

/** The name a deleted account's profile keeps, wherever records of their work still point at it. */
export const FORMER_MEMBER_NAME = 'Former member';

async function changed(db: Db, sql: string, practitionerId: string): Promise<number> {
  return (await returningRows<unknown>(db, sql, [practitionerId])).length;
}

/**
 * The profile becomes a tombstone named "Former member": every description and contact
 * detail cleared (each visibility back to hidden), never discoverable, not open to
 * introductions. The row stays so grant records and audit entries that name it stay true.
 */
async function tombstoneProfile(db: Db, practitionerId: string): Promise<number> {
  const rows = await returningRows<unknown>(
    db,
    `UPDATE practitioners
        SET full_name = $2, job_title = NULL, bio = NULL, can_help_with = NULL, looking_for = NULL, languages = '{}',
            discoverable = false, verified_member = false, open_to_introductions = false,
            contact_email = NULL, contact_email_visibility = 'HIDDEN', contact_phone = NULL,
            contact_phone_visibility = 'HIDDEN', contact_mobile = NULL, contact_mobile_visibility = 'HIDDEN',
            website = NULL, website_visibility = 'HIDDEN', search_tags = '', version = version + 1, updated_at = now()
      WHERE id = $1
        AND (full_name <> $2 OR job_title IS NOT NULL OR bio IS NOT NULL OR can_help_with IS NOT NULL
             OR looking_for IS NOT NULL OR languages <> '{}' OR discoverable OR verified_member OR open_to_introductions
             OR contact_email IS NOT NULL OR contact_phone IS NOT NULL OR contact_mobile IS NOT NULL
             OR website IS NOT NULL OR search_tags <> ''::tsvector)
      RETURNING id`,
    [practitionerId, FORMER_MEMBER_NAME],
  );
  return rows.length;
}

/** What the directory holds about a person, erased when they delete their account: links first, the profile last. */
export const DIRECTORY_ERASERS: PersonalDataEraser[] = [
  {
    name: 'profileAreas',
    erase: (db, id) => changed(db, 'DELETE FROM practitioner_areas WHERE practitioner_id = $1 RETURNING area_id', id),
  },
  {
    name: 'profileThemes',
    erase: (db, id) => changed(db, 'DELETE FROM practitioner_themes WHERE practitioner_id = $1 RETURNING term_id', id),
  },
  {
    name: 'memberships',
    erase: (db, id) => changed(db, 'DELETE FROM practitioner_memberships WHERE practitioner_id = $1 RETURNING id', id),
  },
  {
    // Invitations to their address, or that they took up; those they sent are their organisation's.
    name: 'membershipInvitations',
    erase: (db, id) =>
      changed(
        db,
        `DELETE FROM membership_invitations
          WHERE accepted_by = $1 OR email = (SELECT a.email FROM ${accountsSql('a')} WHERE a.id = $1) RETURNING id`,
        id,
      ),
  },
  { name: 'profile', erase: tombstoneProfile },
];
