import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  createApplication,
  createFund,
  createOrganisation,
  createPayment,
  createPractitioner,
  createRound,
  createTestApp,
  type TestApp,
} from '@cohesion/testing';

/** The panel and the fund page cost the same number of SQL statements for 3 applications as for 30. */
const PANEL = `query Panel($round: ID!, $fund: ID!) {
  roundPanel(roundId: $round) { entries { rank weightedScore application {
    projectTitle applicant { name } payments { amount } monitoringReports { title } assessments { assessor } } } }
  fund(id: $fund) { remaining applicationsByStatus { status count } rounds { name criteria { name } } owner { name } }
}`;

describe('SQL statements per grants request', () => {
  let t: TestApp;
  let token: string;
  let council: string;
  beforeAll(async () => {
    t = await createTestApp();
    council = (await createOrganisation(t, { kind: 'LOCAL_AUTHORITY' })).id;
    token = (await createPractitioner(t, { roles: [{ role: 'GRANTS_OFFICER', organisationId: council }] })).token;
  });
  afterAll(async () => {
    await t.close();
  });

  async function statementsFor(applications: number): Promise<number> {
    const fund = await createFund(t, { ownerOrganisationId: council });
    const round = await createRound(t, { fundId: fund.id });
    for (let i = 0; i < applications; i++) {
      const applicant = await createOrganisation(t);
      const application = await createApplication(t, {
        roundId: round.id,
        fundId: fund.id,
        applicantOrganisationId: applicant.id,
      });
      await createPayment(t, { applicationId: application.id, fundId: fund.id, amountPence: 1_000 });
    }
    t.resetStatements();
    const result = await t.gql<{ roundPanel: { entries: unknown[] } }>(
      PANEL,
      { round: round.globalId, fund: fund.globalId },
      token,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.roundPanel.entries).toHaveLength(applications);
    return t.statements();
  }

  it('does not grow with the number of applications', async () => {
    const few = await statementsFor(3);
    const many = await statementsFor(30);
    expect(many).toBe(few);
  });
});
