import { accountActiveSql, accountsSql } from '@cohesion/auth';
import { returningRows, type Db, type Queryable } from '@cohesion/common';

/**
 * A confirmed membership that has started (or has no start) and has not ended, on alias `m`:
 * what places a person at an organisation (its people, areas, the graph's "works at").
 */
export const CURRENT_MEMBERSHIP = `m.status = 'CONFIRMED' AND (m.start_date IS NULL OR m.start_date <= CURRENT_DATE)
  AND (m.end_date IS NULL OR m.end_date >= CURRENT_DATE)`;

/**
 * Whether practitioner alias `alias` is a verified member now, as SQL: their account's
 * address is verified and the account is neither disabled nor suspended, and they hold a
 * current confirmed membership of a verified organisation (one whose listing a platform admin
 * checked; a later change awaiting re-checking does not undo it). The one definition of
 * the tier; `practitioners.verified_member` keeps its answer.
 */
export function verifiedMemberSql(alias: string): string {
  return `(EXISTS (SELECT 1 FROM ${accountsSql('a')} WHERE a.id = ${alias}.id AND ${accountActiveSql('a')})
           AND EXISTS (SELECT 1 FROM practitioner_memberships m JOIN organisations o ON o.id = m.organisation_id
                        WHERE m.practitioner_id = ${alias}.id AND o.verified AND ${CURRENT_MEMBERSHIP}))`;
}

/**
 * Brings `practitioners.verified_member` up to date for the given people (all of them when
 * `ids` is undefined), writing only rows whose answer changed. Returns the ids that changed.
 */
export function refreshStanding(db: Queryable, ids: readonly string[] | undefined): Promise<{ id: string }[]> {
  return returningRows<{ id: string }>(
    db,
    `UPDATE practitioners p SET verified_member = ${verifiedMemberSql('p')}
      WHERE ${ids ? 'p.id = ANY($1::uuid[]) AND' : ''} p.verified_member IS DISTINCT FROM ${verifiedMemberSql('p')}
      RETURNING p.id`,
    ids ? [ids] : [],
  );
}

/** The people holding a membership of any of the organisations. */
export async function membersOf(db: Db, organisationIds: readonly string[]): Promise<string[]> {
  const rows = await db.query<{ id: string }[]>(
    `SELECT DISTINCT practitioner_id AS id FROM practitioner_memberships
      WHERE organisation_id = ANY($1::uuid[]) AND status IN ('PENDING', 'CONFIRMED')`,
    [organisationIds],
  );
  return rows.map((row) => row.id);
}
