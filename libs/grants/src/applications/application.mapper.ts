import { toGlobalId } from '@cohesion/common';
import { GrantApplication } from './application.model.js';

type Row = Record<string, unknown>;

const num = (value: unknown): number => Number(value);
const numOrNull = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));

export function toApplication(row: Row): GrantApplication {
  const awarded = numOrNull(row.amount_awarded_pence);
  const paid = num(row.paid_pence);
  const actual = numOrNull(row.actual_spend_pence);
  const closed = row.closed_at !== null && awarded !== null && actual !== null;
  return Object.assign(new GrantApplication(), {
    id: toGlobalId('GrantApplication', row.id as string),
    applicationId: row.id,
    roundId: row.round_id,
    fundId: row.fund_id,
    ownerOrganisationId: row.owner_organisation_id,
    applicantOrganisationId: row.applicant_organisation_id,
    status: row.status,
    projectTitle: row.project_title,
    summary: row.summary,
    amountRequested: num(row.amount_requested_pence),
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
    beneficiaryAreas: row.beneficiary_areas as string[],
    updatedAt: row.updated_at,
  });
}

/** The application's snapshot for audit rows: the fields a change can touch. */
export function applicationSnapshot(row: Row): object {
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
