import { toGlobalId } from '@cohesion/common';
import { MonitoringReport, Ons4Scores } from './monitoring-report.model.js';
import type { MonitoringReportRow } from './monitoring-report.queries.js';

const numOrNull = (value: string | number | null | undefined): number | null =>
  value === null || value === undefined ? null : Number(value);

function ons4(row: MonitoringReportRow, when: 'before' | 'after'): Ons4Scores | null {
  const values = {
    lifeSatisfaction: numOrNull(row[`life_satisfaction_${when}`]),
    worthwhile: numOrNull(row[`worthwhile_${when}`]),
    happiness: numOrNull(row[`happiness_${when}`]),
    anxiety: numOrNull(row[`anxiety_${when}`]),
  };
  return Object.values(values).every((value) => value === null) ? null : Object.assign(new Ons4Scores(), values);
}

export function toMonitoringReport(
  row: MonitoringReportRow,
  today: string = new Date().toISOString().slice(0, 10),
): MonitoringReport {
  return Object.assign(new MonitoringReport(), {
    id: toGlobalId('MonitoringReport', row.id),
    reportId: row.id,
    applicationId: row.application_id,
    title: row.title,
    dueDate: row.due_date,
    submittedAt: row.submitted_at,
    overdue: row.submitted_at === null && row.due_date < today,
    participants: row.participants,
    sessions: row.sessions,
    volunteers: row.volunteers,
    volunteerHours: numOrNull(row.volunteer_hours),
    narrative: row.narrative,
    wellbeingRespondents: row.wellbeing_respondents,
    wellbeingBefore: ons4(row, 'before'),
    wellbeingAfter: ons4(row, 'after'),
  });
}
