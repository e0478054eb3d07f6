import type { EntityManager } from 'typeorm';
import type { FieldProblem, Viewer } from '@cohesion/common';
import type { OrukRecordType } from '../oruk-document.js';
import type { ImportIssue, ImportOutcome } from '../oruk-import.report.js';

/** What happened to an organisation, taxonomy or term while a record was written; counted once the transaction commits. */
export interface ImportNote {
  type: Exclude<OrukRecordType, 'service'>;
  /** The source id it is counted by. */
  id: string;
  outcome: ImportOutcome;
  issue?: ImportIssue;
  warnings?: ImportIssue;
}

/** An imported term whose parent (named by the publisher's id) is not known yet; the run warns if it never comes. */
export interface UnplacedTerm {
  /** The term's parent_id field in the record, for the warning. */
  field: string;
  termId: string;
}

/** One record's transaction: who imports, from where, and what it noted on the way. */
export interface WriteContext {
  manager: EntityManager;
  actor: Viewer | null;
  /** The feed's address or the file's name, as records are marked. */
  source: string;
  /** Where the record being written is, for the report. */
  at: string;
  notes: ImportNote[];
  /** Warnings about the record being written. */
  warnings: FieldProblem[];
  /** Terms written at the top of their taxonomy for now, waiting for their parent. */
  unplaced: UnplacedTerm[];
}

/** JSON with object keys sorted, so equal values give equal text. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${stableJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}
