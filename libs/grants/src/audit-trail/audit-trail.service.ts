import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { enforce, notFound, type Viewer } from '@cohesion/common';
import { AuditTrailEntry } from './audit-trail.model.js';
import { GRANTS_POLICY } from '../grants.policy.js';

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

/** The audit trail of a fund, round, application (with its payments) or payment, for the council's officers. */
@Injectable()
export class AuditTrailService {
  constructor(private readonly dataSource: DataSource) {}

  async trail(viewer: Viewer, type: string, id: string): Promise<AuditTrailEntry[]> {
    const [owner] = await this.dataSource.query<{ owner_organisation_id: string }[]>(OWNER_SQL[type], [id]);
    if (!owner) throw notFound('That record');
    enforce(GRANTS_POLICY.viewAuditTrail, viewer, { councilId: owner.owner_organisation_id });
    const rows = await this.dataSource.query<Record<string, unknown>[]>(
      `WITH shown AS (
         SELECT e.*, e.action <> 'score' OR ${GRANTS_POLICY.viewAssessments.sql('e.entity_id', '$3::uuid')} AS shown
           FROM audit_entries e
          WHERE e.entity_id = $1
             OR ($2 AND e.entity_type = 'GrantPayment'
                 AND e.entity_id IN (SELECT id FROM grant_payments WHERE application_id = $1)))
       SELECT e.at, e.entity_type, e.action, CASE WHEN e.shown THEN e.before END AS before,
              CASE WHEN e.shown THEN e.after END AS after, COALESCE(p.full_name, ac.email) AS actor
         FROM shown e
         LEFT JOIN accounts ac ON ac.id = e.actor_account_id
         LEFT JOIN practitioners p ON p.id = e.actor_account_id
        ORDER BY e.id LIMIT 1000`,
      [id, type === 'GrantApplication', viewer.accountId],
    );
    return rows.map((row) =>
      Object.assign(new AuditTrailEntry(), {
        at: row.at,
        entityType: row.entity_type,
        action: row.action,
        actor: row.actor ?? null,
        before: asJsonText(row.before),
        after: asJsonText(row.after),
      }),
    );
  }
}

function asJsonText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return typeof value === 'string' ? value : JSON.stringify(value);
}
