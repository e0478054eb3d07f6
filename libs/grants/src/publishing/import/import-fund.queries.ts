import { isUuid, type Db } from '@cohesion/common';

/** The fund an import goes into, as the command line and the report name it. */
export interface FundSummary {
  id: string;
  ownerOrganisationId: string;
  name: string;
  programmeCode: string;
  financialYear: string;
}

const FUND_COLUMNS = `f.id, f.owner_organisation_id AS "ownerOrganisationId", f.name, f.programme_code AS "programmeCode",
  f.financial_year AS "financialYear"`;

/** Funds a command line names by uuid or programme code (several years may share a code), newest first. */
export function fundsByReference(db: Db, reference: string): Promise<FundSummary[]> {
  return db.query<FundSummary[]>(
    `SELECT ${FUND_COLUMNS} FROM grant_funds f
      WHERE ${isUuid(reference) ? 'f.id = $1::uuid' : 'f.programme_code = $1'}
      ORDER BY f.financial_year DESC`,
    [reference],
  );
}

export async function fundSummary(db: Db, fundId: string): Promise<FundSummary | undefined> {
  const [fund] = await db.query<FundSummary[]>(`SELECT ${FUND_COLUMNS} FROM grant_funds f WHERE f.id = $1`, [fundId]);
  return fund;
}
