import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  connect,
  createApplication,
  createArea,
  createFund,
  createOrganisation,
  createPractitioner,
  createRound,
  createTestApp,
  runCommandLine,
  type TestApp,
  type TestPractitioner,
} from '@cohesion/testing';

interface Exported {
  about: string;
  exportedAt: string;
  account: { email: string; emailVerified: boolean; createdAt: string; lastSignInAt: string | null };
  roles: unknown[];
  practitionerProfile: Record<string, unknown> & { areas: { name: string }[]; themes: unknown[] };
  memberships: { organisationName: string; role: string | null }[];
  connections: { otherName: string; origin: string }[];
  introductions: {
    sent: { target: string; message: string }[];
    received: { requester: string; message: string }[];
    brokered: unknown[];
  };
  blocksPlaced: { name: string }[];
  partnershipProposals: unknown[];
  notifications: { kind: string; subject: string; body: string }[];
  grantsWork: { scores: unknown[]; conflictDeclarations: unknown[]; recorded: unknown[] };
  auditEntries: unknown[];
}

const EXPORT = '/account/export';

describe('a copy of your data (GET /account/export, npm run export:personal-data)', () => {
  let t: TestApp;
  let me: TestPractitioner;
  let friend: TestPractitioner;
  let asked: TestPractitioner;
  let asker: TestPractitioner;
  let blocked: TestPractitioner;
  let blocker: TestPractitioner;

  const download = (token?: string) => {
    const call = t.http().get(EXPORT);
    return token ? call.set('Authorization', `Bearer ${token}`) : call;
  };

  beforeAll(async () => {
    t = await createTestApp();
    const area = await createArea(t, { name: 'Export Ward' });
    const organisation = await createOrganisation(t, { name: 'Export Community Trust' });
    me = await createPractitioner(t, {
      fullName: 'Export Subject',
      jobTitle: 'Cohesion coordinator',
      contactEmail: 'subject.contact@example.org',
      contactPhone: '0121 496 0001',
      contactPhoneVisibility: 'MEMBERS',
      areaIds: [area.id],
      memberships: [{ organisationId: organisation.id, role: 'Project lead' }],
    });
    const others = { contactPhone: '0121 496 0999', contactEmailVisibility: 'MEMBERS' as const };
    friend = await createPractitioner(t, {
      fullName: 'Export Friend',
      contactEmail: 'friend.private@example.org',
      ...others,
    });
    asked = await createPractitioner(t, {
      fullName: 'Export Asked',
      contactEmail: 'asked.private@example.org',
      ...others,
    });
    asker = await createPractitioner(t, {
      fullName: 'Export Asker',
      contactEmail: 'asker.private@example.org',
      ...others,
    });
    blocked = await createPractitioner(t, { fullName: 'Export Blocked' });
    blocker = await createPractitioner(t, { fullName: 'Export Blocker' });
    await connect(t, me.id, friend.id);
    await t.db.query(
      `INSERT INTO introductions (requester_id, target_id, message, status, expires_at, reached_target_at)
       VALUES ($1, $2, 'Could we talk about the youth forum?', 'PENDING_TARGET', now() + interval '14 days', now()),
              ($3, $1, 'I would value your advice on the interfaith walk.', 'PENDING_TARGET', now() + interval '14 days', now())`,
      [me.id, asked.id, asker.id],
    );
    await t.db.query('INSERT INTO practitioner_blocks (blocker_id, blocked_id) VALUES ($1, $2), ($3, $1)', [
      me.id,
      blocked.id,
      blocker.id,
    ]);
    // Someone who has since blocked them asked them to pass a request on: the app shows them no one.
    await t.db.query(
      `INSERT INTO introductions (requester_id, target_id, broker_id, message, status, expires_at)
       VALUES ($1, $2, $3, 'Could you pass this on?', 'PENDING_BROKER', now() + interval '14 days')`,
      [blocker.id, asked.id, me.id],
    );
    await t.db.query(
      `INSERT INTO notifications (recipient_id, kind, subject, body) VALUES ($1, 'TEST_NOTICE', 'Export notice', 'A notice for the export')`,
      [me.id],
    );
  });
  afterAll(async () => {
    await t.close();
  });

  it('downloads everything held about the signed-in person as one JSON file', async () => {
    const response = await download(me.token);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.headers['content-disposition']).toBe('attachment; filename="cohesion-network-my-data.json"');
    const data = response.body as Exported;
    expect(data.account).toMatchObject({ email: me.email, emailVerified: true, lastSignInAt: null });
    expect(data.practitionerProfile).toMatchObject({
      fullName: 'Export Subject',
      jobTitle: 'Cohesion coordinator',
      contactEmail: 'subject.contact@example.org',
      contactPhone: '0121 496 0001',
      contactPhoneVisibility: 'MEMBERS',
      areas: [expect.objectContaining({ name: 'Export Ward' })],
    });
    expect(data.memberships).toEqual([
      expect.objectContaining({ organisationName: 'Export Community Trust', role: 'Project lead' }),
    ]);
    expect(data.connections).toEqual([expect.objectContaining({ otherName: 'Export Friend' })]);
    expect(data.introductions.sent).toEqual([
      expect.objectContaining({ target: 'Export Asked', message: 'Could we talk about the youth forum?' }),
    ]);
    expect(data.introductions.received).toEqual([
      expect.objectContaining({
        requester: 'Export Asker',
        message: 'I would value your advice on the interfaith walk.',
      }),
    ]);
    expect(data.blocksPlaced).toEqual([expect.objectContaining({ name: 'Export Blocked' })]);
    expect(data.notifications).toEqual([
      expect.objectContaining({ kind: 'TEST_NOTICE', subject: 'Export notice', body: 'A notice for the export' }),
    ]);
    expect(Object.keys(data)).toEqual([
      'about',
      'exportedAt',
      'account',
      'roles',
      'signInIdentities',
      'practitionerProfile',
      'memberships',
      'connections',
      'introductions',
      'blocksPlaced',
      'partnershipProposals',
      'notifications',
      'grantsWork',
      'auditEntries',
    ]);
  });

  it('says nothing of other people but their names, nor who blocked them, nor any secret', async () => {
    const response = await download(me.token);
    const text = response.text;
    for (const other of [friend, asked, asker, blocked, blocker]) expect(text).not.toContain(other.email);
    for (const address of ['friend.private@example.org', 'asked.private@example.org', 'asker.private@example.org']) {
      expect(text).not.toContain(address);
    }
    expect(text).not.toContain('0121 496 0999');
    expect(text).not.toContain('Export Blocker');
    expect(text).not.toContain(blocker.id);
    const [account] = await t.db.query<{ password_hash: string }[]>(
      'SELECT password_hash FROM accounts WHERE id = $1',
      [me.id],
    );
    expect(text).not.toContain(account.password_hash);
    const tokens = await t.db.query<{ token_hash: string }[]>(
      'SELECT token_hash FROM refresh_tokens WHERE account_id = $1',
      [me.id],
    );
    expect(tokens.length).toBeGreaterThan(0);
    for (const { token_hash } of tokens) expect(text).not.toContain(token_hash);
    expect(text).not.toMatch(/password|sessionEpoch|session_epoch|tokenHash|token_hash/i);
  });

  it('holds the grants work they did and the audit entries of their changes and of changes to their account', async () => {
    const council = await createOrganisation(t, { name: 'Export Council', kind: 'LOCAL_AUTHORITY' });
    const applicant = await createOrganisation(t, { name: 'Export Applicant Group' });
    const fund = await createFund(t, { ownerOrganisationId: council.id });
    const round = await createRound(t, { fundId: fund.id, criteria: [['Export need', 1, 10]] });
    const application = await createApplication(t, {
      roundId: round.id,
      fundId: fund.id,
      applicantOrganisationId: applicant.id,
      projectTitle: 'Export Street Feast',
    });
    const assessor = await createPractitioner(t, { fullName: 'Export Assessor' });
    const colleague = await createPractitioner(t, { fullName: 'Export Colleague' });
    for (const [who, justification] of [
      [assessor, 'Strong local need'],
      [colleague, 'Colleague view'],
    ] as const) {
      await t.db.query(
        `INSERT INTO grant_conflict_declarations (application_id, assessor_account_id, has_conflict) VALUES ($1, $2, false)`,
        [application.id, who.id],
      );
      await t.db.query(
        `INSERT INTO grant_scores (application_id, assessor_account_id, criterion_id, score, justification)
         VALUES ($1, $2, $3, 8, $4)`,
        [application.id, who.id, round.criterionIds[0], justification],
      );
    }
    await t.db.query(
      `INSERT INTO audit_entries (actor_account_id, entity_type, entity_id, action, before, after)
       VALUES ($1, 'GrantApplication', $2, 'decide', NULL, '{"status": "AWARDED"}'),
              ($3, 'RoleGrant', gen_random_uuid(), 'grant', NULL, jsonb_build_object('accountId', $1::text, 'role', 'GRANTS_OFFICER')),
              ($3, 'GrantApplication', $2, 'decide', NULL, '{"status": "DECLINED"}')`,
      [assessor.id, application.id, colleague.id],
    );

    const data = (await download(assessor.token)).body as Exported;
    expect(data.grantsWork.scores).toEqual([
      expect.objectContaining({
        projectTitle: 'Export Street Feast',
        criterion: 'Export need',
        score: 8,
        justification: 'Strong local need',
      }),
    ]);
    expect(data.grantsWork.conflictDeclarations).toEqual([
      expect.objectContaining({ projectTitle: 'Export Street Feast', hasConflict: false }),
    ]);
    expect(data.auditEntries).toEqual([
      expect.objectContaining({ byYou: true, entityType: 'GrantApplication', action: 'decide' }),
      expect.objectContaining({ byYou: false, entityType: 'RoleGrant', action: 'grant' }),
    ]);
    expect(JSON.stringify(data)).not.toContain(colleague.id);
  });

  it('refuses anyone not signed in', async () => {
    const response = await download();
    expect(response.status).toBe(401);
    expect(response.body).toMatchObject({ errors: [{ extensions: { code: 'UNAUTHENTICATED' } }] });
  });

  it('is open to an account that has not verified its address yet', async () => {
    const unverified = await createPractitioner(t, { fullName: 'Export Unverified', emailVerified: false });
    const response = await download(unverified.token);
    expect(response.status).toBe(200);
    expect((response.body as Exported).account).toMatchObject({ email: unverified.email, emailVerified: false });
  });

  it('writes the same document on the command line, for an admin answering a subject access request', async () => {
    const downloaded = (await download(me.token)).body as Exported;
    const run = await runCommandLine(t, 'export-personal-data', [me.email.toUpperCase()]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const printed = JSON.parse(run.stdout) as Exported;
    expect({ ...printed, exportedAt: 'then' }).toEqual({ ...downloaded, exportedAt: 'then' });

    const unknown = await runCommandLine(t, 'export-personal-data', ['nobody@example.org']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('No account has the address nobody@example.org');
    expect(unknown.stdout).toBe('');
  });
});
