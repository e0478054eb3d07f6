import { randomUUID } from 'node:crypto';
import { toGlobalId } from '@cohesion/common';
import {
  GrantApplicationAreaEntity,
  GrantApplicationEntity,
  GrantApplicationThemeEntity,
  GrantCriterionEntity,
  GrantFundEntity,
  GrantPaymentEntity,
  GrantRoundEntity,
  MonitoringReportEntity,
  type ApplicationStatus,
} from '@cohesion/grants';
import type { Created } from './factories.js';
import type { TestApp } from './test-app.js';

/**
 * Grants data written straight to the database, for tests that need a fund in a given
 * state without walking every application through the API. Amounts are pence.
 */
let sequence = 0;
const next = () => ++sequence;

export interface FundOverrides extends Partial<Omit<GrantFundEntity, 'id'>> {
  ownerOrganisationId: string;
}

export async function createFund(t: TestApp, overrides: FundOverrides): Promise<Created> {
  const n = next();
  const id = randomUUID();
  await t.db.manager.insert(GrantFundEntity, {
    id,
    name: `Test Fund ${n}`,
    programmeCode: `TF${n}`,
    financialYear: '2026-27',
    budgetPence: 1_000_000,
    grantIdPrefix: '360G-cohesiontest',
    ...overrides,
  });
  return { id, globalId: toGlobalId('GrantFund', id) };
}

export interface RoundOverrides extends Partial<Omit<GrantRoundEntity, 'id'>> {
  fundId: string;
  /** Criteria as [name, weight, maxScore]; one of weight 1 out of 10 by default. */
  criteria?: [string, number, number][];
}

export async function createRound(
  t: TestApp,
  overrides: RoundOverrides,
): Promise<Created & { criterionIds: string[] }> {
  const n = next();
  const id = randomUUID();
  const { criteria, ...columns } = overrides;
  const criterionIds: string[] = [];
  await t.db.transaction(async (manager) => {
    await manager.insert(GrantRoundEntity, {
      id,
      name: `Test Round ${n}`,
      opensAt: new Date(Date.now() - 30 * 86_400_000),
      closesAt: new Date(Date.now() + 30 * 86_400_000),
      minAwardPence: 10_000,
      maxAwardPence: 500_000,
      ...columns,
    });
    for (const [position, [name, weight, maxScore]] of (criteria ?? [['Need', 1, 10]]).entries()) {
      const criterionId = randomUUID();
      criterionIds.push(criterionId);
      await manager.insert(GrantCriterionEntity, { id: criterionId, roundId: id, position, name, weight, maxScore });
    }
  });
  return { id, globalId: toGlobalId('GrantRound', id), criterionIds };
}

export interface ApplicationOverrides extends Partial<Omit<GrantApplicationEntity, 'id'>> {
  roundId: string;
  fundId: string;
  applicantOrganisationId: string;
  status?: ApplicationStatus;
  areaIds?: string[];
  themeIds?: string[];
}

/**
 * An application in any state. An awarded one (AWARDED and after) gets an award of the
 * amount requested unless given, and the fund's committed total grows with it, as the
 * API would do.
 */
export async function createApplication(t: TestApp, overrides: ApplicationOverrides): Promise<Created> {
  const n = next();
  const id = randomUUID();
  const { areaIds, themeIds, ...columns } = overrides;
  const status = columns.status ?? 'IN_ASSESSMENT';
  const requested = columns.amountRequestedPence ?? 100_000;
  const awarded = ['AWARDED', 'ACTIVE', 'COMPLETED', 'CLOSED_EARLY'].includes(status);
  const amountAwardedPence = awarded ? (columns.amountAwardedPence ?? requested) : null;
  const committed = awarded ? (columns.actualSpendPence ?? amountAwardedPence ?? 0) : 0;
  await t.db.transaction(async (manager) => {
    await manager.insert(GrantApplicationEntity, {
      id,
      status,
      projectTitle: `Test Project ${n}`,
      summary: `A test project (${n}) bringing neighbours together.`,
      amountRequestedPence: requested,
      plannedStart: '2026-06-01',
      plannedEnd: '2027-03-31',
      expectedParticipants: 40,
      submittedAt: status === 'DRAFT' ? null : new Date(),
      ...columns,
      amountAwardedPence,
      awardedAt: awarded ? (columns.awardedAt ?? '2026-05-15') : null,
      decidedAt: awarded || status === 'DECLINED' ? new Date() : null,
    });
    for (const areaId of areaIds ?? []) await manager.insert(GrantApplicationAreaEntity, { applicationId: id, areaId });
    for (const termId of themeIds ?? [])
      await manager.insert(GrantApplicationThemeEntity, { applicationId: id, termId });
    if (committed > 0) {
      await manager.query(
        'UPDATE grant_funds SET committed_pence = committed_pence + $2, paid_pence = paid_pence + $3 WHERE id = $1',
        [columns.fundId, committed, columns.paidPence ?? 0],
      );
    }
  });
  return { id, globalId: toGlobalId('GrantApplication', id) };
}

export interface PaymentOverrides extends Partial<Omit<GrantPaymentEntity, 'id'>> {
  applicationId: string;
  fundId: string;
  amountPence: number;
}

/** A payment row as it stands; a PAID one does not move the award's or fund's paid totals (set those yourself). */
export async function createPayment(t: TestApp, overrides: PaymentOverrides): Promise<Created> {
  const id = randomUUID();
  await t.db.manager.insert(GrantPaymentEntity, {
    id,
    dueDate: '2026-07-01',
    status: 'SCHEDULED',
    ...overrides,
    paidAt: overrides.status === 'PAID' ? (overrides.paidAt ?? new Date()) : null,
  });
  return { id, globalId: toGlobalId('GrantPayment', id) };
}

export interface MonitoringReportOverrides extends Partial<Omit<MonitoringReportEntity, 'id'>> {
  applicationId: string;
}

export async function createMonitoringReport(t: TestApp, overrides: MonitoringReportOverrides): Promise<Created> {
  const id = randomUUID();
  await t.db.manager.insert(MonitoringReportEntity, { id, dueDate: '2027-04-30', title: 'Final report', ...overrides });
  return { id, globalId: toGlobalId('MonitoringReport', id) };
}
