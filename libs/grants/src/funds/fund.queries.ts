import { returningRows, type Db } from '@cohesion/common';
import { organisationsSql } from '@cohesion/directory';

/** A `grant_funds` row as `SELECT *` returns it (amounts in whole pence). */
export interface FundRow {
  id: string;
  owner_organisation_id: string;
  name: string;
  programme_code: string;
  financial_year: string;
  description: string | null;
  budget_pence: number;
  committed_pence: number;
  paid_pence: number;
  grant_id_prefix: string;
  created_at: Date;
}

export interface NewFund {
  ownerOrganisationId: string;
  name: string;
  programmeCode: string;
  financialYear: string;
  budget: number;
  description: string | null;
  grantIdPrefix: string;
  createdBy: string | null;
}

export async function insertFund(db: Db, fund: NewFund): Promise<FundRow> {
  const [row] = await db.query<FundRow[]>(
    `INSERT INTO grant_funds (owner_organisation_id, name, programme_code, financial_year, budget_pence,
                              description, grant_id_prefix, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *`,
    [
      fund.ownerOrganisationId,
      fund.name,
      fund.programmeCode,
      fund.financialYear,
      fund.budget,
      fund.description,
      fund.grantIdPrefix,
      fund.createdBy,
    ],
  );
  return row;
}

export async function fundById(db: Db, id: string): Promise<FundRow | undefined> {
  const [row] = await db.query<FundRow[]>('SELECT * FROM grant_funds WHERE id = $1', [id]);
  return row;
}

/** The fund row, locked (FOR UPDATE) until the transaction ends. Only the ledger takes this lock. */
export async function fundForUpdate(db: Db, id: string): Promise<FundRow | undefined> {
  const [row] = await db.query<FundRow[]>('SELECT * FROM grant_funds WHERE id = $1 FOR UPDATE', [id]);
  return row;
}

/** Moves a fund's committed and paid totals by the amounts given; the fund as it now is. */
export async function moveFundTotals(db: Db, id: string, committed: number, paid: number): Promise<FundRow> {
  const [row] = await returningRows<FundRow>(
    db,
    `UPDATE grant_funds SET committed_pence = committed_pence + $2, paid_pence = paid_pence + $3, updated_at = now()
      WHERE id = $1 RETURNING *`,
    [id, committed, paid],
  );
  return row;
}

/** Funds by id, only those of the councils given (null: every council). */
export function fundsByIds(db: Db, ids: readonly string[], councils: string[] | null): Promise<FundRow[]> {
  return db.query<FundRow[]>(
    `SELECT f.* FROM grant_funds f WHERE f.id = ANY($1::uuid[])
       AND ($2::uuid[] IS NULL OR f.owner_organisation_id = ANY($2::uuid[]))`,
    [ids, councils],
  );
}

/** The funds of the councils given (null: every council), optionally one council's; newest year first. */
export function fundsOfCouncils(db: Db, councils: string[] | null, councilId: string | null): Promise<FundRow[]> {
  return db.query<FundRow[]>(
    `SELECT f.* FROM grant_funds f
      WHERE ($1::uuid[] IS NULL OR f.owner_organisation_id = ANY($1::uuid[]))
        AND ($2::uuid IS NULL OR f.owner_organisation_id = $2)
      ORDER BY f.financial_year DESC, f.name LIMIT 500`,
    [councils, councilId],
  );
}

export interface StatusCountRow {
  fund_id: string;
  status: string;
  count: number;
}

export function statusCounts(db: Db, fundIds: readonly string[]): Promise<StatusCountRow[]> {
  return db.query<StatusCountRow[]>(
    `SELECT fund_id, status, count(*)::int AS count FROM grant_applications
      WHERE fund_id = ANY($1::uuid[]) GROUP BY fund_id, status ORDER BY status`,
    [fundIds],
  );
}

export interface CouncilKindRow {
  kind: string;
}

/** The kind of the organisation that would own a fund (a fund's owner must be a council). */
export async function ownerKind(db: Db, organisationId: string): Promise<CouncilKindRow | undefined> {
  const [row] = await db.query<CouncilKindRow[]>(`SELECT o.kind FROM ${organisationsSql('o')} WHERE o.id = $1`, [
    organisationId,
  ]);
  return row;
}
