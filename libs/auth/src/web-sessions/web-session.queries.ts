import { returningRows, type RoleGrant } from '@cohesion/common';
import type { DataSource } from 'typeorm';
import { queryPrepared } from '@cohesion/database';

/** A web session with its account, if the account and the session's family still stand. */
export interface WebSessionRow {
  session_id: string;
  account_id: string;
  session_stale: boolean;
  email_verified: boolean;
  verified_member: boolean;
  grants: RoleGrant[];
}

/**
 * The viewer of a browser request, in one prepared statement: the session is within its
 * idle and absolute limits, the account is live (not disabled, suspended or erased) with
 * the epoch the session began in, and its refresh-token family is not revoked.
 * `session_stale` says the last-seen time is over a minute old and worth writing.
 */
export async function webViewerSession(
  dataSource: DataSource,
  standingSql: (accountId: string) => string,
  tokenHash: string,
  idleSeconds: number,
): Promise<WebSessionRow | undefined> {
  const rows = await queryPrepared<WebSessionRow>(
    dataSource,
    `SELECT w.id AS session_id, a.id AS account_id,
            w.last_seen_at < now() - interval '1 minute' AS session_stale,
            a.email_verified_at IS NOT NULL AS email_verified,
            ${standingSql('a.id')} AS verified_member,
            COALESCE(json_agg(json_build_object('role', g.role, 'organisationId', g.organisation_id))
                     FILTER (WHERE g.id IS NOT NULL), '[]') AS grants
       FROM web_sessions w
       JOIN accounts a ON a.id = w.account_id
       LEFT JOIN role_grants g ON g.account_id = a.id
      WHERE w.token_hash = $1
        AND w.expires_at > now()
        AND w.last_seen_at > now() - make_interval(secs => $2)
        AND a.session_epoch = w.session_epoch
        AND a.disabled_at IS NULL AND a.erased_at IS NULL AND a.suspended_at IS NULL
        AND EXISTS (SELECT 1 FROM refresh_tokens r
                     WHERE r.family_id = w.family_id AND r.account_id = a.id AND r.revoked_at IS NULL)
      GROUP BY w.id, a.id`,
    [tokenHash, idleSeconds],
  );
  return rows[0];
}

/** Deletes web sessions past their absolute end or idle longer than `idleSeconds`, a batch at a time. */
export async function purgeWebSessions(dataSource: DataSource, idleSeconds: number, batch: number): Promise<number> {
  // Through returningRows: a DELETE's raw answer is [rows, count], whose length is always 2.
  const rows = await returningRows<{ id: string }>(
    dataSource,
    `DELETE FROM web_sessions WHERE id IN (
       SELECT id FROM web_sessions
        WHERE expires_at <= now() OR last_seen_at <= now() - make_interval(secs => $1)
        LIMIT $2)
     RETURNING id`,
    [idleSeconds, batch],
  );
  return rows.length;
}
