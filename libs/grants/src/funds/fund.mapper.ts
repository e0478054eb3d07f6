import { toGlobalId } from '@cohesion/common';
import { GrantFund } from './fund.model.js';

type Row = Record<string, unknown>;

const num = (value: unknown): number => Number(value);

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

/** The fund's figures for audit rows. */
export function fundSnapshot(row: Row): object {
  return {
    name: row.name,
    budgetPence: num(row.budget_pence),
    committedPence: num(row.committed_pence),
    paidPence: num(row.paid_pence),
  };
}
