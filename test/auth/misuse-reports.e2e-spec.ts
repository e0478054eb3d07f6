import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  auditOf,
  createAdmin,
  createOrganisation,
  createPractitioner,
  createTestApp,
  errorCode,
  errorFields,
  type Created,
  type TestApp,
  type TestPractitioner,
} from '@cohesion/testing';
import { toGlobalId } from '@cohesion/common';

const REPORT = `mutation R($input: ReportMisuseInput!) { reportMisuse(input: $input) { received message } }`;
const REPORTS = `query L($status: MisuseReportStatus, $first: Int, $after: String) {
  misuseReports(status: $status, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { id practitionerId organisationId subjectName reason details status outcome
                   reporter { id name email } } }
  }
}`;
const RESOLVE = `mutation S($id: ID!, $outcome: MisuseOutcome!) {
  resolveMisuseReport(id: $id, outcome: $outcome) { id status outcome resolvedAt }
}`;
const NODE = `query N($id: ID!) { node(id: $id) { ... on MisuseReport { reason } } }`;
const NOTIFICATIONS = `query { myNotifications(first: 50) { edges { node { kind subject body } } } }`;

interface ReportNode {
  id: string;
  practitionerId: string | null;
  organisationId: string | null;
  subjectName: string;
  reason: string;
  details: string | null;
  status: string;
  outcome: string | null;
  reporter: { id: string; name: string; email: string | null };
}
type Reports = { misuseReports: { totalCount: number; edges: { node: ReportNode }[] } };
type Notices = { myNotifications: { edges: { node: { kind: string; subject: string; body: string } }[] } };

describe('misuse reports (reportMisuse, misuseReports, resolveMisuseReport)', () => {
  let t: TestApp;
  let reporter: TestPractitioner;
  let subject: TestPractitioner;
  let hidden: TestPractitioner;
  let admin: TestPractitioner;
  let otherAdmin: TestPractitioner;
  let organisation: Created;

  const report = (input: Record<string, unknown>, token = reporter.token) => t.gql(REPORT, { input }, token);

  beforeAll(async () => {
    t = await createTestApp();
    reporter = await createPractitioner(t, { fullName: 'Rita Reporter' });
    subject = await createPractitioner(t, { fullName: 'Sam Subject' });
    hidden = await createPractitioner(t, { fullName: 'Hidden Person', discoverable: false });
    admin = await createAdmin(t, { fullName: 'Ada Admin' });
    otherAdmin = await createAdmin(t, { fullName: 'Otto Admin' });
    organisation = await createOrganisation(t, { name: 'Reported Helpers Ltd' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('takes a report of a profile and tells every admin, without saying who reported it', async () => {
    const result = await report({
      practitionerId: subject.globalId,
      reason: 'HARASSMENT',
      details: 'Abusive messages',
    });
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      reportMisuse: { received: true, message: 'Thank you. The Cohesion Network admins will look at your report.' },
    });
    for (const each of [admin, otherAdmin]) {
      const notices = await t.gql<Notices>(NOTIFICATIONS, {}, each.token);
      const reported = notices.data.myNotifications.edges.filter((edge) => edge.node.kind === 'MISUSE_REPORTED');
      expect(reported).toHaveLength(1);
      expect(reported[0].node.subject).toBe('A member reported the profile of Sam Subject');
      expect(JSON.stringify(reported)).not.toContain('Rita');
      expect(JSON.stringify(reported)).not.toContain('Abusive messages');
    }
    const told = await t.gql<Notices>(NOTIFICATIONS, {}, subject.token);
    expect(told.data.myNotifications.edges).toEqual([]);
  });

  it('takes a report of an organisation', async () => {
    const result = await report({ organisationId: organisation.globalId, reason: 'IMPERSONATION' });
    expect(result.errors).toBeUndefined();
  });

  it('shows admins the reports with who reported them', async () => {
    const result = await t.gql<Reports>(REPORTS, { status: 'OPEN' }, admin.token);
    expect(result.errors).toBeUndefined();
    expect(result.data.misuseReports.totalCount).toBe(2);
    const [organisationReport, profileReport] = result.data.misuseReports.edges.map((edge) => edge.node);
    expect(profileReport).toMatchObject({
      practitionerId: subject.globalId,
      organisationId: null,
      subjectName: 'Sam Subject',
      reason: 'HARASSMENT',
      details: 'Abusive messages',
      status: 'OPEN',
      outcome: null,
      reporter: { id: reporter.globalId, name: 'Rita Reporter', email: reporter.email },
    });
    expect(organisationReport).toMatchObject({
      organisationId: organisation.globalId,
      subjectName: 'Reported Helpers Ltd',
    });
    const node = await t.gql(NODE, { id: profileReport.id }, admin.token);
    expect(node.data).toEqual({ node: { reason: 'HARASSMENT' } });
    const page = await t.gql<Reports>(REPORTS, { first: 1 }, admin.token);
    expect(page.data.misuseReports.edges).toHaveLength(1);
  });

  it('keeps reports from anyone but admins', async () => {
    expect(errorCode(await t.gql(REPORTS, {}))).toBe('UNAUTHENTICATED');
    expect(errorCode(await t.gql(REPORTS, {}, reporter.token))).toBe('FORBIDDEN');
    const [first] = (await t.gql<Reports>(REPORTS, {}, admin.token)).data.misuseReports.edges;
    expect(await t.gql(NODE, { id: first.node.id }, reporter.token)).toMatchObject({ data: { node: null } });
    expect(errorCode(await t.gql(REPORTS, { first: 1000 }, admin.token))).toBe('BAD_USER_INPUT');
  });

  it('refuses anyone not signed in, and accounts not verified', async () => {
    expect(errorCode(await t.gql(REPORT, { input: { practitionerId: subject.globalId, reason: 'SPAM' } }))).toBe(
      'UNAUTHENTICATED',
    );
    const unverified = await createPractitioner(t, { emailVerified: false });
    expect(errorCode(await report({ practitionerId: subject.globalId, reason: 'SPAM' }, unverified.token))).toBe(
      'FORBIDDEN',
    );
  });

  it('names the field for bad input', async () => {
    const both = await report({
      practitionerId: subject.globalId,
      organisationId: organisation.globalId,
      reason: 'SPAM',
    });
    expect(errorFields(both)).toEqual(['input.practitionerId']);
    expect(errorFields(await report({ reason: 'SPAM' }))).toEqual(['input.practitionerId']);
    expect(errorFields(await report({ practitionerId: organisation.globalId, reason: 'SPAM' }))).toEqual([
      'input.practitionerId',
    ]);
    expect(errorFields(await report({ practitionerId: reporter.globalId, reason: 'SPAM' }))).toEqual([
      'input.practitionerId',
    ]);
    expect(errorFields(await report({ practitionerId: subject.globalId, reason: 'OTHER' }))).toEqual(['input.details']);
    const long = await report({ practitionerId: subject.globalId, reason: 'SPAM', details: 'x'.repeat(2001) });
    expect(errorCode(long)).toBe('BAD_USER_INPUT');
    expect(errorFields(long)).toEqual(['input.details']);
    expect(errorCode(await report({ practitionerId: subject.globalId, reason: 'RUDE' }))).toBe('BAD_USER_INPUT');
  });

  it('answers NOT_FOUND for a profile the reporter may not see, as for one that does not exist', async () => {
    const unseen = await report({ practitionerId: hidden.globalId, reason: 'SPAM' });
    const missing = await report({
      practitionerId: toGlobalId('Practitioner', '00000000-0000-4000-8000-000000000000'),
      reason: 'SPAM',
    });
    expect(errorCode(unseen)).toBe('NOT_FOUND');
    expect(unseen.errors?.[0].message).toBe(missing.errors?.[0].message);
    expect(errorCode(missing)).toBe('NOT_FOUND');
  });

  it('takes a report of someone the reporter blocked, never of someone who blocked the reporter', async () => {
    const harasser = await createPractitioner(t, { fullName: 'Blocked Harasser' });
    const blocker = await createPractitioner(t, { fullName: 'Blocked The Reporter' });
    await t.db.query('INSERT INTO practitioner_blocks (blocker_id, blocked_id) VALUES ($1, $2), ($3, $1)', [
      reporter.id,
      harasser.id,
      blocker.id,
    ]);
    const ofBlocked = await report({ practitionerId: harasser.globalId, reason: 'HARASSMENT' });
    expect(ofBlocked.errors).toBeUndefined();
    const ofBlocker = await report({ practitionerId: blocker.globalId, reason: 'HARASSMENT' });
    expect(errorCode(ofBlocker)).toBe('NOT_FOUND');
  });

  it('takes one open report per subject, and a few a day', async () => {
    const again = await report({ practitionerId: subject.globalId, reason: 'SPAM' });
    expect(errorCode(again)).toBe('CONFLICT');
    const busy = await createPractitioner(t, { fullName: 'Busy Reporter' });
    const targets = await Promise.all(
      [1, 2, 3, 4, 5, 6].map((n) => createPractitioner(t, { fullName: `Target ${n}` })),
    );
    const results = [];
    for (const target of targets)
      results.push(await report({ practitionerId: target.globalId, reason: 'SPAM' }, busy.token));
    expect(results.slice(0, 5).map(errorCode)).toEqual([undefined, undefined, undefined, undefined, undefined]);
    expect(errorCode(results[5])).toBe('CONFLICT');
    expect(results[5].errors?.[0].message).toContain('5 reports today');
  });

  it('lets an admin resolve a report, once, audited', async () => {
    const open = await t.gql<Reports>(REPORTS, { status: 'OPEN', first: 100 }, admin.token);
    const target = open.data.misuseReports.edges.find((edge) => edge.node.subjectName === 'Sam Subject')
      ?.node as ReportNode;
    expect(errorCode(await t.gql(RESOLVE, { id: target.id, outcome: 'WARNING_GIVEN' }))).toBe('UNAUTHENTICATED');
    expect(errorCode(await t.gql(RESOLVE, { id: target.id, outcome: 'WARNING_GIVEN' }, reporter.token))).toBe(
      'FORBIDDEN',
    );
    expect(errorCode(await t.gql(RESOLVE, { id: target.id, outcome: 'SHRUG' }, admin.token))).toBe('BAD_USER_INPUT');
    expect(errorFields(await t.gql(RESOLVE, { id: subject.globalId, outcome: 'NO_ACTION' }, admin.token))).toEqual([
      'id',
    ]);
    const unknown = toGlobalId('MisuseReport', '00000000-0000-4000-8000-000000000000');
    expect(errorCode(await t.gql(RESOLVE, { id: unknown, outcome: 'NO_ACTION' }, admin.token))).toBe('NOT_FOUND');

    const resolved = await t.gql<{ resolveMisuseReport: { status: string; outcome: string; resolvedAt: string } }>(
      RESOLVE,
      { id: target.id, outcome: 'WARNING_GIVEN' },
      admin.token,
    );
    expect(resolved.errors).toBeUndefined();
    expect(resolved.data.resolveMisuseReport).toMatchObject({ status: 'RESOLVED', outcome: 'WARNING_GIVEN' });
    const [{ id: uuid }] = await t.db.query<{ id: string }[]>(
      `SELECT id FROM misuse_reports WHERE practitioner_id = $1`,
      [subject.id],
    );
    expect(await auditOf(t, uuid)).toEqual([
      {
        action: 'resolve',
        before: { status: 'OPEN' },
        after: { status: 'RESOLVED', outcome: 'WARNING_GIVEN' },
        actor_account_id: admin.id,
      },
    ]);
    expect(errorCode(await t.gql(RESOLVE, { id: target.id, outcome: 'NO_ACTION' }, admin.token))).toBe('CONFLICT');
    const closed = await t.gql<Reports>(REPORTS, { status: 'RESOLVED' }, admin.token);
    expect(closed.data.misuseReports.edges.map((edge) => edge.node.id)).toEqual([target.id]);
    // Once resolved, the same subject can be reported again.
    expect((await report({ practitionerId: subject.globalId, reason: 'SPAM' })).errors).toBeUndefined();
  });
});
