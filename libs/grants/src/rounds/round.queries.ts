import type { Db } from '@cohesion/common';
import { areaNamesSql } from '@cohesion/directory';

/** A criterion as `ROUND_SQL` aggregates it (JSON, camelCase keys). */
export interface CriterionJson {
  id: string;
  position: number;
  name: string;
  guidance: string | null;
  weight: number;
  maxScore: number;
}

/** A `grant_rounds` row with its fund's owner, the names of its eligible areas and its criteria (`ROUND_SQL`). */
export interface RoundRow {
  id: string;
  fund_id: string;
  name: string;
  opens_at: Date;
  closes_at: Date;
  min_award_pence: number;
  max_award_pence: number;
  eligible_kinds: string[];
  max_annual_income_pence: number | null;
  imported: boolean;
  owner_organisation_id: string;
  eligible_areas: string[];
  /** JSON the driver may hand back as text. */
  criteria: CriterionJson[] | string;
}

/** Selects `RoundRow`s (alias `r`); callers add WHERE and ORDER BY. */
export const ROUND_SQL = `
  SELECT r.*, (SELECT owner_organisation_id FROM grant_funds WHERE id = r.fund_id) AS owner_organisation_id,
         ${areaNamesSql('grant_round_areas', 'round_id', 'r.id')} AS eligible_areas,
         COALESCE((SELECT json_agg(json_build_object('id', c.id, 'position', c.position, 'name', c.name,
                                    'guidance', c.guidance, 'weight', c.weight, 'maxScore', c.max_score)
                                    ORDER BY c.position)
                    FROM grant_criteria c WHERE c.round_id = r.id), '[]') AS criteria
    FROM grant_rounds r`;

export async function roundById(db: Db, id: string): Promise<RoundRow | undefined> {
  const [row] = await db.query<RoundRow[]>(`${ROUND_SQL} WHERE r.id = $1`, [id]);
  return row;
}

export function roundsOfFunds(db: Db, fundIds: readonly string[]): Promise<RoundRow[]> {
  return db.query<RoundRow[]>(`${ROUND_SQL} WHERE r.fund_id = ANY($1::uuid[]) ORDER BY r.opens_at, r.id`, [fundIds]);
}

export interface NewRound {
  fundId: string;
  name: string;
  opensAt: Date;
  closesAt: Date;
  minAward: number;
  maxAward: number;
  eligibleKinds: string[];
  maxAnnualIncome: number | null;
  createdBy: string | null;
}

/** A new round; its id. */
export async function insertRound(db: Db, round: NewRound): Promise<string> {
  const [row] = await db.query<{ id: string }[]>(
    `INSERT INTO grant_rounds (fund_id, name, opens_at, closes_at, min_award_pence, max_award_pence,
                               eligible_kinds, max_annual_income_pence, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [
      round.fundId,
      round.name,
      round.opensAt,
      round.closesAt,
      round.minAward,
      round.maxAward,
      round.eligibleKinds,
      round.maxAnnualIncome,
      round.createdBy,
    ],
  );
  return row.id;
}

export async function insertCriterion(
  db: Db,
  roundId: string,
  position: number,
  criterion: { name: string; guidance: string | null; weight: number; maxScore: number },
): Promise<void> {
  await db.query(
    `INSERT INTO grant_criteria (round_id, position, name, guidance, weight, max_score)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [roundId, position, criterion.name, criterion.guidance, criterion.weight, criterion.maxScore],
  );
}
