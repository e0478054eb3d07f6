import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { fromGlobalId } from '@cohesion/common';
import {
  auditOf,
  createApplication,
  createArea,
  createFund,
  createOrganisation,
  createPractitioner,
  createRound,
  createTestApp,
  errorCode,
  errorFields,
  type Created,
  type TestApp,
  type TestPractitioner,
} from '@cohesion/testing';

const CREATE_FUND = `mutation Create($input: CreateFundInput!) {
  createFund(input: $input) { id name financialYear budget committed paid remaining grantIdPrefix } }`;
const CREATE_ROUND = `mutation Create($input: CreateRoundInput!) {
  createRound(input: $input) { id name isOpen minAward maxAward eligibleKinds eligibleAreas maxAnnualIncome
    criteria { id name weight maxScore } } }`;
const FUND = `query Fund($id: ID!) {
  fund(id: $id) { id budget committed paid remaining applicationsByStatus { status count } rounds { name }
    owner { name } } }`;
const SUBMIT = `mutation Submit($input: SubmitApplicationInput!) {
  submitApplication(input: $input) { id status ineligibleReason recordedByOfficer amountRequested beneficiaryAreas } }`;
const SUBMIT_DRAFT = `mutation Submit($id: ID!) { submitDraftApplication(id: $id) { id status ineligibleReason } }`;
const DECLARE = `mutation Declare($input: DeclareConflictInput!) { declareConflictOfInterest(input: $input) { id } }`;
const SCORE = `mutation Score($input: ScoreApplicationInput!) {
  scoreApplication(input: $input) { assessor weightedTotal scores { criterion score maxScore justification } } }`;
const DECIDE = `mutation Decide($input: DecideApplicationInput!) {
  decideApplication(input: $input) { id status amountAwarded decisionReason awardedAt
    monitoringReports { title dueDate } } }`;
const WITHDRAW = `mutation Withdraw($input: WithdrawApplicationInput!) {
  withdrawApplication(input: $input) { id status } }`;
const ACTIVATE = `mutation Activate($id: ID!) { activateAward(applicationId: $id) { id status } }`;
const SCHEDULE = `mutation Schedule($input: SchedulePaymentInput!) {
  schedulePayment(input: $input) { id amount dueDate status } }`;
const PAY = `mutation Pay($input: MarkPaymentPaidInput!) { markPaymentPaid(input: $input) { id status paidAt reference } }`;
const REPORT = `mutation Report($input: SubmitMonitoringReportInput!) {
  submitMonitoringReport(input: $input) { title submittedAt participants volunteerHours
    wellbeingBefore { lifeSatisfaction anxiety } wellbeingAfter { lifeSatisfaction anxiety } } }`;
const CLOSE = `mutation Close($input: CloseAwardInput!) {
  closeAward(input: $input) { id status actualSpend underspendReturned repaymentDue paid payments { status } } }`;
const APPLICATION = `query Application($id: ID!) {
  grantApplication(id: $id) { id status amountAwarded paid applicant { name }
    assessments { assessor weightedTotal } payments { amount status } monitoringReports { title overdue } } }`;
const PANEL = `query Panel($id: ID!) {
  roundPanel(roundId: $id) { remainingBudget totalRequested
    entries { rank weightedScore assessors conflictsDeclared amountRequested cumulativeRequested
      withinRemainingBudget application { projectTitle } } } }`;
const OVERDUE = `query Overdue($fundId: ID) {
  overdueMonitoringReports(fundId: $fundId) { daysOverdue report { title dueDate overdue } award { projectTitle } } }`;
const TRAIL = `query Trail($id: ID!) { auditTrail(id: $id) { entityType action actor before after } }`;

interface FundView {
  id: string;
  budget: number;
  committed: number;
  paid: number;
  remaining: number;
  applicationsByStatus: { status: string; count: number }[];
  rounds: { name: string }[];
  owner: { name: string } | null;
}

const today = () => new Date().toISOString().slice(0, 10);
const daysFromNow = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe('micro-grants', () => {
  let t: TestApp;
  let council: Created;
  let otherCouncil: Created;
  let officer: TestPractitioner;
  let secondOfficer: TestPractitioner;
  let otherOfficer: TestPractitioner;
  let member: TestPractitioner;
  let group: Created;
  let groupAdmin: TestPractitioner;
  let district: Created;
  let ward: Created;
  let elsewhere: Created;

  beforeAll(async () => {
    t = await createTestApp();
    council = await createOrganisation(t, {
      name: 'Grantham Council',
      kind: 'LOCAL_AUTHORITY',
      identifiers: ['GB-LAE-GRA'],
    });
    otherCouncil = await createOrganisation(t, { name: 'Otherham Council', kind: 'LOCAL_AUTHORITY' });
    officer = await createPractitioner(t, {
      fullName: 'Olive Officer',
      roles: [{ role: 'GRANTS_OFFICER', organisationId: council.id }],
    });
    secondOfficer = await createPractitioner(t, {
      fullName: 'Sam Second',
      roles: [{ role: 'GRANTS_OFFICER', organisationId: council.id }],
    });
    otherOfficer = await createPractitioner(t, {
      roles: [{ role: 'GRANTS_OFFICER', organisationId: otherCouncil.id }],
    });
    member = await createPractitioner(t);
    group = await createOrganisation(t, { name: 'Pleck Friends', kind: 'VCS' });
    groupAdmin = await createPractitioner(t, { roles: [{ role: 'ORG_ADMIN', organisationId: group.id }] });
    district = await createArea(t, { kind: 'LOCAL_AUTHORITY', name: 'Granthamshire', code: 'E08000901' });
    ward = await createArea(t, { kind: 'WARD', name: 'Pleck Ward', code: 'E05000901', parentId: district.id });
    elsewhere = await createArea(t, { kind: 'LOCAL_AUTHORITY', name: 'Elsewhere', code: 'E08000902' });
  });
  afterAll(async () => {
    await t.close();
  });

  async function fundView(id: string, token = officer.token): Promise<FundView> {
    const result = await t.gql<{ fund: FundView }>(FUND, { id }, token);
    expect(result.errors).toBeUndefined();
    return result.data.fund;
  }

  function submit(token: string, input: Record<string, unknown>) {
    return t.gql<{
      submitApplication: { id: string; status: string; ineligibleReason: string | null; recordedByOfficer: boolean };
    }>(SUBMIT, { input }, token);
  }

  function applicationInput(roundId: string, overrides: Record<string, unknown> = {}) {
    return {
      roundId,
      applicantOrganisationId: group.globalId,
      projectTitle: 'Pleck Friday Suppers',
      summary: 'Weekly shared suppers bringing neighbours of every faith together in Pleck.',
      amountRequested: 150_000,
      plannedStart: '2026-09-01',
      plannedEnd: '2027-03-31',
      beneficiaryAreaIds: [ward.globalId],
      expectedParticipants: 60,
      annualIncome: 1_200_000,
      ...overrides,
    };
  }

  /** A fund with budget `budget` and an open round with two weighted criteria. */
  async function fundWithRound(budget = 1_000_000, round: Record<string, unknown> = {}) {
    const fund = await createFund(t, { ownerOrganisationId: council.id, budgetPence: budget });
    const created = await t.gql<{ createRound: { id: string; criteria: { id: string }[] } }>(
      CREATE_ROUND,
      {
        input: {
          fundId: fund.globalId,
          name: 'Autumn round',
          opensAt: new Date(Date.now() - 86_400_000).toISOString(),
          closesAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
          minAward: 10_000,
          maxAward: 250_000,
          criteria: [
            { name: 'Need', weight: 3, maxScore: 10 },
            { name: 'Deliverability', weight: 1, maxScore: 5 },
          ],
          ...round,
        },
      },
      officer.token,
    );
    expect(created.errors).toBeUndefined();
    return { fund, roundId: created.data.createRound.id, criteria: created.data.createRound.criteria.map((c) => c.id) };
  }

  async function inAssessment(roundId: string, overrides: Record<string, unknown> = {}): Promise<string> {
    const result = await submit(groupAdmin.token, applicationInput(roundId, overrides));
    expect(result.errors).toBeUndefined();
    expect(result.data.submitApplication.status).toBe('IN_ASSESSMENT');
    return result.data.submitApplication.id;
  }

  async function award(applicationId: string, amount?: number, token = officer.token) {
    return t.gql<{ decideApplication: { status: string; amountAwarded: number } }>(
      DECIDE,
      { input: { applicationId, decision: 'AWARD', amount } },
      token,
    );
  }

  describe('funds and rounds', () => {
    const input = () => ({
      ownerOrganisationId: council.globalId,
      name: 'Cohesion Micro-Grants 2026-27',
      programmeCode: 'GRA-CMG',
      financialYear: '2026-27',
      budget: 8_700_000,
      areaIds: [district.globalId],
    });

    it('lets the council’s grants officer create a fund, audited, and shows its money', async () => {
      const result = await t.gql<{
        createFund: { id: string; budget: number; remaining: number; grantIdPrefix: string };
      }>(CREATE_FUND, { input: input() }, officer.token);
      expect(result.errors).toBeUndefined();
      expect(result.data.createFund).toMatchObject({ budget: 8_700_000, remaining: 8_700_000 });
      expect(result.data.createFund.grantIdPrefix).toMatch(/^360G-/);
      const view = await fundView(result.data.createFund.id);
      expect(view).toMatchObject({ committed: 0, paid: 0, remaining: 8_700_000, owner: { name: 'Grantham Council' } });
      const id = fromGlobalId(result.data.createFund.id, 'GrantFund', 'id');
      expect((await auditOf(t, id)).map((row) => row.action)).toEqual(['create']);
    });

    it('refuses the unauthenticated, plain members and other councils’ officers', async () => {
      expect(errorCode(await t.gql(CREATE_FUND, { input: input() }))).toBe('UNAUTHENTICATED');
      expect(errorCode(await t.gql(CREATE_FUND, { input: input() }, member.token))).toBe('FORBIDDEN');
      expect(errorCode(await t.gql(CREATE_FUND, { input: input() }, otherOfficer.token))).toBe('FORBIDDEN');
    });

    it('names the field on bad input', async () => {
      const notCouncil = await t.gql(
        CREATE_FUND,
        { input: { ...input(), ownerOrganisationId: group.globalId } },
        groupAdmin.token,
      );
      expect(errorCode(notCouncil)).toBe('FORBIDDEN');
      const admin = await createPractitioner(t, { roles: [{ role: 'ADMIN' }] });
      const wrongKind = await t.gql(
        CREATE_FUND,
        { input: { ...input(), ownerOrganisationId: group.globalId } },
        admin.token,
      );
      expect(errorFields(wrongKind)).toEqual(['input.ownerOrganisationId']);
      expect(
        errorFields(await t.gql(CREATE_FUND, { input: { ...input(), financialYear: '2026-28' } }, officer.token)),
      ).toEqual(['input.financialYear']);
      expect(errorCode(await t.gql(CREATE_FUND, { input: { ...input(), budget: 10.5 } }, officer.token))).toBe(
        'BAD_USER_INPUT',
      );
    });

    it('creates rounds with criteria and rules, refused for other councils and with dates the wrong way round', async () => {
      const { fund, roundId } = await fundWithRound(500_000, {
        eligibleKinds: ['VCS', 'FAITH_GROUP'],
        eligibleAreaIds: [district.globalId],
        maxAnnualIncome: 5_000_000,
      });
      const view = await fundView(fund.globalId);
      expect(view.rounds).toEqual([{ name: 'Autumn round' }]);
      expect(roundId).toBeTruthy();
      const base = {
        fundId: fund.globalId,
        name: 'Spring',
        opensAt: '2027-01-01T00:00:00Z',
        closesAt: '2027-02-01T00:00:00Z',
        minAward: 0,
        maxAward: 10_000,
        criteria: [{ name: 'Need', weight: 1, maxScore: 10 }],
      };
      expect(errorCode(await t.gql(CREATE_ROUND, { input: base }, otherOfficer.token))).toBe('NOT_FOUND');
      expect(
        errorFields(await t.gql(CREATE_ROUND, { input: { ...base, closesAt: '2026-12-01T00:00:00Z' } }, officer.token)),
      ).toEqual(['input.closesAt']);
      expect(errorFields(await t.gql(CREATE_ROUND, { input: { ...base, maxAward: 600_000 } }, officer.token))).toEqual([
        'input.maxAward',
      ]);
      expect(
        errorFields(
          await t.gql(
            CREATE_ROUND,
            { input: { ...base, criteria: [{ name: 'Need', weight: 0, maxScore: 10 }] } },
            officer.token,
          ),
        ),
      ).toEqual(['input.criteria[0].weight']);
    });

    it('shows the fund’s 360Giving data-quality warnings on its page', async () => {
      const fund = await createFund(t, { ownerOrganisationId: council.id });
      const round = await createRound(t, { fundId: fund.id });
      const future = await createApplication(t, {
        roundId: round.id,
        fundId: fund.id,
        applicantOrganisationId: group.id,
        status: 'AWARDED',
        awardedAt: '2099-01-01',
        areaIds: [ward.id],
      });
      await createApplication(t, {
        roundId: round.id,
        fundId: fund.id,
        applicantOrganisationId: group.id,
        status: 'AWARDED',
        areaIds: [ward.id],
      });
      const result = await t.gql<{
        fund: { dataQualityWarnings: { code: string; count: number; exampleGrantIds: string[] }[] };
      }>(
        `query Q($id: ID!) { fund(id: $id) { dataQualityWarnings { code count exampleGrantIds } } }`,
        { id: fund.globalId },
        officer.token,
      );
      expect(result.errors).toBeUndefined();
      expect(result.data.fund.dataQualityWarnings).toEqual([
        { code: 'AWARD_DATE_IN_FUTURE', count: 1, exampleGrantIds: [`360G-cohesiontest-${future.id}`] },
      ]);
    });

    it('keeps fund(id) to its council’s officers', async () => {
      const fund = await createFund(t, { ownerOrganisationId: council.id });
      expect(errorCode(await t.gql(FUND, { id: fund.globalId }, otherOfficer.token))).toBe('NOT_FOUND');
      expect(errorCode(await t.gql(FUND, { id: fund.globalId }, member.token))).toBe('NOT_FOUND');
      expect(errorCode(await t.gql(FUND, { id: fund.globalId }))).toBe('UNAUTHENTICATED');
    });
  });

  describe('applications and eligibility', () => {
    it('moves an eligible application to IN_ASSESSMENT, audited step by step', async () => {
      const { roundId } = await fundWithRound(1_000_000, {
        eligibleKinds: ['VCS'],
        eligibleAreaIds: [district.globalId],
      });
      const id = await inAssessment(roundId);
      expect(
        (await auditOf(t, fromGlobalId(id, 'GrantApplication', 'id'))).map((row) => [
          row.action,
          (row.after as { status: string }).status,
        ]),
      ).toEqual([
        ['create', 'DRAFT'],
        ['submit', 'SUBMITTED'],
        ['pass-eligibility', 'IN_ASSESSMENT'],
      ]);
    });

    it.each([
      [
        'organisation kind',
        { eligibleKinds: ['FAITH_GROUP'] },
        {},
        /^Organisation kind: this round is for faith groups/,
      ],
      ['area', {}, { beneficiaryAreaIds: [] }, /^Area: Elsewhere is outside the areas this round funds/],
      ['maximum award', {}, { amountRequested: 300_000 }, /^Maximum award: .*GBP 2,500.00/],
      [
        'annual income',
        { maxAnnualIncome: 1_000_000 },
        {},
        /^Annual income: .*at most GBP 10,000.00; GBP 12,000.00 was declared/,
      ],
    ])('marks an application failing the %s rule INELIGIBLE, naming the rule', async (_, rules, change, reason) => {
      const { roundId } = await fundWithRound(1_000_000, { eligibleAreaIds: [district.globalId], ...rules });
      const input = applicationInput(roundId, change);
      if ('beneficiaryAreaIds' in change) input.beneficiaryAreaIds = [elsewhere.globalId];
      const result = await submit(groupAdmin.token, input);
      expect(result.errors).toBeUndefined();
      expect(result.data.submitApplication.status).toBe('INELIGIBLE');
      expect(result.data.submitApplication.ineligibleReason).toMatch(reason);
    });

    it('saves a draft and submits it later; an officer may record one for a group', async () => {
      const { roundId } = await fundWithRound();
      const draft = await submit(groupAdmin.token, { ...applicationInput(roundId), draft: true });
      expect(draft.data.submitApplication.status).toBe('DRAFT');
      const submitted = await t.gql<{ submitDraftApplication: { status: string } }>(
        SUBMIT_DRAFT,
        { id: draft.data.submitApplication.id },
        groupAdmin.token,
      );
      expect(submitted.data.submitDraftApplication.status).toBe('IN_ASSESSMENT');
      const again = await t.gql(SUBMIT_DRAFT, { id: draft.data.submitApplication.id }, groupAdmin.token);
      expect(errorCode(again)).toBe('CONFLICT');
      const recorded = await submit(officer.token, applicationInput(roundId));
      expect(recorded.data.submitApplication).toMatchObject({ status: 'IN_ASSESSMENT', recordedByOfficer: true });
    });

    it('refuses strangers, the unauthenticated, closed rounds and bad dates', async () => {
      const { roundId } = await fundWithRound();
      expect(errorCode(await submit(member.token, applicationInput(roundId)))).toBe('FORBIDDEN');
      expect(errorCode(await submit(otherOfficer.token, applicationInput(roundId)))).toBe('FORBIDDEN');
      expect(errorCode(await t.gql(SUBMIT, { input: applicationInput(roundId) }))).toBe('UNAUTHENTICATED');
      expect(
        errorFields(await submit(groupAdmin.token, applicationInput(roundId, { plannedEnd: '2026-01-01' }))),
      ).toEqual(['input.plannedEnd']);
      expect(errorFields(await submit(groupAdmin.token, applicationInput(roundId, { summary: 'too short' })))).toEqual([
        'input.summary',
      ]);
      const fund = await createFund(t, { ownerOrganisationId: council.id });
      const closed = await createRound(t, {
        fundId: fund.id,
        opensAt: new Date(Date.now() - 60 * 86_400_000),
        closesAt: new Date(Date.now() - 86_400_000),
      });
      expect(errorCode(await submit(groupAdmin.token, applicationInput(closed.globalId)))).toBe('CONFLICT');
    });

    it('lets the applicant withdraw an open application, but not a finished one', async () => {
      const { roundId } = await fundWithRound();
      const id = await inAssessment(roundId);
      const withdrawn = await t.gql<{ withdrawApplication: { status: string } }>(
        WITHDRAW,
        { input: { applicationId: id } },
        groupAdmin.token,
      );
      expect(withdrawn.data.withdrawApplication.status).toBe('WITHDRAWN');
      const again = await t.gql(WITHDRAW, { input: { applicationId: id } }, groupAdmin.token);
      expect(errorCode(again)).toBe('CONFLICT');
      expect(errorCode(await t.gql(WITHDRAW, { input: { applicationId: id } }, member.token))).toBe('NOT_FOUND');
    });
  });

  describe('assessment', () => {
    const scores = (criteria: string[], need: number, deliverability: number) => [
      { criterionId: criteria[0], score: need, justification: 'Clear local need shown.' },
      { criterionId: criteria[1], score: deliverability, justification: 'Experienced volunteers.' },
    ];

    it('requires a declaration before any score, and bars an assessor with a conflict', async () => {
      const { roundId, criteria } = await fundWithRound();
      const id = await inAssessment(roundId);
      const early = await t.gql(SCORE, { input: { applicationId: id, scores: scores(criteria, 5, 5) } }, officer.token);
      expect(errorCode(early)).toBe('FORBIDDEN');
      expect(early.errors?.[0].message).toMatch(/declareConflictOfInterest/);

      const noDetails = await t.gql(DECLARE, { input: { applicationId: id, hasConflict: true } }, secondOfficer.token);
      expect(errorFields(noDetails)).toEqual(['input.details']);
      await t.gql(
        DECLARE,
        { input: { applicationId: id, hasConflict: true, details: 'I chair the group.' } },
        secondOfficer.token,
      );
      const barred = await t.gql(
        SCORE,
        { input: { applicationId: id, scores: scores(criteria, 5, 5) } },
        secondOfficer.token,
      );
      expect(errorCode(barred)).toBe('FORBIDDEN');
      expect(errorCode(await award(id, undefined, secondOfficer.token))).toBe('FORBIDDEN');
      const retract = await t.gql(DECLARE, { input: { applicationId: id, hasConflict: false } }, secondOfficer.token);
      expect(errorCode(retract)).toBe('CONFLICT');

      await t.gql(DECLARE, { input: { applicationId: id, hasConflict: false } }, officer.token);
      const scored = await t.gql<{ scoreApplication: { weightedTotal: number; scores: { score: number }[] } }>(
        SCORE,
        { input: { applicationId: id, scores: scores(criteria, 8, 4) } },
        officer.token,
      );
      expect(scored.errors).toBeUndefined();
      // (8/10 x 3 + 4/5 x 1) / 4 x 100
      expect(scored.data.scoreApplication.weightedTotal).toBe(80);
      expect(
        errorCode(
          await t.gql(SCORE, { input: { applicationId: id, scores: scores(criteria, 8, 4) } }, groupAdmin.token),
        ),
      ).toBe('FORBIDDEN');
      expect(
        errorCode(await t.gql(DECLARE, { input: { applicationId: id, hasConflict: false } }, otherOfficer.token)),
      ).toBe('NOT_FOUND');
    });

    it('hides an application’s assessments from an officer who declared a conflict on it, on every path', async () => {
      const { roundId, criteria } = await fundWithRound();
      const id = await inAssessment(roundId, { projectTitle: 'Conflicted' });
      await t.gql(DECLARE, { input: { applicationId: id, hasConflict: false } }, officer.token);
      await t.gql(SCORE, { input: { applicationId: id, scores: scores(criteria, 8, 4) } }, officer.token);
      const declared = await t.gql<{ declareConflictOfInterest: { assessments: unknown[] } }>(
        `mutation ($input: DeclareConflictInput!) { declareConflictOfInterest(input: $input) { assessments { assessor } } }`,
        { input: { applicationId: id, hasConflict: true, details: 'My sister runs the group.' } },
        secondOfficer.token,
      );
      expect(declared.errors).toBeUndefined();
      const VIEWS = `query Views($id: ID!, $roundId: ID!) {
        grantApplication(id: $id) { assessments { assessor scores { score justification } } }
        node(id: $id) { ... on GrantApplication { assessments { assessor } } }
        roundPanel(roundId: $roundId) { entries { weightedScore application { projectTitle assessments { assessor } } } }
        auditTrail(id: $id) { action before after }
      }`;
      type Views = {
        grantApplication: { assessments: { assessor: string; scores: { justification: string }[] }[] };
        node: { assessments: { assessor: string }[] };
        roundPanel: { entries: { weightedScore: number | null; application: { assessments: unknown[] } }[] };
        auditTrail: { action: string; before: string | null; after: string | null }[];
      };
      const colleague = await t.gql<Views>(VIEWS, { id, roundId }, officer.token);
      expect(colleague.errors).toBeUndefined();
      expect(colleague.data.grantApplication.assessments[0].scores[0].justification).toBe('Clear local need shown.');
      expect(colleague.data.node.assessments).toHaveLength(1);
      expect(colleague.data.roundPanel.entries[0].weightedScore).toBe(80);
      expect(colleague.data.roundPanel.entries[0].application.assessments).toHaveLength(1);
      expect(colleague.data.auditTrail.find((entry) => entry.action === 'score')?.after).toContain('"score":8');

      const conflicted = await t.gql<Views>(VIEWS, { id, roundId }, secondOfficer.token);
      expect(conflicted.errors).toBeUndefined();
      expect(declared.data.declareConflictOfInterest.assessments).toEqual([]);
      expect(conflicted.data.grantApplication.assessments).toEqual([]);
      expect(conflicted.data.node.assessments).toEqual([]);
      expect(conflicted.data.roundPanel.entries).toEqual([
        { weightedScore: null, application: { projectTitle: 'Conflicted', assessments: [] } },
      ]);
      const scoring = conflicted.data.auditTrail.filter((entry) => entry.action === 'score');
      expect(scoring).toEqual([{ action: 'score', before: null, after: null }]);
    });

    it('keeps each score within its criterion’s maximum, naming the field', async () => {
      const { roundId, criteria } = await fundWithRound();
      const id = await inAssessment(roundId);
      await t.gql(DECLARE, { input: { applicationId: id, hasConflict: false } }, officer.token);
      const result = await t.gql(
        SCORE,
        { input: { applicationId: id, scores: scores(criteria, 8, 6) } },
        officer.token,
      );
      expect(errorFields(result)).toEqual(['input.scores[1].score']);
      expect(result.errors?.[0].message).toMatch(/between 0 and 5/);
    });

    it('ranks a round’s applications by weighted score against the remaining budget; applicants never see scores', async () => {
      const { roundId, criteria } = await fundWithRound(300_000);
      const low = await inAssessment(roundId, { projectTitle: 'Low scorer', amountRequested: 100_000 });
      const high = await inAssessment(roundId, { projectTitle: 'High scorer', amountRequested: 200_000 });
      await inAssessment(roundId, { projectTitle: 'Unscored', amountRequested: 50_000 });
      for (const [id, need] of [
        [low, 4],
        [high, 9],
      ] as const) {
        for (const assessor of [officer, secondOfficer]) {
          await t.gql(DECLARE, { input: { applicationId: id, hasConflict: false } }, assessor.token);
          await t.gql(SCORE, { input: { applicationId: id, scores: scores(criteria, need, 5) } }, assessor.token);
        }
      }
      const panel = await t.gql<{
        roundPanel: {
          remainingBudget: number;
          entries: {
            rank: number;
            weightedScore: number | null;
            assessors: number;
            cumulativeRequested: number;
            withinRemainingBudget: boolean;
            application: { projectTitle: string };
          }[];
        };
      }>(PANEL, { id: roundId }, officer.token);
      expect(panel.errors).toBeUndefined();
      expect(panel.data.roundPanel.remainingBudget).toBe(300_000);
      expect(
        panel.data.roundPanel.entries.map((e) => [
          e.application.projectTitle,
          e.weightedScore,
          e.assessors,
          e.cumulativeRequested,
          e.withinRemainingBudget,
        ]),
      ).toEqual([
        ['High scorer', 92.5, 2, 200_000, true],
        ['Low scorer', 55, 2, 300_000, true],
        ['Unscored', null, 0, 350_000, false],
      ]);
      expect(errorCode(await t.gql(PANEL, { id: roundId }, groupAdmin.token))).toBe('NOT_FOUND');
      const seen = await t.gql<{ grantApplication: { assessments: unknown[] } }>(
        APPLICATION,
        { id: high },
        groupAdmin.token,
      );
      expect(seen.data.grantApplication.assessments).toEqual([]);
      const officerView = await t.gql<{ grantApplication: { assessments: { assessor: string }[] } }>(
        APPLICATION,
        { id: high },
        officer.token,
      );
      expect(officerView.data.grantApplication.assessments.map((a) => a.assessor)).toEqual([
        'Olive Officer',
        'Sam Second',
      ]);
    });
  });

  describe('decisions and the budget', () => {
    it('awards in part, commits it to the fund with a report schedule, and refuses a second decision', async () => {
      const { fund, roundId } = await fundWithRound(1_000_000);
      const id = await inAssessment(roundId);
      const result = await t.gql<{
        decideApplication: {
          status: string;
          amountAwarded: number;
          awardedAt: string;
          monitoringReports: { title: string; dueDate: string }[];
        };
      }>(
        DECIDE,
        {
          input: { applicationId: id, decision: 'AWARD', amount: 120_000, reason: 'Strong bid; venue costs trimmed.' },
        },
        officer.token,
      );
      expect(result.errors).toBeUndefined();
      expect(result.data.decideApplication).toMatchObject({
        status: 'AWARDED',
        amountAwarded: 120_000,
        awardedAt: today(),
      });
      expect(result.data.decideApplication.monitoringReports).toEqual([
        { title: 'Mid-point report', dueDate: '2026-12-15' },
        { title: 'Final report', dueDate: '2027-04-30' },
      ]);
      expect(await fundView(fund.globalId)).toMatchObject({ committed: 120_000, remaining: 880_000 });

      const again = await award(id);
      expect(errorCode(again)).toBe('CONFLICT');
      expect(again.errors?.[0].message).toMatch(/AWARDED cannot be awarded/);
      expect(await fundView(fund.globalId)).toMatchObject({ committed: 120_000 });
      expect(errorFields(await award(await inAssessment(roundId), 200_000))).toEqual(['input.amount']);
    });

    it('declines with a reason (and only with one)', async () => {
      const { roundId } = await fundWithRound();
      const id = await inAssessment(roundId);
      expect(
        errorFields(await t.gql(DECIDE, { input: { applicationId: id, decision: 'DECLINE' } }, officer.token)),
      ).toEqual(['input.reason']);
      const declined = await t.gql<{ decideApplication: { status: string; decisionReason: string } }>(
        DECIDE,
        { input: { applicationId: id, decision: 'DECLINE', reason: 'Outside the fund’s priorities.' } },
        officer.token,
      );
      expect(declined.data.decideApplication).toMatchObject({
        status: 'DECLINED',
        decisionReason: 'Outside the fund’s priorities.',
      });
      expect(errorCode(await award(id))).toBe('CONFLICT');
      expect(errorCode(await award(id, undefined, groupAdmin.token))).toBe('FORBIDDEN');
      expect(errorCode(await award(id, undefined, otherOfficer.token))).toBe('NOT_FOUND');
    });

    it('refuses an award the budget cannot cover, changing nothing', async () => {
      const { fund, roundId } = await fundWithRound(200_000, { maxAward: 200_000 });
      const first = await inAssessment(roundId);
      const second = await inAssessment(roundId);
      expect((await award(first, 150_000)).errors).toBeUndefined();
      const over = await award(second, 100_000);
      expect(errorCode(over)).toBe('CONFLICT');
      expect(over.errors?.[0].message).toMatch(/GBP 500.00 left/);
      expect(await fundView(fund.globalId)).toMatchObject({ committed: 150_000, remaining: 50_000 });
      const [{ status }] = await t.db.query<{ status: string }[]>(
        'SELECT status FROM grant_applications WHERE id = $1',
        [fromGlobalId(second, 'GrantApplication', 'id')],
      );
      expect(status).toBe('IN_ASSESSMENT');
    });

    it('makes exactly 10 of 50 concurrent awards when the fund has room for 10', async () => {
      const fund = await createFund(t, { ownerOrganisationId: council.id, budgetPence: 1_000_000 });
      const round = await createRound(t, { fundId: fund.id });
      const ids: string[] = [];
      for (let i = 0; i < 50; i++) {
        const application = await createApplication(t, {
          roundId: round.id,
          fundId: fund.id,
          applicantOrganisationId: group.id,
          amountRequestedPence: 100_000,
        });
        ids.push(application.globalId);
      }
      const results = await Promise.all(ids.map((id) => award(id)));
      expect(results.filter((result) => !result.errors)).toHaveLength(10);
      expect(results.filter((result) => errorCode(result) === 'CONFLICT')).toHaveLength(40);
      const view = await fundView(fund.globalId);
      expect(view).toMatchObject({ committed: 1_000_000, remaining: 0 });
      const [{ awarded }] = await t.db.query<{ awarded: number }[]>(
        `SELECT count(*)::int AS awarded FROM grant_applications WHERE fund_id = $1 AND status = 'AWARDED'`,
        [fund.id],
      );
      expect(awarded).toBe(10);
    });

    it('returns the budget when an award is withdrawn before it starts', async () => {
      const { fund, roundId } = await fundWithRound(500_000);
      const id = await inAssessment(roundId);
      await award(id, 100_000);
      const withdrawn = await t.gql<{ withdrawApplication: { status: string } }>(
        WITHDRAW,
        { input: { applicationId: id, reason: 'The group folded.' } },
        officer.token,
      );
      expect(withdrawn.data.withdrawApplication.status).toBe('WITHDRAWN');
      expect(await fundView(fund.globalId)).toMatchObject({ committed: 0, remaining: 500_000 });
    });
  });

  describe('payments, monitoring and closure', () => {
    async function activeAward(amount = 200_000) {
      const { fund, roundId } = await fundWithRound(1_000_000);
      const id = await inAssessment(roundId, { amountRequested: amount });
      await award(id);
      return { fund, id };
    }

    it('schedules tranches within the award, pays only an ACTIVE award, and moves the totals', async () => {
      const { fund, id } = await activeAward();
      const scheduled = await t.gql<{ schedulePayment: { id: string; status: string }[] }>(
        SCHEDULE,
        {
          input: {
            applicationId: id,
            tranches: [
              { amount: 150_000, dueDate: '2026-09-01' },
              { amount: 50_000, dueDate: '2027-01-15' },
            ],
          },
        },
        officer.token,
      );
      expect(scheduled.errors).toBeUndefined();
      const over = await t.gql(
        SCHEDULE,
        { input: { applicationId: id, tranches: [{ amount: 1, dueDate: '2027-02-01' }] } },
        officer.token,
      );
      expect(errorCode(over)).toBe('CONFLICT');
      const [first, second] = scheduled.data.schedulePayment;
      expect(errorCode(await t.gql(PAY, { input: { paymentId: first.id } }, officer.token))).toBe('CONFLICT');
      expect((await t.gql(ACTIVATE, { id }, officer.token)).errors).toBeUndefined();
      const paid = await t.gql<{ markPaymentPaid: { status: string; reference: string } }>(
        PAY,
        { input: { paymentId: first.id, reference: 'BACS-0042' } },
        officer.token,
      );
      expect(paid.data.markPaymentPaid).toMatchObject({ status: 'PAID', reference: 'BACS-0042' });
      expect(errorCode(await t.gql(PAY, { input: { paymentId: first.id } }, officer.token))).toBe('CONFLICT');
      expect(errorCode(await t.gql(PAY, { input: { paymentId: second.id } }, groupAdmin.token))).toBe('FORBIDDEN');
      expect(await fundView(fund.globalId)).toMatchObject({ committed: 200_000, paid: 150_000 });
      const view = await t.gql<{ grantApplication: { paid: number; status: string } }>(
        APPLICATION,
        { id },
        groupAdmin.token,
      );
      expect(view.data.grantApplication).toMatchObject({ paid: 150_000, status: 'ACTIVE' });
    });

    it('keeps payments, activation, monitoring and closure to the people allowed', async () => {
      const { id } = await activeAward();
      const tranche = { applicationId: id, tranches: [{ amount: 10_000, dueDate: '2026-10-01' }] };
      for (const token of [groupAdmin.token, member.token]) {
        expect(errorCode(await t.gql(SCHEDULE, { input: tranche }, token))).toMatch(/^(FORBIDDEN|NOT_FOUND)$/);
        expect(errorCode(await t.gql(ACTIVATE, { id }, token))).toMatch(/^(FORBIDDEN|NOT_FOUND)$/);
        expect(errorCode(await t.gql(CLOSE, { input: { applicationId: id, actualSpend: 0 } }, token))).toMatch(
          /^(FORBIDDEN|NOT_FOUND)$/,
        );
      }
      expect(errorCode(await t.gql(SCHEDULE, { input: tranche }, otherOfficer.token))).toBe('NOT_FOUND');
      expect(errorCode(await t.gql(SCHEDULE, { input: tranche }))).toBe('UNAUTHENTICATED');
      await t.gql(ACTIVATE, { id }, officer.token);
      const report = {
        applicationId: id,
        participants: 1,
        sessions: 1,
        volunteers: 0,
        volunteerHours: 0,
        narrative: 'A first session with a handful of neighbours.',
      };
      expect(errorCode(await t.gql(REPORT, { input: report }, member.token))).toBe('NOT_FOUND');
      expect(errorCode(await t.gql(REPORT, { input: report }, otherOfficer.token))).toBe('NOT_FOUND');
      const view = await t.gql<{ grantApplication: { status: string; payments: unknown[] } }>(
        APPLICATION,
        { id },
        officer.token,
      );
      expect(view.data.grantApplication).toMatchObject({ status: 'ACTIVE', payments: [] });
    });

    it('schedules exactly 10 of 50 concurrent tranches when the award has room for 10', async () => {
      const { id } = await activeAward(100_000);
      const results = await Promise.all(
        Array.from({ length: 50 }, () =>
          t.gql(
            SCHEDULE,
            { input: { applicationId: id, tranches: [{ amount: 10_000, dueDate: '2026-10-01' }] } },
            officer.token,
          ),
        ),
      );
      expect(results.filter((result) => !result.errors)).toHaveLength(10);
      expect(results.filter((result) => errorCode(result) === 'CONFLICT')).toHaveLength(40);
      const [{ total, count }] = await t.db.query<{ total: number; count: number }[]>(
        `SELECT sum(amount_pence)::bigint AS total, count(*)::int AS count
           FROM grant_payments WHERE application_id = $1 AND status = 'SCHEDULED'`,
        [fromGlobalId(id, 'GrantApplication', 'id')],
      );
      expect([total, count]).toEqual([100_000, 10]);
    });

    it('takes monitoring reports with ONS4 scores kept per item, lists overdue ones, and closes returning underspend', async () => {
      const { fund, id } = await activeAward(200_000);
      const payments = await t.gql<{ schedulePayment: { id: string }[] }>(
        SCHEDULE,
        {
          input: {
            applicationId: id,
            tranches: [
              { amount: 120_000, dueDate: '2026-09-01' },
              { amount: 80_000, dueDate: '2027-01-15' },
            ],
          },
        },
        officer.token,
      );
      await t.gql(ACTIVATE, { id }, officer.token);
      await t.gql(PAY, { input: { paymentId: payments.data.schedulePayment[0].id } }, officer.token);
      const uuid = fromGlobalId(id, 'GrantApplication', 'id');
      await t.db.query(
        `UPDATE grant_monitoring_reports SET due_date = $2 WHERE application_id = $1 AND title = 'Mid-point report'`,
        [uuid, daysFromNow(-3)],
      );

      const overdue = await t.gql<{
        overdueMonitoringReports: { daysOverdue: number; report: { title: string; overdue: boolean } }[];
      }>(OVERDUE, { fundId: fund.globalId }, officer.token);
      expect(overdue.data.overdueMonitoringReports).toEqual([
        {
          daysOverdue: 3,
          report: { title: 'Mid-point report', dueDate: daysFromNow(-3), overdue: true },
          award: { projectTitle: 'Pleck Friday Suppers' },
        },
      ]);
      expect(errorCode(await t.gql(OVERDUE, {}, member.token))).toBe('FORBIDDEN');
      expect(
        (await t.gql<{ overdueMonitoringReports: unknown[] }>(OVERDUE, { fundId: fund.globalId }, otherOfficer.token))
          .data.overdueMonitoringReports,
      ).toEqual([]);

      const reportInput = (lifeSatisfactionBefore: number) => ({
        applicationId: id,
        participants: 48,
        sessions: 20,
        volunteers: 6,
        volunteerHours: 120.5,
        narrative: 'Twenty suppers so far, 48 regulars, three new volunteers.',
        wellbeing: {
          respondents: 30,
          before: { lifeSatisfaction: lifeSatisfactionBefore, worthwhile: 6.5, happiness: 6.1, anxiety: 4.8 },
          after: { lifeSatisfaction: 7.1, worthwhile: 7.4, happiness: 7, anxiety: 3.9 },
        },
      });
      const badScore = await t.gql(REPORT, { input: reportInput(11) }, groupAdmin.token);
      expect(errorFields(badScore)).toEqual(['input.wellbeing.before.lifeSatisfaction']);
      const report = await t.gql<{
        submitMonitoringReport: {
          title: string;
          wellbeingBefore: { lifeSatisfaction: number; anxiety: number };
          wellbeingAfter: { anxiety: number };
        };
      }>(REPORT, { input: reportInput(6.2) }, groupAdmin.token);
      expect(report.errors).toBeUndefined();
      expect(report.data.submitMonitoringReport).toMatchObject({
        title: 'Mid-point report',
        wellbeingBefore: { lifeSatisfaction: 6.2, anxiety: 4.8 },
        wellbeingAfter: { anxiety: 3.9 },
      });
      expect(
        (await t.gql<{ overdueMonitoringReports: unknown[] }>(OVERDUE, { fundId: fund.globalId }, officer.token)).data
          .overdueMonitoringReports,
      ).toEqual([]);

      const overspend = await t.gql(CLOSE, { input: { applicationId: id, actualSpend: 150_000 } }, officer.token);
      expect(errorFields(overspend)).toEqual(['input.actualSpend']);
      const closed = await t.gql<{
        closeAward: {
          status: string;
          actualSpend: number;
          underspendReturned: number;
          repaymentDue: number;
          payments: { status: string }[];
        };
      }>(
        CLOSE,
        { input: { applicationId: id, actualSpend: 110_000, early: true, note: 'Venue closed in January.' } },
        officer.token,
      );
      expect(closed.errors).toBeUndefined();
      expect(closed.data.closeAward).toMatchObject({
        status: 'CLOSED_EARLY',
        actualSpend: 110_000,
        underspendReturned: 80_000,
        repaymentDue: 10_000,
        payments: [{ status: 'PAID' }, { status: 'CANCELLED' }],
      });
      expect(await fundView(fund.globalId)).toMatchObject({ committed: 120_000, paid: 120_000, remaining: 880_000 });
      expect(errorCode(await t.gql(CLOSE, { input: { applicationId: id, actualSpend: 110_000 } }, officer.token))).toBe(
        'CONFLICT',
      );

      const trail = await t.gql<{ auditTrail: { entityType: string; action: string; actor: string | null }[] }>(
        TRAIL,
        { id },
        officer.token,
      );
      expect(trail.data.auditTrail.map((row) => `${row.entityType}:${row.action}`)).toEqual([
        'GrantApplication:create',
        'GrantApplication:submit',
        'GrantApplication:pass-eligibility',
        'GrantApplication:award',
        'GrantPayment:schedule',
        'GrantPayment:schedule',
        'GrantApplication:activate',
        'GrantPayment:pay',
        'GrantApplication:monitoring-report',
        'GrantApplication:close-early',
      ]);
      expect(trail.data.auditTrail.find((row) => row.action === 'award')?.actor).toBe('Olive Officer');
      const fundTrail = await t.gql<{ auditTrail: { action: string; before: string; after: string }[] }>(
        TRAIL,
        { id: fund.globalId },
        officer.token,
      );
      expect(fundTrail.data.auditTrail.map((row) => row.action)).toEqual(['commit', 'pay', 'return-underspend']);
      expect(JSON.parse(fundTrail.data.auditTrail[2].after)).toMatchObject({ committedPence: 120_000 });
      expect(errorCode(await t.gql(TRAIL, { id }, groupAdmin.token))).toBe('NOT_FOUND');
      expect(errorCode(await t.gql(TRAIL, { id: group.globalId }, officer.token))).toBe('BAD_USER_INPUT');
    });
  });
});
