import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { getNamedType, GraphQLList, GraphQLNonNull, GraphQLObjectType } from 'graphql';
import { DataQualityService, PublishingService, ukToday } from '@cohesion/grants';
import {
  createApplication,
  createArea,
  createFund,
  createOrganisation,
  createPractitioner,
  createRound,
  createTerm,
  createTestApp,
  threeSixtyGivingValidator,
  type Created,
  type TestApp,
  parseCsv,
} from '@cohesion/testing';

interface Grant {
  id: string;
  title: string;
  description: string;
  amountAppliedFor: number;
  amountAwarded: number;
  amountDisbursed: number;
  awardDate: string;
  plannedDates: { startDate: string; endDate: string; duration: number }[];
  actualDates?: { startDate: string; endDate: string }[];
  recipientOrganization: {
    id: string;
    name: string;
    charityNumber?: string;
    companyNumber?: string;
    addressLocality?: string;
    postalCode?: string;
  }[];
  fundingOrganization: { id: string; name: string }[];
  grantProgramme: { code: string; title: string }[];
  beneficiaryLocation?: { name: string; geoCode: string; geoCodeType?: string; countryCode: string }[];
  classifications?: { vocabulary: string; code: string; title: string }[];
  fromOpenCall?: string;
  dateModified: string;
  dataSource: string;
}

interface Warning {
  code: string;
  message: string;
  count: number;
  exampleGrantIds: string[];
}

interface Package {
  version: string;
  title: string;
  identifier: string;
  modified: string;
  publisher: { identifier: string; name: string };
  license: string;
  grants: Grant[];
  dataQualityWarnings: Warning[];
}

function csvObjects(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  return rows.map((row) => Object.fromEntries(header.map((title, index) => [title, row[index]])));
}

const PREFIX = '360G-walsallcohesion';

describe('360Giving publishing', () => {
  let t: TestApp;
  let council: Created;
  let fund: Created;
  let secondFund: Created;
  let badFund: Created;
  let emptyFund: Created;
  let ids: Record<string, string>;
  let officerEmail: string;
  let officerName: string;
  let today: string;

  const grantIdOf = (key: string) => `${PREFIX}-${ids[key]}`;

  async function fetchJson(path: string): Promise<{ status: number; body: Package; headers: Record<string, string> }> {
    const response = await t.http().get(path);
    return { status: response.status, body: JSON.parse(response.text) as Package, headers: response.headers };
  }

  beforeAll(async () => {
    t = await createTestApp();
    today = ukToday();
    council = await createOrganisation(t, {
      name: 'Walsall Council',
      kind: 'LOCAL_AUTHORITY',
      identifiers: ['GB-LAE-WLL'],
      website: 'https://go.walsall.gov.uk',
    });
    const district = await createArea(t, { name: 'Walsall', code: 'E08000030' });
    const birchills = await createArea(t, {
      kind: 'WARD',
      name: 'Birchills Leamore',
      code: 'E05001234',
      parentId: district.id,
    });
    const paddock = await createArea(t, { kind: 'WARD', name: 'Paddock', code: 'E05001235', parentId: district.id });
    const locality = await createArea(t, {
      kind: 'LOCALITY',
      name: 'Walsall North',
      code: 'WSL-N',
      parentId: district.id,
    });
    // A ward whose ONS code is not known yet, and a locality that belongs to no coded area.
    const uncodedWard = await createArea(t, { kind: 'WARD', name: 'Blakenall', parentId: locality.id });
    const adrift = await createArea(t, { kind: 'LOCALITY', name: 'Canal Towpaths', code: 'WSL-T' });
    const theme = await createTerm(t, 'cohesion-themes', { code: 'test-coffee', name: 'Coffee and conversation' });

    const charity = await createOrganisation(t, {
      name: 'Birchills Good Neighbours',
      identifiers: ['GB-CHC-1123456'],
      town: 'Walsall',
      postcode: 'WS2 8QH',
    });
    const company = await createOrganisation(t, {
      name: 'Paddock Community Interest Company',
      identifiers: ['GB-COH-09876543', '360G-walsallcohesion-paddock'],
    });
    const unregistered = await createOrganisation(t, {
      name: 'Leamore Mums Group',
      identifiers: ['360G-walsallcohesion-leamore'],
    });
    const unnamed = await createOrganisation(t, { name: 'Friday Walkers' });
    const membersOnly = await createOrganisation(t, {
      name: 'Quiet Refuge Group',
      visibility: 'MEMBERS',
      town: 'Walsall',
      postcode: 'WS1 1TP',
    });
    const officer = await createPractitioner(t, {
      fullName: 'Officer Ophelia Grants',
      roles: [{ role: 'GRANTS_OFFICER', organisationId: council.id }],
    });
    officerEmail = officer.email;
    officerName = 'Officer Ophelia Grants';

    fund = await createFund(t, {
      ownerOrganisationId: council.id,
      name: 'Walsall Cohesion Fund',
      programmeCode: 'WCF',
      financialYear: '2026-27',
      grantIdPrefix: PREFIX,
      budgetPence: 10_000_000,
    });
    const round = await createRound(t, { fundId: fund.id });
    const base = { fundId: fund.id, roundId: round.id, createdBy: officer.id };
    const wards = [birchills.id, paddock.id];
    ids = {
      charity: (
        await createApplication(t, {
          ...base,
          applicantOrganisationId: charity.id,
          status: 'AWARDED',
          projectTitle: 'Tea, "talk"\nand cake',
          summary: 'Weekly tea afternoons, with "conversation", for neighbours, old and new.',
          amountRequestedPence: 200_000,
          amountAwardedPence: 150_050,
          areaIds: [...wards, district.id, locality.id],
          themeIds: [theme.id],
        })
      ).id,
      company: (
        await createApplication(t, {
          ...base,
          applicantOrganisationId: company.id,
          status: 'ACTIVE',
          projectTitle: '=Paddock Youth Forum',
          amountRequestedPence: 300_000,
          paidPence: 100_000,
          areaIds: [paddock.id],
        })
      ).id,
      unregistered: (
        await createApplication(t, {
          ...base,
          applicantOrganisationId: unregistered.id,
          status: 'COMPLETED',
          areaIds: [birchills.id],
          paidPence: 100_000,
        })
      ).id,
      unnamed: (
        await createApplication(t, {
          ...base,
          applicantOrganisationId: unnamed.id,
          status: 'CLOSED_EARLY',
          closedAt: new Date('2026-11-30T12:00:00Z'),
          areaIds: [district.id],
        })
      ).id,
      membersOnly: (
        await createApplication(t, {
          ...base,
          applicantOrganisationId: membersOnly.id,
          status: 'AWARDED',
          areaIds: [birchills.id],
        })
      ).id,
      inAssessment: (
        await createApplication(t, { ...base, applicantOrganisationId: charity.id, status: 'IN_ASSESSMENT' })
      ).id,
      declined: (await createApplication(t, { ...base, applicantOrganisationId: charity.id, status: 'DECLINED' })).id,
      withdrawn: (await createApplication(t, { ...base, applicantOrganisationId: charity.id, status: 'WITHDRAWN' })).id,
    };

    secondFund = await createFund(t, {
      ownerOrganisationId: council.id,
      name: 'Walsall Belonging Fund',
      programmeCode: 'WBF',
      financialYear: '2027-28',
      grantIdPrefix: PREFIX,
    });
    const secondRound = await createRound(t, { fundId: secondFund.id });
    ids.second = (
      await createApplication(t, {
        fundId: secondFund.id,
        roundId: secondRound.id,
        applicantOrganisationId: charity.id,
        status: 'AWARDED',
        areaIds: [birchills.id],
      })
    ).id;
    ids.imported = (
      await createApplication(t, {
        fundId: secondFund.id,
        roundId: (await createRound(t, { fundId: secondFund.id, imported: true })).id,
        applicantOrganisationId: company.id,
        status: 'COMPLETED',
        externalId: '360G-oldwalsall-0042',
        areaIds: [paddock.id],
      })
    ).id;

    // A fund whose awards each break one check, and one that breaks none.
    badFund = await createFund(t, {
      ownerOrganisationId: council.id,
      name: 'Walsall Small Grants',
      programmeCode: 'WSG',
      grantIdPrefix: PREFIX,
    });
    const badRound = await createRound(t, { fundId: badFund.id });
    const malformedCharity = await createOrganisation(t, { name: 'Odd Charity' });
    const malformedCompany = await createOrganisation(t, { name: 'Odd Company' });
    await t.db.query(
      `INSERT INTO organisation_identifiers (organisation_id, scheme, identifier) VALUES ($1, 'GB-CHC', '12AB'), ($2, 'GB-COH', '123')`,
      [malformedCharity.id, malformedCompany.id],
    );
    const future = new Date(Date.parse(`${today}T00:00:00Z`) + 30 * 86_400_000).toISOString().slice(0, 10);
    const bad = { fundId: badFund.id, roundId: badRound.id, status: 'AWARDED' as const, areaIds: [birchills.id] };
    const badAward = async (overrides: Partial<Parameters<typeof createApplication>[1]>) =>
      (await createApplication(t, { ...bad, applicantOrganisationId: charity.id, ...overrides })).id;
    ids.good = await badAward({});
    ids.future = await badAward({ awardedAt: future });
    ids.malformedCharity = await badAward({ applicantOrganisationId: malformedCharity.id });
    ids.malformedCompany = await badAward({ applicantOrganisationId: malformedCompany.id });
    ids.sameText = await badAward({ projectTitle: 'Street party', summary: 'Street  party ' });
    ids.longTitle = await badAward({ projectTitle: `Street party ${'and more '.repeat(16)}` });
    ids.email = await badAward({ summary: 'Places from Jo at jo.bloggs@example.org before June.' });
    ids.nowhere = await badAward({ areaIds: [adrift.id] });
    ids.uncoded = await badAward({ areaIds: [uncodedWard.id, locality.id] });

    emptyFund = await createFund(t, { ownerOrganisationId: council.id, grantIdPrefix: PREFIX });
    const emptyRound = await createRound(t, { fundId: emptyFund.id });
    await createApplication(t, {
      fundId: emptyFund.id,
      roundId: emptyRound.id,
      applicantOrganisationId: charity.id,
      status: 'IN_ASSESSMENT',
    });
  });
  afterAll(async () => {
    await t.close();
  });

  it('lists every council that publishes, with each fund that has awards (not the one without)', async () => {
    const publishers = await t.app.get(PublishingService).publishers();
    const walsall = publishers.find((publisher) => publisher.councilId === council.id);
    expect(walsall?.name).toBe('Walsall Council');
    expect(walsall?.funds.map((one) => one.fundId).sort()).toEqual([fund.id, secondFund.id, badFund.id].sort());
    expect(walsall?.funds.find((one) => one.fundId === secondFund.id)).toMatchObject({
      name: 'Walsall Belonging Fund',
      financialYear: '2027-28',
      awards: 2,
    });
    expect(walsall?.awards).toBe(walsall?.funds.reduce((sum, one) => sum + one.awards, 0));
    expect(walsall?.funds.map((one) => one.fundId)).not.toContain(emptyFund.id);
    // The council with no awarding fund at all is not a publisher.
    expect(publishers.every((publisher) => publisher.funds.length > 0)).toBe(true);
  });

  describe('a fund as a 360Giving JSON package', () => {
    let data: Package;
    let byId: Map<string, Grant>;

    beforeAll(async () => {
      const response = await fetchJson(`/grants/360giving/funds/${fund.id}.json`);
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(response.headers['content-disposition']).toBe(`inline; filename="360giving-fund-${fund.id}.json"`);
      expect(response.headers['access-control-allow-origin']).toBe('*');
      data = response.body;
      byId = new Map(data.grants.map((grant) => [grant.id, grant]));
    });

    it('is valid against the 360Giving 1.4.3 package and grant schemas, format checks on', () => {
      const validator = threeSixtyGivingValidator();
      expect(validator.packageErrors(data)).toEqual([]);
      // The validator is not merely lenient: an empty package, or a grant with a text amount, fails.
      expect(validator.packageErrors({ ...data, grants: [] })).not.toEqual([]);
      expect(validator.grantErrors({ ...data.grants[0], amountAwarded: '1500.5' })).not.toEqual([]);
      expect(validator.grantErrors({ ...data.grants[0], awardDate: '15/05/2026' })).not.toEqual([]);
      expect(data.version).toBe('1.4');
      expect(data.publisher).toEqual({
        identifier: 'GB-LAE-WLL',
        name: 'Walsall Council',
        website: 'https://go.walsall.gov.uk/',
      });
      expect(data.title).toContain('Walsall Cohesion Fund');
      expect(data.license).toMatch(/^https:\/\/www\.nationalarchives\.gov\.uk\/doc\/open-government-licence/);
    });

    it('publishes awards only, never applications still open, declined or withdrawn', () => {
      expect([...byId.keys()].sort()).toEqual(
        ['charity', 'company', 'unregistered', 'unnamed', 'membersOnly'].map(grantIdOf).sort(),
      );
      for (const key of ['inAssessment', 'declined', 'withdrawn']) expect(byId.has(grantIdOf(key))).toBe(false);
    });

    it('gives amounts in pounds, the dates, the programme and where the data comes from', () => {
      const grant = byId.get(grantIdOf('charity')) as Grant;
      expect(grant).toMatchObject({
        title: 'Tea, "talk"\nand cake',
        currency: 'GBP',
        amountAppliedFor: 2000,
        amountAwarded: 1500.5,
        amountDisbursed: 0,
        awardDate: '2026-05-15',
        plannedDates: [{ startDate: '2026-06-01', endDate: '2027-03-31', duration: 10 }],
        fundingOrganization: [{ id: 'GB-LAE-WLL', name: 'Walsall Council' }],
        grantProgramme: [{ code: 'WCF', title: 'Walsall Cohesion Fund' }],
        classifications: [{ vocabulary: 'cohesion-themes', code: 'test-coffee', title: 'Coffee and conversation' }],
        fromOpenCall: 'Yes',
        dataSource: `${t.config.publicUrl}/grants/360giving/funds/${fund.id}.json`,
      });
      expect(Date.parse(grant.dateModified)).not.toBeNaN();
      expect(byId.get(grantIdOf('company'))?.amountDisbursed).toBe(1000);
      expect(byId.get(grantIdOf('unnamed'))?.actualDates).toEqual([
        { startDate: '2026-06-01', endDate: '2026-11-30', duration: 6 },
      ]);
      expect(byId.get(grantIdOf('unregistered'))?.actualDates).toBeUndefined();
    });

    it('identifies recipients by their register, else their 360G id, else one minted from the fund’s prefix', () => {
      const recipient = (key: string) => (byId.get(grantIdOf(key)) as Grant).recipientOrganization[0];
      expect(recipient('charity')).toEqual({
        id: 'GB-CHC-1123456',
        name: 'Birchills Good Neighbours',
        charityNumber: '1123456',
        addressLocality: 'Walsall',
        postalCode: 'WS2 8QH',
      });
      expect(recipient('company')).toEqual({
        id: 'GB-COH-09876543',
        name: 'Paddock Community Interest Company',
        companyNumber: '09876543',
      });
      expect(recipient('unregistered')).toEqual({ id: '360G-walsallcohesion-leamore', name: 'Leamore Mums Group' });
      expect(recipient('unnamed').id).toMatch(new RegExp(`^${PREFIX}-org-[0-9a-f-]{36}$`));
      // A group the directory lists to members only, without consent to be named: neither named nor located.
      expect(recipient('membersOnly')).toEqual({
        id: expect.stringMatching(new RegExp(`^${PREFIX}-org-[0-9a-f]{32}$`)),
        name: 'Name withheld (not listed publicly)',
      });
    });

    it('locates beneficiaries by ONS code, with the code type from the codelist', () => {
      const grant = byId.get(grantIdOf('charity')) as Grant;
      expect(grant.beneficiaryLocation).toEqual([
        { name: 'Birchills Leamore', geoCode: 'E05001234', geoCodeType: 'WD', countryCode: 'GB' },
        { name: 'Paddock', geoCode: 'E05001235', geoCodeType: 'WD', countryCode: 'GB' },
        { name: 'Walsall', geoCode: 'E08000030', geoCodeType: 'MD', countryCode: 'GB' },
      ]);
    });

    it('says nothing about people', async () => {
      const text = (await t.http().get(`/grants/360giving/funds/${fund.id}.json`)).text;
      expect(text).not.toContain(officerEmail);
      expect(text).not.toContain(officerName);
      expect(text).not.toContain('WS1 1TP');
      expect(text).not.toContain('Quiet Refuge Group');
    });

    it('reports no data quality warnings when the awards are sound', () => {
      expect(data.dataQualityWarnings).toEqual([]);
    });
  });

  describe('a fund as 360Giving CSV', () => {
    let text: string;
    let rows: Record<string, string>[];

    beforeAll(async () => {
      const response = await t.http().get(`/grants/360giving/funds/${fund.id}.csv`);
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe('text/csv; charset=utf-8; header=present');
      expect(response.headers['content-disposition']).toBe(`attachment; filename="360giving-fund-${fund.id}.csv"`);
      text = response.text;
      rows = csvObjects(text);
    });

    it('has the 360Giving column titles, further locations numbered, a theme, and one row per award', () => {
      const header = text.slice(0, text.indexOf('\r\n'));
      expect(header).toBe(
        [
          'Identifier',
          'Title',
          'Description',
          'Currency',
          'Amount Applied For',
          'Amount Awarded',
          'Amount Disbursed',
          'Award Date',
          'Planned Dates:Start Date',
          'Planned Dates:End Date',
          'Planned Dates:Duration (months)',
          'Actual Dates:Start Date',
          'Actual Dates:End Date',
          'Actual Dates:Duration (months)',
          'Recipient Org:Identifier',
          'Recipient Org:Name',
          'Recipient Org:Charity Number',
          'Recipient Org:Company Number',
          'Recipient Org:City',
          'Recipient Org:Postal Code',
          'Funding Org:Identifier',
          'Funding Org:Name',
          'Grant Programme:Code',
          'Grant Programme:Title',
          'Beneficiary Location:Name',
          'Beneficiary Location:Geographic Code',
          'Beneficiary Location:Geographic Code Type',
          'Beneficiary Location:Country Code',
          ...[1, 2].flatMap((n) =>
            ['Name', 'Geographic Code', 'Geographic Code Type', 'Country Code'].map(
              (field) => `Beneficiary Location:${n}:${field}`,
            ),
          ),
          'Classifications:Vocabulary',
          'Classifications:Code',
          'Classifications:Title',
          'From An Open Call?',
          'Last Modified',
          'Data Source',
        ].join(','),
      );
      expect(rows.map((row) => row.Identifier).sort()).toEqual(
        ['charity', 'company', 'unregistered', 'unnamed', 'membersOnly'].map(grantIdOf).sort(),
      );
    });

    it('quotes commas, quotes and line breaks, and writes every value as the JSON has it', () => {
      expect(text).toContain('"Tea, ""talk""\nand cake"');
      const charity = rows.find((row) => row.Identifier === grantIdOf('charity')) as Record<string, string>;
      expect(charity).toMatchObject({
        Title: 'Tea, "talk"\nand cake',
        'Amount Awarded': '1500.5',
        'Amount Applied For': '2000',
        'Recipient Org:Identifier': 'GB-CHC-1123456',
        'Recipient Org:Charity Number': '1123456',
        'Funding Org:Identifier': 'GB-LAE-WLL',
        'Beneficiary Location:Geographic Code': 'E05001234',
        'Beneficiary Location:Geographic Code Type': 'WD',
        'Beneficiary Location:2:Geographic Code': 'E08000030',
        'Beneficiary Location:2:Geographic Code Type': 'MD',
        'Planned Dates:Duration (months)': '10',
        'Classifications:Vocabulary': 'cohesion-themes',
        'Classifications:Code': 'test-coffee',
        'Classifications:Title': 'Coffee and conversation',
      });
      const company = rows.find((row) => row.Identifier === grantIdOf('company')) as Record<string, string>;
      // Data for 360Giving's tools: no spreadsheet formula guard alters it.
      expect(company.Title).toBe('=Paddock Youth Forum');
      expect(company['Recipient Org:Company Number']).toBe('09876543');
    });
  });

  describe('a council’s grants', () => {
    it('span every fund it runs, in JSON and CSV alike', async () => {
      const { status, body } = await fetchJson(`/grants/360giving/councils/${council.id}.json`);
      expect(status).toBe(200);
      expect(threeSixtyGivingValidator().packageErrors(body)).toEqual([]);
      const programmes = new Set(body.grants.map((grant) => grant.grantProgramme[0].code));
      expect([...programmes].sort()).toEqual(['WBF', 'WCF', 'WSG']);
      expect(body.grants).toHaveLength(5 + 2 + 9);
      expect(body.publisher.identifier).toBe('GB-LAE-WLL');
      const imported = body.grants.find((grant) => grant.id === '360G-oldwalsall-0042') as Grant;
      expect(imported.fromOpenCall).toBeUndefined();
      expect(imported.dataSource).toBe(`${t.config.publicUrl}/grants/360giving/funds/${secondFund.id}.json`);
      expect(body.grants.find((grant) => grant.id === grantIdOf('second'))).toBeDefined();

      const csv = await t.http().get(`/grants/360giving/councils/${council.id}.csv`);
      expect(csv.status).toBe(200);
      expect(csv.headers['content-disposition']).toBe(`attachment; filename="360giving-council-${council.id}.csv"`);
      expect(
        csvObjects(csv.text)
          .map((row) => row.Identifier)
          .sort(),
      ).toEqual(body.grants.map((grant) => grant.id).sort());
    });
  });

  it('reads awards a page at a time by id, each once, across funds', async () => {
    const publishing = t.app.get(PublishingService);
    const publication = await publishing.forCouncil(council.id);
    const { body } = await fetchJson(`/grants/360giving/councils/${council.id}.json`);
    t.resetStatements();
    const pages: string[][] = [];
    for await (const grants of publishing.grants(publication, 2)) pages.push(grants.map((grant) => grant.id));
    expect(pages.flat()).toEqual(body.grants.map((grant) => grant.id));
    expect(Math.max(...pages.map((page) => page.length))).toBe(2);
    // One statement a page, and at most one more per fund to find its last page was full.
    expect(t.statements()).toBeLessThanOrEqual(pages.length + publication.funds.length);
    expect(publication.funds).toHaveLength(3);
  });

  it('locates a grant for an area without an ONS code in its nearest coded area, once', async () => {
    const { body } = await fetchJson(`/grants/360giving/funds/${badFund.id}.json`);
    const located = (key: string) => body.grants.find((grant) => grant.id === grantIdOf(key))?.beneficiaryLocation;
    // Blakenall (no code) and Walsall North (a council's own code) both lie in Walsall.
    expect(located('uncoded')).toEqual([
      { name: 'Walsall', geoCode: 'E08000030', geoCodeType: 'MD', countryCode: 'GB' },
    ]);
    // Nothing up the chain has a code: no location, and the warning below says so.
    expect(located('nowhere')).toBeUndefined();
  });

  describe('data quality', () => {
    it('flags each crafted problem on its own award, with a count and example ids, and never the sound one', async () => {
      const { body } = await fetchJson(`/grants/360giving/funds/${badFund.id}.json`);
      expect(threeSixtyGivingValidator().packageErrors(body)).toEqual([]);
      const found = Object.fromEntries(body.dataQualityWarnings.map((warning) => [warning.code, warning]));
      expect(Object.keys(found)).toEqual([
        'AWARD_DATE_IN_FUTURE',
        'MALFORMED_CHARITY_NUMBER',
        'MALFORMED_COMPANY_NUMBER',
        'TITLE_SAME_AS_DESCRIPTION',
        'TITLE_TOO_LONG',
        'EMAIL_IN_TEXT',
        'NO_BENEFICIARY_LOCATION',
      ]);
      const expected: Record<string, string> = {
        AWARD_DATE_IN_FUTURE: 'future',
        MALFORMED_CHARITY_NUMBER: 'malformedCharity',
        MALFORMED_COMPANY_NUMBER: 'malformedCompany',
        TITLE_SAME_AS_DESCRIPTION: 'sameText',
        TITLE_TOO_LONG: 'longTitle',
        EMAIL_IN_TEXT: 'email',
        NO_BENEFICIARY_LOCATION: 'nowhere',
      };
      for (const [code, key] of Object.entries(expected)) {
        expect(found[code]).toMatchObject({ count: 1, exampleGrantIds: [grantIdOf(key)] });
        expect(found[code].message.length).toBeGreaterThan(20);
      }
      const flagged = body.dataQualityWarnings.flatMap((warning) => warning.exampleGrantIds);
      expect(flagged).not.toContain(grantIdOf('good'));
    });

    it('gives the fund page the same warnings, from one SQL statement over all the funds asked for', async () => {
      const { body } = await fetchJson(`/grants/360giving/funds/${badFund.id}.json`);
      const service = t.app.get(DataQualityService);
      t.resetStatements();
      const byFund = await service.forFunds([badFund.id, fund.id, emptyFund.id]);
      expect(t.statements()).toBe(1);
      expect(byFund.get(badFund.id)).toEqual(body.dataQualityWarnings);
      expect(byFund.get(fund.id)).toEqual([]);
      expect(byFund.get(emptyFund.id)).toEqual([]);
    });

    it('is a field of GrantFund: dataQualityWarnings: [DataQualityWarning!]!', () => {
      const schema = t.app.get(GraphQLSchemaHost).schema;
      const type = schema.getType('GrantFund') as GraphQLObjectType;
      const field = type.getFields().dataQualityWarnings;
      expect(field.type).toBeInstanceOf(GraphQLNonNull);
      const list = (field.type as GraphQLNonNull<GraphQLList<GraphQLNonNull<GraphQLObjectType>>>).ofType;
      expect(list).toBeInstanceOf(GraphQLList);
      expect(list.ofType).toBeInstanceOf(GraphQLNonNull);
      expect(getNamedType(field.type).name).toBe('DataQualityWarning');
    });
  });

  describe('who is named', () => {
    const SANDWELL = '360G-sandwellcohesion';
    let sandwellFund: Created;
    let otherFund: Created;
    let hidden: Created;
    let consenting: Created;
    let hiddenAdmin: string;
    let consentingAdmin: string;
    let awards: Record<string, string>;

    /** The recipient of each award, from the fund's JSON package and its CSV alike. */
    async function recipients(): Promise<Record<string, { id: string; name: string; number?: string }>> {
      const { body } = await fetchJson(`/grants/360giving/funds/${sandwellFund.id}.json`);
      expect(threeSixtyGivingValidator().packageErrors(body)).toEqual([]);
      const csv = csvObjects((await t.http().get(`/grants/360giving/funds/${sandwellFund.id}.csv`)).text);
      const byKey: Record<string, { id: string; name: string; number?: string }> = {};
      for (const [key, id] of Object.entries(awards)) {
        const grant = body.grants.find((candidate) => candidate.id === `${SANDWELL}-${id}`) as Grant;
        const [recipient] = grant.recipientOrganization;
        expect(recipient.addressLocality).toBeUndefined();
        expect(recipient.postalCode).toBeUndefined();
        const row = csv.find((candidate) => candidate.Identifier === grant.id) as Record<string, string>;
        expect([row['Recipient Org:Identifier'], row['Recipient Org:Name'], row['Recipient Org:Postal Code']]).toEqual([
          recipient.id,
          recipient.name,
          '',
        ]);
        byKey[key] = { id: recipient.id, name: recipient.name };
        const number = recipient.charityNumber ?? recipient.companyNumber;
        if (number) byKey[key].number = number;
      }
      return byKey;
    }

    async function setConsent(organisation: Created, token: string, namedInGrantsData: boolean): Promise<void> {
      const [{ version }] = await t.db.query<{ version: number }[]>('SELECT version FROM organisations WHERE id = $1', [
        organisation.id,
      ]);
      const result = await t.gql(
        `mutation ($input: UpdateOrganisationInput!) { updateOrganisation(input: $input) { namedInGrantsData } }`,
        { input: { id: organisation.globalId, version, namedInGrantsData } },
        token,
      );
      expect(result.errors).toBeUndefined();
    }

    beforeAll(async () => {
      const sandwell = await createOrganisation(t, { name: 'Sandwell Council', kind: 'LOCAL_AUTHORITY' });
      sandwellFund = await createFund(t, { ownerOrganisationId: sandwell.id, grantIdPrefix: SANDWELL });
      const round = await createRound(t, { fundId: sandwellFund.id });
      hidden = await createOrganisation(t, {
        name: 'Tipton Survivors Circle',
        visibility: 'MEMBERS',
        identifiers: ['GB-CHC-1177777'],
        town: 'Tipton',
        postcode: 'DY4 8QT',
      });
      consenting = await createOrganisation(t, {
        name: 'Smethwick Sisters',
        visibility: 'MEMBERS',
        identifiers: ['GB-CHC-1188888'],
        town: 'Smethwick',
        postcode: 'B66 1AA',
        namedInGrantsData: true,
      });
      const unverified = await createOrganisation(t, {
        name: 'Oldbury Pop-up Kitchen',
        verified: false,
        identifiers: ['GB-COH-01777777'],
        town: 'Oldbury',
        postcode: 'B69 3DE',
      });
      hiddenAdmin = (await createPractitioner(t, { roles: [{ role: 'ORG_ADMIN', organisationId: hidden.id }] })).token;
      consentingAdmin = (await createPractitioner(t, { roles: [{ role: 'ORG_ADMIN', organisationId: consenting.id }] }))
        .token;
      const award = async (organisation: Created) =>
        (
          await createApplication(t, {
            fundId: sandwellFund.id,
            roundId: round.id,
            applicantOrganisationId: organisation.id,
            status: 'AWARDED',
          })
        ).id;
      awards = {
        hidden: await award(hidden),
        consenting: await award(consenting),
        unverified: await award(unverified),
      };
      otherFund = await createFund(t, { ownerOrganisationId: sandwell.id, grantIdPrefix: SANDWELL });
      await createApplication(t, {
        fundId: otherFund.id,
        roundId: (await createRound(t, { fundId: otherFund.id })).id,
        applicantOrganisationId: hidden.id,
        status: 'AWARDED',
      });
    });

    it('names a group not listed publicly, or not verified, only with its consent, in JSON and CSV', async () => {
      const withheld = 'Name withheld (not listed publicly)';
      const minted = expect.stringMatching(new RegExp(`^${SANDWELL}-org-[0-9a-f]{32}$`));
      const before = await recipients();
      expect(before).toEqual({
        hidden: { id: minted, name: withheld },
        consenting: { id: 'GB-CHC-1188888', name: 'Smethwick Sisters', number: '1188888' },
        unverified: { id: minted, name: withheld },
      });
      // Stable from one download to the next, and one per recipient.
      expect(await recipients()).toEqual(before);
      expect(before.hidden.id).not.toBe(before.unverified.id);
      const text = (await t.http().get(`/grants/360giving/funds/${sandwellFund.id}.json`)).text;
      const [unverified] = await t.db.query<{ id: string }[]>(
        `SELECT id FROM organisations WHERE name = 'Oldbury Pop-up Kitchen'`,
      );
      // Nothing that names the group, nor its directory id (which a member could look up).
      for (const secret of ['Tipton Survivors Circle', '1177777', 'Oldbury Pop-up Kitchen', '01777777', 'Tipton']) {
        expect(text).not.toContain(secret);
      }
      for (const id of [hidden.id, unverified.id]) {
        expect(text).not.toContain(id);
        expect(text).not.toContain(id.replace(/-/g, ''));
      }
      // The same withheld recipient under another fund is not linkable to this one.
      const other = (await fetchJson(`/grants/360giving/funds/${otherFund.id}.json`)).body.grants;
      expect(other).toHaveLength(1);
      expect(other[0].recipientOrganization[0]).toEqual({ id: minted, name: withheld });
      expect(other[0].recipientOrganization[0].id).not.toBe(before.hidden.id);

      await setConsent(hidden, hiddenAdmin, true);
      await setConsent(consenting, consentingAdmin, false);
      const after = await recipients();
      expect(after).toMatchObject({
        hidden: { id: 'GB-CHC-1177777', name: 'Tipton Survivors Circle', number: '1177777' },
        consenting: { id: minted, name: withheld },
      });
      // Withdrawn consent leaves nothing that ties the group to its named awards.
      expect(JSON.stringify(after.consenting)).not.toContain(consenting.id);
    });
  });

  describe('what is not there', () => {
    async function expectNotFound(path: string, message: RegExp): Promise<void> {
      const response = await t.http().get(path);
      expect(response.status).toBe(404);
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      expect(response.body.errors[0].extensions.code).toBe('NOT_FOUND');
      expect(response.body.errors[0].message).toMatch(message);
    }

    it('is NOT_FOUND with a JSON error: unknown or malformed ids, and nothing awarded yet', async () => {
      const unknown = '9b2f6a1e-0000-4000-8000-000000000000';
      await expectNotFound(`/grants/360giving/funds/${unknown}.json`, /Fund was not found/);
      await expectNotFound(`/grants/360giving/funds/${unknown}.csv`, /Fund was not found/);
      await expectNotFound('/grants/360giving/funds/not-a-fund.json', /Fund was not found/);
      await expectNotFound(`/grants/360giving/councils/${unknown}.json`, /Council was not found/);
      await expectNotFound('/grants/360giving/councils/42.csv', /Council was not found/);
      await expectNotFound(`/grants/360giving/funds/${emptyFund.id}.json`, /Nothing is published for this fund yet/);
      await expectNotFound(`/grants/360giving/funds/${emptyFund.id}.csv`, /Nothing is published for this fund yet/);
      const quiet = await createOrganisation(t, { name: 'Quiet Council', kind: 'LOCAL_AUTHORITY' });
      await expectNotFound(`/grants/360giving/councils/${quiet.id}.json`, /Nothing is published for this council/);
    });

    it('needs no sign-in, and a bad token is still refused as such', async () => {
      const signedIn = await createPractitioner(t);
      const response = await t
        .http()
        .get(`/grants/360giving/funds/${secondFund.id}.json`)
        .set('authorization', `Bearer ${signedIn.token}`);
      expect(response.status).toBe(200);
      const refused = await t
        .http()
        .get(`/grants/360giving/funds/${secondFund.id}.json`)
        .set('authorization', 'Bearer not-a-token');
      expect(refused.status).toBe(401);
      expect(refused.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    });
  });
});
