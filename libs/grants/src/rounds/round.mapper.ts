import { toGlobalId } from '@cohesion/common';
import type { OrganisationKind } from '@cohesion/directory';
import { GrantCriterion, GrantRound } from './round.model.js';

type Row = Record<string, unknown>;

const num = (value: unknown): number => Number(value);
const numOrNull = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));

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
