import { returningRows, type Db } from '@cohesion/common';
import type { OrganisationEmailDomainEntity } from './membership.entity.js';

export type EmailDomainRow = OrganisationEmailDomainEntity;

const DOMAIN_COLUMNS = `d.id, d.organisation_id AS "organisationId", d.domain, d.verified_at AS "verifiedAt",
  d.verified_by AS "verifiedBy", d.added_by AS "addedBy", d.created_at AS "createdAt"`;

/** The email domains of each organisation, by name; unverified ones only when `withUnverified`. */
export function domainsOfOrganisations(
  db: Db,
  organisationIds: readonly string[],
  withUnverified: boolean,
): Promise<EmailDomainRow[]> {
  return db.query<EmailDomainRow[]>(
    `SELECT ${DOMAIN_COLUMNS} FROM organisation_email_domains d
      WHERE d.organisation_id = ANY($1::uuid[]) ${withUnverified ? '' : 'AND d.verified_at IS NOT NULL'}
      ORDER BY d.domain, d.id`,
    [organisationIds],
  );
}

/** A domain and the name of the organisation that declared it. */
export interface PendingEmailDomainRow extends EmailDomainRow {
  organisationName: string;
}

/** Domains declared and not yet verified, oldest first, with their organisation's name (for platform admins). */
export function unverifiedEmailDomains(db: Db, limit: number): Promise<PendingEmailDomainRow[]> {
  return db.query<PendingEmailDomainRow[]>(
    `SELECT ${DOMAIN_COLUMNS}, o.name AS "organisationName"
       FROM organisation_email_domains d JOIN organisations o ON o.id = d.organisation_id
      WHERE d.verified_at IS NULL
      ORDER BY d.created_at, d.id
      LIMIT $1`,
    [limit],
  );
}

/** Inserts a declared domain; undefined when the organisation already has it. */
export async function insertEmailDomain(
  db: Db,
  organisationId: string,
  domain: string,
  addedBy: string | null,
): Promise<EmailDomainRow | undefined> {
  const [row] = await returningRows<EmailDomainRow>(
    db,
    `INSERT INTO organisation_email_domains AS d (organisation_id, domain, added_by) VALUES ($1, $2, $3)
     ON CONFLICT (organisation_id, domain) DO NOTHING
     RETURNING ${DOMAIN_COLUMNS}`,
    [organisationId, domain, addedBy],
  );
  return row;
}

/** One domain; locked for the caller's transaction when `lock`. */
export async function emailDomainById(db: Db, id: string, lock = false): Promise<EmailDomainRow | undefined> {
  const rows = await db.query<EmailDomainRow[]>(
    `SELECT ${DOMAIN_COLUMNS} FROM organisation_email_domains d WHERE d.id = $1 ${lock ? 'FOR UPDATE' : ''}`,
    [id],
  );
  return rows[0];
}

export function lockEmailDomain(db: Db, id: string): Promise<EmailDomainRow | undefined> {
  return emailDomainById(db, id, true);
}

export async function setEmailDomainVerified(db: Db, id: string, verifiedBy: string | null): Promise<EmailDomainRow> {
  const [row] = await returningRows<EmailDomainRow>(
    db,
    `UPDATE organisation_email_domains AS d
        SET verified_at = CASE WHEN $2::boolean THEN now() ELSE NULL END,
            verified_by = CASE WHEN $2::boolean THEN $3::uuid ELSE NULL END
      WHERE d.id = $1 RETURNING ${DOMAIN_COLUMNS}`,
    [id, verifiedBy !== null, verifiedBy],
  );
  return row;
}

export function deleteEmailDomain(db: Db, id: string): Promise<unknown> {
  return db.query(`DELETE FROM organisation_email_domains WHERE id = $1`, [id]);
}

/** The organisation's verified domains. */
export async function verifiedDomainsOf(db: Db, organisationId: string): Promise<string[]> {
  const rows = await domainsOfOrganisations(db, [organisationId], false);
  return rows.map((row) => row.domain);
}
