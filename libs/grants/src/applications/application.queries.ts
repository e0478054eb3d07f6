import type { Db } from '@cohesion/common';
import { areaNamesSql, areasSql, organisationsSql } from '@cohesion/directory';
import type { ApplicationStatus } from './application.entity.js';

/** A `grant_applications` row with its fund's owner and the names of the areas it serves (`APPLICATION_SQL`). */
export interface ApplicationRow {
  id: string;
  round_id: string;
  fund_id: string;
  owner_organisation_id: string;
  applicant_organisation_id: string;
  status: ApplicationStatus;
  project_title: string;
  summary: string;
  amount_requested_pence: number;
  planned_start: string;
  planned_end: string;
  expected_participants: number | null;
  annual_income_pence: number | null;
  ineligible_reason: string | null;
  recorded_by_officer: boolean;
  submitted_at: Date | null;
  decided_at: Date | null;
  decision_reason: string | null;
  amount_awarded_pence: number | null;
  awarded_at: string | null;
  paid_pence: number;
  actual_spend_pence: number | null;
  closed_at: Date | null;
  closure_note: string | null;
  beneficiary_areas: string[];
  updated_at: Date;
}

/** Selects `ApplicationRow`s (alias `a`, its fund `f`); callers add WHERE and ORDER BY. */
export const APPLICATION_SQL = `
  SELECT a.*, f.owner_organisation_id,
         ${areaNamesSql('grant_application_areas', 'application_id', 'a.id')} AS beneficiary_areas
    FROM grant_applications a JOIN grant_funds f ON f.id = a.fund_id`;

/** An application with its fund's owner, locked (FOR UPDATE) when asked: after its fund, in the ledger's order. */
export async function applicationById(db: Db, id: string, lock = false): Promise<ApplicationRow | undefined> {
  const [row] = await db.query<ApplicationRow[]>(
    `${APPLICATION_SQL} WHERE a.id = $1${lock ? ' FOR UPDATE OF a' : ''}`,
    [id],
  );
  return row;
}

export function applicationsByIds(db: Db, ids: readonly string[]): Promise<ApplicationRow[]> {
  return db.query<ApplicationRow[]>(`${APPLICATION_SQL} WHERE a.id = ANY($1::uuid[])`, [ids]);
}

export function applicationsOfOrganisation(db: Db, organisationId: string): Promise<ApplicationRow[]> {
  return db.query<ApplicationRow[]>(
    `${APPLICATION_SQL} WHERE a.applicant_organisation_id = $1 ORDER BY a.created_at DESC LIMIT 200`,
    [organisationId],
  );
}

/** A round being applied to, with its fund's owner. */
export interface RoundToApplyToRow {
  id: string;
  fund_id: string;
  name: string;
  owner_organisation_id: string;
  opens_at: Date;
  closes_at: Date;
  imported: boolean;
}

export async function roundToApplyTo(db: Db, roundId: string): Promise<RoundToApplyToRow | undefined> {
  const [row] = await db.query<RoundToApplyToRow[]>(
    `SELECT r.id, r.fund_id, r.name, r.opens_at, r.closes_at, r.imported, f.owner_organisation_id
       FROM grant_rounds r JOIN grant_funds f ON f.id = r.fund_id
      WHERE r.id = $1`,
    [roundId],
  );
  return row;
}

export async function organisationExists(db: Db, organisationId: string): Promise<boolean> {
  const rows = await db.query<{ id: string }[]>(`SELECT o.id FROM ${organisationsSql('o')} WHERE o.id = $1`, [
    organisationId,
  ]);
  return rows.length > 0;
}

export interface NewApplication {
  roundId: string;
  fundId: string;
  applicantOrganisationId: string;
  projectTitle: string;
  summary: string;
  amountRequested: number;
  plannedStart: string;
  plannedEnd: string;
  expectedParticipants: number | null;
  annualIncome: number | null;
  recordedByOfficer: boolean;
  createdBy: string | null;
}

/** A new DRAFT; its id. */
export async function insertDraft(db: Db, draft: NewApplication): Promise<string> {
  const [created] = await db.query<{ id: string }[]>(
    `INSERT INTO grant_applications (round_id, fund_id, applicant_organisation_id, status, project_title, summary,
        amount_requested_pence, planned_start, planned_end, expected_participants, annual_income_pence,
        recorded_by_officer, created_by)
     VALUES ($1, $2, $3, 'DRAFT', $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
    [
      draft.roundId,
      draft.fundId,
      draft.applicantOrganisationId,
      draft.projectTitle,
      draft.summary,
      draft.amountRequested,
      draft.plannedStart,
      draft.plannedEnd,
      draft.expectedParticipants,
      draft.annualIncome,
      draft.recordedByOfficer,
      draft.createdBy,
    ],
  );
  return created.id;
}

/** What the round's rules are checked against when an application is submitted. */
export interface EligibilityRow {
  kind: string;
  eligible_kinds: string[];
  min_award_pence: number;
  max_award_pence: number;
  max_annual_income_pence: number | null;
  opens_at: Date;
  closes_at: Date;
  imported: boolean;
  name: string;
  /** The application's areas outside every area the round is open to (none when it is open everywhere). */
  areas_outside: string[];
}

export async function eligibilityFacts(db: Db, applicationId: string): Promise<EligibilityRow> {
  const [row] = await db.query<EligibilityRow[]>(
    `SELECT o.kind, r.eligible_kinds, r.min_award_pence, r.max_award_pence, r.max_annual_income_pence,
            r.opens_at, r.closes_at, r.imported, r.name,
            COALESCE((SELECT array_agg(ar.name ORDER BY ar.name)
                        FROM grant_application_areas x JOIN ${areasSql('ar')} ON ar.id = x.area_id
                       WHERE x.application_id = a.id
                         AND EXISTS (SELECT 1 FROM grant_round_areas ra WHERE ra.round_id = r.id)
                         AND NOT EXISTS (SELECT 1 FROM grant_round_areas ra
                                          WHERE ra.round_id = r.id AND ra.area_id = ANY(ar.path_ids))), '{}')
              AS areas_outside
       FROM grant_applications a JOIN grant_rounds r ON r.id = a.round_id
       JOIN ${organisationsSql('o')} ON o.id = a.applicant_organisation_id
      WHERE a.id = $1`,
    [applicationId],
  );
  return row;
}

/** The columns a move of the state machine may set beside the status. */
export interface ApplicationChange {
  submitted_at?: Date;
  ineligible_reason?: string;
  decided_at?: Date;
  decision_reason?: string | null;
  amount_awarded_pence?: number;
  awarded_at?: string;
  actual_spend_pence?: number;
  closed_at?: Date;
  closure_note?: string | null;
}

export async function updateApplication(
  db: Db,
  id: string,
  status: ApplicationStatus,
  change: ApplicationChange,
): Promise<void> {
  const sets = Object.keys(change).map((column, index) => `${column} = $${index + 3}`);
  await db.query(
    `UPDATE grant_applications SET status = $2, ${[...sets, 'updated_at = now()', 'version = version + 1'].join(', ')}
      WHERE id = $1`,
    [id, status, ...Object.values(change)],
  );
}

/** What the viewer declared on the application, if anything. */
export async function conflictDeclaration(
  db: Db,
  applicationId: string,
  accountId: string | null,
): Promise<{ has_conflict: boolean } | undefined> {
  const [row] = await db.query<{ has_conflict: boolean }[]>(
    'SELECT has_conflict FROM grant_conflict_declarations WHERE application_id = $1 AND assessor_account_id = $2',
    [applicationId, accountId],
  );
  return row;
}

export async function cancelScheduledPayments(db: Db, applicationId: string): Promise<void> {
  await db.query(`UPDATE grant_payments SET status = 'CANCELLED' WHERE application_id = $1 AND status = 'SCHEDULED'`, [
    applicationId,
  ]);
}

export async function insertMonitoringReport(
  db: Db,
  applicationId: string,
  report: { dueDate: string; title: string },
): Promise<void> {
  await db.query('INSERT INTO grant_monitoring_reports (application_id, due_date, title) VALUES ($1, $2, $3)', [
    applicationId,
    report.dueDate,
    report.title,
  ]);
}
