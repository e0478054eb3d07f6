import { returningRows, type Db } from '@cohesion/common';
import type { OidcOutcome } from './oidc-sign-in-attempt.entity.js';

/** A connection as the sign-in and its admins read it. */
export interface OidcConnectionRow {
  id: string;
  organisationId: string;
  label: string;
  issuer: string;
  clientId: string;
  clientSecretName: string;
  allowedTenantIds: string[];
  emailDomains: string[];
  createdAt: Date;
  updatedAt: Date;
}

const CONNECTION_COLUMNS = `id, organisation_id AS "organisationId", label, issuer, client_id AS "clientId",
  client_secret_name AS "clientSecretName", allowed_tenant_ids AS "allowedTenantIds",
  email_domains AS "emailDomains", created_at AS "createdAt", updated_at AS "updatedAt"`;

export async function connectionById(db: Db, id: string): Promise<OidcConnectionRow | undefined> {
  const [row] = await db.query<OidcConnectionRow[]>(
    `SELECT ${CONNECTION_COLUMNS} FROM oidc_connections WHERE id = $1`,
    [id],
  );
  return row;
}

export function connectionsOfOrganisation(db: Db, organisationId: string): Promise<OidcConnectionRow[]> {
  return db.query<OidcConnectionRow[]>(
    `SELECT ${CONNECTION_COLUMNS} FROM oidc_connections WHERE organisation_id = $1 ORDER BY label, id`,
    [organisationId],
  );
}

/** Every connection, for the sign-in page's choice of council. */
export function allConnections(db: Db): Promise<OidcConnectionRow[]> {
  return db.query<OidcConnectionRow[]>(`SELECT ${CONNECTION_COLUMNS} FROM oidc_connections ORDER BY label, id`);
}

export interface ConnectionValues {
  organisationId: string;
  label: string;
  issuer: string;
  clientId: string;
  clientSecretName: string;
  allowedTenantIds: string[];
  emailDomains: string[];
  createdBy: string | null;
}

/** Creates the organisation's connection for an issuer, or replaces its settings. */
export async function upsertConnection(db: Db, values: ConnectionValues): Promise<OidcConnectionRow> {
  const [row] = await db.query<OidcConnectionRow[]>(
    `INSERT INTO oidc_connections
       (organisation_id, label, issuer, client_id, client_secret_name, allowed_tenant_ids, email_domains, created_by)
     VALUES ($1, $2, $3, $4, $5, $6::text[], $7::text[], $8)
     ON CONFLICT (organisation_id, issuer) DO UPDATE SET
       label = EXCLUDED.label, client_id = EXCLUDED.client_id, client_secret_name = EXCLUDED.client_secret_name,
       allowed_tenant_ids = EXCLUDED.allowed_tenant_ids, email_domains = EXCLUDED.email_domains, updated_at = now()
     RETURNING ${CONNECTION_COLUMNS}`,
    [
      values.organisationId,
      values.label,
      values.issuer,
      values.clientId,
      values.clientSecretName,
      values.allowedTenantIds,
      values.emailDomains,
      values.createdBy,
    ],
  );
  return row;
}

export async function deleteConnection(db: Db, id: string): Promise<OidcConnectionRow | undefined> {
  const [row] = await returningRows<OidcConnectionRow>(
    db,
    `DELETE FROM oidc_connections WHERE id = $1 RETURNING ${CONNECTION_COLUMNS}`,
    [id],
  );
  return row;
}

export async function insertAttempt(
  db: Db,
  attempt: {
    connectionId: string;
    stateHash: string;
    browserHash: string;
    nonce: string;
    codeVerifier: string;
    expiresAt: Date;
  },
): Promise<void> {
  await db.query(
    `INSERT INTO oidc_sign_in_attempts (connection_id, state_hash, browser_hash, nonce, code_verifier, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [
      attempt.connectionId,
      attempt.stateHash,
      attempt.browserHash,
      attempt.nonce,
      attempt.codeVerifier,
      attempt.expiresAt,
    ],
  );
}

/** An attempt, locked for the transaction that moves it on. */
export interface AttemptRow {
  id: string;
  connectionId: string;
  browserHash: string;
  nonce: string;
  codeVerifier: string;
  expiresAt: Date;
  calledBackAt: Date | null;
  outcome: OidcOutcome | null;
  accountId: string | null;
  issuer: string | null;
  subject: string | null;
  tenantId: string | null;
  codeExpiresAt: Date | null;
  completedAt: Date | null;
}

const ATTEMPT_COLUMNS = `id, connection_id AS "connectionId", browser_hash AS "browserHash", nonce,
  code_verifier AS "codeVerifier", expires_at AS "expiresAt", called_back_at AS "calledBackAt", outcome,
  account_id AS "accountId", issuer, subject, tenant_id AS "tenantId", code_expires_at AS "codeExpiresAt",
  completed_at AS "completedAt"`;

export async function lockAttemptByState(db: Db, stateHash: string): Promise<AttemptRow | undefined> {
  const [row] = await db.query<AttemptRow[]>(
    `SELECT ${ATTEMPT_COLUMNS} FROM oidc_sign_in_attempts WHERE state_hash = $1 FOR UPDATE`,
    [stateHash],
  );
  return row;
}

export async function attemptByCode(db: Db, codeHash: string, lock: boolean): Promise<AttemptRow | undefined> {
  const [row] = await db.query<AttemptRow[]>(
    `SELECT ${ATTEMPT_COLUMNS} FROM oidc_sign_in_attempts WHERE code_hash = $1${lock ? ' FOR UPDATE' : ''}`,
    [codeHash],
  );
  return row;
}

export async function lockAttemptByAccountLink(db: Db, accountLinkId: string): Promise<AttemptRow | undefined> {
  const [row] = await db.query<AttemptRow[]>(
    `SELECT ${ATTEMPT_COLUMNS} FROM oidc_sign_in_attempts WHERE account_link_id = $1 FOR UPDATE`,
    [accountLinkId],
  );
  return row;
}

export async function markCalledBack(db: Db, id: string): Promise<void> {
  await db.query(`UPDATE oidc_sign_in_attempts SET called_back_at = now() WHERE id = $1`, [id]);
}

export async function markRefused(db: Db, id: string, refusal: string): Promise<void> {
  await db.query(`UPDATE oidc_sign_in_attempts SET outcome = 'REFUSED', refusal = $2 WHERE id = $1`, [id, refusal]);
}

/** Records what the call back ended in: a code to exchange, maybe once an account is proven. */
export async function markOutcome(
  db: Db,
  id: string,
  outcome: {
    outcome: 'SIGNED_IN' | 'LINK_REQUIRED';
    accountId: string;
    codeHash: string;
    codeExpiresAt: Date;
    identity?: { issuer: string; subject: string; tenantId: string | null };
    accountLinkId?: string | null;
  },
): Promise<void> {
  await db.query(
    `UPDATE oidc_sign_in_attempts
        SET outcome = $2, account_id = $3, code_hash = $4, code_expires_at = $5,
            issuer = $6, subject = $7, tenant_id = $8, account_link_id = $9
      WHERE id = $1`,
    [
      id,
      outcome.outcome,
      outcome.accountId,
      outcome.codeHash,
      outcome.codeExpiresAt,
      outcome.identity?.issuer ?? null,
      outcome.identity?.subject ?? null,
      outcome.identity?.tenantId ?? null,
      outcome.accountLinkId ?? null,
    ],
  );
}

/** An emailed link proved the account: the waiting code may now be exchanged. */
export async function markLinked(db: Db, id: string): Promise<void> {
  await db.query(`UPDATE oidc_sign_in_attempts SET outcome = 'SIGNED_IN' WHERE id = $1`, [id]);
}

export async function markCompleted(db: Db, id: string): Promise<void> {
  await db.query(`UPDATE oidc_sign_in_attempts SET completed_at = now() WHERE id = $1`, [id]);
}

/** Deletes attempts older than `olderThanSeconds`, a batch at a time; how many it deleted. */
export async function purgeAttempts(db: Db, olderThanSeconds: number, batch: number): Promise<number> {
  const rows = await returningRows<{ id: string }>(
    db,
    `DELETE FROM oidc_sign_in_attempts WHERE id IN (
       SELECT id FROM oidc_sign_in_attempts WHERE created_at < now() - make_interval(secs => $1) LIMIT $2)
     RETURNING id`,
    [olderThanSeconds, batch],
  );
  return rows.length;
}

/** The account an identity belongs to. */
export async function accountOfIdentity(db: Db, issuer: string, subject: string): Promise<string | undefined> {
  const [row] = await db.query<{ accountId: string }[]>(
    `SELECT account_id AS "accountId" FROM account_identities WHERE issuer = $1 AND subject = $2`,
    [issuer, subject],
  );
  return row?.accountId;
}

/** Links an identity to an account; false when it already belongs to one. */
export async function insertIdentity(
  db: Db,
  identity: { accountId: string; issuer: string; subject: string; tenantId: string | null },
): Promise<boolean> {
  const rows = await db.query<unknown[]>(
    `INSERT INTO account_identities (account_id, issuer, subject, tenant_id, last_sign_in_at)
     VALUES ($1, $2, $3, $4, now()) ON CONFLICT (issuer, subject) DO NOTHING RETURNING id`,
    [identity.accountId, identity.issuer, identity.subject, identity.tenantId],
  );
  return rows.length === 1;
}

export async function touchIdentity(db: Db, issuer: string, subject: string): Promise<void> {
  await db.query(`UPDATE account_identities SET last_sign_in_at = now() WHERE issuer = $1 AND subject = $2`, [
    issuer,
    subject,
  ]);
}

/** The identities an account signs in with, for a copy of the person's data. */
export interface IdentityDataRow {
  issuer: string;
  subject: string;
  tenantId: string | null;
  linkedAt: Date;
  lastSignInAt: Date | null;
}

export function identityData(db: Db, accountId: string): Promise<IdentityDataRow[]> {
  return db.query<IdentityDataRow[]>(
    `SELECT issuer, subject, tenant_id AS "tenantId", created_at AS "linkedAt", last_sign_in_at AS "lastSignInAt"
       FROM account_identities WHERE account_id = $1 ORDER BY created_at, id`,
    [accountId],
  );
}

/**
 * Whether the account finished a council sign-in (its one-time code exchanged for tokens)
 * within the last `minutes`: for an account without a password, what stands in for one
 * before deleting it.
 */
export async function signedInWithin(db: Db, accountId: string, minutes: number): Promise<boolean> {
  const rows = await db.query<unknown[]>(
    `SELECT 1 FROM oidc_sign_in_attempts
      WHERE account_id = $1 AND completed_at > now() - make_interval(mins => $2) LIMIT 1`,
    [accountId, minutes],
  );
  return rows.length > 0;
}
