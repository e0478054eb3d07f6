import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  countRows,
  createAdmin,
  createArea,
  createFund,
  createOrganisation,
  createPractitioner,
  createTestApp,
  errorCode,
  errorFields,
  runCommandLine,
  type Created,
  type GqlResult,
  type TestApp,
  type TestPractitioner,
} from '@cohesion/testing';

const IMPORT = `mutation Import($fundId: ID!, $package: String!) {
  import360Giving(fundId: $fundId, package: $package) {
    total created updated unchanged organisationsCreated
    rejected { index grantId reasons }
    warnings { index grantId messages }
  } }`;

interface Report {
  total: number;
  created: number;
  updated: number;
  unchanged: number;
  organisationsCreated: number;
  rejected: { index: number; grantId: string | null; reasons: string[] }[];
  warnings: { index: number; grantId: string | null; messages: string[] }[];
}

type Grant = Record<string, unknown>;

const WALSALL = [{ id: 'GB-LAE-WLL', name: 'Walsall Metropolitan Borough Council' }];
const PROGRAMME = [{ code: 'WCMG', title: 'Walsall Cohesion Micro-grants' }];

/** A realistic 360Giving 1.4.3 grant from Walsall's micro-grants programme. */
function grant(id: string, fields: Grant): Grant {
  return {
    id,
    title: 'Community project',
    description: 'A small grant for a community project.',
    currency: 'GBP',
    awardDate: '2024-05-14',
    fundingOrganization: WALSALL,
    grantProgramme: PROGRAMME,
    dataSource: 'https://www.walsall.gov.uk/grants',
    ...fields,
  };
}

function pkg(grants: Grant[], extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    version: '1.4',
    title: 'Walsall Council cohesion micro-grants 2024-25',
    license: 'https://creativecommons.org/licenses/by/4.0/',
    publisher: { name: 'Walsall Metropolitan Borough Council', identifier: 'GB-LAE-WLL' },
    issued: '2025-04-30',
    grants,
    ...extra,
  });
}

/** Four awards: to a registered charity already listed, a company, and two to one unregistered group. */
const CHARITY_GRANT = grant('360G-walsall-2024-0001', {
  title: 'Pleck youth football and friendship',
  description: 'Weekly sessions bringing together young people from three communities in Pleck.',
  amountAppliedFor: 5000,
  amountAwarded: 4500.5,
  amountDisbursed: 4500.5,
  plannedDates: [{ startDate: '2024-06-01', endDate: '2025-03-31' }],
  recipientOrganization: [
    {
      id: 'GB-CHC-1123456',
      name: 'Pleck Community Sports',
      charityNumber: '1123456',
      addressLocality: 'Walsall',
      postalCode: 'WS2 9HB',
    },
  ],
  beneficiaryLocation: [
    { name: 'Pleck', geoCode: 'E05099101', geoCodeType: 'WD' },
    { name: 'Atlantis', geoCode: 'E05099999', geoCodeType: 'WD' },
  ],
});
const COMPANY_GRANT = grant('360G-walsall-2024-0002', {
  title: 'Caldmore conversation cafe',
  description: 'An English conversation cafe for new arrivals, run by a community interest company.',
  amountAppliedFor: 6000,
  amountAwarded: 5000,
  amountDisbursed: 2500,
  awardDate: '2024-07-02T10:15:00Z',
  plannedDates: [{ startDate: '2024-09-01', duration: 12 }],
  recipientOrganization: [
    {
      id: 'GB-COH-09876543',
      name: 'Caldmore Voices CIC',
      companyNumber: '09876543',
      addressLocality: 'Walsall',
      postalCode: 'ws1 4ja',
    },
  ],
  beneficiaryLocation: [{ name: 'St Matthew’s', geoCode: 'E05099102', geoCodeType: 'WD' }],
});
const GROUP = { id: '360G-walsall-org-0042', name: 'Blakenall Mums Together', addressLocality: 'Bloxwich' };
const GROUP_GRANT = grant('360G-walsall-2024-0003', {
  title: 'Blakenall family fun days',
  description: 'Three family days open to every household on the estate.',
  amountAwarded: 750,
  awardDate: '2024-08-20',
  plannedDates: [{ startDate: '2028-04-01', endDate: '2029-03-31' }],
  recipientOrganization: [GROUP],
});
const GROUP_SECOND_GRANT = grant('360G-walsall-2024-0004', {
  title: 'Blakenall women’s walking group',
  description: 'Weekly walks and a shared lunch.',
  amountAwarded: 300.25,
  amountDisbursed: 300.25,
  awardDate: '2024-11-05',
  plannedDates: [{ startDate: '2024-12-01', endDate: '2025-02-28' }],
  actualDates: [{ startDate: '2024-12-01', endDate: '2025-02-21' }],
  recipientOrganization: [GROUP],
});
const VALID = [CHARITY_GRANT, COMPANY_GRANT, GROUP_GRANT, GROUP_SECOND_GRANT];
const pence = (pounds: number) => Math.round(pounds * 100);

describe('importing a 360Giving package of past awards', () => {
  let t: TestApp;
  let council: Created;
  let fund: Created;
  let officer: TestPractitioner;
  let charity: Created;
  let pleck: Created;
  let stMatthews: Created;

  beforeAll(async () => {
    t = await createTestApp();
    council = await createOrganisation(t, {
      name: 'Walsall Metropolitan Borough Council',
      kind: 'LOCAL_AUTHORITY',
      identifiers: ['GB-LAE-WLL'],
    });
    fund = await createFund(t, {
      ownerOrganisationId: council.id,
      name: 'Cohesion Micro-grants 2024-25',
      programmeCode: 'WCMG-2425',
      financialYear: '2024-25',
      budgetPence: 8_700_000,
      grantIdPrefix: '360G-walsall',
    });
    officer = await createPractitioner(t, { roles: [{ role: 'GRANTS_OFFICER', organisationId: council.id }] });
    charity = await createOrganisation(t, { name: 'Pleck Community Sports', identifiers: ['GB-CHC-1123456'] });
    const borough = await createArea(t, { kind: 'LOCAL_AUTHORITY', name: 'Walsall', code: 'E08099030' });
    pleck = await createArea(t, { kind: 'WARD', name: 'Pleck', code: 'E05099101', parentId: borough.id });
    stMatthews = await createArea(t, { kind: 'WARD', name: 'St Matthew’s', code: 'E05099102', parentId: borough.id });
  });
  afterAll(async () => {
    await t?.close();
  });

  async function importAs(
    token: string | undefined,
    body: string,
    fundId: string = fund.globalId,
  ): Promise<GqlResult<{ import360Giving: Report }>> {
    return t.gql<{ import360Giving: Report }>(IMPORT, { fundId, package: body }, token);
  }

  async function imported(body: string, token = officer.token, fundId?: string): Promise<Report> {
    const result = await importAs(token, body, fundId);
    expect(result.errors).toBeUndefined();
    return result.data.import360Giving;
  }

  async function totals(fundId = fund.id): Promise<{ committed: number; paid: number; budget: number }> {
    const [row] = await t.db.query<{ committed: number; paid: number; budget: number }[]>(
      'SELECT committed_pence AS committed, paid_pence AS paid, budget_pence AS budget FROM grant_funds WHERE id = $1',
      [fundId],
    );
    return row;
  }

  async function award(externalId: string, fundId = fund.id) {
    const [row] = await t.db.query<Record<string, unknown>[]>(
      `SELECT a.id, a.status, a.project_title AS "title", a.summary, a.applicant_organisation_id AS "applicantId",
              a.amount_requested_pence AS "requested", a.amount_awarded_pence AS "awarded", a.paid_pence AS "paid",
              a.awarded_at AS "awardedAt", a.planned_start AS "plannedStart", a.planned_end AS "plannedEnd",
              r.name AS "roundName", r.imported AS "roundImported",
              ARRAY(SELECT area_id FROM grant_application_areas WHERE application_id = a.id ORDER BY area_id) AS "areaIds",
              (SELECT COALESCE(sum(amount_pence), 0)::bigint FROM grant_payments p
                WHERE p.application_id = a.id AND p.status = 'PAID') AS "payments"
         FROM grant_applications a JOIN grant_rounds r ON r.id = a.round_id
        WHERE a.fund_id = $1 AND a.external_id = $2`,
      [fundId, externalId],
    );
    return row;
  }

  async function organisationWith(scheme: string, identifier: string) {
    const rows = await t.db.query<
      { id: string; name: string; kind: string; verified: boolean; town: string | null; postcode: string | null }[]
    >(
      `SELECT o.id, o.name, o.kind, o.verified, o.town, o.postcode FROM organisations o
         JOIN organisation_identifiers i ON i.organisation_id = o.id WHERE i.scheme = $1 AND i.identifier = $2`,
      [scheme, identifier],
    );
    expect(rows.length).toBeLessThanOrEqual(1);
    return rows[0];
  }

  async function auditActions(entityType: string): Promise<{ action: string; actor: string | null }[]> {
    return t.db.query(
      `SELECT action, actor_account_id AS actor FROM audit_entries WHERE entity_type = $1 ORDER BY id`,
      [entityType],
    );
  }

  describe('a valid package', () => {
    let first: Report;

    beforeAll(async () => {
      first = await imported(pkg(VALID));
    });

    it('creates an award for each grant, with amounts in pence, dates and a status', async () => {
      expect(first).toMatchObject({ total: 4, created: 4, updated: 0, unchanged: 0, rejected: [] });

      const charityAward = await award('360G-walsall-2024-0001');
      expect(charityAward).toMatchObject({
        // The activity ended and was paid in full.
        status: 'COMPLETED',
        title: 'Pleck youth football and friendship',
        summary: 'Weekly sessions bringing together young people from three communities in Pleck.',
        requested: 500_000,
        awarded: 450_050,
        paid: 450_050,
        payments: 450_050,
        awardedAt: '2024-05-14',
        plannedStart: '2024-06-01',
        plannedEnd: '2025-03-31',
        roundName: 'Imported awards',
        roundImported: true,
      });
      // A date-time award date keeps its date; a duration in months gives the end date.
      expect(await award('360G-walsall-2024-0002')).toMatchObject({
        status: 'AWARDED',
        requested: 600_000,
        awarded: 500_000,
        paid: 250_000,
        payments: 250_000,
        awardedAt: '2024-07-02',
        plannedStart: '2024-09-01',
        plannedEnd: '2025-08-31',
      });
      // Without amountAppliedFor, the amount requested is the amount awarded; nothing paid yet.
      expect(await award('360G-walsall-2024-0003')).toMatchObject({
        status: 'AWARDED',
        requested: 75_000,
        awarded: 75_000,
        paid: 0,
        payments: 0,
      });
      expect((await award('360G-walsall-2024-0004')).status).toBe('COMPLETED');
    });

    it('puts every award in one imported round that spans the award dates', async () => {
      const rounds = await t.db.query<{ name: string; imported: boolean; opens: string; closes: string }[]>(
        `SELECT name, imported, to_char(opens_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS opens,
                to_char(closes_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS closes
           FROM grant_rounds WHERE fund_id = $1`,
        [fund.id],
      );
      expect(rounds).toEqual([{ name: 'Imported awards', imported: true, opens: '2024-05-14', closes: '2024-11-06' }]);
    });

    it('grows the fund’s committed and paid totals by the awards', async () => {
      const amounts = VALID.map((item) => pence(item.amountAwarded as number));
      const paid = VALID.map((item) => pence((item.amountDisbursed as number | undefined) ?? 0));
      expect(await totals()).toMatchObject({
        committed: amounts.reduce((a, b) => a + b, 0),
        paid: paid.reduce((a, b) => a + b, 0),
      });
    });

    it('finds a listed recipient by its org-id, and lists the others unverified with their identifier', async () => {
      expect((await award('360G-walsall-2024-0001')).applicantId).toBe(charity.id);
      const company = await organisationWith('GB-COH', '09876543');
      expect(company).toMatchObject({
        name: 'Caldmore Voices CIC',
        kind: 'VCS',
        verified: false,
        town: 'Walsall',
        postcode: 'WS1 4JA',
      });
      expect((await award('360G-walsall-2024-0002')).applicantId).toBe(company.id);
      // An unregistered group's 360Giving id goes in under the 360G scheme; both its grants share it.
      const group = await organisationWith('360G', 'walsall-org-0042');
      expect(group).toMatchObject({ name: 'Blakenall Mums Together', verified: false, town: 'Bloxwich' });
      expect((await award('360G-walsall-2024-0003')).applicantId).toBe(group.id);
      expect((await award('360G-walsall-2024-0004')).applicantId).toBe(group.id);
      expect(first.organisationsCreated).toBe(2);
    });

    it('links known ward codes and reports unknown ones as warnings', async () => {
      expect((await award('360G-walsall-2024-0001')).areaIds).toEqual([pleck.id]);
      expect((await award('360G-walsall-2024-0002')).areaIds).toEqual([stMatthews.id]);
      expect(first.warnings).toEqual([
        {
          index: 0,
          grantId: '360G-walsall-2024-0001',
          messages: ['grants[0].beneficiaryLocation[1].geoCode: E05099999 is not the code of a known area; not linked'],
        },
      ]);
    });

    it('audits each award and each new organisation as an import by the officer', async () => {
      expect(await auditActions('GrantApplication')).toEqual(
        Array.from({ length: 4 }, () => ({ action: 'import', actor: officer.id })),
      );
      expect(await auditActions('Organisation')).toEqual(
        Array.from({ length: 2 }, () => ({ action: 'import', actor: officer.id })),
      );
    });

    it('changes nothing when the same file is imported again', async () => {
      const before = {
        totals: await totals(),
        applications: await countRows(t, 'grant_applications'),
        organisations: await countRows(t, 'organisations'),
        payments: await countRows(t, 'grant_payments'),
        rounds: await countRows(t, 'grant_rounds'),
        audit: await countRows(t, 'audit_entries'),
      };
      const again = await imported(pkg(VALID));
      expect(again).toMatchObject({
        total: 4,
        created: 0,
        updated: 0,
        unchanged: 4,
        rejected: [],
        organisationsCreated: 0,
      });
      expect({
        totals: await totals(),
        applications: await countRows(t, 'grant_applications'),
        organisations: await countRows(t, 'organisations'),
        payments: await countRows(t, 'grant_payments'),
        rounds: await countRows(t, 'grant_rounds'),
        audit: await countRows(t, 'audit_entries'),
      }).toEqual(before);
    });

    it('updates a changed grant and moves committed and paid by the difference', async () => {
      const before = await totals();
      const changed = {
        ...COMPANY_GRANT,
        title: 'Caldmore conversation cafe and walks',
        amountAwarded: 5600,
        amountDisbursed: 3000,
      };
      const report = await imported(pkg([CHARITY_GRANT, changed, GROUP_GRANT, GROUP_SECOND_GRANT]));
      expect(report).toMatchObject({ created: 0, updated: 1, unchanged: 3, rejected: [] });
      expect(await totals()).toMatchObject({
        committed: before.committed + pence(5600 - 5000),
        paid: before.paid + pence(3000 - 2500),
      });
      const updated = await award('360G-walsall-2024-0002');
      expect(updated).toMatchObject({
        title: 'Caldmore conversation cafe and walks',
        awarded: 560_000,
        paid: 300_000,
        payments: 300_000,
      });
      const [entry] = await t.db.query<
        { before: { amountAwardedPence: number }; after: { amountAwardedPence: number } }[]
      >(`SELECT before, after FROM audit_entries WHERE entity_id = $1 AND action = 'import-update'`, [updated.id]);
      expect(entry.before.amountAwardedPence).toBe(500_000);
      expect(entry.after.amountAwardedPence).toBe(560_000);
    });
  });

  describe('bad grants', () => {
    it('are rejected with reasons naming each field while the good ones load', async () => {
      const good = grant('360G-walsall-2024-0101', {
        title: 'Darlaston interfaith supper club',
        amountAwarded: 1200,
        plannedDates: [{ startDate: '2024-10-01', endDate: '2025-06-30' }],
        recipientOrganization: [{ id: 'GB-CHC-1187654', name: 'Darlaston Churches Together' }],
      });
      const recipient = { id: '360G-walsall-org-0101', name: 'Nobody Should Be Listed' };
      const planned = [{ startDate: '2024-10-01', endDate: '2025-03-31' }];
      const bad = [
        grant('360G-walsall-2024-0102', {
          amountAwarded: 0,
          plannedDates: planned,
          recipientOrganization: [recipient],
        }),
        grant('360G-walsall-2024-0103', {
          amountAwarded: 500,
          plannedDates: planned,
          recipientOrganization: [{ id: 'GB-CHC-12', name: 'Nobody Should Be Listed' }],
        }),
        grant('360G-walsall-2024-0104', {
          currency: 'EUR',
          amountAwarded: 500,
          plannedDates: planned,
          recipientOrganization: [recipient],
        }),
        grant('360G-walsall-2024-0105', {
          amountAwarded: 500.005,
          plannedDates: [{ startDate: '2024-10-01' }],
          recipientOrganization: [recipient],
        }),
        {
          ...grant('360G-walsall-2024-0106', { amountAwarded: 500, recipientOrganization: [recipient] }),
          awardDate: undefined,
        },
        grant('360G-walsall-2024-0101', {
          amountAwarded: 10,
          plannedDates: planned,
          recipientOrganization: [recipient],
        }),
      ];
      const organisations = await countRows(t, 'organisations');
      const report = await imported(pkg([good, ...bad]));
      expect(report).toMatchObject({ total: 7, created: 1, updated: 0, unchanged: 0 });
      const reasons = Object.fromEntries(report.rejected.map((item) => [item.index, item.reasons]));
      expect(report.rejected.map((item) => item.grantId)).toEqual(bad.map((item) => item.id));
      expect(reasons[1]).toEqual(['grants[1].amountAwarded: must be more than 0']);
      expect(reasons[2]).toEqual([
        expect.stringMatching(/^grants\[2\]\.recipientOrganization\[0\]\.id: .*GB-CHC expects 6 to 8 digits/),
      ]);
      expect(reasons[3]).toEqual(['grants[3].currency: must be GBP (not EUR)']);
      expect(reasons[4]).toEqual(['grants[4].amountAwarded: must be in whole pence (at most 2 decimal places)']);
      expect(reasons[5]).toEqual(['grants[5].awardDate: is required']);
      expect(reasons[6]).toEqual(['grants[6].id: 360G-walsall-2024-0101 appears earlier in the file, at grants[0]']);

      expect(await award('360G-walsall-2024-0101')).toMatchObject({ awarded: 120_000, status: 'AWARDED' });
      for (const item of bad.slice(0, 5)) expect(await award(item.id as string)).toBeUndefined();
      // The good grant's new recipient is listed; nothing of the rejected ones is.
      expect(await countRows(t, 'organisations')).toBe(organisations + 1);
    });

    it('imports grants without planned dates, or with a duration alone, warning what stands in', async () => {
      const recipient = [{ id: 'GB-CHC-1187655', name: 'Bloxwich Friends of the Library' }];
      const file = pkg([
        grant('360G-walsall-2024-0201', { amountAwarded: 400, recipientOrganization: recipient }),
        grant('360G-walsall-2024-0202', {
          amountAwarded: 400,
          plannedDates: [{ duration: 6 }],
          recipientOrganization: recipient,
        }),
      ]);
      const report = await imported(file);
      expect(report).toMatchObject({ total: 2, created: 2, rejected: [] });
      expect(report.warnings.map((item) => item.messages)).toEqual([
        [
          "grants[0].plannedDates: not given; the award's timeline runs 2024-05-14 to 2024-05-14 (the award date), and no planned dates are published for it",
        ],
        ['grants[1].plannedDates[0].startDate: not given; the start is recorded as 2024-05-14 (the award date)'],
      ]);
      expect(await award('360G-walsall-2024-0201')).toMatchObject({
        plannedStart: '2024-05-14',
        plannedEnd: '2024-05-14',
      });
      expect(await award('360G-walsall-2024-0202')).toMatchObject({
        plannedStart: '2024-05-14',
        plannedEnd: '2024-11-13',
      });
      // Published again, the grant without planned dates has none: the stand-in is not the funder's plan.
      const published = (await t.http().get(`/grants/360giving/funds/${fund.id}.json`)).body as {
        grants: { id: string; plannedDates?: { duration?: number }[] }[];
      };
      const republished = (id: string) => published.grants.find((item) => item.id === id);
      expect(republished('360G-walsall-2024-0201')).toBeDefined();
      expect(republished('360G-walsall-2024-0201')?.plannedDates).toBeUndefined();
      expect(republished('360G-walsall-2024-0202')?.plannedDates).toEqual([expect.objectContaining({ duration: 6 })]);
      // Importing the same file again changes nothing.
      expect(await imported(file)).toMatchObject({ total: 2, created: 0, updated: 0, unchanged: 2 });
    });

    it('imports with warnings what the Data Quality Tool only warns about', async () => {
      const recipient = [{ id: 'GB-CHC-1187656', name: 'Willenhall Lunch Club' }];
      const report = await imported(
        pkg([
          grant('360G-walsall-2024-0301', {
            amountAppliedFor: 0,
            amountAwarded: 600,
            amountDisbursed: 650,
            plannedDates: [{ startDate: '2024-06-01', endDate: '2024-03-31' }],
            recipientOrganization: recipient,
          }),
        ]),
      );
      expect(report).toMatchObject({ created: 1, rejected: [] });
      expect(report.warnings[0].messages).toEqual([
        'grants[0].amountAppliedFor: is 0; the amount requested is recorded as the amount awarded',
        'grants[0].amountDisbursed: 650 is more than the amount awarded (600); recorded as paid in full',
        'grants[0].plannedDates[0].endDate: 2024-03-31 is before the startDate (2024-06-01); the end is recorded as 2024-06-01',
      ]);
      expect(await award('360G-walsall-2024-0301')).toMatchObject({
        requested: 60_000,
        awarded: 60_000,
        paid: 60_000,
        payments: 60_000,
        plannedStart: '2024-06-01',
        plannedEnd: '2024-06-01',
      });
    });

    it('keeps fromOpenCall and links classifications to the vocabulary’s terms, warning of unknown ones', async () => {
      const fields = {
        amountAwarded: 350,
        plannedDates: [{ startDate: '2024-06-01', endDate: '2024-09-30' }],
        recipientOrganization: [{ id: 'GB-CHC-1187657', name: 'Rushall Faith Forum' }],
        fromOpenCall: 'No',
        classifications: [
          { vocabulary: 'cohesion-themes', code: 'inter-faith', title: 'Inter-faith' },
          { vocabulary: 'TSGRecipientType', code: 'Organisation', title: 'Organisation' },
        ],
      };
      const body = pkg([grant('360G-walsall-2024-0401', fields)]);
      const report = await imported(body);
      expect(report).toMatchObject({ created: 1, rejected: [] });
      expect(report.warnings[0].messages).toEqual([
        'grants[0].classifications[1]: TSGRecipientType Organisation is not a term of a vocabulary here; not linked',
      ]);
      const [row] = await t.db.query<{ openCall: boolean; terms: string[] }[]>(
        `SELECT a.from_open_call AS "openCall",
                ARRAY(SELECT t.code FROM grant_application_themes x JOIN taxonomy_terms t ON t.id = x.term_id
                       WHERE x.application_id = a.id) AS terms
           FROM grant_applications a WHERE a.external_id = '360G-walsall-2024-0401'`,
      );
      expect(row).toEqual({ openCall: false, terms: ['inter-faith'] });
      expect(await imported(body)).toMatchObject({ unchanged: 1 });
      const changed = await imported(pkg([grant('360G-walsall-2024-0401', { ...fields, fromOpenCall: 'Yes' })]));
      expect(changed).toMatchObject({ updated: 1 });
    });

    it('takes recipients of every register on the org-id.guide list, in the forms they are written', async () => {
      const planned = [{ startDate: '2024-06-01', endDate: '2024-07-31' }];
      const recipients = [
        { id: 'US-EIN-47-1850312', name: 'A US foundation' },
        { id: 'XI-ROR-05asf4e91', name: 'A research institute' },
        { id: 'gb-chc-1187658', name: 'Walsall Bangladeshi Women’s Forum' },
        { id: 'GB-COH-IP28755R', name: 'Goscote Co-operative Society' },
        { id: 'GB-COH-1234567', name: 'Moxley Tenants Limited' },
      ];
      const report = await imported(
        pkg(
          recipients.map((recipient, index) =>
            grant(`360G-walsall-2024-05${index}`, {
              amountAwarded: 100,
              plannedDates: planned,
              recipientOrganization: [recipient],
            }),
          ),
        ),
      );
      expect(report).toMatchObject({ created: recipients.length, rejected: [] });
      expect(report.warnings.map((item) => item.messages)).toEqual([
        [
          'grants[4].recipientOrganization[0].id: GB-COH-1234567 is read as GB-COH-01234567 (Companies House numbers have 8 digits)',
        ],
      ]);
      for (const [scheme, identifier] of [
        ['US-EIN', '47-1850312'],
        ['XI-ROR', '05asf4e91'],
        ['GB-CHC', '1187658'],
        ['GB-COH', 'IP28755R'],
        ['GB-COH', '01234567'],
      ]) {
        expect(await organisationWith(scheme, identifier)).toBeDefined();
      }
    });

    it('takes any 360G- identifier the standard allows, as the funder minted it', async () => {
      const minted = '360G-ABCT-ORG:001b000000LQnRYAA1';
      const report = await imported(
        pkg([
          grant('360G-ABCT-GRANT:a0B4J00000Cq9xY', {
            amountAwarded: 250,
            plannedDates: [{ startDate: '2024-06-01', endDate: '2024-07-31' }],
            recipientOrganization: [{ id: minted, name: 'Palfrey Girls Football Club' }],
          }),
        ]),
      );
      expect(report).toMatchObject({ created: 1, rejected: [], organisationsCreated: 1 });
      expect(await organisationWith('360G', 'ABCT-ORG:001b000000LQnRYAA1')).toMatchObject({
        name: 'Palfrey Girls Football Club',
      });
      expect(await award('360G-ABCT-GRANT:a0B4J00000Cq9xY')).toMatchObject({ awarded: 25_000 });
    });

    it('refuses a grant that would take the fund over its budget, naming what remains', async () => {
      const small = await createFund(t, { ownerOrganisationId: council.id, budgetPence: 100_000 });
      const admin = await createAdmin(t);
      const planned = [{ startDate: '2024-10-01', endDate: '2025-03-31' }];
      const fits = grant('360G-walsall-small-1', {
        amountAwarded: 600,
        plannedDates: planned,
        recipientOrganization: [{ id: 'GB-CHC-1123456', name: 'Pleck Community Sports' }],
      });
      const tooMuch = grant('360G-walsall-small-2', {
        amountAwarded: 500,
        plannedDates: planned,
        recipientOrganization: [{ id: '360G-walsall-org-0999', name: 'Over Budget Group' }],
      });
      const report = await imported(pkg([fits, tooMuch]), admin.token, small.globalId);
      expect(report).toMatchObject({ created: 1, rejected: [{ index: 1, grantId: '360G-walsall-small-2' }] });
      expect(report.rejected[0].reasons).toEqual([
        'grants[1].amountAwarded: would take the fund over its budget (GBP 400.00 remaining)',
      ]);
      expect(await totals(small.id)).toMatchObject({ committed: 60_000, budget: 100_000 });
      expect(await organisationWith('360G', 'walsall-org-0999')).toBeUndefined();
    });

    it('keeps the budget when two imports race for what is left', async () => {
      const small = await createFund(t, { ownerOrganisationId: council.id, budgetPence: 100_000 });
      const racer = (n: number) =>
        pkg([
          grant(`360G-walsall-race-${n}`, {
            amountAwarded: 600,
            plannedDates: [{ startDate: '2024-10-01', endDate: '2025-03-31' }],
            recipientOrganization: [{ id: 'GB-CHC-1123456', name: 'Pleck Community Sports' }],
          }),
        ]);
      const reports = await Promise.all([1, 2].map((n) => imported(racer(n), officer.token, small.globalId)));
      expect(reports.map((report) => report.created).sort()).toEqual([0, 1]);
      expect(reports.flatMap((report) => report.rejected.flatMap((item) => item.reasons))).toEqual([
        expect.stringContaining('would take the fund over its budget (GBP 400.00 remaining)'),
      ]);
      expect(await totals(small.id)).toMatchObject({ committed: 60_000 });
    });
  });

  describe('a grant identifier is one grant', () => {
    const ONCE = [
      grant('360G-walsall-once-1', {
        amountAwarded: 2000,
        plannedDates: [{ startDate: '2024-06-01', endDate: '2025-03-31' }],
        recipientOrganization: [{ id: 'GB-CHC-1123456', name: 'Pleck Community Sports' }],
      }),
      grant('360G-walsall-once-2', {
        amountAwarded: 3000,
        plannedDates: [{ startDate: '2024-06-01', endDate: '2025-03-31' }],
        recipientOrganization: [{ id: 'GB-CHC-1123456', name: 'Pleck Community Sports' }],
      }),
    ];

    async function councilGrantIds(owner: Created): Promise<string[]> {
      const response = await t.http().get(`/grants/360giving/councils/${owner.id}.json`);
      expect(response.status).toBe(200);
      return (JSON.parse(response.text) as { grants: { id: string }[] }).grants.map((item) => item.id);
    }

    it('reports a grant imported into another fund and never records it twice', async () => {
      const owner = await createOrganisation(t, { name: 'Once Council', kind: 'LOCAL_AUTHORITY' });
      const clerk = await createPractitioner(t, { roles: [{ role: 'GRANTS_OFFICER', organisationId: owner.id }] });
      const first = await createFund(t, { ownerOrganisationId: owner.id, name: 'First Fund', budgetPence: 1_000_000 });
      const second = await createFund(t, {
        ownerOrganisationId: owner.id,
        name: 'Second Fund',
        budgetPence: 1_000_000,
      });
      expect((await imported(pkg(ONCE), clerk.token, first.globalId)).created).toBe(2);
      const again = await imported(pkg(ONCE), clerk.token, second.globalId);
      expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 0 });
      expect(again.rejected).toEqual([
        {
          index: 0,
          grantId: '360G-walsall-once-1',
          reasons: [expect.stringContaining('grants[0].id: 360G-walsall-once-1 is already the award')],
        },
        {
          index: 1,
          grantId: '360G-walsall-once-2',
          reasons: [expect.stringContaining('of the fund “First Fund”; a grant is recorded once')],
        },
      ]);
      expect(await totals(second.id)).toMatchObject({ committed: 0, paid: 0 });
      expect((await councilGrantIds(owner)).sort()).toEqual(['360G-walsall-once-1', '360G-walsall-once-2']);
      // The database holds the line too, for imports that race: one identifier across funds.
      const third = { ...ONCE[0], id: '360G-walsall-once-3' };
      expect((await imported(pkg([third]), clerk.token, second.globalId)).created).toBe(1);
      await expect(
        t.db.query(
          `UPDATE grant_applications SET external_id = '360G-walsall-once-1' WHERE external_id = '360G-walsall-once-3'`,
        ),
      ).rejects.toThrow(/uq_grant_applications_external_id/);
    });

    it('finds a fund’s own published awards in its 360Giving file, imported into another fund', async () => {
      const owner = await createOrganisation(t, { name: 'Published Council', kind: 'LOCAL_AUTHORITY' });
      const clerk = await createPractitioner(t, { roles: [{ role: 'GRANTS_OFFICER', organisationId: owner.id }] });
      const source = await createFund(t, {
        ownerOrganisationId: owner.id,
        name: 'Demo Fund',
        grantIdPrefix: '360G-pub',
      });
      const target = await createFund(t, { ownerOrganisationId: owner.id, name: 'Other Fund', budgetPence: 1_000_000 });
      await imported(
        pkg(ONCE.map((item, n) => ({ ...item, id: `360G-pub-imported-${n}` }))),
        clerk.token,
        source.globalId,
      );
      const [round] = await t.db.query<{ id: string }[]>('SELECT id FROM grant_rounds WHERE fund_id = $1', [source.id]);
      await t.db.query(
        `INSERT INTO grant_applications (round_id, fund_id, applicant_organisation_id, status, project_title, summary,
                                         amount_requested_pence, amount_awarded_pence, awarded_at, planned_start, planned_end)
         VALUES ($1, $2, $3, 'AWARDED', 'Made here', 'An award made in the fund itself.', 100000, 70000,
                 '2024-06-01', '2024-07-01', '2025-03-31')`,
        [round.id, source.id, charity.id],
      );
      const published = (await t.http().get(`/grants/360giving/funds/${source.id}.json`)).text;
      const before = await councilGrantIds(owner);
      expect(before).toHaveLength(3);
      const report = await imported(published, clerk.token, target.globalId);
      expect(report).toMatchObject({ total: 3, created: 0, updated: 0, unchanged: 0 });
      expect(report.rejected.map((item) => item.reasons[0])).toEqual(
        report.rejected.map(() => expect.stringContaining('of the fund “Demo Fund”; a grant is recorded once')),
      );
      expect(report.rejected).toHaveLength(3);
      expect(await totals(target.id)).toMatchObject({ committed: 0, paid: 0 });
      expect((await councilGrantIds(owner)).sort()).toEqual([...before].sort());
    });
  });

  describe('who may import, and bad input', () => {
    const one = () =>
      pkg([
        grant('360G-walsall-2024-0900', {
          amountAwarded: 100,
          plannedDates: [{ startDate: '2024-10-01', endDate: '2025-03-31' }],
          recipientOrganization: [{ id: 'GB-CHC-1123456', name: 'Pleck Community Sports' }],
        }),
      ]);

    it('refuses members without the role, and grants officers of another council', async () => {
      const member = await createPractitioner(t);
      const dudley = await createOrganisation(t, { kind: 'LOCAL_AUTHORITY', identifiers: ['GB-LAE-DUD'] });
      const elsewhere = await createPractitioner(t, { roles: [{ role: 'GRANTS_OFFICER', organisationId: dudley.id }] });
      const applications = await countRows(t, 'grant_applications');
      expect(errorCode(await importAs(member.token, one()))).toBe('FORBIDDEN');
      expect(errorCode(await importAs(elsewhere.token, one()))).toBe('FORBIDDEN');
      expect(await countRows(t, 'grant_applications')).toBe(applications);
    });

    it('refuses callers who are not signed in', async () => {
      expect(errorCode(await importAs(undefined, one()))).toBe('UNAUTHENTICATED');
    });

    it('reports text that is not JSON, or not a package, as BAD_USER_INPUT naming package', async () => {
      for (const body of ['{"grants": [', '[]', '{"grants": {}}', '{"title": "no grants"}']) {
        const result = await importAs(officer.token, body);
        expect(errorCode(result)).toBe('BAD_USER_INPUT');
        expect(errorFields(result)).toEqual(['package']);
      }
    });

    it('refuses a package whose own metadata breaks the schema, naming the field', async () => {
      const result = await importAs(officer.token, pkg([], { version: 'one point four', publisher: { website: 'x' } }));
      expect(errorCode(result)).toBe('BAD_USER_INPUT');
      // An empty grants list is named too; the file's metadata problems each by field.
      expect(errorFields(result)).toEqual(['package.grants']);
      const metadata = await importAs(officer.token, one().replace('"version":"1.4"', '"version":"one point four"'));
      expect(errorCode(metadata)).toBe('BAD_USER_INPUT');
      expect(errorFields(metadata)).toEqual(['package.version']);
    });

    it('names fundId when it is not a fund’s id, and says NOT_FOUND for an unknown fund', async () => {
      expect(errorFields(await importAs(officer.token, one(), council.globalId))).toEqual(['fundId']);
      const gone = Buffer.from('GrantFund:00000000-0000-4000-8000-000000000000').toString('base64url');
      expect(errorCode(await importAs(officer.token, one(), gone))).toBe('NOT_FOUND');
    });
  });

  describe('the command line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cohesion-import-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    const run = (args: string[]) => runCommandLine(t, 'import-360giving', args);

    it('imports a file into a fund named by programme code as the system, and says what it did', async () => {
      const cliFund = await createFund(t, {
        ownerOrganisationId: council.id,
        name: 'Walsall Faith Fund',
        programmeCode: 'WFF-CLI',
        financialYear: '2024-25',
      });
      const file = join(dir, 'walsall-faith-fund.json');
      const planned = [{ startDate: '2024-10-01', endDate: '2025-03-31' }];
      writeFileSync(
        file,
        pkg([
          grant('360G-walsall-faith-1', {
            amountAwarded: 800,
            plannedDates: planned,
            recipientOrganization: [{ id: 'GB-CHC-1123456', name: 'Pleck Community Sports' }],
          }),
          grant('360G-walsall-faith-2', {
            amountAwarded: 0,
            plannedDates: planned,
            recipientOrganization: [{ id: 'GB-CHC-1123456', name: 'Pleck Community Sports' }],
          }),
        ]),
      );
      const first = await run(['--fund', 'WFF-CLI', file]);
      expect(first.code).toBe(1);
      expect(first.stdout).toContain('Created 1, updated 0, unchanged 0, rejected 1');
      expect(first.stdout).toContain('grants[1].amountAwarded: must be more than 0');
      const [entry] = await t.db.query<{ actor: string | null }[]>(
        `SELECT e.actor_account_id AS actor FROM audit_entries e JOIN grant_applications a ON a.id = e.entity_id
          WHERE a.external_id = '360G-walsall-faith-1'`,
      );
      expect(entry).toEqual({ actor: null });
      expect(await totals(cliFund.id)).toMatchObject({ committed: 80_000 });

      writeFileSync(
        file,
        pkg([
          grant('360G-walsall-faith-1', {
            amountAwarded: 800,
            plannedDates: planned,
            recipientOrganization: [{ id: 'GB-CHC-1123456', name: 'Pleck Community Sports' }],
          }),
        ]),
      );
      const again = await run([`--fund=${cliFund.id}`, file]);
      expect(again.code).toBe(0);
      expect(again.stdout).toContain('Created 0, updated 0, unchanged 1, rejected 0');
    });

    it('exits with 2 on bad arguments or a file that is not a package', async () => {
      const notJson = join(dir, 'not-json.json');
      writeFileSync(notJson, '{"grants": [');
      const bad = await run(['--fund', 'WFF-CLI', notJson]);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain('is not valid JSON');
      const valid = join(dir, 'valid.json');
      writeFileSync(valid, pkg(VALID));
      const noFund = await run(['--fund', 'NO-SUCH-FUND', valid]);
      expect(noFund.code).toBe(2);
      expect(noFund.stderr).toContain('No fund has the id or programme code "NO-SUCH-FUND"');
      expect((await run([valid])).code).toBe(2);
    });
  });
});
