import { returningRows, type Db, type PersonalDataEraser } from '@cohesion/common';

/** Remembers that the account was erased (once; the first time stands). Whether it was new. */
export async function rememberErasure(db: Db, accountId: string): Promise<boolean> {
  const rows = await db.query<{ account_id: string }[]>(
    `INSERT INTO erasures (account_id) VALUES ($1) ON CONFLICT (account_id) DO NOTHING RETURNING account_id`,
    [accountId],
  );
  return rows.length > 0;
}

/** A page of the remembered erasures, oldest first, after `after` (an account id) when given. */
export function erasuresPage(db: Db, limit: number, after?: { erasedAt: Date; accountId: string }) {
  return db.query<{ accountId: string; erasedAt: Date }[]>(
    `SELECT account_id AS "accountId", erased_at AS "erasedAt" FROM erasures
      WHERE $2::timestamptz IS NULL OR (erased_at, account_id) > ($2::timestamptz, $3::uuid)
      ORDER BY erased_at, account_id LIMIT $1`,
    [limit, after?.erasedAt ?? null, after?.accountId ?? null],
  );
}

async function changed(db: Db, sql: string, accountId: string): Promise<number> {
  return (await returningRows<unknown>(db, sql, [accountId])).length;
}

/** Every refresh token and signed-in browser: each session ends. */
async function eraseSessions(db: Db, accountId: string): Promise<number> {
  const browsers = await changed(db, `DELETE FROM web_sessions WHERE account_id = $1 RETURNING id`, accountId);
  return browsers + (await changed(db, `DELETE FROM refresh_tokens WHERE account_id = $1 RETURNING id`, accountId));
}

/** Verification and reset links (they carry the address). */
function eraseLinks(db: Db, accountId: string): Promise<number> {
  return changed(db, `DELETE FROM account_links WHERE account_id = $1 RETURNING id`, accountId);
}

/** Requests for a reset link to the account's address (read before the address is cleared). */
function eraseResetRequests(db: Db, accountId: string): Promise<number> {
  return changed(
    db,
    `DELETE FROM password_reset_requests WHERE email = (SELECT email FROM accounts WHERE id = $1) RETURNING id`,
    accountId,
  );
}

/** Council sign-in identities (issuer, subject, tenant) and sign-in attempts that name the account. */
async function eraseSignInIdentities(db: Db, accountId: string): Promise<number> {
  const identities = await changed(db, `DELETE FROM account_identities WHERE account_id = $1 RETURNING id`, accountId);
  const attempts = await changed(db, `DELETE FROM oidc_sign_in_attempts WHERE account_id = $1 RETURNING id`, accountId);
  return identities + attempts;
}

/** The roles held; the audit entries of their granting stay. */
function eraseRoles(db: Db, accountId: string): Promise<number> {
  return changed(db, `DELETE FROM role_grants WHERE account_id = $1 RETURNING id`, accountId);
}

/**
 * The account becomes a tombstone: no address (free to register again), no password,
 * never verified, signed out everywhere, not suspended; `erased_at` kept from the first time.
 */
function tombstoneAccount(db: Db, accountId: string): Promise<number> {
  return changed(
    db,
    `UPDATE accounts
        SET email = NULL, password_hash = NULL, email_verified_at = NULL, last_login_at = NULL,
            suspended_at = NULL, suspended_by = NULL, session_epoch = session_epoch + 1,
            erased_at = COALESCE(erased_at, now()), updated_at = now()
      WHERE id = $1
        AND (erased_at IS NULL OR email IS NOT NULL OR password_hash IS NOT NULL OR email_verified_at IS NOT NULL
             OR last_login_at IS NOT NULL OR suspended_at IS NOT NULL OR suspended_by IS NOT NULL)
      RETURNING id`,
    accountId,
  );
}

/** What auth holds about a person, erased in this order (the account last: the others read its address). */
export const AUTH_ERASERS: PersonalDataEraser[] = [
  { name: 'sessions', erase: eraseSessions },
  { name: 'signInIdentities', erase: eraseSignInIdentities },
  { name: 'accountLinks', erase: eraseLinks },
  { name: 'passwordResetRequests', erase: eraseResetRequests },
  { name: 'roles', erase: eraseRoles },
  { name: 'account', erase: tombstoneAccount },
];
