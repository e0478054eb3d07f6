import { toGlobalId } from '@cohesion/common';
import { FORMER_MEMBER_NAME } from '@cohesion/directory';
import {
  MisuseOutcome,
  MisuseReason,
  MisuseReport,
  MisuseReportStatus,
  type MisuseReporter,
} from './misuse-report.model.js';
import type { MisuseReportRow } from './misuse-report.queries.js';

export const MISUSE_REPORT_TYPE = 'MisuseReport';

export function toMisuseReport(row: MisuseReportRow): MisuseReport {
  const reporter: MisuseReporter = {
    id: toGlobalId('Practitioner', row.reporterId),
    name: row.reporterName ?? FORMER_MEMBER_NAME,
    email: row.reporterEmail,
  };
  return Object.assign(new MisuseReport(), {
    id: toGlobalId(MISUSE_REPORT_TYPE, row.id),
    practitionerId: row.practitionerId ? toGlobalId('Practitioner', row.practitionerId) : null,
    organisationId: row.organisationId ? toGlobalId('Organisation', row.organisationId) : null,
    subjectName: row.subjectName,
    reason: row.reason as MisuseReason,
    details: row.details,
    reporter,
    status: row.status as MisuseReportStatus,
    outcome: row.outcome as MisuseOutcome | null,
    createdAt: row.createdAt,
    resolvedAt: row.resolvedAt,
  });
}
