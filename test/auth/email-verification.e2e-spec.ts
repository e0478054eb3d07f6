import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { UnverifiedAccountPurgeTask } from '@cohesion/auth';
import {
  countRows,
  createOrganisation,
  createPractitioner,
  createTestApp,
  emailedToken,
  emailsTo,
  errorCode,
  errorFields,
  type TestApp,
} from '@cohesion/testing';

const REGISTER = `mutation ($input: RegisterInput!) { register(input: $input) { email message } }`;
const LOGIN = `mutation ($input: LoginInput!) { login(input: $input) { accessToken refreshToken account { emailVerified } } }`;
const VERIFY = `mutation ($token: String!) { verifyEmail(input: { token: $token }) { email message } }`;
const RESEND = `mutation { resendVerificationEmail { email message } }`;
const CHANGE_EMAIL = `mutation ($input: ChangeEmailInput!) { changeEmail(input: $input) { email message } }`;
const ME = `{ me { email emailVerified } }`;
const SEARCH = `{ search(query: "Verification", first: 20) { totalCount edges { node { __typename } } } }`;
const ORGANISATIONS = `{ organisations(first: 50) { edges { node { name } } } }`;
const NOTIFICATIONS = `{ myNotifications(first: 20) { edges { node { kind } } } }`;
const PASSWORD = 'a long verification passphrase';

interface Signed {
  email: string;
  token: string;
}

describe('email verification', () => {
  let t: TestApp;
  let colleague: { id: string; globalId: string };

  beforeAll(async () => {
    t = await createTestApp({ ACCOUNT_LINK_RESEND_INTERVAL_SECONDS: '0', ACCOUNT_LINK_RESENDS_PER_HOUR: '4' });
    // Someone to (not) find: a discoverable member, and a members-only listing.
    colleague = await createPractitioner(t, { fullName: 'Verification Colleague', jobTitle: 'Verification lead' });
    await createOrganisation(t, { name: 'Verification Members Forum', visibility: 'MEMBERS' });
  });
  afterAll(async () => {
    await t.close();
  });

  async function registerAndSignIn(email: string): Promise<Signed> {
    const registered = await t.gql(REGISTER, { input: { email, password: PASSWORD, fullName: 'Nadia Begum' } });
    expect(registered.errors).toBeUndefined();
    const login = await t.gql<{ login: { accessToken: string } }>(LOGIN, { input: { email, password: PASSWORD } });
    expect(login.errors).toBeUndefined();
    return { email, token: login.data.login.accessToken };
  }

  describe('before the link is followed', () => {
    let me: Signed;
    beforeAll(async () => {
      me = await registerAndSignIn('nadia.begum@example.org');
    });

    it('emails a link that is not shown in the app', async () => {
      const emails = await emailsTo(t, me.email);
      expect(emails).toHaveLength(1);
      expect(emails[0]).toMatchObject({ kind: 'EMAIL_VERIFICATION', shownInApp: false });
      expect(emails[0].body).toMatch(/\/account\/verify-email\?token=[A-Za-z0-9_-]{40,}/);
      expect(emails[0].body).toContain('48 hours');
      const listed = await t.gql<{ myNotifications: { edges: unknown[] } }>(NOTIFICATIONS, {}, me.token);
      expect(listed.data.myNotifications.edges).toEqual([]);
    });

    it('lets the account sign in, see itself and edit its profile', async () => {
      const seen = await t.gql<{ me: { emailVerified: boolean } }>(ME, {}, me.token);
      expect(seen.data.me.emailVerified).toBe(false);
      const mine = await t.gql<{ me: { practitioner: { version: number } } }>(
        `{ me { practitioner { version } } }`,
        {},
        me.token,
      );
      const edited = await t.gql<{ updateMyProfile: { jobTitle: string } }>(
        `mutation ($version: Int!) {
          updateMyProfile(input: { version: $version, jobTitle: "Community development worker" }) { jobTitle }
        }`,
        { version: mine.data.me.practitioner.version },
        me.token,
      );
      expect(edited.errors).toBeUndefined();
      expect(edited.data.updateMyProfile.jobTitle).toBe('Community development worker');
    });

    it('shows people and members-only listings to nobody unverified: the public directory only', async () => {
      const search = await t.gql<{ search: { edges: { node: { __typename: string } }[] } }>(SEARCH, {}, me.token);
      expect(search.errors).toBeUndefined();
      expect(search.data.search.edges.map((edge) => edge.node.__typename)).not.toContain('Practitioner');
      const listed = await t.gql<{ organisations: { edges: { node: { name: string } }[] } }>(
        ORGANISATIONS,
        {},
        me.token,
      );
      expect(listed.data.organisations.edges.map((edge) => edge.node.name)).not.toContain('Verification Members Forum');
      const profile = await t.gql(`query ($id: ID!) { node(id: $id) { id } }`, { id: colleague.globalId }, me.token);
      expect(profile.data).toEqual({ node: null });
    });

    it.each([
      ['practitioners', `{ practitioners(first: 5) { totalCount } }`],
      ['network', `query ($id: ID!) { network(around: $id, depth: 1) { truncated } }`],
      ['suggestedPeers', `{ suggestedPeers(first: 5) { reasons } }`],
      [
        'createOrganisation',
        `mutation { createOrganisation(input: { name: "Nadia's Group", kind: FAITH_GROUP }) { id } }`,
      ],
    ])('refuses %s with FORBIDDEN, saying what to do', async (_name, query) => {
      const result = await t.gql(query, { id: colleague.globalId }, me.token);
      expect(errorCode(result)).toBe('FORBIDDEN');
      expect(result.errors?.[0].message).toContain('Confirm your email address first');
    });

    it('refuses a platform admin whose address is not verified: admin operations need it too', async () => {
      const admin = await createPractitioner(t, { emailVerified: false, roles: [{ role: 'ADMIN' }] });
      const areas = await countRows(t, 'areas');
      const result = await t.gql(
        `mutation { createArea(input: { name: "Unverified Ward", kind: LOCALITY }) { id } }`,
        {},
        admin.token,
      );
      expect(errorCode(result)).toBe('FORBIDDEN');
      expect(result.errors?.[0].message).toContain('Confirm your email address first');
      expect(await countRows(t, 'areas')).toBe(areas);
    });

    it('refuses an introduction request', async () => {
      const result = await t.gql(
        `mutation ($to: ID!) { requestIntroduction(input: { to: $to, message: "Hello" }) { id } }`,
        { to: colleague.globalId },
        me.token,
      );
      expect(errorCode(result)).toBe('FORBIDDEN');
    });
  });

  describe('following the link', () => {
    it('verifies the address, opening membership claims (and through them the network); the link works once', async () => {
      const me = await registerAndSignIn('yusuf.ali@example.org');
      const token = await emailedToken(t, me.email, 'EMAIL_VERIFICATION');
      const verified = await t.gql<{ verifyEmail: { email: string } }>(VERIFY, { token });
      expect(verified.errors).toBeUndefined();
      expect(verified.data.verifyEmail.email).toBe(me.email);
      // The same access token now carries a verified address, not yet a confirmed membership.
      const seen = await t.gql<{ me: { emailVerified: boolean; networkAccess: { standing: string } } }>(
        `{ me { emailVerified networkAccess { standing } } }`,
        {},
        me.token,
      );
      expect(seen.data.me).toEqual({
        emailVerified: true,
        networkAccess: { standing: 'AWAITING_CONFIRMED_MEMBERSHIP' },
      });
      const types = async () =>
        (
          await t.gql<{ search: { edges: { node: { __typename: string } }[] } }>(SEARCH, {}, me.token)
        ).data.search.edges.map((edge) => edge.node.__typename);
      expect(await types()).not.toContain('Practitioner');
      // Saying where they work, on that organisation's verified domain, confirms them: people open up.
      const employer = await createOrganisation(t, { name: 'Verification Employer' });
      await t.db.query(
        `INSERT INTO organisation_email_domains (organisation_id, domain, verified_at) VALUES ($1, 'example.org', now())`,
        [employer.id],
      );
      const claimed = await t.gql<{ claimMembership: { status: string } }>(
        `mutation ($id: ID!) { claimMembership(input: { organisationId: $id }) { status } }`,
        { id: employer.globalId },
        me.token,
      );
      expect(claimed.data.claimMembership.status).toBe('CONFIRMED');
      expect(await types()).toContain('Practitioner');

      const again = await t.gql(VERIFY, { token });
      expect(errorCode(again)).toBe('BAD_USER_INPUT');
      expect(errorFields(again)).toEqual(['input.token']);
      const madeUp = await t.gql(VERIFY, { token: 'x'.repeat(43) });
      expect(madeUp.errors?.[0].message).toBe(again.errors?.[0].message);
    });

    it('refuses an expired link the same way', async () => {
      const me = await registerAndSignIn('expired.link@example.org');
      const token = await emailedToken(t, me.email, 'EMAIL_VERIFICATION');
      await t.db.query(
        `UPDATE account_links SET expires_at = now() - interval '1 second'
          WHERE account_id = (SELECT id FROM accounts WHERE email = $1)`,
        [me.email],
      );
      const result = await t.gql(VERIFY, { token });
      expect(errorFields(result)).toEqual(['input.token']);
      expect((await t.gql<{ me: { emailVerified: boolean } }>(ME, {}, me.token)).data.me.emailVerified).toBe(false);
    });

    it('acts once when the link is followed twice at the same moment', async () => {
      const me = await registerAndSignIn('double.click@example.org');
      const token = await emailedToken(t, me.email, 'EMAIL_VERIFICATION');
      const results = await Promise.all([t.gql(VERIFY, { token }), t.gql(VERIFY, { token })]);
      expect(results.filter((result) => result.errors === undefined)).toHaveLength(1);
      expect(results.filter((result) => errorCode(result) === 'BAD_USER_INPUT')).toHaveLength(1);
    });
  });

  describe('re-sending', () => {
    it('sends a new link and the earlier one stops working', async () => {
      const me = await registerAndSignIn('resend.me@example.org');
      const first = await emailedToken(t, me.email, 'EMAIL_VERIFICATION');
      const resent = await t.gql<{ resendVerificationEmail: { email: string } }>(RESEND, {}, me.token);
      expect(resent.data.resendVerificationEmail.email).toBe(me.email);
      const second = await emailedToken(t, me.email, 'EMAIL_VERIFICATION');
      expect(second).not.toBe(first);
      expect(errorFields(await t.gql(VERIFY, { token: first }))).toEqual(['input.token']);
      expect((await t.gql(VERIFY, { token: second })).errors).toBeUndefined();
      expect(errorCode(await t.gql(RESEND, {}, me.token))).toBe('CONFLICT');
    });

    it('is limited per account, and needs sign-in', async () => {
      const me = await registerAndSignIn('resend.limit@example.org');
      // One link went on registering; the hourly limit (4 in this test) allows three more.
      for (let i = 0; i < 3; i++) expect((await t.gql(RESEND, {}, me.token)).errors).toBeUndefined();
      const refused = await t.gql(RESEND, {}, me.token);
      expect(errorCode(refused)).toBe('TOO_MANY_REQUESTS');
      expect((await emailsTo(t, me.email)).length).toBe(4);
      expect(errorCode(await t.gql(RESEND))).toBe('UNAUTHENTICATED');
    });
  });

  describe('changing the address', () => {
    it('takes effect only once the new address is verified, and tells the old one', async () => {
      const person = await createPractitioner(t, { email: 'old.address@example.org' });
      const wrong = await t.gql(
        CHANGE_EMAIL,
        { input: { newEmail: 'new.address@example.org', password: 'not my password at all' } },
        person.token,
      );
      expect(errorFields(wrong)).toEqual(['input.password']);
      expect(await emailsTo(t, 'new.address@example.org')).toEqual([]);

      const asked = await t.gql<{ changeEmail: { email: string } }>(
        CHANGE_EMAIL,
        { input: { newEmail: ' New.Address@Example.org ', password: person.password } },
        person.token,
      );
      expect(asked.data.changeEmail.email).toBe('new.address@example.org');
      expect((await t.gql<{ me: { email: string } }>(ME, {}, person.token)).data.me.email).toBe(person.email);
      expect((await emailsTo(t, person.email)).map((email) => email.kind)).toEqual(['EMAIL_CHANGE_REQUESTED']);

      const token = await emailedToken(t, 'new.address@example.org', 'EMAIL_VERIFICATION');
      expect((await t.gql(VERIFY, { token })).errors).toBeUndefined();
      expect((await t.gql<{ me: Record<string, unknown> }>(ME, {}, person.token)).data.me).toEqual({
        email: 'new.address@example.org',
        emailVerified: true,
      });
      expect((await emailsTo(t, person.email)).map((email) => email.kind)).toEqual([
        'EMAIL_CHANGE_REQUESTED',
        'EMAIL_CHANGED',
      ]);
      const login = await t.gql(LOGIN, { input: { email: 'new.address@example.org', password: person.password } });
      expect(login.errors).toBeUndefined();
    });

    it('refuses, when the link is followed, an address another account took meanwhile; nothing changes', async () => {
      const person = await createPractitioner(t, { email: 'mover@example.org' });
      await t.gql(
        CHANGE_EMAIL,
        { input: { newEmail: 'contested@example.org', password: person.password } },
        person.token,
      );
      const token = await emailedToken(t, 'contested@example.org', 'EMAIL_VERIFICATION');
      await createPractitioner(t, { email: 'contested@example.org' });
      const result = await t.gql(VERIFY, { token });
      expect(errorCode(result)).toBe('CONFLICT');
      expect((await t.gql<{ me: { email: string } }>(ME, {}, person.token)).data.me.email).toBe('mover@example.org');
    });

    it('refuses the current address, naming the field', async () => {
      const person = await createPractitioner(t);
      const result = await t.gql(
        CHANGE_EMAIL,
        { input: { newEmail: person.email, password: person.password } },
        person.token,
      );
      expect(errorFields(result)).toEqual(['input.newEmail']);
      expect(errorCode(await t.gql(CHANGE_EMAIL, { input: { newEmail: 'a@example.org', password: 'x' } }))).toBe(
        'UNAUTHENTICATED',
      );
    });
  });

  describe('accounts never verified', () => {
    it('are deleted with their profile after the retention period; others are kept', async () => {
      const stale = await createPractitioner(t, { emailVerified: false, email: 'stale@example.org' });
      const recent = await createPractitioner(t, { emailVerified: false, email: 'recent@example.org' });
      const verifiedLongAgo = await createPractitioner(t, { email: 'verified.long.ago@example.org' });
      await t.db.query(`UPDATE accounts SET created_at = now() - interval '31 days' WHERE id = ANY($1::uuid[])`, [
        [stale.id, verifiedLongAgo.id],
      ]);
      const accounts = await countRows(t, 'accounts');
      const purged = await t.app.get(UnverifiedAccountPurgeTask).runOnce();
      expect(purged).toBe(1);
      expect(await countRows(t, 'accounts')).toBe(accounts - 1);
      const left = await t.db.query(`SELECT id FROM practitioners WHERE id = ANY($1::uuid[]) ORDER BY id`, [
        [stale.id, recent.id, verifiedLongAgo.id],
      ]);
      expect(left.map((row: { id: string }) => row.id).sort()).toEqual([recent.id, verifiedLongAgo.id].sort());
    });
  });
});
