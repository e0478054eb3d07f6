import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { UnverifiedAccountPurgeTask } from '@cohesion/auth';
import {
  connect,
  createApplication,
  createArea,
  createFund,
  createOrganisation,
  createPractitioner,
  createRound,
  createTestApp,
  errorCode,
  errorFields,
  runCommandLine,
  TEST_PASSWORD,
  type TestApp,
  type TestPractitioner,
} from '@cohesion/testing';

const DELETE = `mutation Delete($input: DeleteMyAccountInput!) { deleteMyAccount(input: $input) }`;
const LOGIN = `mutation Login($input: LoginInput!) { login(input: $input) { accessToken refreshToken } }`;
const REFRESH = `mutation R($input: RefreshTokenInput!) { refreshToken(input: $input) { accessToken } }`;
const REGISTER = `mutation Register($input: RegisterInput!) { register(input: $input) { email } }`;
const ME = `query { me { email } }`;
const PRACTITIONER = `query P($id: ID!) { practitioner(id: $id) { fullName } }`;
const SEARCH = `query S($q: String) { search(query: $q) { totalCount edges { node { ... on Practitioner { id fullName } } } } }`;
const NETWORK = `query N($around: ID!) { network(around: $around, depth: 2) { nodes { id } } }`;
const GRANT_VIEWS = `query G($id: ID!) {
  grantApplication(id: $id) { assessments { assessor } }
  auditTrail(id: $id) { action actor }
}`;

interface Counts {
  connections: number;
  blocks: number;
  memberships: number;
  areas: number;
  notificationsTo: number;
  notificationsAbout: number;
  roles: number;
  sessions: number;
}

/** What is left about a person, counted table by table. */
async function leftAbout(t: TestApp, id: string): Promise<Counts> {
  const [row] = await t.db.query<Counts[]>(
    `SELECT
       (SELECT count(*)::int FROM connections WHERE $1 IN (practitioner_a_id, practitioner_b_id)) AS connections,
       (SELECT count(*)::int FROM practitioner_blocks WHERE $1 IN (blocker_id, blocked_id)) AS blocks,
       (SELECT count(*)::int FROM practitioner_memberships WHERE practitioner_id = $1) AS memberships,
       (SELECT count(*)::int FROM practitioner_areas WHERE practitioner_id = $1) AS areas,
       (SELECT count(*)::int FROM notifications WHERE recipient_id = $1) AS "notificationsTo",
       (SELECT count(*)::int FROM notifications WHERE about_ids @> ARRAY[$1::uuid]) AS "notificationsAbout",
       (SELECT count(*)::int FROM role_grants WHERE account_id = $1) AS roles,
       (SELECT count(*)::int FROM refresh_tokens WHERE account_id = $1) AS sessions`,
    [id],
  );
  return row;
}

const NOTHING: Counts = {
  connections: 0,
  blocks: 0,
  memberships: 0,
  areas: 0,
  notificationsTo: 0,
  notificationsAbout: 0,
  roles: 0,
  sessions: 0,
};

describe('deleting your account (deleteMyAccount, npm run erasures:reapply)', () => {
  let t: TestApp;
  let me: TestPractitioner;
  let friend: TestPractitioner;
  let asked: TestPractitioner;
  let asker: TestPractitioner;
  let blocked: TestPractitioner;
  let officer: TestPractitioner;
  let applicationId: string;
  let applicationGlobalId: string;
  let organisationId: string;
  let areaId: string;
  let signedIn: { accessToken: string; refreshToken: string };

  beforeAll(async () => {
    t = await createTestApp();
    areaId = (await createArea(t, { name: 'Erasure Ward' })).id;
    organisationId = (await createOrganisation(t, { name: 'Erasure Community Trust' })).id;
    const council = await createOrganisation(t, { name: 'Erasure Council', kind: 'LOCAL_AUTHORITY' });
    me = await createPractitioner(t, {
      fullName: 'Zelda Leaving',
      jobTitle: 'Cohesion coordinator',
      bio: 'Runs the Erasure Ward listening project.',
      contactEmail: 'zelda.private@example.org',
      contactPhone: '0121 496 0042',
      contactEmailVisibility: 'MEMBERS',
      areaIds: [areaId],
      memberships: [{ organisationId, role: 'Project lead' }],
      roles: [{ role: 'GRANTS_OFFICER', organisationId: council.id }],
    });
    friend = await createPractitioner(t, { fullName: 'Erasure Friend' });
    asked = await createPractitioner(t, { fullName: 'Erasure Asked' });
    asker = await createPractitioner(t, { fullName: 'Erasure Asker' });
    blocked = await createPractitioner(t, { fullName: 'Erasure Blocked' });
    officer = await createPractitioner(t, {
      fullName: 'Erasure Officer',
      roles: [{ role: 'GRANTS_OFFICER', organisationId: council.id }],
    });
    await connect(t, me.id, friend.id);
    await connect(t, asked.id, friend.id);
    await t.db.query(
      `INSERT INTO introductions (requester_id, target_id, message, status, expires_at, reached_target_at)
       VALUES ($1, $2, 'Could we talk about the youth forum, please?', 'PENDING_TARGET', now() + interval '14 days', now()),
              ($3, $1, 'I would value your advice on the interfaith walk.', 'PENDING_TARGET', now() + interval '14 days', now())`,
      [me.id, asked.id, asker.id],
    );
    await t.db.query(
      `INSERT INTO introductions (requester_id, target_id, broker_id, message, status, expires_at)
       VALUES ($1, $2, $3, 'Could you pass this on to your colleague?', 'PENDING_BROKER', now() + interval '14 days')`,
      [asker.id, asked.id, me.id],
    );
    await t.db.query(
      `INSERT INTO introductions (requester_id, target_id, message, status, expires_at, closed_at, response_note)
       VALUES ($1, $2, 'An earlier request, long since answered.', 'DECLINED', now(), now(), 'Zelda says not now')`,
      [friend.id, me.id],
    );
    await t.db.query('INSERT INTO practitioner_blocks (blocker_id, blocked_id) VALUES ($1, $2)', [me.id, blocked.id]);
    await t.db.query(
      `INSERT INTO membership_invitations (organisation_id, email, token_hash, expires_at)
       VALUES ($1, $2, repeat('a', 64), now() + interval '7 days')`,
      [organisationId, me.email],
    );
    await t.db.query(
      `INSERT INTO notifications (recipient_id, kind, subject, body) VALUES ($1, 'TEST_NOTICE', 'For Zelda', 'A notice')`,
      [me.id],
    );
    await t.db.query(
      `INSERT INTO notifications (recipient_id, kind, subject, body, about_ids)
       VALUES ($1, 'TEST_NOTICE', 'Zelda Leaving would like to connect', 'About Zelda', ARRAY[$2::uuid])`,
      [friend.id, me.id],
    );
    // A grant record of their work: a score and a decision in the audit trail.
    const fund = await createFund(t, { ownerOrganisationId: council.id });
    const round = await createRound(t, { fundId: fund.id, criteria: [['Erasure need', 1, 10]] });
    const applicant = await createOrganisation(t, { name: 'Erasure Applicant Group' });
    const application = await createApplication(t, {
      roundId: round.id,
      fundId: fund.id,
      applicantOrganisationId: applicant.id,
      projectTitle: 'Erasure Street Feast',
    });
    applicationId = application.id;
    applicationGlobalId = application.globalId;
    await t.db.query(
      `INSERT INTO grant_conflict_declarations (application_id, assessor_account_id, has_conflict) VALUES ($1, $2, false)`,
      [applicationId, me.id],
    );
    await t.db.query(
      `INSERT INTO grant_scores (application_id, assessor_account_id, criterion_id, score, justification)
       VALUES ($1, $2, $3, 8, 'Strong local need')`,
      [applicationId, me.id, round.criterionIds[0]],
    );
    await t.db.query(
      `INSERT INTO audit_entries (actor_account_id, entity_type, entity_id, action, before, after)
       VALUES ($1, 'GrantApplication', $2, 'decide', NULL, '{"status": "AWARDED"}')`,
      [me.id, applicationId],
    );
  });
  afterAll(async () => {
    await t.close();
  });

  it('refuses anyone not signed in', async () => {
    const result = await t.gql(DELETE, { input: { password: TEST_PASSWORD } });
    expect(errorCode(result)).toBe('UNAUTHENTICATED');
  });

  it('needs the password, and the right one, changing nothing otherwise', async () => {
    const missing = await t.gql(DELETE, { input: {} }, me.token);
    expect(errorCode(missing)).toBe('BAD_USER_INPUT');
    expect(errorFields(missing)).toEqual(['input.password']);
    const wrong = await t.gql(DELETE, { input: { password: 'not-my-password-at-all' } }, me.token);
    expect(errorCode(wrong)).toBe('BAD_USER_INPUT');
    expect(errorFields(wrong)).toEqual(['input.password']);
    const tooLong = await t.gql(DELETE, { input: { password: 'x'.repeat(2000) } }, me.token);
    expect(errorCode(tooLong)).toBe('BAD_USER_INPUT');
    const counts = await leftAbout(t, me.id);
    expect(counts).toMatchObject({ connections: 1, blocks: 1, memberships: 1, roles: 1 });
    expect((await t.gql(ME, {}, me.token)).data).toEqual({ me: { email: me.email } });
  });

  it('erases everything personal at once, keeping the grant records as by a "Former member"', async () => {
    const session = await t.gql<{ login: { accessToken: string; refreshToken: string } }>(LOGIN, {
      input: { email: me.email, password: TEST_PASSWORD },
    });
    expect(session.errors).toBeUndefined();
    signedIn = session.data.login;
    const result = await t.gql(DELETE, { input: { password: TEST_PASSWORD } }, me.token);
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ deleteMyAccount: true });

    expect(await leftAbout(t, me.id)).toEqual(NOTHING);
    const [invited] = await t.db.query<{ count: number }[]>(
      'SELECT count(*)::int AS count FROM membership_invitations WHERE email = $1',
      [me.email],
    );
    expect(invited.count).toBe(0);
    const [account] = await t.db.query<Record<string, unknown>[]>(
      'SELECT email, password_hash, email_verified_at, erased_at FROM accounts WHERE id = $1',
      [me.id],
    );
    expect(account).toMatchObject({ email: null, password_hash: null, email_verified_at: null });
    expect(account.erased_at).toBeInstanceOf(Date);
    const [profile] = await t.db.query<Record<string, unknown>[]>('SELECT * FROM practitioners WHERE id = $1', [me.id]);
    expect(profile).toMatchObject({
      full_name: 'Former member',
      job_title: null,
      bio: null,
      contact_email: null,
      contact_phone: null,
      discoverable: false,
      open_to_introductions: false,
    });
    const [remembered] = await t.db.query<{ count: number }[]>(
      'SELECT count(*)::int AS count FROM erasures WHERE account_id = $1',
      [me.id],
    );
    expect(remembered.count).toBe(1);

    // Open requests closed by the state machine; their words gone, the others' kept.
    const introductions = await t.db.query<
      { status: string; message: string; response_note: string | null; declined_by: string | null }[]
    >('SELECT status, message, response_note, declined_by FROM introductions ORDER BY created_at, message');
    const statuses = introductions.map((row) => row.status).sort();
    expect(statuses).toEqual(['DECLINED', 'DECLINED', 'DECLINED', 'WITHDRAWN']);
    const text = JSON.stringify(introductions);
    expect(text).not.toContain('youth forum');
    expect(text).not.toContain('Zelda says not now');
    expect(text).toContain('I would value your advice on the interfaith walk.');
    expect(introductions.filter((row) => row.declined_by === 'BROKER')).toHaveLength(1);

    // The grant record stays true, attributed to a former member.
    const views = await t.gql<{
      grantApplication: { assessments: { assessor: string }[] };
      auditTrail: { action: string; actor: string | null }[];
    }>(GRANT_VIEWS, { id: applicationGlobalId }, officer.token);
    expect(views.errors).toBeUndefined();
    expect(views.data.grantApplication.assessments).toEqual([{ assessor: 'Former member' }]);
    expect(views.data.auditTrail).toContainEqual({ action: 'decide', actor: 'Former member' });
    const [score] = await t.db.query<{ justification: string }[]>(
      'SELECT justification FROM grant_scores WHERE assessor_account_id = $1',
      [me.id],
    );
    expect(score.justification).toBe('Strong local need');

    // The audit trail records the erasure (who, when), not what was erased.
    const entries = await t.db.query<Record<string, unknown>[]>(
      `SELECT * FROM audit_entries WHERE entity_type = 'Account' AND entity_id = $1`,
      [me.id],
    );
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: 'erase', actor_account_id: me.id });
    expect(entries[0].at).toBeInstanceOf(Date);
    const audit = JSON.stringify(await t.db.query('SELECT * FROM audit_entries'));
    for (const erased of ['Zelda', me.email, 'zelda.private@example.org', '0121 496 0042', 'Cohesion coordinator']) {
      expect(audit).not.toContain(erased);
    }
  });

  it('cannot sign in again, by password, old access token or refresh token', async () => {
    const login = await t.gql(LOGIN, { input: { email: me.email, password: TEST_PASSWORD } });
    expect(errorCode(login)).toBe('UNAUTHENTICATED');
    expect(errorCode(await t.gql(ME, {}, me.token))).toBe('UNAUTHENTICATED');
    expect(errorCode(await t.gql(ME, {}, signedIn.accessToken))).toBe('UNAUTHENTICATED');
    const refresh = await t.gql(REFRESH, { input: { refreshToken: signedIn.refreshToken } });
    expect(errorCode(refresh)).toBe('UNAUTHENTICATED');
  });

  it('is found nowhere: profile, search, the network graph', async () => {
    const profile = await t.gql(PRACTITIONER, { id: me.globalId }, friend.token);
    expect(errorCode(profile)).toBe('NOT_FOUND');
    for (const q of ['Zelda', 'Former member']) {
      const search = await t.gql<{ search: { edges: { node: { id?: string } }[] } }>(SEARCH, { q }, friend.token);
      expect(search.errors).toBeUndefined();
      expect(search.data.search.edges.map((edge) => edge.node.id)).not.toContain(me.globalId);
    }
    const graph = await t.gql<{ network: { nodes: { id: string }[] } }>(
      NETWORK,
      { around: friend.globalId },
      asked.token,
    );
    expect(graph.errors).toBeUndefined();
    expect(graph.data.network.nodes.map((node) => node.id)).not.toContain(me.globalId);
    expect(errorCode(await t.gql(NETWORK, { around: me.globalId }, friend.token))).toBe('NOT_FOUND');
  });

  it('frees the address: the same email can register again, as a new account', async () => {
    const again = await t.gql(REGISTER, {
      input: { email: me.email, password: 'another-long-passphrase-9', fullName: 'Zelda Returning' },
    });
    expect(again.errors).toBeUndefined();
    const [account] = await t.db.query<{ id: string }[]>('SELECT id FROM accounts WHERE email = $1', [me.email]);
    expect(account.id).not.toBe(me.id);
  });

  it('is open to an account that has not verified its address yet', async () => {
    const unverified = await createPractitioner(t, { fullName: 'Erasure Unverified', emailVerified: false });
    const result = await t.gql(DELETE, { input: { password: TEST_PASSWORD } }, unverified.token);
    expect(result.errors).toBeUndefined();
    const [row] = await t.db.query<{ erased_at: Date | null }[]>('SELECT erased_at FROM accounts WHERE id = $1', [
      unverified.id,
    ]);
    expect(row.erased_at).toBeInstanceOf(Date);
  });

  it('keeps tombstones through the purge of never-verified accounts, so the records they hold stay', async () => {
    // A tombstone has no verified address; were it purged, its grant scores would go with it.
    await t.db.query(`UPDATE accounts SET created_at = now() - interval '400 days' WHERE erased_at IS NOT NULL`);
    await t.app.get(UnverifiedAccountPurgeTask).runOnce();
    const [left] = await t.db.query<{ count: number }[]>(
      'SELECT count(*)::int AS count FROM accounts WHERE erased_at IS NOT NULL',
    );
    expect(left.count).toBe(2);
    const [score] = await t.db.query<{ count: number }[]>(
      'SELECT count(*)::int AS count FROM grant_scores WHERE assessor_account_id = $1',
      [me.id],
    );
    expect(score.count).toBe(1);
  });

  it('erases again what a restore from backup brought back, and a second run changes nothing', async () => {
    // A backup from before the deletion is restored: the person's rows are back.
    await t.db.query(
      `UPDATE accounts SET email = 'zelda.restored@example.org', password_hash = 'restored', email_verified_at = now()
        WHERE id = $1`,
      [me.id],
    );
    await t.db.query(
      `UPDATE practitioners SET full_name = 'Zelda Leaving', contact_email = 'zelda.private@example.org',
              discoverable = true, verified_member = true WHERE id = $1`,
      [me.id],
    );
    await connect(t, me.id, friend.id);
    await t.db.query(
      `INSERT INTO practitioner_memberships (practitioner_id, organisation_id, role) VALUES ($1, $2, 'Project lead')`,
      [me.id, organisationId],
    );
    await t.db.query('INSERT INTO practitioner_areas (practitioner_id, area_id) VALUES ($1, $2)', [me.id, areaId]);
    await t.db.query(
      `INSERT INTO notifications (recipient_id, kind, subject, body) VALUES ($1, 'TEST_NOTICE', 'Restored', 'Restored')`,
      [me.id],
    );
    await t.db.query('INSERT INTO practitioner_blocks (blocker_id, blocked_id) VALUES ($1, $2)', [me.id, blocked.id]);

    const run = await runCommandLine(t, 'reapply-erasures', []);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Re-applied 2 erasures; 1 account had personal data again.');
    expect(run.stdout).toContain('connections: 1 row erased');
    expect(run.stdout).toContain('memberships: 1 row erased');
    expect(run.stdout).toContain('profile: 1 row erased');
    expect(run.stdout).toContain('account: 1 row erased');
    expect(await leftAbout(t, me.id)).toEqual(NOTHING);
    const [profile] = await t.db.query<{ full_name: string; contact_email: string | null }[]>(
      'SELECT full_name, contact_email FROM practitioners WHERE id = $1',
      [me.id],
    );
    expect(profile).toEqual({ full_name: 'Former member', contact_email: null });
    const [account] = await t.db.query<{ email: string | null }[]>('SELECT email FROM accounts WHERE id = $1', [me.id]);
    expect(account.email).toBeNull();

    const again = await runCommandLine(t, 'reapply-erasures', []);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('Re-applied 2 erasures; 0 accounts had personal data again.');
    expect(again.stdout).not.toMatch(/: [1-9]\d* rows? erased/);

    const usage = await runCommandLine(t, 'reapply-erasures', ['--everything']);
    expect(usage.code).toBe(2);
  });
});
