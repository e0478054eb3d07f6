import type { Db } from '../sql.js';
import type { PersonalDataSection } from '../personal-data.js';

/** An audit entry as a person's copy of their data shows it (`auditEntriesOf`). */
export interface AuditDataRow {
  at: Date;
  /** True when the person made the change; changes by others about them say only that. */
  byYou: boolean;
  entityType: string;
  entityId: string;
  action: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/**
 * The audit entries about one person: the changes they made, and those made to their own
 * account or profile (the record itself, or a role granted to or taken from them). Oldest first.
 */
export function auditEntriesOf(db: Db, accountId: string): Promise<AuditDataRow[]> {
  return db.query<AuditDataRow[]>(
    `SELECT at, actor_account_id IS NOT DISTINCT FROM $1 AS "byYou", entity_type AS "entityType",
            entity_id AS "entityId", action, before, after
       FROM audit_entries
      WHERE actor_account_id = $1
         OR entity_id = $1
         OR (entity_type = 'RoleGrant' AND COALESCE(after, before) ->> 'accountId' = $1::text)
      ORDER BY id`,
    [accountId],
  );
}

export const AUDIT_PERSONAL_DATA: PersonalDataSection[] = [{ name: 'auditEntries', read: auditEntriesOf }];
