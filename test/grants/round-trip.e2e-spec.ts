import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { toGlobalId } from '@cohesion/common';
import {
  createAdmin,
  createArea,
  createFund,
  createOrganisation,
  createPractitioner,
  createTestApp,
  type TestApp,
} from '@cohesion/testing';
import { DemoDataService } from '../../apps/api/src/demo/demo-data.service.js';

interface Grant {
  id: string;
  dataSource: string;
  dateModified: string;
  recipientOrganization: { id: string; name: string }[];
  fundingOrganization: { id: string; name: string }[];
  grantProgramme: { code: string; title: string }[];
  beneficiaryLocation?: { name: string; geoCode: string }[];
  [field: string]: unknown;
}
interface Package {
  grants: Grant[];
  [field: string]: unknown;
}

interface FundRow {
  id: string;
  name: string;
  programmeCode: string;
  financialYear: string;
  budget: string;
  prefix: string;
}

const IMPORT = `mutation Import($fundId: ID!, $package: String!) {
  import360Giving(fundId: $fundId, package: $package) {
    total created rejected { reasons } warnings { messages } } }`;

/** What names the publication rather than the grant: its address, and when this copy was written. */
function comparable(grant: Grant): Grant {
  return { ...grant, dataSource: '(the fund’s address)', dateModified: '(when written)' };
}

describe('a 360Giving round trip of our own export', () => {
  let source: TestApp;
  let target: TestApp;
  let funds: FundRow[];

  beforeAll(async () => {
    source = await createTestApp();
    await source.app.get(DemoDataService).seed();
    target = await createTestApp();
    funds = await source.db.query<FundRow[]>(
      `SELECT f.id, f.name, f.programme_code AS "programmeCode", f.financial_year AS "financialYear",
              f.budget_pence AS budget, f.grant_id_prefix AS prefix
         FROM grant_funds f
        WHERE EXISTS (SELECT 1 FROM grant_applications a WHERE a.fund_id = f.id AND a.amount_awarded_pence IS NOT NULL)
        ORDER BY f.name`,
    );
  });
  afterAll(async () => {
    await source?.close();
    await target?.close();
  });

  it('imports every field we export: the demo funds, exported again from an empty database, are the same', async () => {
    expect(funds.length).toBeGreaterThan(0);
    const admin = await createAdmin(target);
    for (const fund of funds) {
      const exported = (await source.http().get(`/grants/360giving/funds/${fund.id}.json`)).body as Package;
      expect(exported.grants.length).toBeGreaterThan(0);

      // The empty database has only reference data: the council, its fund, the areas the grants name.
      const funder = exported.grants[0].fundingOrganization[0];
      const council = await createOrganisation(target, {
        name: funder.name,
        kind: 'LOCAL_AUTHORITY',
        identifiers: [funder.id],
      });
      const copy = await createFund(target, {
        ownerOrganisationId: council.id,
        name: fund.name,
        programmeCode: fund.programmeCode,
        financialYear: fund.financialYear,
        budgetPence: Number(fund.budget),
        grantIdPrefix: fund.prefix,
      });
      const locations = new Map(
        exported.grants.flatMap((grant) => grant.beneficiaryLocation ?? []).map((item) => [item.geoCode, item.name]),
      );
      for (const [code, name] of locations) {
        await createArea(target, { kind: code.startsWith('E05') ? 'WARD' : 'LOCAL_AUTHORITY', name, code });
      }
      const officer = await createPractitioner(target, {
        roles: [{ role: 'GRANTS_OFFICER', organisationId: council.id }],
      });

      const result = await target.gql<{
        import360Giving: { total: number; created: number; rejected: unknown[]; warnings: unknown[] };
      }>(IMPORT, { fundId: copy.globalId, package: JSON.stringify(exported) }, officer.token);
      expect(result.errors).toBeUndefined();
      expect(result.data.import360Giving).toEqual({
        total: exported.grants.length,
        created: exported.grants.length,
        rejected: [],
        warnings: [],
      });

      // As in the source, an administrator checks the organisations the import listed.
      const listed = await target.db.query<{ id: string }[]>('SELECT id FROM organisations WHERE NOT verified');
      for (const { id } of listed) {
        const verified = await target.gql(
          `mutation V($input: VerifyOrganisationInput!) { verifyOrganisation(input: $input) { id } }`,
          { input: { id: toGlobalId('Organisation', id), verified: true } },
          admin.token,
        );
        expect(verified.errors).toBeUndefined();
      }

      const again = (await target.http().get(`/grants/360giving/funds/${copy.id}.json`)).body as Package;
      const byId = (grants: Grant[]) => [...grants].sort((a, b) => a.id.localeCompare(b.id)).map(comparable);
      expect(byId(again.grants)).toEqual(byId(exported.grants));
      expect(again.dataQualityWarnings).toEqual(exported.dataQualityWarnings);
    }
  });
});
