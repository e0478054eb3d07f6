import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { OidcProviderClient, SIGN_IN_COOKIE } from '@cohesion/auth';
import { toGlobalId } from '@cohesion/common';
import {
  auditOf,
  countRows,
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
import { emailedToken, emailsTo } from '../support/mailbox.js';
import { startIdentityProvider, type ProviderUser, type TestIdentityProvider } from '../support/identity-provider.js';

const CONFIGURE = `mutation ($input: ConfigureSignInInput!) {
  configureSignIn(input: $input) {
    id organisationId label issuer clientId clientSecretName clientSecretSet allowedTenantIds emailDomains signInUrl redirectUri
  }
}`;
const REMOVE = `mutation ($id: ID!) { removeSignIn(id: $id) }`;
const CONNECTIONS = `query ($organisationId: ID!) {
  signInConnections(organisationId: $organisationId) { id label clientSecretName clientSecretSet emailDomains }
}`;
const COMPLETE = `mutation ($code: String!) {
  completeSignIn(code: $code) { accessToken refreshToken account { email emailVerified } }
}`;
const LINK = `mutation ($input: LinkSignInInput!) {
  linkSignIn(input: $input) { accessToken account { email } }
}`;
const CONFIRM_LINK = `mutation ($token: String!) { confirmSignInLink(input: { token: $token }) { email message } }`;
const ME = `{
  me {
    id email emailVerified
    networkAccess { standing }
    practitioner { fullName memberships { status confirmedVia organisation { id } } }
  }
}`;

interface Me {
  id: string;
  email: string;
  emailVerified: boolean;
  networkAccess: { standing: string };
  practitioner: {
    fullName: string;
    memberships: { status: string; confirmedVia: string | null; organisation: { id: string } }[];
  };
}

const SECRET_NAME = 'OIDC_CLIENT_SECRET_WALSALL';

interface CallbackBody {
  outcome: 'SIGNED_IN' | 'LINK_REQUIRED' | 'REFUSED';
  code?: string;
  refusal?: string;
  email?: string;
}

interface Callback {
  status: number;
  body: CallbackBody;
  /** What the browser called back with, to replay it. */
  path: string;
  cookie: string;
}

describe('council sign-in (OpenID Connect)', () => {
  let t: TestApp;
  let idp: TestIdentityProvider;
  let admin: TestPractitioner;
  let council: Created;
  let connectionId: string;
  let connectionGlobalId: string;

  beforeAll(async () => {
    // The provider must know the redirect URI before the app starts, and the app its secret.
    const redirectUri = 'http://localhost:3000/auth/oidc/callback';
    idp = await startIdentityProvider({ redirectUri });
    t = await createTestApp({
      [SECRET_NAME]: idp.clientSecret,
      API_PUBLIC_URL: 'http://localhost:3000',
      OIDC_ALLOW_PRIVATE_ISSUERS: 'true',
    });
    expect(t.app.get(OidcProviderClient).redirectUri).toBe(redirectUri);
    admin = await createAdmin(t);
    council = await createOrganisation(t, { name: 'Walsall Council', kind: 'LOCAL_AUTHORITY' });
    const configured = await t.gql<{ configureSignIn: { id: string; signInUrl: string } }>(
      CONFIGURE,
      { input: connectionInput(council.globalId) },
      admin.token,
    );
    expect(configured.errors).toBeUndefined();
    connectionGlobalId = configured.data.configureSignIn.id;
    connectionId = configured.data.configureSignIn.signInUrl.split('/').at(-2) as string;
    await addEmailDomain(council.id, 'walsall.gov.uk', true);
  });
  afterAll(async () => {
    await t?.close();
    await idp?.close();
  });
  beforeEach(() => {
    idp.tamper = null;
  });

  function connectionInput(organisationId: string, overrides: Record<string, unknown> = {}) {
    return {
      organisationId,
      label: 'Walsall Council staff',
      issuer: idp.issuer,
      clientId: idp.clientId,
      clientSecretName: SECRET_NAME,
      emailDomains: ['walsall.gov.uk'],
      ...overrides,
    };
  }

  async function addEmailDomain(organisationId: string, domain: string, verified: boolean): Promise<void> {
    await t.db.query(
      `INSERT INTO organisation_email_domains (organisation_id, domain, verified_at) VALUES ($1, $2, $3)`,
      [organisationId, domain, verified ? new Date() : null],
    );
  }

  /** A connection of its own for `organisation`, vouching for `domains`; its id. */
  async function connect(organisation: Created, domains: string[]): Promise<string> {
    const created = await t.gql<{ configureSignIn: { signInUrl: string } }>(
      CONFIGURE,
      { input: connectionInput(organisation.globalId, { emailDomains: domains }) },
      admin.token,
    );
    expect(created.errors).toBeUndefined();
    return created.data.configureSignIn.signInUrl.split('/').at(-2) as string;
  }

  async function complete(code: string | undefined): Promise<{ accessToken: string; account: { email: string } }> {
    const result = await t.gql<{ completeSignIn: { accessToken: string; account: { email: string } } }>(COMPLETE, {
      code,
    });
    expect(result.errors).toBeUndefined();
    return result.data.completeSignIn;
  }

  async function me(token: string): Promise<Me> {
    const result = await t.gql<{ me: Me }>(ME, {}, token);
    expect(result.errors).toBeUndefined();
    return result.data.me;
  }

  let people = 0;
  function staff(claims: Record<string, unknown> = {}): ProviderUser {
    people++;
    return {
      sub: `staff-${people}`,
      claims: {
        email: `staff${people}@walsall.gov.uk`,
        email_verified: true,
        name: `Staff Member ${people}`,
        ...claims,
      },
    };
  }

  /** Leaves for the provider as `user`; the callback it sends the browser to, not yet followed. */
  async function leaveFor(user: ProviderUser, connection = connectionId): Promise<{ path: string; cookie: string }> {
    idp.user = user;
    const start = await t.http().get(`/auth/oidc/${connection}/start`);
    expect(start.status).toBe(303);
    const cookies = ([] as string[]).concat(start.headers['set-cookie'] ?? []);
    const cookie = cookies.find((value) => value.startsWith(`${SIGN_IN_COOKIE}=`))?.split(';')[0] as string;
    expect(cookie).toBeDefined();
    expect(cookies.join(';')).toMatch(/HttpOnly/i);
    const callback = await idp.signIn(start.headers.location);
    return { path: `${callback.pathname}${callback.search}`, cookie };
  }

  async function callBack(path: string, cookie: string | null): Promise<Callback> {
    const call = t.http().get(path);
    if (cookie) call.set('cookie', cookie);
    const response = await call;
    return { status: response.status, body: response.body as CallbackBody, path, cookie: cookie ?? '' };
  }

  async function signIn(user: ProviderUser, connection = connectionId): Promise<Callback> {
    const { path, cookie } = await leaveFor(user, connection);
    return callBack(path, cookie);
  }

  /** Rows a sign-in could leave behind. */
  async function footprint(): Promise<Record<string, number>> {
    return {
      accounts: await countRows(t, 'accounts'),
      practitioners: await countRows(t, 'practitioners'),
      identities: await countRows(t, 'account_identities'),
      memberships: await countRows(t, 'practitioner_memberships'),
      refreshTokens: await countRows(t, 'refresh_tokens'),
    };
  }

  describe('configuring it', () => {
    it('lets a platform admin configure a connection, audited, with the secret named and never shown', async () => {
      const other = await createOrganisation(t);
      const result = await t.gql<{ configureSignIn: Record<string, unknown> }>(
        CONFIGURE,
        { input: connectionInput(other.globalId, { emailDomains: ['Other.gov.uk'], allowedTenantIds: ['tenant-a'] }) },
        admin.token,
      );
      expect(result.errors).toBeUndefined();
      const connection = result.data.configureSignIn;
      expect(connection).toMatchObject({
        organisationId: other.globalId,
        issuer: idp.issuer,
        clientSecretName: SECRET_NAME,
        clientSecretSet: true,
        emailDomains: ['other.gov.uk'],
        allowedTenantIds: ['tenant-a'],
        redirectUri: 'http://localhost:3000/auth/oidc/callback',
      });
      expect(JSON.stringify(result.data)).not.toContain(idp.clientSecret);
      const [row] = await t.db.query(`SELECT id FROM oidc_connections WHERE organisation_id = $1`, [other.id]);
      expect(await auditOf(t, row.id)).toEqual([
        expect.objectContaining({ action: 'create', actor_account_id: admin.id, before: null }),
      ]);
      const again = await t.gql(
        CONFIGURE,
        { input: connectionInput(other.globalId, { label: 'Renamed' }) },
        admin.token,
      );
      expect(again.errors).toBeUndefined();
      expect(await countRows(t, 'oidc_connections')).toBe(2);
      expect((await auditOf(t, row.id)).map((entry) => entry.action)).toEqual(['create', 'update']);
      expect(JSON.stringify(await auditOf(t, row.id))).not.toContain(idp.clientSecret);
    });

    it('refuses anyone signed out, and anyone but a platform admin', async () => {
      const input = connectionInput(council.globalId);
      expect(errorCode(await t.gql(CONFIGURE, { input }))).toBe('UNAUTHENTICATED');
      const orgAdmin = await createPractitioner(t, { roles: [{ role: 'ORG_ADMIN', organisationId: council.id }] });
      expect(errorCode(await t.gql(CONFIGURE, { input }, orgAdmin.token))).toBe('FORBIDDEN');
      expect(errorCode(await t.gql(REMOVE, { id: connectionGlobalId }, orgAdmin.token))).toBe('FORBIDDEN');
      expect(errorCode(await t.gql(REMOVE, { id: connectionGlobalId }))).toBe('UNAUTHENTICATED');
    });

    it('refuses a secret that is not set, an open multi-tenant issuer, plain http, bad domains, unknown organisations', async () => {
      const cases: [Record<string, unknown>, string][] = [
        [{ clientSecretName: 'OIDC_CLIENT_SECRET_UNSET' }, 'input.clientSecretName'],
        [{ clientSecretName: 'JWT_SECRET' }, 'input.clientSecretName'],
        [{ issuer: 'https://login.microsoftonline.com/{tenantid}/v2.0' }, 'input.allowedTenantIds'],
        [{ issuer: 'http://id.example.org' }, 'input.issuer'],
        [{ issuer: 'not a url' }, 'input.issuer'],
        [{ emailDomains: [] }, 'input.emailDomains'],
        [{ emailDomains: ['not a domain'] }, 'input.emailDomains'],
        [{ organisationId: 'nope' }, 'input.organisationId'],
      ];
      for (const [overrides, field] of cases) {
        const result = await t.gql(CONFIGURE, { input: connectionInput(council.globalId, overrides) }, admin.token);
        expect([errorCode(result), errorFields(result)]).toEqual(['BAD_USER_INPUT', [field]]);
      }
      const gone = await t.gql(
        CONFIGURE,
        {
          input: connectionInput(
            Buffer.from('Organisation:00000000-0000-4000-8000-000000000000').toString('base64url'),
          ),
        },
        admin.token,
      );
      expect(errorCode(gone)).toBe('NOT_FOUND');
    });

    it('shows the connections to platform admins and the organisation’s own admins only', async () => {
      const variables = { organisationId: council.globalId };
      const asAdmin = await t.gql<{ signInConnections: { clientSecretName: string }[] }>(
        CONNECTIONS,
        variables,
        admin.token,
      );
      expect(asAdmin.errors).toBeUndefined();
      expect(asAdmin.data.signInConnections).toEqual([
        expect.objectContaining({
          label: 'Walsall Council staff',
          clientSecretName: SECRET_NAME,
          clientSecretSet: true,
        }),
      ]);
      const orgAdmin = await createPractitioner(t, { roles: [{ role: 'ORG_ADMIN', organisationId: council.id }] });
      expect((await t.gql(CONNECTIONS, variables, orgAdmin.token)).errors).toBeUndefined();
      const member = await createPractitioner(t);
      expect(errorCode(await t.gql(CONNECTIONS, variables, member.token))).toBe('FORBIDDEN');
      const elsewhere = await createOrganisation(t);
      const otherAdmin = await createPractitioner(t, { roles: [{ role: 'ORG_ADMIN', organisationId: elsewhere.id }] });
      expect(errorCode(await t.gql(CONNECTIONS, variables, otherAdmin.token))).toBe('FORBIDDEN');
      expect(errorCode(await t.gql(CONNECTIONS, variables))).toBe('UNAUTHENTICATED');
      expect(errorFields(await t.gql(CONNECTIONS, { organisationId: 'nope' }, admin.token))).toEqual([
        'organisationId',
      ]);
    });

    it('removes a connection, audited; its sign-ins in progress end with it', async () => {
      const other = await createOrganisation(t);
      const created = await t.gql<{ configureSignIn: { id: string; signInUrl: string } }>(
        CONFIGURE,
        { input: connectionInput(other.globalId) },
        admin.token,
      );
      const id = created.data.configureSignIn.signInUrl.split('/').at(-2) as string;
      const { path, cookie } = await leaveFor(staff(), id);
      expect((await t.gql(REMOVE, { id: created.data.configureSignIn.id }, admin.token)).data).toEqual({
        removeSignIn: true,
      });
      expect((await auditOf(t, id)).map((entry) => entry.action)).toEqual(['create', 'remove']);
      expect((await callBack(path, cookie)).body).toMatchObject({ outcome: 'REFUSED', refusal: 'STATE_NOT_VALID' });
      expect(errorCode(await t.gql(REMOVE, { id: created.data.configureSignIn.id }, admin.token))).toBe('NOT_FOUND');
      expect((await t.http().get(`/auth/oidc/${id}/start`)).status).toBe(404);
    });
  });

  describe('refused sign-ins leave nothing behind', () => {
    it('refuses a tenant the connection does not allow', async () => {
      const other = await createOrganisation(t);
      const created = await t.gql<{ configureSignIn: { signInUrl: string } }>(
        CONFIGURE,
        { input: connectionInput(other.globalId, { allowedTenantIds: ['tenant-a'] }) },
        admin.token,
      );
      const id = created.data.configureSignIn.signInUrl.split('/').at(-2) as string;
      const before = await footprint();
      const answer = await signIn(staff({ tid: 'tenant-b' }), id);
      expect(answer.status).toBe(403);
      expect(answer.body).toMatchObject({ outcome: 'REFUSED', refusal: 'TENANT_NOT_ALLOWED' });
      expect(answer.body.code).toBeUndefined();
      const untenanted = await signIn(staff(), id);
      expect(untenanted.body).toMatchObject({ outcome: 'REFUSED', refusal: 'TENANT_NOT_ALLOWED' });
      expect(await footprint()).toEqual(before);
    });

    it('refuses an id token for another audience, though the provider signed it', async () => {
      idp.tamper = (claims) => ({ ...claims, aud: 'someone-else' });
      const before = await footprint();
      const answer = await signIn(staff());
      expect(answer.body).toMatchObject({ outcome: 'REFUSED', refusal: 'TOKEN_NOT_VALID' });
      expect(await footprint()).toEqual(before);
    });

    it('refuses an id token whose nonce is not the one sent', async () => {
      idp.tamper = (claims) => ({ ...claims, nonce: 'another-sign-in' });
      const before = await footprint();
      expect((await signIn(staff())).body).toMatchObject({ outcome: 'REFUSED', refusal: 'TOKEN_NOT_VALID' });
      expect(await footprint()).toEqual(before);
    });

    it('refuses an expired id token', async () => {
      idp.tamper = (claims) => ({ ...claims, iat: 1_000_000_000, exp: 1_000_000_600 });
      const before = await footprint();
      expect((await signIn(staff())).body).toMatchObject({ outcome: 'REFUSED', refusal: 'TOKEN_NOT_VALID' });
      expect(await footprint()).toEqual(before);
    });

    it('refuses an expired state, and never exchanges its code', async () => {
      const before = await footprint();
      const { path, cookie } = await leaveFor(staff());
      await t.db.query(
        `UPDATE oidc_sign_in_attempts SET expires_at = now() - interval '1 second' WHERE called_back_at IS NULL`,
      );
      const answer = await callBack(path, cookie);
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ outcome: 'REFUSED', refusal: 'STATE_NOT_VALID' });
      expect(await footprint()).toEqual(before);
    });

    it('refuses a state it never issued, and a callback without one', async () => {
      const { cookie } = await leaveFor(staff());
      expect((await callBack('/auth/oidc/callback?code=x&state=made-up', cookie)).body.refusal).toBe('STATE_NOT_VALID');
      expect((await callBack('/auth/oidc/callback?code=x', cookie)).body.refusal).toBe('STATE_NOT_VALID');
    });

    it('refuses a callback from another browser, and the real one can still finish', async () => {
      const before = await footprint();
      const { path, cookie } = await leaveFor(staff({ email_verified: false }));
      expect((await callBack(path, null)).body).toMatchObject({ refusal: 'STATE_NOT_VALID' });
      expect((await callBack(path, `${SIGN_IN_COOKIE}=someone-elses`)).body).toMatchObject({
        refusal: 'STATE_NOT_VALID',
      });
      // The person's own browser goes on; here their address is not verified, so it ends there.
      expect((await callBack(path, cookie)).body).toMatchObject({ refusal: 'EMAIL_NOT_VERIFIED' });
      expect(await footprint()).toEqual(before);
    });

    it('refuses an address the provider does not say it verified, or on a domain it does not vouch for', async () => {
      const before = await footprint();
      expect((await signIn(staff({ email_verified: false }))).body.refusal).toBe('EMAIL_NOT_VERIFIED');
      expect((await signIn(staff({ email_verified: undefined, upn: 'x@walsall.gov.uk' }))).body.refusal).toBe(
        'EMAIL_NOT_VERIFIED',
      );
      expect((await signIn(staff({ email: 'someone@gmail.com' }))).body.refusal).toBe('DOMAIN_NOT_VOUCHED');
      expect((await signIn(staff({ email: 'someone@notwalsall.gov.uk' }))).body.refusal).toBe('DOMAIN_NOT_VOUCHED');
      expect(await footprint()).toEqual(before);
    });

    it('refuses a replayed callback: the state works once', async () => {
      const before = await footprint();
      const first = await signIn(staff({ email: 'someone@gmail.com' }));
      expect(first.body.refusal).toBe('DOMAIN_NOT_VOUCHED');
      const again = await callBack(first.path, first.cookie);
      expect(again.status).toBe(400);
      expect(again.body).toMatchObject({ outcome: 'REFUSED', refusal: 'STATE_NOT_VALID' });
      expect(await footprint()).toEqual(before);
    });

    it('refuses a replayed code under a fresh state: the provider takes each code once', async () => {
      const before = await footprint();
      const first = await signIn(staff({ email: 'someone@gmail.com' }));
      expect(first.body.refusal).toBe('DOMAIN_NOT_VOUCHED');
      const spentCode = new URL(first.path, 'http://localhost').searchParams.get('code') as string;
      const fresh = await leaveFor(staff());
      const replay = new URL(fresh.path, 'http://localhost');
      replay.searchParams.set('code', spentCode);
      const answer = await callBack(`${replay.pathname}${replay.search}`, fresh.cookie);
      expect(answer.body).toMatchObject({ outcome: 'REFUSED', refusal: 'TOKEN_NOT_VALID' });
      expect(await footprint()).toEqual(before);
    });

    it('refuses when the provider says no', async () => {
      const before = await footprint();
      const { path, cookie } = await leaveFor(staff());
      const state = new URL(path, 'http://localhost').searchParams.get('state') as string;
      const refusedPath = `/auth/oidc/callback?error=access_denied&state=${encodeURIComponent(state)}&iss=${encodeURIComponent(idp.issuer)}`;
      expect((await callBack(refusedPath, cookie)).body).toMatchObject({ refusal: 'PROVIDER_REFUSED' });
      expect(await footprint()).toEqual(before);
    });
  });

  describe('signing in', () => {
    it('creates the account, its profile and identity, and confirms the membership on a first sign-in', async () => {
      const before = await footprint();
      const ann = staff({ email: 'Ann.First@walsall.gov.uk', name: 'Ann First' });
      const answer = await signIn(ann);
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({ outcome: 'SIGNED_IN' });
      expect(await footprint()).toEqual({
        ...before,
        accounts: before.accounts + 1,
        practitioners: before.practitioners + 1,
        identities: before.identities + 1,
        memberships: before.memberships + 1,
      });
      const session = await complete(answer.body.code);
      expect(session.account).toEqual({ email: 'ann.first@walsall.gov.uk', emailVerified: true });
      const account = await me(session.accessToken);
      expect(account).toMatchObject({
        email: 'ann.first@walsall.gov.uk',
        emailVerified: true,
        networkAccess: { standing: 'VERIFIED_MEMBER' },
        practitioner: {
          fullName: 'Ann First',
          memberships: [{ status: 'CONFIRMED', confirmedVia: 'SIGN_IN', organisation: { id: council.globalId } }],
        },
      });
      const [row] = await t.db.query(`SELECT id, password_hash FROM accounts WHERE email = $1`, [account.email]);
      expect(row.password_hash).toBeNull();
      expect(account.id).toBe(toGlobalId('Account', row.id));
      const identities = await t.db.query(`SELECT issuer, subject FROM account_identities WHERE account_id = $1`, [
        row.id,
      ]);
      expect(identities).toEqual([{ issuer: idp.issuer, subject: ann.sub }]);
    });

    it('signs the same person into the same account next time, with nothing new', async () => {
      const bob = staff({ email: 'bob.again@walsall.gov.uk' });
      const first = await complete((await signIn(bob)).body.code);
      const before = await footprint();
      const again = await signIn(bob);
      expect(again.body).toMatchObject({ outcome: 'SIGNED_IN' });
      const second = await complete(again.body.code);
      expect((await me(second.accessToken)).id).toBe((await me(first.accessToken)).id);
      expect(await footprint()).toEqual({ ...before, refreshTokens: before.refreshTokens + 1 });
      expect((await me(second.accessToken)).practitioner.memberships).toHaveLength(1);
    });

    it('takes a subdomain of a vouched, verified domain', async () => {
      const answer = await signIn(staff({ email: 'cara@youth.walsall.gov.uk' }));
      expect(answer.body).toMatchObject({ outcome: 'SIGNED_IN' });
      const account = await me((await complete(answer.body.code)).accessToken);
      expect(account.networkAccess.standing).toBe('VERIFIED_MEMBER');
    });

    it('exchanges a code once only', async () => {
      const answer = await signIn(staff());
      await complete(answer.body.code);
      const again = await t.gql(COMPLETE, { code: answer.body.code });
      expect([errorCode(again), errorFields(again)]).toEqual(['BAD_USER_INPUT', ['code']]);
    });

    it('refuses a code after it expires', async () => {
      const answer = await signIn(staff());
      await t.db.query(
        `UPDATE oidc_sign_in_attempts SET code_expires_at = now() - interval '1 second' WHERE completed_at IS NULL`,
      );
      expect(errorCode(await t.gql(COMPLETE, { code: answer.body.code }))).toBe('BAD_USER_INPUT');
    });

    it('confirms a membership the person had claimed and was waiting for', async () => {
      const dee = await createPractitioner(t, {
        email: 'dee.waiting@walsall.gov.uk',
        verifiedMember: false,
        memberships: [{ organisationId: council.id, status: 'PENDING' }],
      });
      await t.db.query(`UPDATE accounts SET password_hash = NULL WHERE id = $1`, [dee.id]);
      const answer = await signIn(staff({ email: dee.email }));
      expect(answer.body).toMatchObject({ outcome: 'SIGNED_IN' });
      const account = await me((await complete(answer.body.code)).accessToken);
      expect(account.id).toBe(toGlobalId('Account', dee.id));
      expect(account.networkAccess.standing).toBe('VERIFIED_MEMBER');
      expect(account.practitioner.memberships).toEqual([
        { status: 'CONFIRMED', confirmedVia: 'SIGN_IN', organisation: { id: council.globalId } },
      ]);
    });

    it('confirms a new membership after one was ended, which stays in the history', async () => {
      const ivy = staff({ email: 'ivy.returning@walsall.gov.uk' });
      await complete((await signIn(ivy)).body.code);
      await t.db.query(
        `UPDATE practitioner_memberships m SET status = 'ENDED', ended_at = now()
           FROM accounts a WHERE a.id = m.practitioner_id AND a.email = 'ivy.returning@walsall.gov.uk'`,
      );
      const again = await signIn(ivy);
      expect(again.body).toMatchObject({ outcome: 'SIGNED_IN' });
      const account = await me((await complete(again.body.code)).accessToken);
      expect(account.networkAccess.standing).toBe('VERIFIED_MEMBER');
      const rows = await t.db.query(
        `SELECT m.status, m.confirmed_via FROM practitioner_memberships m JOIN accounts a ON a.id = m.practitioner_id
          WHERE a.email = 'ivy.returning@walsall.gov.uk' ORDER BY m.created_at, m.status`,
      );
      expect(rows).toEqual(
        expect.arrayContaining([
          { status: 'ENDED', confirmed_via: 'SIGN_IN' },
          { status: 'CONFIRMED', confirmed_via: 'SIGN_IN' },
        ]),
      );
      expect(rows).toHaveLength(2);
    });

    it('confirms the membership of an organisation not yet verified, without opening the network', async () => {
      const pending = await createOrganisation(t, {
        name: 'Sandwell Council',
        kind: 'LOCAL_AUTHORITY',
        verified: false,
      });
      await addEmailDomain(pending.id, 'sandwell.gov.uk', true);
      const id = await connect(pending, ['sandwell.gov.uk']);
      const answer = await signIn(staff({ email: 'eve@sandwell.gov.uk' }), id);
      expect(answer.body).toMatchObject({ outcome: 'SIGNED_IN' });
      const account = await me((await complete(answer.body.code)).accessToken);
      expect(account.networkAccess.standing).toBe('AWAITING_CONFIRMED_MEMBERSHIP');
      // The organisation itself is not shown to them until it is verified; the membership is there.
      const memberships = await t.db.query(
        `SELECT m.organisation_id, m.status, m.confirmed_via FROM practitioner_memberships m
           JOIN accounts a ON a.id = m.practitioner_id WHERE a.email = 'eve@sandwell.gov.uk'`,
      );
      expect(memberships).toEqual([{ organisation_id: pending.id, status: 'CONFIRMED', confirmed_via: 'SIGN_IN' }]);
    });

    it('refuses a domain the connection vouches for that the organisation has not had verified: no account', async () => {
      const dudley = await createOrganisation(t, { name: 'Dudley Council', kind: 'LOCAL_AUTHORITY' });
      await addEmailDomain(dudley.id, 'dudley.gov.uk', false);
      const id = await connect(dudley, ['dudley.gov.uk']);
      const fay = staff({ email: 'fay@dudley.gov.uk' });
      const before = await footprint();
      const answer = await signIn(fay, id);
      expect(answer.status).toBe(403);
      expect(answer.body).toMatchObject({ outcome: 'REFUSED', refusal: 'DOMAIN_NOT_VERIFIED' });
      expect(await footprint()).toEqual(before);
      // Once a platform admin verifies the domain, the same sign-in works.
      await t.db.query(`UPDATE organisation_email_domains SET verified_at = now() WHERE domain = 'dudley.gov.uk'`);
      const later = await signIn(fay, id);
      expect(later.body).toMatchObject({ outcome: 'SIGNED_IN' });
      expect((await me((await complete(later.body.code)).accessToken)).networkAccess.standing).toBe('VERIFIED_MEMBER');
    });
  });

  describe('an address that already has a password account', () => {
    it('is not linked until the person gives the password; then it is, and signs in', async () => {
      const gil = await createPractitioner(t, { email: 'gil.password@walsall.gov.uk', verifiedMember: false });
      const gilAtProvider = staff({ email: gil.email });
      const before = await footprint();
      const answer = await signIn(gilAtProvider);
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({ outcome: 'LINK_REQUIRED', email: gil.email });
      expect(await footprint()).toEqual(before);
      expect(errorCode(await t.gql(COMPLETE, { code: answer.body.code }))).toBe('BAD_USER_INPUT');

      const wrong = await t.gql(LINK, { input: { code: answer.body.code, password: 'not the password at all' } });
      expect(errorCode(wrong)).toBe('UNAUTHENTICATED');
      expect(await footprint()).toEqual(before);

      const linked = await t.gql<{ linkSignIn: { accessToken: string; account: { email: string } } }>(LINK, {
        input: { code: answer.body.code, password: gil.password },
      });
      expect(linked.errors).toBeUndefined();
      const account = await me(linked.data.linkSignIn.accessToken);
      expect(account).toMatchObject({
        id: toGlobalId('Account', gil.id),
        email: gil.email,
        networkAccess: { standing: 'VERIFIED_MEMBER' },
        practitioner: {
          memberships: [{ status: 'CONFIRMED', confirmedVia: 'SIGN_IN', organisation: { id: council.globalId } }],
        },
      });
      expect(await countRows(t, 'accounts')).toBe(before.accounts);
      expect(await countRows(t, 'account_identities')).toBe(before.identities + 1);
      expect((await auditOf(t, gil.id)).map((entry) => entry.action)).toContain('link-sign-in');
      const replay = await t.gql(LINK, { input: { code: answer.body.code, password: gil.password } });
      expect(errorCode(replay)).toBe('BAD_USER_INPUT');

      // From now on the provider's sign-in opens the account at once.
      const next = await signIn(gilAtProvider);
      expect(next.body).toMatchObject({ outcome: 'SIGNED_IN' });
      expect((await me((await complete(next.body.code)).accessToken)).email).toBe(gil.email);
      expect(await countRows(t, 'accounts')).toBe(before.accounts);
    });

    it('is linked by following the emailed link; then the same code signs in', async () => {
      const hal = await createPractitioner(t, {
        email: 'hal.emailed@walsall.gov.uk',
        verifiedMember: false,
        emailVerified: false,
      });
      const before = await footprint();
      const answer = await signIn(staff({ email: hal.email }));
      expect(answer.body).toMatchObject({ outcome: 'LINK_REQUIRED' });
      expect((await emailsTo(t, hal.email)).map((email) => email.kind)).toEqual(['SIGN_IN_LINK']);
      expect(await footprint()).toEqual(before);

      const token = await emailedToken(t, hal.email, 'SIGN_IN_LINK');
      const confirmed = await t.gql<{ confirmSignInLink: { email: string } }>(CONFIRM_LINK, { token });
      expect(confirmed.errors).toBeUndefined();
      expect(confirmed.data.confirmSignInLink.email).toBe(hal.email);
      expect(errorFields(await t.gql(CONFIRM_LINK, { token }))).toEqual(['input.token']);

      const session = await complete(answer.body.code);
      const account = await me(session.accessToken);
      // The provider vouched for the address and the link proved it: it is verified now.
      expect(account).toMatchObject({
        email: hal.email,
        emailVerified: true,
        networkAccess: { standing: 'VERIFIED_MEMBER' },
        practitioner: {
          memberships: [{ status: 'CONFIRMED', confirmedVia: 'SIGN_IN', organisation: { id: council.globalId } }],
        },
      });
      expect(await countRows(t, 'accounts')).toBe(before.accounts);
      expect(errorCode(await t.gql(COMPLETE, { code: answer.body.code }))).toBe('BAD_USER_INPUT');
    });
  });

  describe('suspension and deletion', () => {
    it('a suspended account cannot sign in through its council, and its codes stop working', async () => {
      const person = staff({ email: 'suspended.staff@walsall.gov.uk' });
      const first = await signIn(person);
      const session = await complete(first.body.code);
      const account = await me(session.accessToken);
      const suspended = await t.gql(
        `mutation ($id: ID!) { suspendAccount(accountId: $id, reason: "Impersonating a council officer") { accountId } }`,
        { id: account.id },
        admin.token,
      );
      expect(suspended.errors).toBeUndefined();
      const again = await signIn(person);
      expect(again.body).toMatchObject({ outcome: 'REFUSED', refusal: 'ACCOUNT_DISABLED' });
      expect(errorCode(await t.gql(ME, {}, session.accessToken))).toBe('UNAUTHENTICATED');
    });

    it('an account with no password deletes itself after a fresh council sign-in, not an old one', async () => {
      const person = staff({ email: 'leaving.staff@walsall.gov.uk' });
      const session = await complete((await signIn(person)).body.code);
      const account = await me(session.accessToken);
      const [{ id }] = await t.db.query(`SELECT id FROM accounts WHERE email = 'leaving.staff@walsall.gov.uk'`);
      const DELETE = `mutation { deleteMyAccount(input: {}) }`;
      await t.db.query(
        `UPDATE oidc_sign_in_attempts SET completed_at = now() - interval '11 minutes' WHERE account_id = $1`,
        [id],
      );
      const stale = await t.gql(DELETE, {}, session.accessToken);
      expect([errorCode(stale), errorFields(stale)]).toEqual(['BAD_USER_INPUT', ['input.password']]);
      const fresh = await complete((await signIn(person)).body.code);
      const deleted = await t.gql(DELETE, {}, fresh.accessToken);
      expect(deleted.errors).toBeUndefined();
      expect(await countRows(t, `account_identities WHERE account_id = '${id}'`)).toBe(0);
      expect(await countRows(t, `oidc_sign_in_attempts WHERE account_id = '${id}'`)).toBe(0);
      expect(account.email).toBe('leaving.staff@walsall.gov.uk');
      // The same person signing in again starts a new account: nothing of the old one is found.
      const next = await signIn(person);
      expect(next.body).toMatchObject({ outcome: 'SIGNED_IN' });
      const [{ count }] = await t.db.query(
        `SELECT count(*)::int AS count FROM accounts WHERE email = 'leaving.staff@walsall.gov.uk' AND id <> $1`,
        [id],
      );
      expect(count).toBe(1);
    });
  });

  describe('one-time codes', () => {
    it('refuses a code it never handed out', async () => {
      const result = await t.gql(COMPLETE, { code: 'made-up' });
      expect([errorCode(result), errorFields(result)]).toEqual(['BAD_USER_INPUT', ['code']]);
      expect(errorCode(await t.gql(COMPLETE, { code: '' }))).toBe('BAD_USER_INPUT');
      expect(errorCode(await t.gql(LINK, { input: { code: 'made-up', password: 'whatever it is' } }))).toBe(
        'BAD_USER_INPUT',
      );
      expect(errorFields(await t.gql(CONFIRM_LINK, { token: 'made-up' }))).toEqual(['input.token']);
    });
  });
});
