import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { toGlobalId } from '@cohesion/common';
import {
  createAdmin,
  createApplication,
  createArea,
  createFund,
  createMonitoringReport,
  createOrganisation,
  createPractitioner,
  createRound,
  createTerm,
  createTestApp,
  errorCode,
  errorFields,
  type ApplicationOverrides,
  type Created,
  type TestApp,
  type TestPractitioner,
  parseCsv,
} from '@cohesion/testing';

/**
 * grantsReport and GET /grants/report.csv over two councils. Every expected figure
 * below is worked out by hand from the applications created in beforeAll (see the table
 * there); amounts are pence.
 */
const FIGURES = 'applications awards requested awarded paid';
const ROW = `key label ${FIGURES}`;
const REPORT = `query Report($filter: GrantsReportFilter) {
  grantsReport(filter: $filter) {
    totals { ${FIGURES} }
    byFund { ${ROW} } byFinancialYear { ${ROW} } byArea { ${ROW} } byTheme { ${ROW} }
    byOrganisationKind { ${ROW} } byStatus { ${ROW} }
    unregisteredShare { awarded totalAwarded share awards }
    participantsReached
    ons4 { item question lowerIsBetter reports meanBefore meanAfter change improved }
  }
}`;

interface Figures {
  applications: number;
  awards: number;
  requested: number;
  awarded: number;
  paid: number;
}
interface Row extends Figures {
  key: string | null;
  label: string;
}
interface Ons4 {
  item: string;
  question: string;
  lowerIsBetter: boolean;
  reports: number;
  meanBefore: number | null;
  meanAfter: number | null;
  change: number | null;
  improved: boolean | null;
}
interface Report {
  totals: Figures;
  byFund: Row[];
  byFinancialYear: Row[];
  byArea: Row[];
  byTheme: Row[];
  byOrganisationKind: Row[];
  byStatus: Row[];
  unregisteredShare: { awarded: number; totalAwarded: number; share: number; awards: number };
  participantsReached: number;
  ons4: Ons4[];
}

/** [applications, awards, requested, awarded, paid] */
type Tuple = [number, number, number, number, number];
const figures = ([applications, awards, requested, awarded, paid]: Tuple): Figures => ({
  applications,
  awards,
  requested,
  awarded,
  paid,
});
const row = (key: string | null, label: string, tuple: Tuple): Row => ({ key, label, ...figures(tuple) });

type CsvRecord = Record<string, string>;
function records(text: string): { header: string[]; rows: CsvRecord[] } {
  const [header, ...lines] = parseCsv(text.replace(/^\uFEFF/, ''));
  return { header, rows: lines.map((cells) => Object.fromEntries(header.map((name, i) => [name, cells[i]]))) };
}

describe('grantsReport', () => {
  let t: TestApp;
  let officerA: TestPractitioner;
  let officerB: TestPractitioner;
  let admin: TestPractitioner;
  let member: TestPractitioner;
  let orgAdminA: TestPractitioner;
  let councilA: Created;
  let councilB: Created;
  let region: Created;
  let district: Created;
  let ward: Created;
  let otherDistrict: Created;
  let parentTheme: Created;
  let childTheme: Created;
  let otherTheme: Created;
  let fundA1: Created;
  let fundA2: Created;
  let fundB1: Created;
  let fundB2: Created;
  const EVIL_FUND_NAME = '=HYPERLINK("http://evil.example","Click"), +1';

  const report = async (token: string | undefined, filter?: Record<string, unknown>) =>
    t.gql<{ grantsReport: Report }>(REPORT, filter ? { filter } : {}, token);
  const ok = async (token: string, filter?: Record<string, unknown>): Promise<Report> => {
    const result = await report(token, filter);
    expect(result.errors).toBeUndefined();
    return result.data.grantsReport;
  };

  /** The CSV download, its body as text (JSON errors too). */
  const csv = (query: string, token?: string) => {
    const call = t
      .http()
      .get(`/grants/report.csv${query}`)
      .buffer(true)
      .parse((response, done) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => done(null, text));
      });
    return token ? call.set('authorization', `Bearer ${token}`) : call;
  };

  beforeAll(async () => {
    t = await createTestApp();
    councilA = await createOrganisation(t, {
      name: 'Report Council A',
      kind: 'LOCAL_AUTHORITY',
      identifiers: ['GB-LAE-RPTA'],
    });
    councilB = await createOrganisation(t, {
      name: 'Report Council B',
      kind: 'LOCAL_AUTHORITY',
      identifiers: ['GB-LAE-RPTB'],
    });
    officerA = await createPractitioner(t, { roles: [{ role: 'GRANTS_OFFICER', organisationId: councilA.id }] });
    officerB = await createPractitioner(t, { roles: [{ role: 'GRANTS_OFFICER', organisationId: councilB.id }] });
    orgAdminA = await createPractitioner(t, { roles: [{ role: 'ORG_ADMIN', organisationId: councilA.id }] });
    admin = await createAdmin(t);
    member = await createPractitioner(t);

    region = await createArea(t, { kind: 'REGION', name: 'Report Region', code: null });
    district = await createArea(t, { kind: 'LOCAL_AUTHORITY', name: 'Report District', parentId: region.id });
    ward = await createArea(t, { kind: 'WARD', name: 'Report Ward', code: null, parentId: district.id });
    otherDistrict = await createArea(t, {
      kind: 'LOCAL_AUTHORITY',
      name: 'Report Other District',
      parentId: region.id,
    });
    parentTheme = await createTerm(t, 'cohesion-themes', { code: 'report-parent', name: 'Report Parent Theme' });
    childTheme = await createTerm(t, 'cohesion-themes', {
      code: 'report-child',
      name: 'Report Child Theme',
      parentId: parentTheme.id,
    });
    otherTheme = await createTerm(t, 'cohesion-themes', { code: 'report-other', name: 'Report Other Theme' });

    const charity = await createOrganisation(t, { name: 'Registered Charity', identifiers: ['GB-CHC-7654321'] });
    const group = await createOrganisation(t, { name: 'Unregistered Group', identifiers: ['360G-reporttest-grp1'] });
    const faithGroup = await createOrganisation(t, { name: 'Faith Group With No Ids', kind: 'FAITH_GROUP' });
    const school = await createOrganisation(t, {
      name: 'Report School',
      kind: 'SCHOOL',
      identifiers: ['GB-EDU-765432'],
    });

    const budget = 10_000_000;
    fundA1 = await createFund(t, {
      ownerOrganisationId: councilA.id,
      name: 'Alpha Cohesion Fund',
      financialYear: '2025-26',
      budgetPence: budget,
    });
    fundA2 = await createFund(t, {
      ownerOrganisationId: councilA.id,
      name: 'Alpha Small Grants',
      financialYear: '2026-27',
      budgetPence: budget,
    });
    fundB1 = await createFund(t, {
      ownerOrganisationId: councilB.id,
      name: 'Beta Community Fund',
      financialYear: '2026-27',
      budgetPence: budget,
    });
    fundB2 = await createFund(t, {
      ownerOrganisationId: councilB.id,
      name: EVIL_FUND_NAME,
      financialYear: '2027-28',
      budgetPence: budget,
    });
    const rounds = new Map<string, string>();
    for (const fund of [fundA1, fundA2, fundB1, fundB2])
      rounds.set(fund.id, (await createRound(t, { fundId: fund.id })).id);
    const apply = (fund: Created, overrides: Omit<ApplicationOverrides, 'fundId' | 'roundId'>) =>
      createApplication(t, { fundId: fund.id, roundId: rounds.get(fund.id) as string, ...overrides });

    // fund  app  applicant    status         requested awarded  spend    paid     areas            themes
    // A1    a1   charity      COMPLETED      500000    450000   400000   400000   ward             child
    // A1    a2   group        CLOSED_EARLY   200000    200000   -        100000   district         parent
    // A1    a3   school       DECLINED       300000    -        -        -        ward, district   child, other
    // A1    a4   charity      DRAFT           50000    -        -        -        ward             -
    // A2    a5   faith group  ACTIVE         150000    120000   -         60000   ward, region     other
    // A2    a6   charity      AWARDED        100000    100000   -             0   -                -
    // A2    a7   group        WITHDRAWN       80000    -        -        -        district         child
    // A2    a8   school       IN_ASSESSMENT   90000    -        -        -        region           parent
    // B1    b1   charity      ACTIVE         250000    250000   -        125000   other district   parent
    // B1    b2   group        SUBMITTED       70000    -        -        -        other district   -
    // B2    b3   group        SUBMITTED       10000    -        -        -        -                -
    const a1 = await apply(fundA1, {
      applicantOrganisationId: charity.id,
      status: 'COMPLETED',
      amountRequestedPence: 500_000,
      amountAwardedPence: 450_000,
      actualSpendPence: 400_000,
      paidPence: 400_000,
      areaIds: [ward.id],
      themeIds: [childTheme.id],
    });
    const a2 = await apply(fundA1, {
      applicantOrganisationId: group.id,
      status: 'CLOSED_EARLY',
      amountRequestedPence: 200_000,
      amountAwardedPence: 200_000,
      paidPence: 100_000,
      areaIds: [district.id],
      themeIds: [parentTheme.id],
    });
    await apply(fundA1, {
      applicantOrganisationId: school.id,
      status: 'DECLINED',
      amountRequestedPence: 300_000,
      areaIds: [ward.id, district.id],
      themeIds: [childTheme.id, otherTheme.id],
    });
    await apply(fundA1, {
      applicantOrganisationId: charity.id,
      status: 'DRAFT',
      amountRequestedPence: 50_000,
      areaIds: [ward.id],
    });
    const a5 = await apply(fundA2, {
      applicantOrganisationId: faithGroup.id,
      status: 'ACTIVE',
      amountRequestedPence: 150_000,
      amountAwardedPence: 120_000,
      paidPence: 60_000,
      areaIds: [ward.id, region.id],
      themeIds: [otherTheme.id],
    });
    await apply(fundA2, { applicantOrganisationId: charity.id, status: 'AWARDED', amountRequestedPence: 100_000 });
    await apply(fundA2, {
      applicantOrganisationId: group.id,
      status: 'WITHDRAWN',
      amountRequestedPence: 80_000,
      areaIds: [district.id],
      themeIds: [childTheme.id],
    });
    await apply(fundA2, {
      applicantOrganisationId: school.id,
      status: 'IN_ASSESSMENT',
      amountRequestedPence: 90_000,
      areaIds: [region.id],
      themeIds: [parentTheme.id],
    });
    const b1 = await apply(fundB1, {
      applicantOrganisationId: charity.id,
      status: 'ACTIVE',
      amountRequestedPence: 250_000,
      paidPence: 125_000,
      areaIds: [otherDistrict.id],
      themeIds: [parentTheme.id],
    });
    await apply(fundB1, {
      applicantOrganisationId: group.id,
      status: 'SUBMITTED',
      amountRequestedPence: 70_000,
      areaIds: [otherDistrict.id],
    });
    await apply(fundB2, { applicantOrganisationId: group.id, status: 'SUBMITTED', amountRequestedPence: 10_000 });

    // Monitoring: ONS4 means per report (before -> after); anxiety falls, happiness falls too.
    const submitted = { submittedAt: new Date(), narrative: 'What happened in this period.' };
    const ons4 = (values: Record<string, [number, number] | [number, null] | null>) =>
      Object.fromEntries(
        Object.entries(values).flatMap(([item, pair]) => [
          [`${item}Before`, pair === null ? null : String(pair[0])],
          [`${item}After`, pair === null || pair[1] === null ? null : String(pair[1])],
        ]),
      );
    await createMonitoringReport(t, {
      applicationId: a1.id,
      title: 'Mid-point report',
      dueDate: '2025-10-31',
      participants: 30,
      ...submitted,
      ...ons4({ lifeSatisfaction: [5, 6], worthwhile: [6, 7], happiness: [5.5, 5], anxiety: [5, 4] }),
    });
    await createMonitoringReport(t, {
      applicationId: a1.id,
      title: 'Final report',
      dueDate: '2026-04-30',
      participants: 20,
      ...submitted,
      ...ons4({ lifeSatisfaction: [6, 7], worthwhile: null, happiness: [6, 5.5], anxiety: [4.5, 3.5] }),
    });
    await createMonitoringReport(t, {
      applicationId: a5.id,
      title: 'Mid-point report',
      dueDate: '2026-10-31',
      participants: 15,
      ...submitted,
      ...ons4({ lifeSatisfaction: [4, 5], worthwhile: [5, 5.5], happiness: [7, null], anxiety: [6, 5] }),
    });
    // Not submitted yet: left out, whatever it holds.
    await createMonitoringReport(t, {
      applicationId: a5.id,
      title: 'Final report',
      dueDate: '2027-04-30',
      participants: 99,
      ...ons4({ lifeSatisfaction: [0, 10], worthwhile: [0, 10], happiness: [0, 10], anxiety: [10, 0] }),
    });
    await createMonitoringReport(t, { applicationId: a2.id, participants: 10, ...submitted });
    await createMonitoringReport(t, {
      applicationId: b1.id,
      participants: 40,
      ...submitted,
      ...ons4({ lifeSatisfaction: [3, 4], worthwhile: [3, 4], happiness: [3, 4], anxiety: [2, 8] }),
    });
  });
  afterAll(async () => {
    await t.close();
  });

  /** Council A's report without a filter: applications a1-a3 and a5-a8 (the draft a4 is left out). */
  const councilAReport = (): Omit<Report, 'ons4'> => ({
    totals: figures([7, 4, 1_420_000, 820_000, 560_000]),
    byFund: [
      row(fundA1.globalId, 'Alpha Cohesion Fund', [3, 2, 1_000_000, 600_000, 500_000]),
      row(fundA2.globalId, 'Alpha Small Grants', [4, 2, 420_000, 220_000, 60_000]),
    ],
    byFinancialYear: [
      row('2025-26', '2025-26', [3, 2, 1_000_000, 600_000, 500_000]),
      row('2026-27', '2026-27', [4, 2, 420_000, 220_000, 60_000]),
    ],
    byArea: [
      // a2, a3, a7 (a district-wide award is not also counted in its wards, nor a ward's in the district)
      row(district.globalId, 'Report District', [3, 1, 580_000, 200_000, 100_000]),
      // a1, a3, a5 (a3 has both areas and counts in both rows)
      row(ward.globalId, 'Report Ward', [3, 2, 950_000, 520_000, 460_000]),
      // a6 (no areas), a8 (the region only)
      row(null, 'No local area', [2, 1, 190_000, 100_000, 0]),
    ],
    byTheme: [
      row(childTheme.globalId, 'Report Child Theme', [3, 1, 880_000, 400_000, 400_000]),
      row(otherTheme.globalId, 'Report Other Theme', [2, 1, 450_000, 120_000, 60_000]),
      row(parentTheme.globalId, 'Report Parent Theme', [2, 1, 290_000, 200_000, 100_000]),
      row(null, 'No theme', [1, 1, 100_000, 100_000, 0]),
    ],
    byOrganisationKind: [
      row('SCHOOL', 'School', [2, 0, 390_000, 0, 0]),
      row('VCS', 'Voluntary or community group', [4, 3, 880_000, 700_000, 500_000]),
      row('FAITH_GROUP', 'Faith group', [1, 1, 150_000, 120_000, 60_000]),
    ],
    byStatus: [
      row('IN_ASSESSMENT', 'In assessment', [1, 0, 90_000, 0, 0]),
      row('AWARDED', 'Awarded', [1, 1, 100_000, 100_000, 0]),
      row('DECLINED', 'Declined', [1, 0, 300_000, 0, 0]),
      row('ACTIVE', 'Active', [1, 1, 150_000, 120_000, 60_000]),
      // awarded at its actual spend (400000), not the 450000 awarded
      row('COMPLETED', 'Completed', [1, 1, 500_000, 400_000, 400_000]),
      // closed early with no spend recorded: as awarded
      row('CLOSED_EARLY', 'Closed early', [1, 1, 200_000, 200_000, 100_000]),
      row('WITHDRAWN', 'Withdrawn', [1, 0, 80_000, 0, 0]),
    ],
    // a2 (360G id only) and a5 (no ids at all): 320000 of 820000
    unregisteredShare: { awarded: 320_000, totalAwarded: 820_000, share: 0.3902, awards: 2 },
    // a1 30 + 20, a5 15 (its unsubmitted 99 left out), a2 10
    participantsReached: 75,
  });

  describe('for a grants officer', () => {
    it('gives council A’s totals and every breakdown, worked out by hand', async () => {
      const result = await ok(officerA.token);
      expect(result).toMatchObject(councilAReport());
    });

    it('reports each ONS4 item on its own, and reads a fall in anxiety as an improvement', async () => {
      const { ons4 } = await ok(officerA.token);
      expect(ons4.map(({ question: _question, ...rest }) => rest)).toEqual([
        // a1 5->6, 6->7; a5 4->5
        {
          item: 'lifeSatisfaction',
          lowerIsBetter: false,
          reports: 3,
          meanBefore: 5,
          meanAfter: 6,
          change: 1,
          improved: true,
        },
        // a1's final report gives none: a1 6->7, a5 5->5.5
        {
          item: 'worthwhile',
          lowerIsBetter: false,
          reports: 2,
          meanBefore: 5.5,
          meanAfter: 6.25,
          change: 0.75,
          improved: true,
        },
        // a5 gives no after score: a1 5.5->5, 6->5.5; a fall is no improvement here
        {
          item: 'happiness',
          lowerIsBetter: false,
          reports: 2,
          meanBefore: 5.75,
          meanAfter: 5.25,
          change: -0.5,
          improved: false,
        },
        // a1 5->4, 4.5->3.5; a5 6->5: means 15.5/3 and 12.5/3
        {
          item: 'anxiety',
          lowerIsBetter: true,
          reports: 3,
          meanBefore: 5.17,
          meanAfter: 4.17,
          change: -1,
          improved: true,
        },
      ]);
      expect(ons4.every((item) => item.question.length > 10)).toBe(true);
    });

    it('includes descendants when filtering by area: the district takes in its ward', async () => {
      // a1 (ward), a2 (district), a3 (both), a5 (ward), a7 (district)
      const inDistrict = await ok(officerA.token, { areaId: district.globalId });
      expect(inDistrict.totals).toEqual(figures([5, 3, 1_230_000, 720_000, 560_000]));
      const inWard = await ok(officerA.token, { areaId: ward.globalId });
      expect(inWard.totals).toEqual(figures([3, 2, 950_000, 520_000, 460_000]));
      // everything with an area: all but a6
      const inRegion = await ok(officerA.token, { areaId: region.globalId });
      expect(inRegion.totals).toEqual(figures([6, 3, 1_320_000, 720_000, 560_000]));
      const elsewhere = await ok(officerA.token, { areaId: otherDistrict.globalId });
      expect(elsewhere.totals).toEqual(figures([0, 0, 0, 0, 0]));
      expect(elsewhere.byFund).toEqual([]);
      expect(elsewhere.byArea).toEqual([]);
      expect(elsewhere.unregisteredShare).toEqual({ awarded: 0, totalAwarded: 0, share: 0, awards: 0 });
      expect(elsewhere.ons4.map((item) => [item.reports, item.meanBefore, item.improved])).toEqual([
        [0, null, null],
        [0, null, null],
        [0, null, null],
        [0, null, null],
      ]);
    });

    it('includes narrower themes when filtering by theme', async () => {
      // parent: a2, a8 directly; a1, a3, a7 through the child theme
      const parent = await ok(officerA.token, { themeId: parentTheme.globalId });
      expect(parent.totals).toEqual(figures([5, 2, 1_170_000, 600_000, 500_000]));
      const child = await ok(officerA.token, { themeId: childTheme.globalId });
      expect(child.totals).toEqual(figures([3, 1, 880_000, 400_000, 400_000]));
      expect(child.participantsReached).toBe(50);
      const both = await ok(officerA.token, { areaId: district.globalId, themeId: parentTheme.globalId });
      expect(both.totals).toEqual(figures([4, 2, 1_080_000, 600_000, 500_000]));
    });

    it('filters by fund, financial year, applicant kind and state (drafts only when asked for)', async () => {
      const year = await ok(officerA.token, { financialYears: ['2026-27'] });
      expect(year.totals).toEqual(figures([4, 2, 420_000, 220_000, 60_000]));
      expect(year.byFund.map((fund) => fund.key)).toEqual([fundA2.globalId]);
      const fund = await ok(officerA.token, { fundIds: [fundA1.globalId] });
      expect(fund.totals).toEqual(figures([3, 2, 1_000_000, 600_000, 500_000]));
      expect(fund.participantsReached).toBe(60);
      const schools = await ok(officerA.token, { organisationKinds: ['SCHOOL'] });
      expect(schools.totals).toEqual(figures([2, 0, 390_000, 0, 0]));
      const drafts = await ok(officerA.token, { statuses: ['DRAFT'] });
      expect(drafts.totals).toEqual(figures([1, 0, 50_000, 0, 0]));
      expect(drafts.byStatus).toEqual([row('DRAFT', 'Draft', [1, 0, 50_000, 0, 0])]);
      const live = await ok(officerA.token, { statuses: ['AWARDED', 'ACTIVE'], councilIds: [councilA.globalId] });
      expect(live.totals).toEqual(figures([2, 2, 250_000, 220_000, 60_000]));
      expect(live.unregisteredShare).toEqual({ awarded: 120_000, totalAwarded: 220_000, share: 0.5455, awards: 1 });
    });

    it('shows an officer only their own councils’ funds', async () => {
      const a = await ok(officerA.token, { councilIds: [councilA.globalId] });
      expect(a).toMatchObject(councilAReport());
      const b = await ok(officerB.token);
      expect(b.byFund.map((fund) => fund.label)).toEqual(['Beta Community Fund', EVIL_FUND_NAME]);
      expect(b.totals).toEqual(figures([3, 1, 330_000, 250_000, 125_000]));
      expect(b.participantsReached).toBe(40);
      expect(b.ons4.find((item) => item.item === 'anxiety')).toMatchObject({ reports: 1, change: 6, improved: false });
    });

    it('refuses a filter on a council or fund the officer does not run, rather than answering empty', async () => {
      expect(errorCode(await report(officerA.token, { councilIds: [councilB.globalId] }))).toBe('FORBIDDEN');
      expect(errorCode(await report(officerA.token, { councilIds: [councilA.globalId, councilB.globalId] }))).toBe(
        'FORBIDDEN',
      );
      expect(errorCode(await report(officerA.token, { fundIds: [fundB1.globalId] }))).toBe('FORBIDDEN');
    });

    it('names the filter field at fault', async () => {
      expect(errorFields(await report(officerA.token, { fundIds: ['not-an-id'] }))).toEqual(['filter.fundIds']);
      expect(errorFields(await report(officerA.token, { areaId: fundA1.globalId }))).toEqual(['filter.areaId']);
      expect(errorFields(await report(officerA.token, { financialYears: ['2026-28'] }))).toEqual([
        'filter.financialYears',
      ]);
      const missingArea = toGlobalId('Area', '00000000-0000-4000-8000-000000000000');
      expect(errorFields(await report(officerA.token, { areaId: missingArea }))).toEqual(['filter.areaId']);
      const missingFund = toGlobalId('GrantFund', '00000000-0000-4000-8000-000000000000');
      expect(errorFields(await report(officerA.token, { fundIds: [missingFund] }))).toEqual(['filter.fundIds[0]']);
      expect(errorCode(await report(officerA.token, { statuses: ['LOST'] }))).toBe('BAD_USER_INPUT');
    });
  });

  it('shows a platform admin every council', async () => {
    const all = await ok(admin.token);
    // council A's seven, b1, b2 and b3
    expect(all.totals).toEqual(figures([10, 5, 1_750_000, 1_070_000, 685_000]));
    expect(all.byFund.map((fund) => fund.key)).toEqual([
      fundA1.globalId,
      fundA2.globalId,
      fundB1.globalId,
      fundB2.globalId,
    ]);
    expect(all.byFinancialYear).toEqual([
      row('2025-26', '2025-26', [3, 2, 1_000_000, 600_000, 500_000]),
      row('2026-27', '2026-27', [6, 3, 740_000, 470_000, 185_000]),
      row('2027-28', '2027-28', [1, 0, 10_000, 0, 0]),
    ]);
    expect(all.participantsReached).toBe(115);
    const onlyB = await ok(admin.token, { councilIds: [councilB.globalId] });
    expect(onlyB.totals).toEqual(figures([3, 1, 330_000, 250_000, 125_000]));
  });

  it('is refused without sign-in, and to members who are not grants officers', async () => {
    expect(errorCode(await report(undefined))).toBe('UNAUTHENTICATED');
    expect(errorCode(await report(member.token))).toBe('FORBIDDEN');
    expect(errorCode(await report(orgAdminA.token))).toBe('FORBIDDEN');
  });

  describe('GET /grants/report.csv', () => {
    it('downloads the same figures as grantsReport, one section per breakdown', async () => {
      const response = await csv('', officerA.token);
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
      expect(response.headers['content-disposition']).toMatch(
        /^attachment; filename="grants-report-\d{4}-\d{2}-\d{2}\.csv"$/,
      );
      const text = response.body as string;
      expect(text.startsWith('\uFEFF')).toBe(true);
      expect(text.endsWith('\r\n')).toBe(true);
      const { header, rows } = records(text);
      expect(header).toEqual([
        'section',
        'key',
        'label',
        'applications',
        'awards',
        'requested_pounds',
        'requested_pence',
        'awarded_pounds',
        'awarded_pence',
        'paid_pounds',
        'paid_pence',
        'share',
        'participants',
        'reports',
        'mean_before',
        'mean_after',
        'change',
        'improved',
      ]);
      expect([...new Set(rows.map((r) => r.section))]).toEqual([
        'totals',
        'fund',
        'financial_year',
        'area',
        'theme',
        'organisation_kind',
        'status',
        'unregistered_share',
        'ons4',
      ]);

      const gql = await ok(officerA.token);
      const asCsv = (section: string, source: Row | Figures, key = '', label?: string) => ({
        section,
        key,
        ...(label === undefined ? {} : { label }),
        applications: String(source.applications),
        awards: String(source.awards),
        requested_pounds: (source.requested / 100).toFixed(2),
        requested_pence: String(source.requested),
        awarded_pounds: (source.awarded / 100).toFixed(2),
        awarded_pence: String(source.awarded),
        paid_pounds: (source.paid / 100).toFixed(2),
        paid_pence: String(source.paid),
      });
      expect(rows[0]).toMatchObject({ ...asCsv('totals', gql.totals), participants: String(gql.participantsReached) });
      expect(rows[0]).toMatchObject({ requested_pounds: '14200.00', awarded_pence: '820000', paid_pounds: '5600.00' });
      const sections: [string, Row[]][] = [
        ['fund', gql.byFund],
        ['financial_year', gql.byFinancialYear],
        ['area', gql.byArea],
        ['theme', gql.byTheme],
        ['organisation_kind', gql.byOrganisationKind],
        ['status', gql.byStatus],
      ];
      for (const [section, expected] of sections) {
        expect(rows.filter((r) => r.section === section)).toEqual(
          expected.map((source) => expect.objectContaining(asCsv(section, source, source.key ?? '', source.label))),
        );
      }
      expect(rows.find((r) => r.section === 'unregistered_share')).toMatchObject({
        awards: String(gql.unregisteredShare.awards),
        awarded_pence: String(gql.unregisteredShare.awarded),
        awarded_pounds: '3200.00',
        share: '0.3902',
      });
      expect(
        rows
          .filter((r) => r.section === 'ons4')
          .map((r) => [
            r.key,
            Number(r.reports),
            Number(r.mean_before),
            Number(r.mean_after),
            Number(r.change),
            r.improved,
          ]),
      ).toEqual(
        gql.ons4.map((item) => [
          item.item,
          item.reports,
          item.meanBefore,
          item.meanAfter,
          item.change,
          String(item.improved),
        ]),
      );
    });

    it('takes the filters as query parameters, the list ones repeatable', async () => {
      const filtered = records((await csv(`?areaId=${district.globalId}&financialYear=2025-26`, officerA.token)).body);
      const gql = await ok(officerA.token, { areaId: district.globalId, financialYears: ['2025-26'] });
      expect(filtered.rows[0]).toMatchObject({
        applications: String(gql.totals.applications),
        requested_pence: String(gql.totals.requested),
        awarded_pence: String(gql.totals.awarded),
      });
      // a1, a2, a3
      expect(gql.totals).toEqual(figures([3, 2, 1_000_000, 600_000, 500_000]));
      const bothYears = records(
        (await csv('?financialYear=2025-26&financialYear=2026-27&status=COMPLETED&status=ACTIVE', officerA.token)).body,
      );
      // a1 and a5
      expect(bothYears.rows[0]).toMatchObject({
        applications: '2',
        requested_pence: '650000',
        awarded_pence: '520000',
      });
      const theme = records((await csv(`?themeId=${parentTheme.globalId}&organisationKind=VCS`, officerA.token)).body);
      // a1, a2, a7
      expect(theme.rows[0]).toMatchObject({ applications: '3', requested_pence: '780000', awarded_pence: '600000' });
    });

    it('keeps a spreadsheet from running text as a formula, and quotes fields as RFC 4180 says', async () => {
      const response = await csv(`?fundId=${fundB2.globalId}`, admin.token);
      expect(response.status).toBe(200);
      const text = response.body as string;
      expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""Click""), +1"`);
      const fund = records(text).rows.find((r) => r.section === 'fund');
      expect(fund?.label).toBe(`'${EVIL_FUND_NAME}`);
      // a negative number is a number, not a formula
      const ons4 = records((await csv('', officerA.token)).body).rows.find((r) => r.key === 'happiness');
      expect(ons4?.change).toBe('-0.50');
    });

    it('answers 401 without a token, 403 to a member who runs no funds or to a filter on another council', async () => {
      const anonymous = await csv('');
      expect(anonymous.status).toBe(401);
      expect(JSON.parse(anonymous.body as string).errors[0].extensions.code).toBe('UNAUTHENTICATED');
      const plain = await csv('', member.token);
      expect(plain.status).toBe(403);
      expect(JSON.parse(plain.body as string).errors[0].extensions.code).toBe('FORBIDDEN');
      expect((await csv(`?councilId=${councilB.globalId}`, officerA.token)).status).toBe(403);
      expect((await csv(`?fundId=${fundB1.globalId}`, officerA.token)).status).toBe(403);
    });

    it('answers 400 with a JSON error naming the parameter at fault', async () => {
      const fieldOf = async (query: string) => {
        const response = await csv(query, officerA.token);
        expect(response.status).toBe(400);
        expect(response.headers['content-type']).toMatch(/^application\/json/);
        const body = JSON.parse(response.body as string);
        expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
        return body.errors[0].extensions.fields.map((problem: { field: string }) => problem.field);
      };
      expect(await fieldOf('?fundId=nonsense')).toEqual(['fundId']);
      expect(await fieldOf('?financialYear=2026')).toEqual(['financialYear']);
      expect(await fieldOf(`?areaId=${district.globalId}&areaId=${ward.globalId}`)).toEqual(['areaId']);
      expect(await fieldOf(`?themeId=${district.globalId}`)).toEqual(['themeId']);
      expect(await fieldOf('?status=LOST')).toEqual(['status']);
      expect(await fieldOf('?organisationKind=PIRATE')).toEqual(['organisationKind']);
      expect(await fieldOf('?fundid=x')).toEqual(['fundid']);
      const missing = toGlobalId('GrantFund', '00000000-0000-4000-8000-000000000000');
      expect(await fieldOf(`?fundId=${fundA1.globalId}&fundId=${missing}`)).toEqual(['fundId[1]']);
    });
  });

  describe('cost', () => {
    it('runs the same few SQL statements however many awards there are', async () => {
      const council = await createOrganisation(t, { name: 'Counted Council', kind: 'LOCAL_AUTHORITY' });
      const officer = await createPractitioner(t, { roles: [{ role: 'GRANTS_OFFICER', organisationId: council.id }] });
      const fund = await createFund(t, { ownerOrganisationId: council.id, budgetPence: 100_000_000 });
      const round = await createRound(t, { fundId: fund.id });
      const applicant = await createOrganisation(t, { identifiers: ['360G-reporttest-counted'] });
      const addAwards = async (count: number) => {
        for (let i = 0; i < count; i++) {
          const award = await createApplication(t, {
            fundId: fund.id,
            roundId: round.id,
            applicantOrganisationId: applicant.id,
            status: 'ACTIVE',
            amountRequestedPence: 10_000,
            paidPence: 5_000,
            areaIds: [ward.id, otherDistrict.id],
            themeIds: [childTheme.id, otherTheme.id],
          });
          await createMonitoringReport(t, {
            applicationId: award.id,
            participants: 5,
            submittedAt: new Date(),
            narrative: 'Done.',
            anxietyBefore: '6',
            anxietyAfter: '5',
          });
        }
      };
      const statementsFor = async (awards: number) => {
        t.resetStatements();
        const result = await ok(officer.token, { fundIds: [fund.globalId], areaId: region.globalId });
        expect(result.totals.awards).toBe(awards);
        expect(result.participantsReached).toBe(awards * 5);
        const statements = t.statements();
        t.resetStatements();
        const download = await csv(`?fundId=${fund.globalId}&areaId=${region.globalId}`, officer.token);
        expect(download.status).toBe(200);
        return [statements, t.statements()];
      };
      await addAwards(2);
      const few = await statementsFor(2);
      await addAwards(30);
      const many = await statementsFor(32);
      expect(many).toEqual(few);
      // the viewer's roles, the check of the ids the filter names, the report itself
      expect(few[0]).toBeLessThanOrEqual(3);
      expect(few[1]).toBeLessThanOrEqual(3);
    });
  });
});
