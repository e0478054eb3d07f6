import { AuditTrailEntry } from './audit-trail.model.js';
import type { AuditTrailRow } from './audit-trail.queries.js';

export function toAuditTrailEntry(row: AuditTrailRow): AuditTrailEntry {
  return Object.assign(new AuditTrailEntry(), {
    at: row.at,
    entityType: row.entity_type,
    action: row.action,
    actor: row.actor ?? null,
    before: asJsonText(row.before),
    after: asJsonText(row.after),
  });
}

function asJsonText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return typeof value === 'string' ? value : JSON.stringify(value);
}
