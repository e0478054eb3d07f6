import { csvLine, decimalPounds, type CsvCell } from '@cohesion/common';
import type { GrantsReport, GrantsReportRow, GrantsReportTotals } from './grants-report.model.js';

export const REPORT_CSV_COLUMNS = [
  'section',
  'key',
  'label',
  'applications',
  'awards',
  'requested_pounds',
  'requested_pence',
  'awarded_pounds',
  'awarded_pence',
  'paid_pounds',
  'paid_pence',
  'share',
  'participants',
  'reports',
  'mean_before',
  'mean_after',
  'change',
  'improved',
] as const;

type Column = (typeof REPORT_CSV_COLUMNS)[number];
type Line = Partial<Record<Column, CsvCell>>;

/** The report is opened in spreadsheets: text that would run as a formula is defused. */
const FOR_SPREADSHEETS = { guardFormulas: true };

function money(figures: Pick<GrantsReportTotals, 'requested' | 'awarded' | 'paid'>): Line {
  return {
    requested_pounds: decimalPounds(figures.requested),
    requested_pence: figures.requested,
    awarded_pounds: decimalPounds(figures.awarded),
    awarded_pence: figures.awarded,
    paid_pounds: decimalPounds(figures.paid),
    paid_pence: figures.paid,
  };
}

function figures(section: string, row: GrantsReportRow): Line {
  return {
    section,
    key: row.key ?? '',
    label: row.label,
    applications: row.applications,
    awards: row.awards,
    ...money(row),
  };
}

const decimals = (value: number | null, places: number) => (value === null ? null : value.toFixed(places));

/**
 * The report as one sheet: a `section` column says what each row is (totals, fund,
 * financial_year, area, theme, organisation_kind, status, unregistered_share, ons4);
 * amounts in pounds and in pence. Lines end CRLF, as RFC 4180 has it.
 */
export function grantsReportCsv(report: GrantsReport): string {
  const lines: Line[] = [
    {
      section: 'totals',
      key: '',
      label: 'All applications in the report',
      applications: report.totals.applications,
      awards: report.totals.awards,
      ...money(report.totals),
      participants: report.participantsReached,
    },
    ...report.byFund.map((row) => figures('fund', row)),
    ...report.byFinancialYear.map((row) => figures('financial_year', row)),
    ...report.byArea.map((row) => figures('area', row)),
    ...report.byTheme.map((row) => figures('theme', row)),
    ...report.byOrganisationKind.map((row) => figures('organisation_kind', row)),
    ...report.byStatus.map((row) => figures('status', row)),
    {
      section: 'unregistered_share',
      key: 'unregistered',
      label: 'Awarded to unregistered groups (share of all awarded)',
      awards: report.unregisteredShare.awards,
      awarded_pounds: decimalPounds(report.unregisteredShare.awarded),
      awarded_pence: report.unregisteredShare.awarded,
      share: decimals(report.unregisteredShare.share, 4),
    },
    ...report.ons4.map((item): Line => ({
      section: 'ons4',
      key: item.item,
      label: item.lowerIsBetter ? `${item.question} (lower is better)` : item.question,
      reports: item.reports,
      mean_before: decimals(item.meanBefore, 2),
      mean_after: decimals(item.meanAfter, 2),
      change: decimals(item.change, 2),
      improved: item.improved,
    })),
  ];
  return [
    csvLine(REPORT_CSV_COLUMNS, FOR_SPREADSHEETS),
    ...lines.map((line) =>
      csvLine(
        REPORT_CSV_COLUMNS.map((column) => line[column]),
        FOR_SPREADSHEETS,
      ),
    ),
  ].join('');
}
