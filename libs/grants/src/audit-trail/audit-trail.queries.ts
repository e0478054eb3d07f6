import { accountsSql } from '@cohesion/auth';
import type { Db } from '@cohesion/common';
import { practitionersSql } from '@cohesion/directory';
import { GRANTS_POLICY } from '../grants.policy.js';

/** The council that owns each kind of audited grants record, by the record's id. */
const OWNER_SQL: Record<string, string> = {
  GrantFund: 'SELECT owner_organisation_id FROM grant_funds WHERE id = $1',
  GrantRound:
    'SELECT f.owner_organisation_id FROM grant_rounds r JOIN grant_funds f ON f.id = r.fund_id WHERE r.id = $1',
  GrantApplication:
    'SELECT f.owner_organisation_id FROM grant_applications a JOIN grant_funds f ON f.id = a.fund_id WHERE a.id = $1',
  GrantPayment:
    'SELECT f.owner_organisation_id FROM grant_payments p JOIN grant_funds f ON f.id = p.fund_id WHERE p.id = $1',
};

export const AUDITED_GRANT_TYPES = Object.keys(OWNER_SQL);

/** The council whose funds the record belongs to, if the record exists. */
export async function ownerOfRecord(db: Db, type: string, id: string): Promise<string | undefined> {
  const [row] = await db.query<{ owner_organisation_id: string }[]>(OWNER_SQL[type], [id]);
  return row?.owner_organisation_id;
}

/** One audit entry as shown: before and after left out where the viewer may not see them. */
export interface AuditTrailRow {
  at: Date;
  entity_type: string;
  action: string;
  /** JSON, as the driver hands it back (parsed, or text). */
  before: unknown;
  after: unknown;
  actor: string | null;
}

/**
 * The record's audit entries (with its payments' for an application), oldest first. The
 * scores in `score` entries are hidden from an officer who declared a conflict of interest.
 */
export function auditTrail(
  db: Db,
  id: string,
  withPayments: boolean,
  viewerAccountId: string | null,
): Promise<AuditTrailRow[]> {
  return db.query<AuditTrailRow[]>(
    `WITH shown AS (
       SELECT e.*, e.action <> 'score' OR ${GRANTS_POLICY.viewAssessments.sql('e.entity_id', '$3::uuid')} AS shown
         FROM audit_entries e
        WHERE e.entity_id = $1
           OR ($2 AND e.entity_type = 'GrantPayment'
               AND e.entity_id IN (SELECT id FROM grant_payments WHERE application_id = $1)))
     SELECT e.at, e.entity_type, e.action, CASE WHEN e.shown THEN e.before END AS before,
            CASE WHEN e.shown THEN e.after END AS after, COALESCE(p.full_name, ac.email) AS actor
       FROM shown e
       LEFT JOIN ${accountsSql('ac')} ON ac.id = e.actor_account_id
       LEFT JOIN ${practitionersSql('p')} ON p.id = e.actor_account_id
      ORDER BY e.id LIMIT 1000`,
    [id, withPayments, viewerAccountId],
  );
}
