import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { toGlobalId } from '@cohesion/common';
import { MembershipsService, MemberStandingTask } from '@cohesion/directory';
import {
  auditOf,
  connect,
  countRows,
  createAdmin,
  createOrganisation,
  createPractitioner,
  createTestApp,
  emailedToken,
  emailsTo,
  errorCode,
  errorFields,
  TEST_PASSWORD,
  type TestApp,
  type TestPractitioner,
} from '@cohesion/testing';

const MEMBERSHIP = `id status confirmed confirmedVia current role organisation { name }`;
const CLAIM = `mutation ($input: ClaimMembershipInput!) { claimMembership(input: $input) { ${MEMBERSHIP} } }`;
const CONFIRM = `mutation ($ids: [ID!]!) { confirmMemberships(input: { ids: $ids }) { ${MEMBERSHIP} } }`;
const DECLINE = `mutation ($ids: [ID!]!) { declineMemberships(input: { ids: $ids }) { ${MEMBERSHIP} } }`;
const END = `mutation ($id: ID!) { endMembership(id: $id) { ${MEMBERSHIP} } }`;
const PENDING = `query ($organisationId: ID!) {
  pendingMemberships(organisationId: $organisationId, first: 20) {
    totalCount edges { node { id status claimant { fullName email emailVerified } } }
  }
}`;
const STANDING = `{ me { networkAccess { standing message } practitioner { memberships { ${MEMBERSHIP} } membershipHistory { status organisation { name } } } } }`;
const ADD_DOMAIN = `mutation ($input: AddEmailDomainInput!) { addEmailDomain(input: $input) { id domain verified } }`;
const VERIFY_DOMAIN = `mutation ($input: VerifyEmailDomainInput!) {
  verifyEmailDomain(input: $input) { domain { domain verified } membershipsConfirmed }
}`;
const INVITE = `mutation ($input: InviteMemberInput!) { inviteMember(input: $input) { id email state role } }`;
const ACCEPT = `mutation ($token: String!) { acceptInvitation(input: { token: $token }) { ${MEMBERSHIP} } }`;
const REVOKE = `mutation ($id: ID!) { revokeInvitation(id: $id) { state } }`;
const PROFILE = `query ($id: ID!) {
  practitioner(id: $id) { fullName memberships { status confirmed organisation { name } } membershipHistory { status }
    contact { phone } }
}`;
const PEOPLE = `query ($q: String!) { search(query: $q, filter: { kinds: [PRACTITIONER] }, first: 20) { totalCount edges { node { ... on Practitioner { fullName } } } } }`;
const SUGGESTED = `{ suggestedPeers(first: 5) { practitioner { fullName } } }`;

interface Standing {
  me: {
    networkAccess: { standing: string; message: string };
    practitioner: {
      memberships: { id: string; status: string; confirmed: boolean; organisation: { name: string } }[];
      membershipHistory: { status: string; organisation: { name: string } }[];
    };
  };
}

interface Claimed {
  id: string;
  status: string;
  confirmed: boolean;
  confirmedVia: string | null;
  current: boolean;
}

describe('confirmed memberships', () => {
  let t: TestApp;
  let council: { id: string; globalId: string };
  let otherOrg: { id: string; globalId: string };
  let councilAdmin: TestPractitioner;
  let otherAdmin: TestPractitioner;
  let admin: TestPractitioner;

  beforeAll(async () => {
    t = await createTestApp();
    council = await createOrganisation(t, { name: 'Tamebridge Borough Council', kind: 'LOCAL_AUTHORITY' });
    otherOrg = await createOrganisation(t, { name: 'Oakfield Youth Trust' });
    councilAdmin = await createPractitioner(t, {
      fullName: 'Council Admin',
      roles: [{ role: 'ORG_ADMIN', organisationId: council.id }],
    });
    otherAdmin = await createPractitioner(t, {
      fullName: 'Other Admin',
      roles: [{ role: 'ORG_ADMIN', organisationId: otherOrg.id }],
    });
    admin = await createAdmin(t);
  });
  afterAll(async () => {
    await t.close();
  });

  /** Someone with a verified address whom no organisation has confirmed yet. */
  function newcomer(overrides: { email?: string; fullName?: string } = {}): Promise<TestPractitioner> {
    return createPractitioner(t, { verifiedMember: false, ...overrides });
  }

  async function claim(person: TestPractitioner, organisationId: string, role = 'Cohesion officer'): Promise<Claimed> {
    const result = await t.gql<{ claimMembership: Claimed }>(CLAIM, { input: { organisationId, role } }, person.token);
    expect(result.errors).toBeUndefined();
    return result.data.claimMembership;
  }

  async function standingOf(person: TestPractitioner): Promise<Standing['me']> {
    const result = await t.gql<Standing>(STANDING, {}, person.token);
    expect(result.errors).toBeUndefined();
    return result.data.me;
  }

  describe('a claim', () => {
    let person: TestPractitioner;
    let claimed: Claimed;
    beforeAll(async () => {
      person = await newcomer({ fullName: 'Imran Claimant', email: 'imran@tamebridge-partners.org' });
      claimed = await claim(person, council.globalId);
    });

    it('is pending, shown as unconfirmed, and leaves the person outside the network, told why', async () => {
      expect(claimed).toMatchObject({ status: 'PENDING', confirmed: false, confirmedVia: null, current: false });
      const me = await standingOf(person);
      expect(me.networkAccess.standing).toBe('AWAITING_CONFIRMED_MEMBERSHIP');
      expect(me.networkAccess.message).toMatch(/waiting for the organisation’s admins to confirm/);
      expect(me.practitioner.memberships).toEqual([
        expect.objectContaining({
          status: 'PENDING',
          confirmed: false,
          organisation: { name: 'Tamebridge Borough Council' },
        }),
      ]);
      const refused = await t.gql(SUGGESTED, {}, person.token);
      expect(errorCode(refused)).toBe('FORBIDDEN');
      expect(refused.errors?.[0].message).toMatch(/once an organisation confirms that you work there/);
    });

    it('tells the organisation’s admins, and lists it for them with who is asking', async () => {
      const notices = await t.db.query(`SELECT kind, subject FROM notifications WHERE recipient_id = $1`, [
        councilAdmin.id,
      ]);
      expect(notices).toContainEqual({
        kind: 'MEMBERSHIP_CLAIMED',
        subject: 'Imran Claimant says they work at Tamebridge Borough Council',
      });
      const pending = await t.gql<{
        pendingMemberships: { totalCount: number; edges: { node: { id: string; claimant: unknown } }[] };
      }>(PENDING, { organisationId: council.globalId }, councilAdmin.token);
      expect(pending.errors).toBeUndefined();
      expect(pending.data.pendingMemberships.totalCount).toBe(1);
      expect(pending.data.pendingMemberships.edges[0].node).toMatchObject({
        id: claimed.id,
        claimant: { fullName: 'Imran Claimant', email: 'imran@tamebridge-partners.org', emailVerified: true },
      });
    });

    it('is not listed to anyone else: another organisation’s admin, a member, or nobody', async () => {
      expect(errorCode(await t.gql(PENDING, { organisationId: council.globalId }, otherAdmin.token))).toBe('FORBIDDEN');
      expect(errorCode(await t.gql(PENDING, { organisationId: council.globalId }, person.token))).toBe('FORBIDDEN');
      expect(errorCode(await t.gql(PENDING, { organisationId: council.globalId }))).toBe('UNAUTHENTICATED');
    });

    it('cannot be made twice for one organisation', async () => {
      const again = await t.gql(CLAIM, { input: { organisationId: council.globalId } }, person.token);
      expect(errorCode(again)).toBe('CONFLICT');
      expect(again.errors?.[0].message).toBe('You already have a pending membership of Tamebridge Borough Council');
    });

    it('names the field when the organisation is not one, and needs a verified address', async () => {
      const unknown = await t.gql(
        CLAIM,
        { input: { organisationId: toGlobalId('Organisation', '00000000-0000-4000-8000-000000000000') } },
        person.token,
      );
      expect(errorCode(unknown)).toBe('BAD_USER_INPUT');
      expect(errorFields(unknown)).toEqual(['input.organisationId']);
      const wrongKind = await t.gql(CLAIM, { input: { organisationId: person.globalId } }, person.token);
      expect(errorFields(wrongKind)).toEqual(['input.organisationId']);
      const unverified = await createPractitioner(t, { emailVerified: false });
      const refused = await t.gql(CLAIM, { input: { organisationId: council.globalId } }, unverified.token);
      expect(errorCode(refused)).toBe('FORBIDDEN');
      expect(errorCode(await t.gql(CLAIM, { input: { organisationId: council.globalId } }))).toBe('UNAUTHENTICATED');
    });
  });

  describe('deciding claims', () => {
    it('confirms several at once, tells each person, audits it, and opens the network to them', async () => {
      const first = await newcomer({ fullName: 'Bulk Confirmed One' });
      const second = await newcomer({ fullName: 'Bulk Confirmed Two' });
      const ids = [(await claim(first, council.globalId)).id, (await claim(second, council.globalId)).id];
      const confirmed = await t.gql<{ confirmMemberships: Claimed[] }>(CONFIRM, { ids }, councilAdmin.token);
      expect(confirmed.errors).toBeUndefined();
      expect(confirmed.data.confirmMemberships.map((row) => [row.status, row.confirmedVia, row.current])).toEqual([
        ['CONFIRMED', 'ORG_ADMIN', true],
        ['CONFIRMED', 'ORG_ADMIN', true],
      ]);
      expect((await standingOf(first)).networkAccess.standing).toBe('VERIFIED_MEMBER');
      const [notice] = await t.db.query(`SELECT kind FROM notifications WHERE recipient_id = $1`, [second.id]);
      expect(notice).toEqual({ kind: 'MEMBERSHIP_CONFIRMED' });
      const [, uuid] = Buffer.from(ids[0], 'base64url').toString().split(':');
      const audit = await auditOf(t, uuid);
      expect(audit.map((entry) => entry.action)).toEqual(['claim', 'confirm']);
      expect(audit[1].actor_account_id).toBe(councilAdmin.id);
      // Found by other members now.
      const found = await t.gql<{ search: { totalCount: number } }>(
        PEOPLE,
        { q: 'Bulk Confirmed' },
        councilAdmin.token,
      );
      expect(found.data.search.totalCount).toBe(2);
    });

    it('changes none when one of them cannot be decided', async () => {
      const person = await newcomer();
      const pendingId = (await claim(person, council.globalId)).id;
      const alreadyConfirmed = await newcomer();
      const confirmedId = (await claim(alreadyConfirmed, council.globalId)).id;
      await t.gql(CONFIRM, { ids: [confirmedId] }, councilAdmin.token);
      const mixed = await t.gql(CONFIRM, { ids: [pendingId, confirmedId] }, councilAdmin.token);
      expect(errorCode(mixed)).toBe('CONFLICT');
      expect(mixed.errors?.[0].message).toMatch(/^input\.ids\[1\]: This membership is already confirmed/);
      expect((await standingOf(person)).practitioner.memberships[0].status).toBe('PENDING');
    });

    it('answers as not found for a claim to an organisation the caller does not run', async () => {
      const person = await newcomer();
      const id = (await claim(person, council.globalId)).id;
      const stranger = await t.gql(CONFIRM, { ids: [id] }, otherAdmin.token);
      expect(errorCode(stranger)).toBe('NOT_FOUND');
      expect(errorCode(await t.gql(DECLINE, { ids: [id] }, person.token))).toBe('NOT_FOUND');
      expect(errorCode(await t.gql(CONFIRM, { ids: [id] }))).toBe('UNAUTHENTICATED');
      expect(errorFields(await t.gql(CONFIRM, { ids: ['not-an-id'] }, councilAdmin.token))).toEqual(['input.ids']);
      expect((await standingOf(person)).practitioner.memberships[0].status).toBe('PENDING');
      // A platform admin may decide any organisation's claims.
      const byAdmin = await t.gql<{ confirmMemberships: Claimed[] }>(CONFIRM, { ids: [id] }, admin.token);
      expect(byAdmin.data.confirmMemberships[0].status).toBe('CONFIRMED');
    });

    it('declined: off the profile, in the person’s own history only', async () => {
      const person = await newcomer({ fullName: 'Declined Person' });
      const id = (await claim(person, council.globalId)).id;
      const declined = await t.gql<{ declineMemberships: Claimed[] }>(DECLINE, { ids: [id] }, councilAdmin.token);
      expect(declined.data.declineMemberships[0].status).toBe('DECLINED');
      const me = await standingOf(person);
      expect(me.practitioner.memberships).toEqual([]);
      expect(me.practitioner.membershipHistory).toEqual([
        { status: 'DECLINED', organisation: { name: 'Tamebridge Borough Council' } },
      ]);
      expect(me.networkAccess.message).toMatch(/say where you work/);
      const [notice] = await t.db.query(`SELECT kind FROM notifications WHERE recipient_id = $1`, [person.id]);
      expect(notice).toEqual({ kind: 'MEMBERSHIP_DECLINED' });
      // A new claim starts afresh.
      expect((await claim(person, council.globalId)).status).toBe('PENDING');
    });
  });

  describe('ending a membership', () => {
    it('by the person: it leaves the profile and the organisation’s people, and the network closes', async () => {
      const person = await createPractitioner(t, {
        fullName: 'Leaving Officer',
        memberships: [{ organisationId: council.id }],
      });
      const mine = await standingOf(person);
      const councilMembership = mine.practitioner.memberships.find((row) =>
        row.organisation.name.startsWith('Tamebridge'),
      );
      expect(mine.networkAccess.standing).toBe('VERIFIED_MEMBER');
      const ended = await t.gql<{ endMembership: Claimed }>(END, { id: councilMembership?.id }, person.token);
      expect(ended.data.endMembership).toMatchObject({ status: 'ENDED', current: false });
      const after = await standingOf(person);
      expect(after.networkAccess.standing).toBe('AWAITING_CONFIRMED_MEMBERSHIP');
      expect(after.practitioner.membershipHistory.map((row) => row.status)).toEqual(['ENDED']);
      const people = await t.gql<{ organisation: { practitioners: { totalCount: number } } }>(
        `query ($id: ID!) { organisation(id: $id) { practitioners(first: 50) { totalCount edges { node { fullName } } } } }`,
        { id: council.globalId },
        councilAdmin.token,
      );
      expect(JSON.stringify(people.data)).not.toContain('Leaving Officer');
      expect(errorCode(await t.gql(END, { id: councilMembership?.id }, person.token))).toBe('CONFLICT');
    });

    it('by the organisation’s admin, who tells them; anyone else is told it does not exist', async () => {
      const person = await createPractitioner(t, { memberships: [{ organisationId: council.id }] });
      const id = (await standingOf(person)).practitioner.memberships[0].id;
      expect(errorCode(await t.gql(END, { id }, otherAdmin.token))).toBe('NOT_FOUND');
      const ended = await t.gql<{ endMembership: Claimed }>(END, { id }, councilAdmin.token);
      expect(ended.data.endMembership.status).toBe('ENDED');
      const [notice] = await t.db.query(`SELECT kind FROM notifications WHERE recipient_id = $1`, [person.id]);
      expect(notice).toEqual({ kind: 'MEMBERSHIP_ENDED' });
    });

    it('updateMyProfile claims organisations it lists and ends those it leaves out', async () => {
      const person = await createPractitioner(t, { memberships: [{ organisationId: council.id, role: 'Officer' }] });
      const { version } = (
        await t.gql<{ me: { practitioner: { version: number } } }>(
          `{ me { practitioner { version } } }`,
          {},
          person.token,
        )
      ).data.me.practitioner;
      const updated = await t.gql(
        `mutation ($input: UpdateMyProfileInput!) { updateMyProfile(input: $input) { memberships { status role organisation { name } } } }`,
        { input: { version, memberships: [{ organisationId: otherOrg.globalId, role: 'Trustee' }] } },
        person.token,
      );
      expect(updated.errors).toBeUndefined();
      expect(updated.data).toEqual({
        updateMyProfile: {
          memberships: [{ status: 'PENDING', role: 'Trustee', organisation: { name: 'Oakfield Youth Trust' } }],
        },
      });
    });
  });

  describe('email domains', () => {
    let domainId: string;

    it('refuses public email providers, public suffixes and things that are not domains, naming the field', async () => {
      for (const domain of [
        'gmail.com',
        'Outlook.com',
        'gov.uk',
        'co.uk',
        'github.io',
        'someone@walsall.gov.uk',
        '10.0.0.1',
        '*.gov.uk',
        'intranet',
      ]) {
        const refused = await t.gql(
          ADD_DOMAIN,
          { input: { organisationId: council.globalId, domain } },
          councilAdmin.token,
        );
        expect([domain, errorCode(refused), errorFields(refused)]).toEqual([
          domain,
          'BAD_USER_INPUT',
          ['input.domain'],
        ]);
      }
      expect(await countRows(t, 'organisation_email_domains')).toBe(0);
    });

    it('is declared by the organisation’s admins, unverified, and shown only to them until verified', async () => {
      expect(
        errorCode(
          await t.gql(
            ADD_DOMAIN,
            { input: { organisationId: council.globalId, domain: 'tamebridge.gov.uk' } },
            otherAdmin.token,
          ),
        ),
      ).toBe('FORBIDDEN');
      const added = await t.gql<{ addEmailDomain: { id: string; domain: string; verified: boolean } }>(
        ADD_DOMAIN,
        { input: { organisationId: council.globalId, domain: ' Tamebridge.GOV.uk. ' } },
        councilAdmin.token,
      );
      expect(added.data.addEmailDomain).toMatchObject({ domain: 'tamebridge.gov.uk', verified: false });
      domainId = added.data.addEmailDomain.id;
      const again = await t.gql(
        ADD_DOMAIN,
        { input: { organisationId: council.globalId, domain: 'tamebridge.gov.uk' } },
        councilAdmin.token,
      );
      expect(errorCode(again)).toBe('CONFLICT');
      const DOMAINS = `query ($id: ID!) { organisation(id: $id) { emailDomains { domain verified } } }`;
      const seenByAdmin = await t.gql(DOMAINS, { id: council.globalId }, councilAdmin.token);
      expect(seenByAdmin.data).toEqual({
        organisation: { emailDomains: [{ domain: 'tamebridge.gov.uk', verified: false }] },
      });
      const seenByOthers = await t.gql(DOMAINS, { id: council.globalId }, otherAdmin.token);
      expect(seenByOthers.data).toEqual({ organisation: { emailDomains: [] } });
    });

    it('does not confirm anyone until a platform admin verifies it; then confirms waiting claims from it', async () => {
      const early = await newcomer({ email: 'early.officer@tamebridge.gov.uk' });
      expect((await claim(early, council.globalId)).status).toBe('PENDING');
      const sub = await newcomer({ email: 'youth.lead@youth.tamebridge.gov.uk' });
      expect((await claim(sub, council.globalId)).status).toBe('PENDING');
      const lookalike = await newcomer({ email: 'someone@nottamebridge.gov.uk' });
      expect((await claim(lookalike, council.globalId)).status).toBe('PENDING');

      expect(
        errorCode(await t.gql(VERIFY_DOMAIN, { input: { id: domainId, verified: true } }, councilAdmin.token)),
      ).toBe('FORBIDDEN');
      const verified = await t.gql<{ verifyEmailDomain: { membershipsConfirmed: number } }>(
        VERIFY_DOMAIN,
        { input: { id: domainId, verified: true } },
        admin.token,
      );
      expect(verified.errors).toBeUndefined();
      expect(verified.data.verifyEmailDomain).toEqual({
        domain: { domain: 'tamebridge.gov.uk', verified: true },
        membershipsConfirmed: 2,
      });
      expect((await standingOf(early)).practitioner.memberships[0]).toMatchObject({ status: 'CONFIRMED' });
      expect((await standingOf(sub)).networkAccess.standing).toBe('VERIFIED_MEMBER');
      expect((await standingOf(lookalike)).practitioner.memberships[0].status).toBe('PENDING');
    });

    it('confirms a new claim at once from a verified address on it, but not from an unverified one', async () => {
      const officer = await newcomer({ email: 'new.officer@tamebridge.gov.uk' });
      expect(await claim(officer, council.globalId)).toMatchObject({
        status: 'CONFIRMED',
        confirmedVia: 'EMAIL_DOMAIN',
      });
      expect((await standingOf(officer)).networkAccess.standing).toBe('VERIFIED_MEMBER');
      // The same domain vouches for nobody at another organisation.
      expect((await claim(officer, otherOrg.globalId)).status).toBe('PENDING');
    });
  });

  describe('invitations', () => {
    it('email a link that registers or signs in and confirms the membership, once', async () => {
      const invited = await t.gql<{ inviteMember: { id: string; state: string } }>(
        INVITE,
        { input: { organisationId: council.globalId, email: 'Invited.Person@Example.ORG', role: 'Hate crime lead' } },
        councilAdmin.token,
      );
      expect(invited.errors).toBeUndefined();
      expect(invited.data.inviteMember).toMatchObject({ state: 'PENDING' });
      const [email] = await emailsTo(t, 'invited.person@example.org');
      expect(email).toMatchObject({ kind: 'MEMBERSHIP_INVITATION', shownInApp: false });
      expect(email.subject).toBe('Council Admin invited you to join Tamebridge Borough Council on Cohesion Network');
      const token = await emailedToken(t, 'invited.person@example.org', 'MEMBERSHIP_INVITATION');

      // Someone else signed in cannot use it.
      const other = await newcomer();
      expect(errorCode(await t.gql(ACCEPT, { token }, other.token))).toBe('FORBIDDEN');

      // The invited person registers (not yet verified) and accepts: verified and confirmed in one step.
      const person = await createPractitioner(t, { email: 'invited.person@example.org', emailVerified: false });
      const accepted = await t.gql<{ acceptInvitation: Claimed & { role: string } }>(ACCEPT, { token }, person.token);
      expect(accepted.errors).toBeUndefined();
      expect(accepted.data.acceptInvitation).toMatchObject({
        status: 'CONFIRMED',
        confirmedVia: 'INVITATION',
        role: 'Hate crime lead',
      });
      const login = await t.gql<{ login: { accessToken: string; account: { emailVerified: boolean } } }>(
        `mutation ($input: LoginInput!) { login(input: $input) { accessToken account { emailVerified } } }`,
        { input: { email: 'invited.person@example.org', password: TEST_PASSWORD } },
      );
      expect(login.data.login.account.emailVerified).toBe(true);
      expect((await standingOf({ ...person, token: login.data.login.accessToken })).networkAccess.standing).toBe(
        'VERIFIED_MEMBER',
      );
      const replay = await t.gql(ACCEPT, { token }, person.token);
      expect(errorCode(replay)).toBe('BAD_USER_INPUT');
      expect(errorFields(replay)).toEqual(['input.token']);
      const [notice] = await t.db.query(
        `SELECT kind FROM notifications WHERE recipient_id = $1 AND kind = 'INVITATION_ACCEPTED'`,
        [councilAdmin.id],
      );
      expect(notice).toEqual({ kind: 'INVITATION_ACCEPTED' });
    });

    it('registering with the invitation verifies the address and confirms the membership in one step', async () => {
      await t.gql(
        INVITE,
        { input: { organisationId: council.globalId, email: 'joins@example.org' } },
        councilAdmin.token,
      );
      const token = await emailedToken(t, 'joins@example.org', 'MEMBERSHIP_INVITATION');
      const REGISTER = `mutation ($input: RegisterInput!) { register(input: $input) { email } }`;
      const input = { email: 'joins@example.org', password: 'a long joining passphrase', fullName: 'Jo Okafor' };
      // A token that does not work, or was sent to someone else, is refused before anything is written:
      // the same whether or not the address has an account.
      for (const wrong of [
        { ...input, invitationToken: 'made-up' },
        { ...input, email: 'someone.else@example.org', invitationToken: token },
        { ...input, email: councilAdmin.email, invitationToken: 'made-up' },
      ]) {
        const refused = await t.gql(REGISTER, { input: wrong });
        expect([errorCode(refused), errorFields(refused)]).toEqual(['BAD_USER_INPUT', ['input.invitationToken']]);
      }
      expect(await countRows(t, `accounts WHERE email IN ('joins@example.org', 'someone.else@example.org')`)).toBe(0);

      const registered = await t.gql(REGISTER, { input: { ...input, invitationToken: token } });
      expect(registered.errors).toBeUndefined();
      expect((await emailsTo(t, 'joins@example.org')).map((email) => email.kind)).toEqual(['MEMBERSHIP_INVITATION']);
      const login = await t.gql<{ login: { accessToken: string } }>(
        `mutation ($input: LoginInput!) { login(input: $input) { accessToken } }`,
        { input: { email: input.email, password: input.password } },
      );
      const me = await t.gql<Standing>(STANDING, {}, login.data.login.accessToken);
      expect(me.data.me.networkAccess.standing).toBe('VERIFIED_MEMBER');
      expect(me.data.me.practitioner.memberships).toEqual([
        expect.objectContaining({ status: 'CONFIRMED', confirmedVia: 'INVITATION' }),
      ]);
    });

    it('can be withdrawn (then the link does nothing), by the organisation’s admins only', async () => {
      const invited = await t.gql<{ inviteMember: { id: string } }>(
        INVITE,
        { input: { organisationId: council.globalId, email: 'withdrawn@example.org' } },
        councilAdmin.token,
      );
      const token = await emailedToken(t, 'withdrawn@example.org', 'MEMBERSHIP_INVITATION');
      const id = invited.data.inviteMember.id;
      expect(errorCode(await t.gql(REVOKE, { id }, otherAdmin.token))).toBe('NOT_FOUND');
      expect((await t.gql(REVOKE, { id }, councilAdmin.token)).data).toEqual({
        revokeInvitation: { state: 'REVOKED' },
      });
      const person = await createPractitioner(t, { email: 'withdrawn@example.org', verifiedMember: false });
      const refused = await t.gql(ACCEPT, { token }, person.token);
      expect(errorCode(refused)).toBe('BAD_USER_INPUT');
      expect(await countRows(t, `practitioner_memberships WHERE practitioner_id = '${person.id}'`)).toBe(0);
    });

    it('are sent by the organisation’s admins only, to a real address, and expire', async () => {
      expect(
        errorCode(
          await t.gql(
            INVITE,
            { input: { organisationId: council.globalId, email: 'x@example.org' } },
            otherAdmin.token,
          ),
        ),
      ).toBe('FORBIDDEN');
      const bad = await t.gql(
        INVITE,
        { input: { organisationId: council.globalId, email: 'not an address' } },
        councilAdmin.token,
      );
      expect(errorFields(bad)).toEqual(['input.email']);
      await t.gql(
        INVITE,
        { input: { organisationId: council.globalId, email: 'late@example.org' } },
        councilAdmin.token,
      );
      const token = await emailedToken(t, 'late@example.org', 'MEMBERSHIP_INVITATION');
      await t.db.query(
        `UPDATE membership_invitations SET expires_at = now() - interval '1 second' WHERE email = 'late@example.org'`,
      );
      const person = await createPractitioner(t, { email: 'late@example.org', verifiedMember: false });
      expect(errorCode(await t.gql(ACCEPT, { token }, person.token))).toBe('BAD_USER_INPUT');
      const listed = await t.gql<{ membershipInvitations: { edges: { node: { email: string; state: string } }[] } }>(
        `query ($id: ID!) { membershipInvitations(organisationId: $id, openOnly: false, first: 50) { edges { node { email state } } } }`,
        { id: council.globalId },
        councilAdmin.token,
      );
      expect(listed.data.membershipInvitations.edges.map((edge) => edge.node)).toContainEqual({
        email: 'late@example.org',
        state: 'EXPIRED',
      });
    });
  });

  describe('by id', () => {
    it('node(id) answers a membership to its person and the organisation’s admins, an invitation to those admins', async () => {
      const person = await newcomer();
      const id = (await claim(person, council.globalId)).id;
      const NODE = `query ($id: ID!) { node(id: $id) { __typename ... on Membership { status } } }`;
      expect((await t.gql(NODE, { id }, person.token)).data).toEqual({
        node: { __typename: 'Membership', status: 'PENDING' },
      });
      expect((await t.gql(NODE, { id }, councilAdmin.token)).data).toEqual({
        node: { __typename: 'Membership', status: 'PENDING' },
      });
      expect((await t.gql(NODE, { id }, otherAdmin.token)).data).toEqual({ node: null });
      const invited = await t.gql<{ inviteMember: { id: string } }>(
        INVITE,
        { input: { organisationId: council.globalId, email: 'by.id@example.org' } },
        councilAdmin.token,
      );
      const INVITATION = `query ($id: ID!) { node(id: $id) { ... on MembershipInvitation { email } } }`;
      const invitationId = invited.data.inviteMember.id;
      expect((await t.gql(INVITATION, { id: invitationId }, councilAdmin.token)).data).toEqual({
        node: { email: 'by.id@example.org' },
      });
      expect((await t.gql(INVITATION, { id: invitationId }, person.token)).data).toEqual({ node: null });
    });
  });

  describe('every operation', () => {
    it('asks for sign-in first, and answers a wrong role as forbidden or not found', async () => {
      const someId = toGlobalId('Membership', '00000000-0000-4000-8000-000000000001');
      const operations: [string, Record<string, unknown>][] = [
        [CLAIM, { input: { organisationId: council.globalId } }],
        [CONFIRM, { ids: [someId] }],
        [DECLINE, { ids: [someId] }],
        [END, { id: someId }],
        [PENDING, { organisationId: council.globalId }],
        [INVITE, { input: { organisationId: council.globalId, email: 'anyone@example.org' } }],
        [REVOKE, { id: toGlobalId('MembershipInvitation', '00000000-0000-4000-8000-000000000001') }],
        [ACCEPT, { token: 'whatever' }],
        [ADD_DOMAIN, { input: { organisationId: council.globalId, domain: 'tamebridge.org.uk' } }],
        [
          VERIFY_DOMAIN,
          {
            input: {
              id: toGlobalId('OrganisationEmailDomain', '00000000-0000-4000-8000-000000000001'),
              verified: true,
            },
          },
        ],
        [
          `mutation ($id: ID!) { removeEmailDomain(id: $id) }`,
          { id: toGlobalId('OrganisationEmailDomain', '00000000-0000-4000-8000-000000000001') },
        ],
        [
          `query ($id: ID!) { membershipInvitations(organisationId: $id, first: 5) { totalCount } }`,
          { id: council.globalId },
        ],
      ];
      for (const [operation, variables] of operations) {
        expect([operation.slice(0, 40), errorCode(await t.gql(operation, variables))]).toEqual([
          operation.slice(0, 40),
          'UNAUTHENTICATED',
        ]);
      }
      const member = await createPractitioner(t);
      const domain = await t.gql<{ addEmailDomain: { id: string } }>(
        ADD_DOMAIN,
        { input: { organisationId: council.globalId, domain: 'tamebridge-partnership.org.uk' } },
        councilAdmin.token,
      );
      const domainId = domain.data.addEmailDomain.id;
      const REMOVE = `mutation ($id: ID!) { removeEmailDomain(id: $id) }`;
      expect(errorCode(await t.gql(REMOVE, { id: domainId }, member.token))).toBe('NOT_FOUND');
      expect(errorCode(await t.gql(VERIFY_DOMAIN, { input: { id: domainId, verified: true } }, member.token))).toBe(
        'FORBIDDEN',
      );
      expect(
        errorCode(
          await t.gql(
            `query ($id: ID!) { membershipInvitations(organisationId: $id, first: 5) { totalCount } }`,
            { id: council.globalId },
            member.token,
          ),
        ),
      ).toBe('FORBIDDEN');
      expect(errorFields(await t.gql(VERIFY_DOMAIN, { input: { id: 'nope', verified: true } }, admin.token))).toEqual([
        'input.id',
      ]);
      // Ids that name nothing answer as not found, to a platform admin too.
      const nothing = toGlobalId('Membership', '00000000-0000-4000-8000-000000000009');
      expect(errorCode(await t.gql(END, { id: nothing }, admin.token))).toBe('NOT_FOUND');
      expect(errorCode(await t.gql(CONFIRM, { ids: [nothing] }, admin.token))).toBe('NOT_FOUND');
      const noInvitation = toGlobalId('MembershipInvitation', '00000000-0000-4000-8000-000000000009');
      expect(errorCode(await t.gql(REVOKE, { id: noInvitation }, admin.token))).toBe('NOT_FOUND');
      expect((await t.gql(REMOVE, { id: domainId }, councilAdmin.token)).data).toEqual({ removeEmailDomain: true });
      expect(await countRows(t, `organisation_email_domains WHERE domain = 'tamebridge-partnership.org.uk'`)).toBe(0);
    });
  });

  describe('an organisation’s verification', () => {
    it('is what makes its confirmed members verified members', async () => {
      const unlisted = await createOrganisation(t, { name: 'Not Yet Checked Group', verified: false });
      const person = await createPractitioner(t, {
        memberships: [{ organisationId: unlisted.id }],
        verifiedMember: false,
      });
      const before = await standingOf(person);
      expect(before.networkAccess.standing).toBe('AWAITING_CONFIRMED_MEMBERSHIP');
      expect(before.networkAccess.message).toMatch(/not verified yet/);
      const VERIFY = `mutation ($input: VerifyOrganisationInput!) { verifyOrganisation(input: $input) { verified } }`;
      await t.gql(VERIFY, { input: { id: unlisted.globalId, verified: true } }, admin.token);
      expect((await standingOf(person)).networkAccess.standing).toBe('VERIFIED_MEMBER');
      await t.gql(VERIFY, { input: { id: unlisted.globalId, verified: false } }, admin.token);
      expect((await standingOf(person)).networkAccess.standing).toBe('AWAITING_CONFIRMED_MEMBERSHIP');
    });
  });

  describe('as the calendar turns', () => {
    it('the daily task takes the tier from someone whose only membership ended, and gives it when one starts', async () => {
      const leaving = await createPractitioner(t, {
        memberships: [{ organisationId: council.id, startDate: '2020-01-01' }],
      });
      const starting = await createPractitioner(t, {
        verifiedMember: false,
        memberships: [{ organisationId: council.id, startDate: '2999-01-01' }],
      });
      expect((await standingOf(leaving)).networkAccess.standing).toBe('VERIFIED_MEMBER');
      expect((await standingOf(starting)).networkAccess.standing).toBe('AWAITING_CONFIRMED_MEMBERSHIP');
      // Time passes: one end date is behind us, one start date has arrived; nobody changed anything.
      await t.db.query(`UPDATE practitioner_memberships SET end_date = CURRENT_DATE - 1 WHERE practitioner_id = $1`, [
        leaving.id,
      ]);
      await t.db.query(`UPDATE practitioner_memberships SET start_date = CURRENT_DATE WHERE practitioner_id = $1`, [
        starting.id,
      ]);
      const task = new MemberStandingTask(t.db, t.app.get(MembershipsService));
      expect(await task.runOnce()).toBeGreaterThanOrEqual(2);
      expect(await task.runOnce()).toBe(0);
      expect((await standingOf(leaving)).networkAccess.standing).toBe('AWAITING_CONFIRMED_MEMBERSHIP');
      expect((await standingOf(starting)).networkAccess.standing).toBe('VERIFIED_MEMBER');
    });
  });

  describe('what each tier sees of a member’s members-only details', () => {
    it('only verified members and connections read MEMBERS fields, find people or see pending claims as confirmed', async () => {
      const subject = await createPractitioner(t, {
        fullName: 'Tier Subject',
        contactPhone: '0121 496 0999',
        contactPhoneVisibility: 'MEMBERS',
        memberships: [{ organisationId: council.id }, { organisationId: otherOrg.id, status: 'PENDING' }],
      });
      const unverified = await createPractitioner(t, { emailVerified: false });
      const awaiting = await newcomer();
      const member = await createPractitioner(t);
      const connection = await createPractitioner(t);
      await connect(t, subject.id, connection.id);

      const tiers: [string, string | undefined][] = [
        ['anonymous', undefined],
        ['unverified', unverified.token],
        ['verified without membership', awaiting.token],
        ['verified member', member.token],
        ['connection', connection.token],
      ];
      const seen: Record<string, unknown> = {};
      for (const [tier, token] of tiers) {
        const profile = await t.gql<{ practitioner: { contact: { phone: string | null }; memberships: unknown[] } }>(
          PROFILE,
          { id: subject.globalId },
          token,
        );
        const search = await t.gql<{ search: { totalCount: number } }>(PEOPLE, { q: 'Tier Subject' }, token);
        const graph = await t.gql<{ network: { nodes: { label: string }[] } }>(
          `query ($id: ID!) { network(around: $id, depth: 1) { nodes { label } } }`,
          { id: subject.globalId },
          token,
        );
        const path = await t.gql(
          `query ($to: ID!) { introductionPath(to: $to) { hops } }`,
          { to: subject.globalId },
          token,
        );
        const ask = await t.gql(
          `mutation ($input: RequestIntroductionInput!) { requestIntroduction(input: $input) { status } }`,
          { input: { to: subject.globalId, message: 'Could we talk about the youth forum next month?' } },
          token,
        );
        seen[tier] = {
          phone: profile.data?.practitioner?.contact.phone ?? null,
          profile: profile.errors ? errorCode(profile) : 'shown',
          found: search.data?.search.totalCount ?? errorCode(search),
          graph: graph.errors
            ? errorCode(graph)
            : graph.data.network.nodes.some((node) => node.label === 'Tier Subject'),
          path: path.errors ? errorCode(path) : 'answered',
          ask: ask.errors ? errorCode(ask) : 'asked',
        };
      }
      const outside = { graph: 'FORBIDDEN', path: 'FORBIDDEN', ask: 'FORBIDDEN' };
      expect(seen).toEqual({
        anonymous: {
          phone: null,
          profile: 'UNAUTHENTICATED',
          found: 0,
          graph: 'UNAUTHENTICATED',
          path: 'UNAUTHENTICATED',
          ask: 'UNAUTHENTICATED',
        },
        unverified: { phone: null, profile: 'FORBIDDEN', found: 0, ...outside },
        'verified without membership': { phone: null, profile: 'NOT_FOUND', found: 0, ...outside },
        'verified member': {
          phone: '0121 496 0999',
          profile: 'shown',
          found: 1,
          graph: true,
          path: 'answered',
          ask: 'asked',
        },
        // Already connected: asking again is refused as a conflict, not hidden.
        connection: {
          phone: '0121 496 0999',
          profile: 'shown',
          found: 1,
          graph: true,
          path: 'answered',
          ask: 'CONFLICT',
        },
      });
      const profile = await t.gql<{ practitioner: { memberships: { status: string; confirmed: boolean }[] } }>(
        PROFILE,
        { id: subject.globalId },
        member.token,
      );
      expect(profile.data.practitioner.memberships.map((row) => [row.status, row.confirmed]).sort()).toEqual([
        ['CONFIRMED', true],
        ['PENDING', false],
      ]);
    });

    it('the graph draws “works at” for confirmed memberships only', async () => {
      const person = await createPractitioner(t, {
        fullName: 'Graph Subject',
        memberships: [{ organisationId: council.id }, { organisationId: otherOrg.id, status: 'PENDING' }],
      });
      const viewer = await createPractitioner(t);
      await connect(t, person.id, viewer.id);
      const graph = await t.gql<{
        network: { nodes: { id: string; label: string }[]; edges: { kind: string; target: string; source: string }[] };
      }>(
        `query ($id: ID!) { network(around: $id, depth: 1) { nodes { id label } edges { kind source target } } }`,
        { id: person.globalId },
        viewer.token,
      );
      expect(graph.errors).toBeUndefined();
      const labels = graph.data.network.nodes.map((node) => node.label);
      expect(labels).toContain('Tamebridge Borough Council');
      expect(labels).not.toContain('Oakfield Youth Trust');
    });
  });
});
