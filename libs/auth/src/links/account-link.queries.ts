import type { Db } from '@cohesion/common';
import type { AccountLinkPurpose } from './account-link.entity.js';

/** A link found by its token's hash, locked for the transaction that follows it. */
export interface AccountLinkRow {
  id: string;
  account_id: string;
  email: string;
  expires_at: Date;
  used_at: Date | null;
  superseded_at: Date | null;
}

export async function lockLinkByToken(
  db: Db,
  tokenHash: string,
  purpose: AccountLinkPurpose,
): Promise<AccountLinkRow | undefined> {
  const [row] = await db.query<AccountLinkRow[]>(
    `SELECT id, account_id, email, expires_at, used_at, superseded_at
       FROM account_links WHERE token_hash = $1 AND purpose = $2 FOR UPDATE`,
    [tokenHash, purpose],
  );
  return row;
}

export async function markLinkUsed(db: Db, id: string): Promise<void> {
  await db.query(`UPDATE account_links SET used_at = now() WHERE id = $1`, [id]);
}

/** Ends every link of `purpose` of the account that could still be followed. */
export async function supersedeLinks(db: Db, accountId: string, purposes: AccountLinkPurpose[]): Promise<void> {
  await db.query(
    `UPDATE account_links SET superseded_at = now()
      WHERE account_id = $1 AND purpose = ANY($2::varchar[]) AND used_at IS NULL AND superseded_at IS NULL`,
    [accountId, purposes],
  );
}

export async function insertLink(
  db: Db,
  link: { accountId: string; purpose: AccountLinkPurpose; email: string; tokenHash: string; expiresAt: Date },
): Promise<string> {
  const [row] = await db.query<{ id: string }[]>(
    `INSERT INTO account_links (account_id, purpose, email, token_hash, expires_at)
     VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [link.accountId, link.purpose, link.email, link.tokenHash, link.expiresAt],
  );
  return row.id;
}

/** How many links of `purpose` the account was sent in the last `windowSeconds`, and when the latest went. */
export interface RecentLinksRow {
  sent: number;
  latest: Date | null;
}

export async function recentLinks(
  db: Db,
  accountId: string,
  purpose: AccountLinkPurpose,
  windowSeconds: number,
): Promise<RecentLinksRow> {
  const [row] = await db.query<RecentLinksRow[]>(
    `SELECT count(*)::int AS sent, max(created_at) AS latest FROM account_links
      WHERE account_id = $1 AND purpose = $2 AND created_at > now() - make_interval(secs => $3)`,
    [accountId, purpose, windowSeconds],
  );
  return row;
}
