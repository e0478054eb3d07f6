import type { Db, PersonalDataSection } from '@cohesion/common';
import { identityData } from '../oidc/oidc.queries.js';

/**
 * What auth holds about one person, for a copy of their data: the account as they know it
 * (never the password hash, session epoch or token hashes) and the roles they hold.
 */
export interface AccountDataRow {
  email: string;
  emailVerified: boolean;
  emailVerifiedAt: Date | null;
  createdAt: Date;
  lastSignInAt: Date | null;
  disabledAt: Date | null;
}

export interface RoleDataRow {
  role: string;
  organisationId: string | null;
  grantedAt: Date;
}

/** The account, or undefined when there is none. */
export async function accountData(db: Db, accountId: string): Promise<AccountDataRow | undefined> {
  const rows = await db.query<AccountDataRow[]>(
    `SELECT email, email_verified_at IS NOT NULL AS "emailVerified", email_verified_at AS "emailVerifiedAt",
            created_at AS "createdAt", last_login_at AS "lastSignInAt", disabled_at AS "disabledAt"
       FROM accounts WHERE id = $1`,
    [accountId],
  );
  return rows[0];
}

/** The roles the account holds, oldest first. */
export function roleData(db: Db, accountId: string): Promise<RoleDataRow[]> {
  return db.query<RoleDataRow[]>(
    `SELECT role, organisation_id AS "organisationId", created_at AS "grantedAt"
       FROM role_grants WHERE account_id = $1 ORDER BY created_at, id`,
    [accountId],
  );
}

/** The id of the account with this address (trimmed, lower-cased), or undefined. */
export async function accountIdByEmail(db: Db, email: string): Promise<string | undefined> {
  const rows = await db.query<{ id: string }[]>(`SELECT id FROM accounts WHERE email = $1`, [email]);
  return rows[0]?.id;
}

export const AUTH_PERSONAL_DATA: PersonalDataSection[] = [
  { name: 'account', read: accountData },
  { name: 'roles', read: roleData },
  { name: 'signInIdentities', read: identityData },
];
