import { toGlobalId } from '@cohesion/common';
import type { OrganisationKind } from '@cohesion/directory';
import { GrantCriterion, GrantRound } from './round.model.js';
import type { CriterionJson, RoundRow } from './round.queries.js';

export function toRound(row: RoundRow): GrantRound {
  const criteria = (
    typeof row.criteria === 'string' ? (JSON.parse(row.criteria) as CriterionJson[]) : row.criteria
  ).map((criterion) =>
    Object.assign(new GrantCriterion(), {
      ...criterion,
      id: toGlobalId('GrantCriterion', criterion.id),
      criterionId: criterion.id,
    }),
  );
  const now = Date.now();
  return Object.assign(new GrantRound(), {
    id: toGlobalId('GrantRound', row.id),
    roundId: row.id,
    fundId: row.fund_id,
    name: row.name,
    opensAt: row.opens_at,
    closesAt: row.closes_at,
    minAward: Number(row.min_award_pence),
    maxAward: Number(row.max_award_pence),
    eligibleKinds: row.eligible_kinds as OrganisationKind[],
    eligibleAreas: row.eligible_areas,
    maxAnnualIncome: row.max_annual_income_pence === null ? null : Number(row.max_annual_income_pence),
    criteria,
    isOpen: !row.imported && row.opens_at.getTime() <= now && now < row.closes_at.getTime(),
  });
}
