import { toGlobalId } from '@cohesion/common';
import { ApplicationStatusCount, GrantFund } from './fund.model.js';
import type { FundRow, StatusCountRow } from './fund.queries.js';

export function toFund(row: FundRow): GrantFund {
  const budget = Number(row.budget_pence);
  const committed = Number(row.committed_pence);
  return Object.assign(new GrantFund(), {
    id: toGlobalId('GrantFund', row.id),
    fundId: row.id,
    ownerOrganisationId: row.owner_organisation_id,
    name: row.name,
    programmeCode: row.programme_code,
    financialYear: row.financial_year,
    description: row.description,
    budget,
    committed,
    paid: Number(row.paid_pence),
    remaining: budget - committed,
    grantIdPrefix: row.grant_id_prefix,
    createdAt: row.created_at,
  });
}

export function toStatusCount(row: StatusCountRow): ApplicationStatusCount {
  return { status: row.status, count: row.count };
}

/** The fund's figures for audit rows. */
export function fundSnapshot(row: FundRow): object {
  return {
    name: row.name,
    budgetPence: Number(row.budget_pence),
    committedPence: Number(row.committed_pence),
    paidPence: Number(row.paid_pence),
  };
}
