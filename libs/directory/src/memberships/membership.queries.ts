import { accountsSql, roleGrantsSql } from '@cohesion/auth';
import { keysetPage, returningRows, SqlParams, type ConnectionShape, type Db, type KeysetSort } from '@cohesion/common';
import type { PractitionerMembershipEntity } from './membership.entity.js';
import type { ConfirmationRoute, MembershipStatus } from './membership.state-machine.js';

const MEMBERSHIP_COLUMNS = `m.id, m.practitioner_id AS "practitionerId", m.organisation_id AS "organisationId",
  m.role, m.team, m.start_date::text AS "startDate", m.end_date::text AS "endDate", m.status,
  m.confirmed_via AS "confirmedVia", m.decided_by AS "decidedBy", m.decided_at AS "decidedAt",
  m.ended_by AS "endedBy", m.ended_at AS "endedAt", m.created_at AS "createdAt"`;

export type MembershipRow = PractitionerMembershipEntity;

/**
 * The memberships of the given people, current first: open ones (pending, confirmed) only,
 * unless `withHistory` (the person's own view, with declined and ended ones).
 */
export function membershipsOfPractitioners(
  db: Db,
  practitionerIds: readonly string[],
  withHistory: boolean,
): Promise<MembershipRow[]> {
  return db.query<MembershipRow[]>(
    `SELECT ${MEMBERSHIP_COLUMNS} FROM practitioner_memberships m
      WHERE m.practitioner_id = ANY($1::uuid[]) ${withHistory ? '' : `AND m.status IN ('PENDING', 'CONFIRMED')`}
      ORDER BY m.end_date DESC NULLS FIRST, m.start_date DESC NULLS LAST, m.created_at DESC, m.id`,
    [practitionerIds],
  );
}

/** The memberships among `ids`, in id order; locked for the caller's transaction when `lock`. */
export function membershipsByIds(db: Db, ids: readonly string[], lock = false): Promise<MembershipRow[]> {
  return db.query<MembershipRow[]>(
    `SELECT ${MEMBERSHIP_COLUMNS} FROM practitioner_memberships m
      WHERE m.id = ANY($1::uuid[]) ORDER BY m.id ${lock ? 'FOR UPDATE' : ''}`,
    [ids],
  );
}

export function lockMemberships(db: Db, ids: readonly string[]): Promise<MembershipRow[]> {
  return membershipsByIds(db, ids, true);
}

/** The person's open memberships of an organisation, locked. */
export function openMembershipsAt(db: Db, practitionerId: string, organisationId: string): Promise<MembershipRow[]> {
  return db.query<MembershipRow[]>(
    `SELECT ${MEMBERSHIP_COLUMNS} FROM practitioner_memberships m
      WHERE m.practitioner_id = $1 AND m.organisation_id = $2 AND m.status IN ('PENDING', 'CONFIRMED')
      ORDER BY m.created_at, m.id FOR UPDATE`,
    [practitionerId, organisationId],
  );
}

export interface NewMembership {
  practitionerId: string;
  organisationId: string;
  role: string | null;
  team: string | null;
  startDate: string | null;
  endDate: string | null;
  status: MembershipStatus;
  confirmedVia: ConfirmationRoute | null;
  decidedBy: string | null;
}

export async function insertMembership(db: Db, row: NewMembership): Promise<MembershipRow> {
  const [inserted] = await returningRows<MembershipRow>(
    db,
    `INSERT INTO practitioner_memberships AS m
            (practitioner_id, organisation_id, role, team, start_date, end_date, status, confirmed_via, decided_by, decided_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7::varchar, $8, $9, CASE WHEN $7::varchar = 'PENDING' THEN NULL ELSE now() END)
     RETURNING ${MEMBERSHIP_COLUMNS}`,
    [
      row.practitionerId,
      row.organisationId,
      row.role,
      row.team,
      row.startDate,
      row.endDate,
      row.status,
      row.confirmedVia,
      row.decidedBy,
    ],
  );
  return inserted;
}

/** Moves memberships to their decided status: confirmed (with how) or declined, by whom. */
export function decideMemberships(
  db: Db,
  ids: readonly string[],
  status: 'CONFIRMED' | 'DECLINED',
  via: ConfirmationRoute | null,
  decidedBy: string | null,
): Promise<unknown> {
  return db.query(
    `UPDATE practitioner_memberships SET status = $2, confirmed_via = $3, decided_by = $4, decided_at = now()
      WHERE id = ANY($1::uuid[])`,
    [ids, status, via, decidedBy],
  );
}

/** Ends a membership: it leaves the profile (and, if confirmed, the organisation's people) and stays in history. */
export function endMembership(db: Db, id: string, endedBy: string | null): Promise<unknown> {
  return db.query(
    `UPDATE practitioner_memberships
        SET status = 'ENDED', ended_by = $2, ended_at = now(),
            end_date = CASE WHEN status = 'CONFIRMED' AND (end_date IS NULL OR end_date > CURRENT_DATE)
                            THEN GREATEST(CURRENT_DATE, COALESCE(start_date, CURRENT_DATE)) ELSE end_date END
      WHERE id = $1`,
    [id, endedBy],
  );
}

/** Changes what a person says about an open membership: role, team and dates. */
export function describeMembership(
  db: Db,
  id: string,
  fields: { role: string | null; team: string | null; startDate: string | null; endDate: string | null },
): Promise<unknown> {
  return db.query(
    `UPDATE practitioner_memberships SET role = $2, team = $3, start_date = $4, end_date = $5 WHERE id = $1`,
    [id, fields.role, fields.team, fields.startDate, fields.endDate],
  );
}

/** Pending claims to an organisation, oldest first. */
export const PENDING_SORT: KeysetSort<MembershipRow> = {
  expressions: ['m.created_at', 'm.id'],
  parts: ['timestamp', 'uuid'],
  valuesOf: (row) => [row.createdAt.toISOString(), row.id],
};

export function pendingMembershipPage<T>(
  db: Db,
  organisationId: string,
  page: { first: number; after?: string },
  toNode: (row: MembershipRow) => T,
): Promise<ConnectionShape<T>> {
  const params = new SqlParams();
  return keysetPage(db, {
    select: MEMBERSHIP_COLUMNS,
    from: 'practitioner_memberships m',
    where: `m.organisation_id = ${params.add(organisationId)} AND m.status = 'PENDING'`,
    params,
    sort: PENDING_SORT,
    page,
    toNode,
  });
}

/** The admins (ORG_ADMIN) of an organisation, to tell of a new claim. */
export async function organisationAdmins(db: Db, organisationId: string): Promise<string[]> {
  const rows = await db.query<{ id: string }[]>(
    `SELECT g.account_id AS id FROM ${roleGrantsSql('g')} WHERE g.role = 'ORG_ADMIN' AND g.organisation_id = $1 ORDER BY g.account_id`,
    [organisationId],
  );
  return rows.map((row) => row.id);
}

/** An organisation's id and name; undefined when there is none. */
export async function organisationNamed(
  db: Db,
  organisationId: string,
): Promise<{ id: string; name: string } | undefined> {
  const rows = await db.query<{ id: string; name: string }[]>(`SELECT id, name FROM organisations WHERE id = $1`, [
    organisationId,
  ]);
  return rows[0];
}

/** The account's address and whether it is verified (null when there is none). */
export async function accountAddress(
  db: Db,
  accountId: string,
): Promise<{ email: string; verified: boolean } | undefined> {
  const rows = await db.query<{ email: string; verified: boolean }[]>(
    `SELECT a.email, a.email_verified_at IS NOT NULL AS verified FROM ${accountsSql('a')} WHERE a.id = $1`,
    [accountId],
  );
  return rows[0];
}

export interface ClaimantRow {
  id: string;
  fullName: string;
  jobTitle: string | null;
  email: string;
  emailVerified: boolean;
}

/** Who the given people are, as an organisation's admins see a claim to decide it. */
export function claimantsOf(db: Db, practitionerIds: readonly string[]): Promise<ClaimantRow[]> {
  return db.query<ClaimantRow[]>(
    `SELECT p.id, p.full_name AS "fullName", p.job_title AS "jobTitle", a.email,
            a.email_verified_at IS NOT NULL AS "emailVerified"
       FROM practitioners p JOIN ${accountsSql('a')} ON a.id = p.id
      WHERE p.id = ANY($1::uuid[])`,
    [practitionerIds],
  );
}

/** Locks the person's profile row: their claims are made one at a time. */
export async function lockPractitioner(db: Db, practitionerId: string): Promise<void> {
  await db.query(`SELECT 1 FROM practitioners WHERE id = $1 FOR NO KEY UPDATE`, [practitionerId]);
}

/** Every pending claim to an organisation, each with its claimant's address and whether it is verified. */
export function pendingClaimsWithAddresses(
  db: Db,
  organisationId: string,
): Promise<(MembershipRow & { email: string; emailVerified: boolean })[]> {
  return db.query(
    `SELECT ${MEMBERSHIP_COLUMNS}, a.email, a.email_verified_at IS NOT NULL AS "emailVerified"
       FROM practitioner_memberships m JOIN ${accountsSql('a')} ON a.id = m.practitioner_id
      WHERE m.organisation_id = $1 AND m.status = 'PENDING'
      ORDER BY m.created_at, m.id`,
    [organisationId],
  );
}
