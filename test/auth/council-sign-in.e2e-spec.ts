import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { OidcProviderClient, SIGN_IN_COOKIE } from '@cohesion/auth';
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
    t = await createTestApp({ [SECRET_NAME]: idp.clientSecret, API_PUBLIC_URL: 'http://localhost:3000' });
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
      expect((await signIn(staff({ email: 'someone@sub.walsall.gov.uk' }))).body.refusal).toBe('DOMAIN_NOT_VOUCHED');
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
