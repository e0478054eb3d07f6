import { toGlobalId } from '@cohesion/common';
import { OrganisationKind } from '@cohesion/directory';
import type { ApplicationStatus } from '../applications/application.entity.js';
import { APPLICATION_STATUS_LABELS } from '../applications/application-status.model.js';
import { ONS4_ITEMS, type Ons4Item } from '../monitoring/monitoring-report.entity.js';
import type { GrantsReport, GrantsReportRow, GrantsReportTotals, Ons4Change } from './grants-report.model.js';
import { ONS4_COLUMNS, type MonitoringRow, type Section, type SectionRow } from './grants-report.queries.js';

export const ORGANISATION_KIND_LABELS: Record<OrganisationKind, string> = {
  LOCAL_AUTHORITY: 'Local authority',
  POLICE: 'Police',
  FIRE: 'Fire and rescue',
  NHS: 'NHS',
  SCHOOL: 'School',
  UNIVERSITY: 'University',
  VCS: 'Voluntary or community group',
  FAITH_GROUP: 'Faith group',
  BUSINESS: 'Business',
  NETWORK: 'Network or partnership',
};

export const ONS4_QUESTIONS: Record<Ons4Item, string> = {
  lifeSatisfaction: 'Overall, how satisfied are you with your life nowadays?',
  worthwhile: 'Overall, to what extent do you feel that the things you do in your life are worthwhile?',
  happiness: 'Overall, how happy did you feel yesterday?',
  anxiety: 'Overall, how anxious did you feel yesterday?',
};

/** The report's rows, by section, as the GraphQL report. */
export function toGrantsReport(rows: SectionRow[] | null, monitoring: MonitoringRow): GrantsReport {
  const of = (section: Section) => (rows ?? []).filter((row) => row.section === section);
  const row = (source: SectionRow, key: string | null, label: string): GrantsReportRow => ({
    key,
    label,
    ...measures(source),
  });
  const totals = measures(of('totals')[0]);
  const unregistered = measures(of('unregistered')[0]);
  return {
    totals,
    byFund: of('fund').map((r) => row(r, toGlobalId('GrantFund', r.key as string), r.label as string)),
    byFinancialYear: of('financialYear').map((r) => row(r, r.key, r.key as string)),
    byArea: of('area').map((r) =>
      r.key === null ? row(r, null, 'No local area') : row(r, toGlobalId('Area', r.key), r.label as string),
    ),
    byTheme: of('theme').map((r) =>
      r.key === null ? row(r, null, 'No theme') : row(r, toGlobalId('TaxonomyTerm', r.key), r.label as string),
    ),
    byOrganisationKind: of('organisationKind').map((r) =>
      row(r, r.key, ORGANISATION_KIND_LABELS[r.key as OrganisationKind] ?? (r.key as string)),
    ),
    byStatus: of('status').map((r) => row(r, r.key, APPLICATION_STATUS_LABELS[r.key as ApplicationStatus])),
    unregisteredShare: {
      awarded: unregistered.awarded,
      totalAwarded: totals.awarded,
      share: totals.awarded > 0 ? Math.round((unregistered.awarded / totals.awarded) * 10_000) / 10_000 : 0,
      awards: unregistered.awards,
    },
    participantsReached: Number(monitoring.participants),
    ons4: ONS4_ITEMS.map((item): Ons4Change => {
      const column = ONS4_COLUMNS[item];
      const reports = Number(monitoring[`${column}_reports`] ?? 0);
      const change = reports > 0 ? Number(monitoring[`${column}_change`]) : null;
      const lowerIsBetter = item === 'anxiety';
      return {
        item,
        question: ONS4_QUESTIONS[item],
        lowerIsBetter,
        reports,
        meanBefore: reports > 0 ? Number(monitoring[`${column}_before`]) : null,
        meanAfter: reports > 0 ? Number(monitoring[`${column}_after`]) : null,
        change,
        improved: change === null ? null : lowerIsBetter ? change < 0 : change > 0,
      };
    }),
  };
}

function measures(source: GrantsReportTotals | undefined): GrantsReportTotals {
  return {
    applications: Number(source?.applications ?? 0),
    awards: Number(source?.awards ?? 0),
    requested: Number(source?.requested ?? 0),
    awarded: Number(source?.awarded ?? 0),
    paid: Number(source?.paid ?? 0),
  };
}
