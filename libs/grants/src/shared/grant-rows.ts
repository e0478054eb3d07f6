import { badInput, toGlobalId } from '@cohesion/common';
import type { OrganisationKind } from '@cohesion/directory';
import type { EntityManager } from 'typeorm';
import { GrantApplication } from '../applications/application.model.js';
import { GrantFund } from '../funds/fund.model.js';
import { MonitoringReport, Ons4Scores } from '../monitoring/monitoring-report.model.js';
import { GrantPayment, PaymentStatusEnum } from '../payments/payment.model.js';
import { GrantCriterion, GrantRound } from '../rounds/round.model.js';

/**
 * The grants domain reads its records with plain SQL and maps the rows here, so each
 * GraphQL type is built in one place. Rows are snake_case as PostgreSQL returns them.
 */
type Row = Record<string, unknown>;

const num = (value: unknown): number => Number(value);
const numOrNull = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));

export interface FundRow extends Row {
  id: string;
  owner_organisation_id: string;
  budget_pence: number;
  committed_pence: number;
  paid_pence: number;
}

export const FUND_COLUMNS = 'f.*';

export function toFund(row: Row): GrantFund {
  return Object.assign(new GrantFund(), {
    id: toGlobalId('GrantFund', row.id as string),
    fundId: row.id,
    ownerOrganisationId: row.owner_organisation_id,
    name: row.name,
    programmeCode: row.programme_code,
    financialYear: row.financial_year,
    description: row.description,
    budget: num(row.budget_pence),
    committed: num(row.committed_pence),
    paid: num(row.paid_pence),
    remaining: num(row.budget_pence) - num(row.committed_pence),
    grantIdPrefix: row.grant_id_prefix,
    createdAt: row.created_at,
  });
}

export const ROUND_SQL = `
  SELECT r.*, (SELECT owner_organisation_id FROM grant_funds WHERE id = r.fund_id) AS owner_organisation_id,
         COALESCE((SELECT array_agg(ar.name ORDER BY ar.name) FROM grant_round_areas x JOIN areas ar ON ar.id = x.area_id
                    WHERE x.round_id = r.id), '{}') AS eligible_areas,
         COALESCE((SELECT json_agg(json_build_object('id', c.id, 'position', c.position, 'name', c.name,
                                    'guidance', c.guidance, 'weight', c.weight, 'maxScore', c.max_score)
                                    ORDER BY c.position)
                    FROM grant_criteria c WHERE c.round_id = r.id), '[]') AS criteria
    FROM grant_rounds r`;

export function toRound(row: Row): GrantRound {
  const criteria = (
    (typeof row.criteria === 'string' ? JSON.parse(row.criteria) : row.criteria) as {
      id: string;
      position: number;
      name: string;
      guidance: string | null;
      weight: number;
      maxScore: number;
    }[]
  ).map((criterion) =>
    Object.assign(new GrantCriterion(), {
      ...criterion,
      id: toGlobalId('GrantCriterion', criterion.id),
      criterionId: criterion.id,
    }),
  );
  const now = Date.now();
  return Object.assign(new GrantRound(), {
    id: toGlobalId('GrantRound', row.id as string),
    roundId: row.id,
    fundId: row.fund_id,
    name: row.name,
    opensAt: row.opens_at,
    closesAt: row.closes_at,
    minAward: num(row.min_award_pence),
    maxAward: num(row.max_award_pence),
    eligibleKinds: row.eligible_kinds as OrganisationKind[],
    eligibleAreas: row.eligible_areas as string[],
    maxAnnualIncome: numOrNull(row.max_annual_income_pence),
    criteria,
    isOpen: !row.imported && (row.opens_at as Date).getTime() <= now && now < (row.closes_at as Date).getTime(),
  });
}

export const APPLICATION_SQL = `
  SELECT a.*, f.owner_organisation_id,
         COALESCE((SELECT array_agg(ar.name ORDER BY ar.name) FROM grant_application_areas x
                     JOIN areas ar ON ar.id = x.area_id WHERE x.application_id = a.id), '{}') AS beneficiary_areas
    FROM grant_applications a JOIN grant_funds f ON f.id = a.fund_id`;

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

export function toPayment(row: Row): GrantPayment {
  return Object.assign(new GrantPayment(), {
    id: toGlobalId('GrantPayment', row.id as string),
    paymentId: row.id,
    applicationId: row.application_id,
    amount: num(row.amount_pence),
    dueDate: row.due_date,
    status: row.status as PaymentStatusEnum,
    paidAt: row.paid_at,
    reference: row.reference,
  });
}

function ons4(row: Row, when: 'before' | 'after'): Ons4Scores | null {
  const values = {
    lifeSatisfaction: numOrNull(row[`life_satisfaction_${when}`]),
    worthwhile: numOrNull(row[`worthwhile_${when}`]),
    happiness: numOrNull(row[`happiness_${when}`]),
    anxiety: numOrNull(row[`anxiety_${when}`]),
  };
  return Object.values(values).every((value) => value === null) ? null : Object.assign(new Ons4Scores(), values);
}

export function toMonitoringReport(row: Row, today: string = new Date().toISOString().slice(0, 10)): MonitoringReport {
  return Object.assign(new MonitoringReport(), {
    id: toGlobalId('MonitoringReport', row.id as string),
    reportId: row.id,
    applicationId: row.application_id,
    title: row.title,
    dueDate: row.due_date,
    submittedAt: row.submitted_at,
    overdue: row.submitted_at === null && (row.due_date as string) < today,
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

/** GBP 1,234.50 from 123450 pence, for messages. */
export function pounds(pence: number): string {
  return `GBP ${(pence / 100).toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/** The fund row, locked until the transaction ends: every change to its totals goes through here first. */
export async function lockFund(manager: EntityManager, fundId: string): Promise<Row | undefined> {
  const [row] = await manager.query<Row[]>('SELECT * FROM grant_funds WHERE id = $1 FOR UPDATE', [fundId]);
  return row;
}

/** An application with its fund's owner, locked (FOR UPDATE) when asked. */
export async function loadApplication(manager: EntityManager, id: string, lock = false): Promise<Row | undefined> {
  const [row] = await manager.query<Row[]>(`${APPLICATION_SQL} WHERE a.id = $1${lock ? ' FOR UPDATE OF a' : ''}`, [id]);
  return row;
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

export function fundSnapshot(row: Row): object {
  return {
    name: row.name,
    budgetPence: num(row.budget_pence),
    committedPence: num(row.committed_pence),
    paidPence: num(row.paid_pence),
  };
}

/** Links a record to areas or terms, naming the input field when one does not exist. */
export async function linkAll(
  manager: EntityManager,
  table: string,
  ownerColumn: string,
  column: string,
  ownerId: string,
  ids: string[] | undefined | null,
  field: string,
  target: 'areas' | 'taxonomy_terms',
): Promise<void> {
  if (!ids?.length) return;
  const unique = [...new Set(ids)];
  const found = await manager.query<{ id: string }[]>(`SELECT id FROM ${target} WHERE id = ANY($1::uuid[])`, [unique]);
  if (found.length !== unique.length)
    throw badInput(field, `names ${target === 'areas' ? 'an area' : 'a theme'} that does not exist`);
  await manager.query(`INSERT INTO ${table} (${ownerColumn}, ${column}) SELECT $1, unnest($2::uuid[])`, [
    ownerId,
    unique,
  ]);
}
