import { returningRows, type Db } from '@cohesion/common';
import { APPLICATION_SQL, type ApplicationRow } from '../applications/application.queries.js';
import type { SubmitMonitoringReportInput } from './dto/monitoring.inputs.js';

/** A `grant_monitoring_reports` row as `SELECT *` returns it (numeric columns as strings). */
export interface MonitoringReportRow {
  id: string;
  application_id: string;
  title: string;
  due_date: string;
  submitted_at: Date | string | null;
  participants: number | null;
  sessions: number | null;
  volunteers: number | null;
  volunteer_hours: string | number | null;
  narrative: string | null;
  wellbeing_respondents: number | null;
  life_satisfaction_before: string | number | null;
  life_satisfaction_after: string | number | null;
  worthwhile_before: string | number | null;
  worthwhile_after: string | number | null;
  happiness_before: string | number | null;
  happiness_after: string | number | null;
  anxiety_before: string | number | null;
  anxiety_after: string | number | null;
}

/** The next report still due on an award (or the one named), locked. */
export async function reportDue(
  db: Db,
  applicationId: string,
  reportId: string | null,
): Promise<MonitoringReportRow | undefined> {
  const [row] = await db.query<MonitoringReportRow[]>(
    `SELECT * FROM grant_monitoring_reports
      WHERE application_id = $1 AND submitted_at IS NULL AND ($2::uuid IS NULL OR id = $2)
      ORDER BY due_date LIMIT 1 FOR UPDATE`,
    [applicationId, reportId],
  );
  return row;
}

/** Records a report's return, as submitted; the report as it now is. */
export async function submitReport(
  db: Db,
  id: string,
  submittedBy: string | null,
  input: SubmitMonitoringReportInput,
): Promise<MonitoringReportRow> {
  const wellbeing = input.wellbeing;
  const [row] = await returningRows<MonitoringReportRow>(
    db,
    `UPDATE grant_monitoring_reports SET submitted_at = now(), submitted_by = $2, participants = $3, sessions = $4,
            volunteers = $5, volunteer_hours = $6, narrative = $7, wellbeing_respondents = $8,
            life_satisfaction_before = $9, life_satisfaction_after = $10, worthwhile_before = $11,
            worthwhile_after = $12, happiness_before = $13, happiness_after = $14, anxiety_before = $15,
            anxiety_after = $16
      WHERE id = $1 RETURNING *`,
    [
      id,
      submittedBy,
      input.participants,
      input.sessions,
      input.volunteers,
      input.volunteerHours,
      input.narrative,
      wellbeing?.respondents ?? null,
      wellbeing?.before.lifeSatisfaction ?? null,
      wellbeing?.after.lifeSatisfaction ?? null,
      wellbeing?.before.worthwhile ?? null,
      wellbeing?.after.worthwhile ?? null,
      wellbeing?.before.happiness ?? null,
      wellbeing?.after.happiness ?? null,
      wellbeing?.before.anxiety ?? null,
      wellbeing?.after.anxiety ?? null,
    ],
  );
  return row;
}

export async function reportById(db: Db, id: string): Promise<MonitoringReportRow | undefined> {
  const [row] = await db.query<MonitoringReportRow[]>('SELECT * FROM grant_monitoring_reports WHERE id = $1', [id]);
  return row;
}

export function reportsOfAwards(db: Db, applicationIds: readonly string[]): Promise<MonitoringReportRow[]> {
  return db.query<MonitoringReportRow[]>(
    'SELECT * FROM grant_monitoring_reports WHERE application_id = ANY($1::uuid[]) ORDER BY due_date',
    [applicationIds],
  );
}

/** An overdue report (as JSON, so its dates are strings) with its award and how many days late it is. */
export interface OverdueReportRow extends ApplicationRow {
  report: MonitoringReportRow;
  days_overdue: number;
}

/** Reports past due and not in, on live awards of the councils given (null: all), optionally one fund's. */
export function overdueReports(
  db: Db,
  today: string,
  councils: string[] | null,
  fundId: string | null,
): Promise<OverdueReportRow[]> {
  return db.query<OverdueReportRow[]>(
    `SELECT to_jsonb(m) AS report, x.*, ($1::date - m.due_date) AS days_overdue
       FROM grant_monitoring_reports m
       JOIN (${APPLICATION_SQL}) x ON x.id = m.application_id
      WHERE m.submitted_at IS NULL AND m.due_date < $1::date AND x.status IN ('AWARDED', 'ACTIVE')
        AND ($2::uuid[] IS NULL OR x.owner_organisation_id = ANY($2::uuid[]))
        AND ($3::uuid IS NULL OR x.fund_id = $3)
      ORDER BY m.due_date, m.id LIMIT 500`,
    [today, councils, fundId],
  );
}
