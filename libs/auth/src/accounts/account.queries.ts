import { returningRows, type Db, type RoleGrant } from '@cohesion/common';
import type { DataSource, EntityManager } from 'typeorm';
import { queryPrepared } from '@cohesion/database';
import { AccountEntity } from './account.entity.js';

/** An account with its roles, if the session (refresh-token family) it signed in with still stands. */
export interface ViewerSessionRow {
  id: string;
  session_epoch: number;
  disabled_at: Date | null;
  email_verified: boolean;
  verified_member: boolean;
  grants: RoleGrant[];
}

/**
 * Prepared: it runs once per signed-in request. `standingSql` is the directory's verified-member
 * test on the account's id (see `AccountProfiles.standingSql`), the same text every time.
 */
export async function viewerSession(
  dataSource: DataSource,
  standingSql: (accountId: string) => string,
  accountId: string,
  sessionId: string,
): Promise<ViewerSessionRow | undefined> {
  const rows = await queryPrepared<ViewerSessionRow>(
    dataSource,
    `SELECT a.id, a.session_epoch, a.disabled_at, a.email_verified_at IS NOT NULL AS email_verified,
            ${standingSql('a.id')} AS verified_member,
            COALESCE(json_agg(json_build_object('role', g.role, 'organisationId', g.organisation_id))
                     FILTER (WHERE g.id IS NOT NULL), '[]') AS grants
       FROM accounts a
       LEFT JOIN role_grants g ON g.account_id = a.id
      WHERE a.id = $1
        AND EXISTS (SELECT 1 FROM refresh_tokens r
                     WHERE r.family_id = $2 AND r.account_id = a.id AND r.revoked_at IS NULL)
      GROUP BY a.id`,
    [accountId, sessionId],
  );
  return rows[0];
}

/**
 * Deletes accounts never verified within `days` of registering, with everything that
 * hangs off them (their profile, links, sessions: the foreign keys cascade). Demo accounts
 * are left alone. Returns how many went.
 */
export async function deleteNeverVerified(db: Db, days: number): Promise<number> {
  const rows = await returningRows<{ id: string }>(
    db,
    `DELETE FROM accounts
      WHERE email_verified_at IS NULL AND NOT is_demo AND created_at < now() - make_interval(days => $1)
      RETURNING id`,
    [days],
  );
  return rows.length;
}

/** Whether the account is a verified member now (see `AccountProfiles.standingSql`). */
export async function accountStanding(
  db: Db,
  standingSql: (accountId: string) => string,
  accountId: string,
): Promise<{ emailVerified: boolean; verifiedMember: boolean }> {
  const rows = await db.query<{ emailVerified: boolean; verifiedMember: boolean }[]>(
    `SELECT a.email_verified_at IS NOT NULL AS "emailVerified", ${standingSql('a.id')} AS "verifiedMember"
       FROM accounts a WHERE a.id = $1`,
    [accountId],
  );
  return rows[0] ?? { emailVerified: false, verifiedMember: false };
}

/** The account, locked for the caller's transaction (FOR UPDATE); null when there is none. */
export function lockAccount(manager: EntityManager, id: string): Promise<AccountEntity | null> {
  return manager.findOne(AccountEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
}

/**
 * The person showed they hold the account's address another way (they followed an
 * invitation sent there): it counts as verified from now, if it was not already.
 */
export async function markAddressProven(db: Db, accountId: string): Promise<void> {
  await db.query(`UPDATE accounts SET email_verified_at = now() WHERE id = $1 AND email_verified_at IS NULL`, [
    accountId,
  ]);
}
