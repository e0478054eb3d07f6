import { toGlobalId } from '@cohesion/common';
import type { ApplicationFacts } from '../grants.policy.js';
import { GrantApplication } from './application.model.js';
import type { ApplicationRow } from './application.queries.js';

const numOrNull = (value: number | string | null | undefined): number | null =>
  value === null || value === undefined ? null : Number(value);

export function toApplication(row: ApplicationRow): GrantApplication {
  const awarded = numOrNull(row.amount_awarded_pence);
  const paid = Number(row.paid_pence);
  const actual = numOrNull(row.actual_spend_pence);
  const closed = row.closed_at !== null && awarded !== null && actual !== null;
  return Object.assign(new GrantApplication(), {
    id: toGlobalId('GrantApplication', row.id),
    applicationId: row.id,
    roundId: row.round_id,
    fundId: row.fund_id,
    ownerOrganisationId: row.owner_organisation_id,
    applicantOrganisationId: row.applicant_organisation_id,
    status: row.status,
    projectTitle: row.project_title,
    summary: row.summary,
    amountRequested: Number(row.amount_requested_pence),
    plannedStart: row.planned_start,
    plannedEnd: row.planned_end,
    expectedParticipants: row.expected_participants,
    annualIncome: numOrNull(row.annual_income_pence),
    ineligibleReason: row.ineligible_reason,
    recordedByOfficer: row.recorded_by_officer,
    submittedAt: row.submitted_at,
    decidedAt: row.decided_at,
    decisionReason: row.decision_reason,
    amountAwarded: awarded,
    awardedAt: row.awarded_at,
    paid,
    actualSpend: actual,
    underspendReturned: closed ? awarded - paid : null,
    repaymentDue: closed ? paid - actual : null,
    closedAt: row.closed_at,
    closureNote: row.closure_note,
    beneficiaryAreas: row.beneficiary_areas,
    updatedAt: row.updated_at,
  });
}

/** What the grants policies need to know about an application. */
export function applicationFacts(
  row: Pick<ApplicationRow, 'owner_organisation_id' | 'applicant_organisation_id'>,
): ApplicationFacts {
  return { councilId: row.owner_organisation_id, applicantId: row.applicant_organisation_id };
}

/** The application's snapshot for audit rows: the fields a change can touch. */
export function applicationSnapshot(row: ApplicationRow): object {
  return {
    status: row.status,
    amountRequestedPence: numOrNull(row.amount_requested_pence),
    amountAwardedPence: numOrNull(row.amount_awarded_pence),
    paidPence: numOrNull(row.paid_pence),
    actualSpendPence: numOrNull(row.actual_spend_pence),
    decisionReason: row.decision_reason ?? null,
    ineligibleReason: row.ineligible_reason ?? null,
  };
}
