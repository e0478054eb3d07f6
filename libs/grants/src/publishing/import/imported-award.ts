import type { ApplicationStatus } from '../../applications/application.entity.js';
import type { AwardFromGrant } from './import-grant-reader.js';

/** The reference of the PAID payment that carries a grant's amountDisbursed. */
export const IMPORTED_PAYMENT_REFERENCE = '360Giving import';

/** An award as stored, in the terms the import compares and audits. */
export interface AwardState {
  id: string;
  roundId: string;
  status: ApplicationStatus;
  applicantOrganisationId: string;
  projectTitle: string;
  summary: string;
  amountRequestedPence: number;
  amountAwardedPence: number;
  awardedAt: string;
  plannedStart: string;
  plannedEnd: string;
  plannedDatesGiven: boolean;
  paidPence: number;
  actualSpendPence: number | null;
  closedAt: Date | null;
  closureNote: string | null;
  externalId: string;
  /** The part of paidPence carried by the import's own payment row. */
  importedPaidPence: number;
  fromOpenCall: boolean | null;
  areaIds: string[];
  themeIds: string[];
}

export type NextState = Omit<AwardState, 'id' | 'roundId' | 'externalId'>;

export const STATE_COLUMNS = `
  a.id, a.round_id AS "roundId", a.status, a.applicant_organisation_id AS "applicantOrganisationId",
  a.project_title AS "projectTitle", a.summary, a.amount_requested_pence AS "amountRequestedPence",
  a.amount_awarded_pence AS "amountAwardedPence", a.awarded_at AS "awardedAt", a.planned_start AS "plannedStart",
  a.planned_end AS "plannedEnd", a.planned_dates_given AS "plannedDatesGiven", a.paid_pence AS "paidPence", a.actual_spend_pence AS "actualSpendPence",
  a.closed_at AS "closedAt", a.closure_note AS "closureNote", a.external_id AS "externalId",
  COALESCE((SELECT sum(p.amount_pence) FROM grant_payments p
             WHERE p.application_id = a.id AND p.status = 'PAID' AND p.reference = '${IMPORTED_PAYMENT_REFERENCE}'), 0)::bigint
    AS "importedPaidPence",
  a.from_open_call AS "fromOpenCall",
  ARRAY(SELECT x.area_id FROM grant_application_areas x WHERE x.application_id = a.id ORDER BY x.area_id) AS "areaIds",
  ARRAY(SELECT x.term_id FROM grant_application_themes x WHERE x.application_id = a.id ORDER BY x.term_id) AS "themeIds"`;

/** Fields whose difference makes a re-imported grant an update. */
export const COMPARED: (keyof NextState)[] = [
  'status',
  'applicantOrganisationId',
  'projectTitle',
  'summary',
  'amountRequestedPence',
  'amountAwardedPence',
  'awardedAt',
  'plannedStart',
  'plannedEnd',
  'plannedDatesGiven',
  'paidPence',
  'importedPaidPence',
  'actualSpendPence',
  'fromOpenCall',
];

/** Statuses an award reaches here after import; a re-import leaves them (and their closure) alone. */
const MOVED_ON: readonly ApplicationStatus[] = ['ACTIVE', 'CLOSED_EARLY'];

/** What an award holds of the fund: its amount, or for a closed one what was actually spent. */
export function committedBy(state: Pick<NextState, 'status' | 'amountAwardedPence' | 'actualSpendPence'>): number {
  return (state.status === 'COMPLETED' || state.status === 'CLOSED_EARLY') && state.actualSpendPence !== null
    ? state.actualSpendPence
    : state.amountAwardedPence;
}

export function midnight(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

export function nextDay(day: string): Date {
  return new Date(midnight(day).getTime() + 86_400_000);
}

/**
 * What an award becomes from its grant: an award that moved on here (active, closed
 * early) keeps its status and closure; payments made here since the import stay
 * (`paidElsewhere`) beside the amount the grant says was disbursed.
 */
export function nextAwardState(
  existing: AwardState | undefined,
  award: AwardFromGrant,
  links: Links,
): { next: Omit<NextState, 'applicantOrganisationId'>; paidElsewhere: number } {
  const keep = existing && MOVED_ON.includes(existing.status);
  const status: ApplicationStatus = keep ? existing.status : award.completed ? 'COMPLETED' : 'AWARDED';
  const paidElsewhere = existing ? existing.paidPence - existing.importedPaidPence : 0;
  const next: Omit<NextState, 'applicantOrganisationId'> = {
    status,
    projectTitle: award.title,
    summary: award.summary,
    amountRequestedPence: award.amountRequestedPence,
    amountAwardedPence: award.amountAwardedPence,
    awardedAt: award.awardedAt,
    plannedStart: award.plannedStart,
    plannedEnd: award.plannedEnd,
    plannedDatesGiven: award.plannedDatesGiven,
    paidPence: paidElsewhere + award.paidPence,
    importedPaidPence: award.paidPence,
    actualSpendPence: keep ? existing.actualSpendPence : status === 'COMPLETED' ? award.amountAwardedPence : null,
    closedAt: keep ? existing.closedAt : status === 'COMPLETED' ? midnight(award.activityEnd) : null,
    closureNote: keep ? existing.closureNote : status === 'COMPLETED' ? 'Completed before it was imported' : null,
    fromOpenCall: award.fromOpenCall,
    ...links,
  };
  return { next, paidElsewhere };
}

export function sameAward(existing: AwardState, state: NextState): boolean {
  return (
    COMPARED.every((key) => existing[key] === state[key]) &&
    existing.areaIds.join() === state.areaIds.join() &&
    existing.themeIds.join() === state.themeIds.join()
  );
}

/** The areas and themes an award is linked to, ids sorted. */
export interface Links {
  areaIds: string[];
  themeIds: string[];
}
