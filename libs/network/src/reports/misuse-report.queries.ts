import { accountsSql } from '@cohesion/auth';
import { keysetPage, SqlParams, type ConnectionShape, type Db, type KeysetSort, type Viewer } from '@cohesion/common';
import { DIRECTORY_POLICY, organisationsSql, practitionersSql } from '@cohesion/directory';
import { NETWORK_POLICY } from '../network.policy.js';
import type {
  MisuseOutcomeValue,
  MisuseReasonValue,
  MisuseReportEntity,
  MisuseReportStatusValue,
} from './misuse-report.entity.js';

/**
 * The name of the profile `id`, if the viewer may act on it as `NETWORK_POLICY.block` says:
 * someone they may see (discoverable, in the network, no block either way) or someone they
 * blocked themselves. Someone who blocked the viewer answers as a missing id would.
 */
export async function visiblePractitionerName(db: Db, viewer: Viewer, id: string): Promise<string | undefined> {
  if (!viewer.practitionerId) return undefined;
  const rows = await db.query<{ name: string }[]>(
    `SELECT p.full_name AS name FROM ${practitionersSql('p')}
      WHERE p.id = $1 AND ${NETWORK_POLICY.block.sql('p', '$2::uuid')}`,
    [id, viewer.practitionerId],
  );
  return rows[0]?.name;
}

/** The name of organisation `id`, if the viewer may see it in the directory. */
export async function visibleOrganisationName(db: Db, viewer: Viewer, id: string): Promise<string | undefined> {
  const rows = await db.query<{ name: string }[]>(
    `SELECT o.name FROM ${organisationsSql('o')} WHERE o.id = $1 AND ${DIRECTORY_POLICY.seeOrganisation.sql(viewer, 'o')}`,
    [id],
  );
  return rows[0]?.name;
}

/** One reporter at a time: concurrent reports cannot pass the daily limit together. */
export async function lockReporter(db: Db, reporterId: string): Promise<void> {
  await db.query(`SELECT pg_advisory_xact_lock(hashtextextended('misuse-reporter:' || $1, 0))`, [reporterId]);
}

/** How many reports the account made in the last `hours`. */
export async function reportsSince(db: Db, reporterId: string, hours: number): Promise<number> {
  const [row] = await db.query<{ count: number }[]>(
    `SELECT count(*)::int AS count FROM misuse_reports
      WHERE reporter_id = $1 AND created_at > now() - make_interval(hours => $2)`,
    [reporterId, hours],
  );
  return row.count;
}

export interface NewMisuseReport {
  reporterId: string;
  practitionerId: string | null;
  organisationId: string | null;
  reason: MisuseReasonValue;
  details: string | null;
}

/** Records a report; undefined when the reporter already has one open about the same subject. */
export async function insertReport(db: Db, report: NewMisuseReport): Promise<string | undefined> {
  const rows = await db.query<{ id: string }[]>(
    `INSERT INTO misuse_reports (reporter_id, practitioner_id, organisation_id, reason, details)
     VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT DO NOTHING RETURNING id`,
    [report.reporterId, report.practitionerId, report.organisationId, report.reason, report.details],
  );
  return rows[0]?.id;
}

/** A report as admins read it (alias `r`, `REPORT_COLUMNS`). */
export interface MisuseReportRow {
  id: string;
  practitionerId: string | null;
  organisationId: string | null;
  subjectName: string;
  reason: MisuseReasonValue;
  details: string | null;
  reporterId: string;
  reporterName: string;
  reporterEmail: string | null;
  status: MisuseReportStatusValue;
  outcome: MisuseOutcomeValue | null;
  createdAt: Date;
  resolvedAt: Date | null;
  /** created_at as text, with microseconds, for cursors. */
  createdAtKey: string;
}

const REPORT_COLUMNS = `r.id, r.practitioner_id AS "practitionerId", r.organisation_id AS "organisationId",
  COALESCE(sp.full_name, so.name) AS "subjectName", r.reason, r.details, r.reporter_id AS "reporterId",
  rp.full_name AS "reporterName", ra.email AS "reporterEmail", r.status, r.outcome,
  r.created_at AS "createdAt", r.resolved_at AS "resolvedAt", r.created_at::text AS "createdAtKey"`;

const REPORT_FROM = `misuse_reports r
  LEFT JOIN ${practitionersSql('sp')} ON sp.id = r.practitioner_id
  LEFT JOIN ${organisationsSql('so')} ON so.id = r.organisation_id
  JOIN ${practitionersSql('rp')} ON rp.id = r.reporter_id
  JOIN ${accountsSql('ra')} ON ra.id = r.reporter_id`;

const REPORT_SORT: KeysetSort<MisuseReportRow> = {
  expressions: ['r.created_at', 'r.id'],
  parts: ['timestamp', 'uuid'],
  valuesOf: (row) => [row.createdAtKey, row.id],
  descending: true,
};

/** A page of reports, newest first, optionally only those in one state. */
export function reportsPage<T>(
  db: Db,
  status: MisuseReportStatusValue | undefined,
  page: { first: number; after?: string },
  toNode: (row: MisuseReportRow) => T,
): Promise<ConnectionShape<T>> {
  const params = new SqlParams();
  const where = status ? `r.status = ${params.add(status)}` : 'TRUE';
  return keysetPage(db, { select: REPORT_COLUMNS, from: REPORT_FROM, where, params, sort: REPORT_SORT, page, toNode });
}

/** The reports of `ids` (admins only call this). */
export function reportsByIds(db: Db, ids: readonly string[]): Promise<MisuseReportRow[]> {
  return db.query<MisuseReportRow[]>(`SELECT ${REPORT_COLUMNS} FROM ${REPORT_FROM} WHERE r.id = ANY($1::uuid[])`, [
    ids,
  ]);
}

/** The report, locked for resolving; undefined when there is none. */
export async function lockReport(
  db: Db,
  id: string,
): Promise<Pick<MisuseReportEntity, 'id' | 'status' | 'outcome'> | undefined> {
  const rows = await db.query<Pick<MisuseReportEntity, 'id' | 'status' | 'outcome'>[]>(
    `SELECT id, status, outcome FROM misuse_reports WHERE id = $1 FOR UPDATE`,
    [id],
  );
  return rows[0];
}

/** Marks the report resolved with what was done. */
export async function resolveReport(db: Db, id: string, outcome: MisuseOutcomeValue, by: string): Promise<void> {
  await db.query(
    `UPDATE misuse_reports SET status = 'RESOLVED', outcome = $2, resolved_at = now(), resolved_by = $3 WHERE id = $1`,
    [id, outcome, by],
  );
}
