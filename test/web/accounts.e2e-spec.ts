import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { OidcProviderClient, PasswordResetTask } from '@cohesion/auth';
import {
  createAdmin,
  createOrganisation,
  createPractitioner,
  createTestApp,
  webClient,
  type Created,
  type TestApp,
  type WebClient,
  type WebPage,
} from '@cohesion/testing';
import { emailedToken, emailsTo } from '../support/mailbox.js';
import { startIdentityProvider, type ProviderUser, type TestIdentityProvider } from '../support/identity-provider.js';

const SECRET_NAME = 'OIDC_CLIENT_SECRET_WALSALL';
const NEW_PASSWORD = 'a-brand-new-passphrase-91';
const PER_IP = 20;
const PER_EMAIL = 3;

/** The one-time message of the success banner. */
const flashOf = (page: WebPage): string | undefined =>
  page.html.match(/govuk-notification-banner__heading">([\s\S]*?)<\//)?.[1]?.trim();

describe('the account pages', () => {
  let t: TestApp;
  let idp: TestIdentityProvider;
  let council: Created;
  let connectionId: string;

  beforeAll(async () => {
    const redirectUri = 'http://localhost:3000/auth/oidc/callback';
    idp = await startIdentityProvider({ redirectUri });
    t = await createTestApp({
      [SECRET_NAME]: idp.clientSecret,
      API_PUBLIC_URL: 'http://localhost:3000',
      OIDC_ALLOW_PRIVATE_ISSUERS: 'true',
      TRUST_PROXY: 'true',
      AUTH_THROTTLE_PER_IP: String(PER_IP),
      LOGIN_THROTTLE_PER_EMAIL: String(PER_EMAIL),
    });
    expect(t.app.get(OidcProviderClient).redirectUri).toBe(redirectUri);
    const admin = await createAdmin(t);
    council = await createOrganisation(t, { name: 'Walsall Council', kind: 'LOCAL_AUTHORITY' });
    const configured = await t.gql<{ configureSignIn: { signInUrl: string } }>(
      `mutation ($input: ConfigureSignInInput!) { configureSignIn(input: $input) { signInUrl } }`,
      {
        input: {
          organisationId: council.globalId,
          label: 'Walsall Council staff',
          issuer: idp.issuer,
          clientId: idp.clientId,
          clientSecretName: SECRET_NAME,
          emailDomains: ['walsall.gov.uk'],
        },
      },
      admin.token,
    );
    expect(configured.errors).toBeUndefined();
    connectionId = configured.data.configureSignIn.signInUrl.split('/').at(-2) as string;
    await t.db.query(
      `INSERT INTO organisation_email_domains (organisation_id, domain, verified_at) VALUES ($1, 'walsall.gov.uk', now())`,
      [council.id],
    );
  });
  afterAll(async () => {
    await t?.close();
    await idp?.close();
  });

  async function accountRow(email: string): Promise<{ id: string; email_verified_at: Date | null } | undefined> {
    const [row] = await t.db.query(`SELECT id, email_verified_at FROM accounts WHERE email = $1`, [email]);
    return row;
  }

  async function signedInAs(browser: WebClient): Promise<string | undefined> {
    const page = await browser.get('/account');
    if (page.status !== 200) return undefined;
    return page.html.match(/<dd class="govuk-summary-list__value">\s*([^\s<]+@[^\s<]+)/)?.[1];
  }

  /** A form sent from the client address `ip` (the app trusts X-Forwarded-For here), as a browser of its own. */
  async function postFrom(ip: string, formPath: string, path: string, fields: Record<string, string>) {
    const agent = request.agent(t.app.getHttpServer());
    const form = await agent.get(formPath).set('accept', 'text/html').set('x-forwarded-for', ip);
    const csrf = form.text.match(/name="_csrf" value="([^"]+)"/)?.[1] as string;
    return agent
      .post(path)
      .set('accept', 'text/html')
      .set('x-forwarded-for', ip)
      .type('form')
      .send({ _csrf: csrf, ...fields });
  }

  describe('registering', () => {
    it('names each missing or wrong field, and never shows the password back', async () => {
      const browser = webClient(t);
      const form = await browser.get('/register');
      expect(form.status).toBe(200);
      expect(form.title).toBe('Create an account – Cohesion Network');
      expect(form.html).toContain('autocomplete="new-password"');
      const empty = await browser.post('/register', { fullName: '', email: 'not an address', password: '' }, form);
      expect(empty.status).toBe(400);
      expect(empty.title).toBe('Error: Create an account – Cohesion Network');
      expect(empty.errorSummary).toEqual(
        expect.arrayContaining(['Email address must be an email address', 'Full name is required']),
      );
      expect(empty.html).toContain('href="#fullName"');
      const weak = await browser.post(
        '/register',
        { fullName: 'Amina Shah', email: 'amina@example.org', password: 'short' },
        form,
      );
      expect(weak.status).toBe(400);
      expect(weak.errorSummary).toHaveLength(1);
      expect(weak.html).toContain('href="#password"');
      expect(weak.html).toContain('value="amina@example.org"');
      expect(weak.html).not.toContain('value="short"');
    });

    it('answers "check your email" alike whether or not the address has an account', async () => {
      const existing = await createPractitioner(t);
      const answers: WebPage[] = [];
      for (const email of ['newcomer.one@example.org', existing.email]) {
        const browser = webClient(t);
        const form = await browser.get('/register');
        const sent = await browser.post(
          '/register',
          { fullName: 'New Comer', jobTitle: 'Youth worker', email, password: NEW_PASSWORD },
          form,
        );
        expect(sent.status).toBe(303);
        const page = await browser.get(sent.location as string);
        expect(page.title).toBe('Check your email – Cohesion Network');
        expect(flashOf(page)).toBe(
          `We have emailed ${email}: follow the link in it to confirm your address, then sign in.`,
        );
        answers.push(sent);
      }
      expect(answers[0].location).toBe(answers[1].location);
      expect((await emailsTo(t, 'newcomer.one@example.org')).map((email) => email.kind)).toEqual([
        'EMAIL_VERIFICATION',
      ]);
      expect((await emailsTo(t, existing.email)).map((email) => email.kind)).toEqual(['REGISTRATION_ATTEMPT']);
    });

    it('is throttled with the API’s register counters: attempts through either count for both', async () => {
      const ip = '203.0.113.21';
      for (let attempt = 0; attempt < PER_IP; attempt++) {
        await t
          .http()
          .post('/graphql')
          .set('x-forwarded-for', ip)
          .send({
            query: `mutation ($input: RegisterInput!) { register(input: $input) { email } }`,
            variables: { input: { email: 'not-an-address', password: 'x', fullName: 'x' } },
          });
      }
      const web = await postFrom(ip, '/register', '/register', {
        fullName: 'Late Comer',
        email: 'late.comer@example.org',
        password: NEW_PASSWORD,
      });
      expect(web.status).toBe(429);
      expect(web.text).toContain('Too many attempts');
      expect(await accountRow('late.comer@example.org')).toBeUndefined();
      // And the other way round: the web's attempts stop the API.
      const other = '203.0.113.22';
      for (let attempt = 0; attempt < PER_IP; attempt++) {
        await postFrom(other, '/register', '/register', { fullName: '', email: 'x', password: '' });
      }
      const api = await t
        .http()
        .post('/graphql')
        .set('x-forwarded-for', other)
        .send({
          query: `mutation ($input: RegisterInput!) { register(input: $input) { email } }`,
          variables: { input: { email: 'api.comer@example.org', password: NEW_PASSWORD, fullName: 'Api Comer' } },
        });
      expect(api.body.errors?.[0]?.extensions?.code).toBe('TOO_MANY_REQUESTS');
    });
  });

  describe('signing in with a password', () => {
    it('shares the login throttle with the API: failures there stop the right password here, from that address', async () => {
      const person = await createPractitioner(t);
      const ip = '203.0.113.31';
      for (let attempt = 0; attempt < PER_EMAIL; attempt++) {
        await t
          .http()
          .post('/graphql')
          .set('x-forwarded-for', ip)
          .send({
            query: `mutation ($input: LoginInput!) { login(input: $input) { accessToken } }`,
            variables: { input: { email: person.email, password: 'not the password at all' } },
          });
      }
      const refused = await postFrom(ip, '/sign-in', '/sign-in', { email: person.email, password: person.password });
      expect(refused.status).toBe(400);
      expect(refused.text).toContain('Too many attempts');
      const elsewhere = await postFrom('203.0.113.32', '/sign-in', '/sign-in', {
        email: person.email,
        password: person.password,
      });
      expect(elsewhere.status).toBe(303);
    });
  });

  describe('confirming an email address', () => {
    it('follows the emailed link to a page whose button confirms it: the link alone changes nothing', async () => {
      const email = 'verify.me@example.org';
      const browser = webClient(t);
      const form = await browser.get('/register');
      await browser.post('/register', { fullName: 'Verify Me', email, password: NEW_PASSWORD }, form);
      const token = await emailedToken(t, email, 'EMAIL_VERIFICATION');
      const page = await browser.get(`/account/verify-email?token=${encodeURIComponent(token)}`);
      expect(page.status).toBe(200);
      expect(page.title).toBe('Confirm your email address – Cohesion Network');
      // A mail scanner's fetch of the link leaves it working.
      await browser.get(`/account/verify-email?token=${encodeURIComponent(token)}`);
      expect((await accountRow(email))?.email_verified_at).toBeNull();
      const confirmed = await browser.post('/account/verify-email', { token }, page);
      expect(confirmed.status).toBe(303);
      expect(confirmed.location).toBe('/sign-in');
      expect(flashOf(await browser.get('/sign-in'))).toBe(
        `${email} is confirmed as your address. Sign in to continue.`,
      );
      expect((await accountRow(email))?.email_verified_at).not.toBeNull();
      const again = await browser.post('/account/verify-email', { token }, page);
      expect(again.status).toBe(400);
      expect(again.title).toBe('This link does not work – Cohesion Network');
      expect(again.html).toContain('This link has expired or has already been used');
      const rubbish = await browser.post('/account/verify-email', { token: 'made-up' }, page);
      expect(rubbish.status).toBe(400);
    });

    it('sends a signed-in, unconfirmed account a new link from its account page', async () => {
      const person = await createPractitioner(t, { emailVerified: false });
      const browser = webClient(t);
      await browser.signIn(person.email, person.password);
      const account = await browser.get('/account');
      expect(account.status).toBe(200);
      expect(account.html).toContain('Not confirmed');
      expect(account.html).toContain('Confirm your email address with the link we sent you.');
      expect(account.html).not.toContain('resendVerificationEmail');
      const sent = await browser.post('/account/verify-email/resend', {}, account);
      expect(sent.status).toBe(303);
      expect(flashOf(await browser.get('/account'))).toBe(`We have sent a new link to ${person.email}.`);
      const token = await emailedToken(t, person.email, 'EMAIL_VERIFICATION');
      const link = await browser.get(`/account/verify-email?token=${encodeURIComponent(token)}`);
      const done = await browser.post('/account/verify-email', { token }, link);
      expect(done.location).toBe('/account');
      expect((await browser.get('/account')).html).toContain('Confirmed');
    });

    it('sends whoever is not signed in to sign in first to ask for a new link', async () => {
      const browser = webClient(t);
      const resend = await browser.post('/account/verify-email/resend', {}, await browser.get('/sign-in'));
      expect(resend.status).toBe(303);
      expect(resend.location).toMatch(/^\/sign-in/);
    });
  });

  describe('your account', () => {
    it('asks whoever is not signed in to sign in and come back', async () => {
      for (const path of ['/account', '/account/change-password', '/account/download', '/account/delete']) {
        const page = await webClient(t).get(path);
        expect(page.status).toBe(303);
        expect(page.location).toBe(`/sign-in?next=${encodeURIComponent(path)}`);
      }
    });

    it('shows the address, where the account stands, and a way to every account task', async () => {
      const person = await createPractitioner(t);
      const browser = webClient(t);
      await browser.signIn(person.email, person.password);
      const page = await browser.get('/account');
      expect(page.title).toBe('Your account – Cohesion Network');
      expect(await signedInAs(browser)).toBe(person.email);
      expect(page.html).toContain('Verified member');
      expect(page.html).toContain('You are a verified member: you can search people and take part in the network.');
      for (const href of ['/account/change-password', '/account/download', '/account/delete']) {
        expect(page.html).toContain(`href="${href}"`);
      }
      expect(page.html).toContain('action="/account/sign-out-everywhere"');
      expect(page.html).not.toContain('Send me a new link');
    });

    it('signs out everywhere: every browser and API client, this one too', async () => {
      const person = await createPractitioner(t);
      const here = webClient(t);
      const there = webClient(t);
      await here.signIn(person.email, person.password);
      await there.signIn(person.email, person.password);
      const account = await here.get('/account');
      const out = await here.post('/account/sign-out-everywhere', {}, account);
      expect(out.status).toBe(303);
      expect(out.location).toBe('/');
      expect(await signedInAs(here)).toBeUndefined();
      expect(await signedInAs(there)).toBeUndefined();
      const api = await t.gql('{ me { id } }', {}, person.token);
      expect(api.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    });
  });

  describe('passwords', () => {
    it('emails a reset link whether or not the address has one, and the link sets a new password and ends every session', async () => {
      const person = await createPractitioner(t);
      const elsewhere = webClient(t);
      await elsewhere.signIn(person.email, person.password);
      const browser = webClient(t);
      const locations: (string | undefined)[] = [];
      for (const email of [person.email, 'nobody.here@example.org']) {
        const form = await browser.get('/account/forgot-password');
        expect(form.title).toBe('Reset your password – Cohesion Network');
        const sent = await browser.post('/account/forgot-password', { email }, form);
        expect(sent.status).toBe(303);
        locations.push(sent.location);
      }
      expect(locations[0]).toBe(locations[1]);
      expect((await browser.get(locations[0] as string)).title).toBe(
        'Check your email for a reset link – Cohesion Network',
      );
      const blank = await browser.post(
        '/account/forgot-password',
        { email: '' },
        await browser.get('/account/forgot-password'),
      );
      expect(blank.errorSummary).toEqual(['Email address is required']);

      while ((await t.app.get(PasswordResetTask).runOnce()) > 0);
      const token = await emailedToken(t, person.email, 'PASSWORD_RESET');
      const form = await browser.get(`/account/reset-password?token=${encodeURIComponent(token)}`);
      expect(form.status).toBe(200);
      expect(form.html).toContain('autocomplete="new-password"');
      const weak = await browser.post('/account/reset-password', { token, newPassword: 'short' }, form);
      expect(weak.status).toBe(400);
      expect(weak.html).toContain('href="#newPassword"');
      expect(weak.html).not.toContain('value="short"');
      const reset = await browser.post('/account/reset-password', { token, newPassword: NEW_PASSWORD }, form);
      expect(reset.status).toBe(303);
      expect(reset.location).toBe('/sign-in');
      expect(await signedInAs(elsewhere)).toBeUndefined();
      expect((await webClient(t).signIn(person.email, person.password)).status).toBe(400);
      expect((await webClient(t).signIn(person.email, NEW_PASSWORD)).status).toBe(303);
      const reused = await browser.post('/account/reset-password', { token, newPassword: `${NEW_PASSWORD}x` }, form);
      expect(reused.status).toBe(400);
      expect(reused.title).toBe('This link does not work – Cohesion Network');
    });

    it('changes the password with the current one: this browser stays signed in, every other ends', async () => {
      const person = await createPractitioner(t);
      const here = webClient(t);
      const there = webClient(t);
      await here.signIn(person.email, person.password);
      await there.signIn(person.email, person.password);
      const form = await here.get('/account/change-password');
      expect(form.title).toBe('Change your password – Cohesion Network');
      expect(form.html).toContain('autocomplete="current-password"');
      const wrong = await here.post(
        '/account/change-password',
        { currentPassword: 'not the password at all', newPassword: NEW_PASSWORD },
        form,
      );
      expect(wrong.status).toBe(400);
      expect(wrong.errorSummary).toEqual(['Current password is not right']);
      expect(wrong.html).not.toContain('not the password at all');
      const same = await here.post(
        '/account/change-password',
        { currentPassword: person.password, newPassword: person.password },
        form,
      );
      expect(same.errorSummary).toEqual(['New password is the same as your current password']);
      const changed = await here.post(
        '/account/change-password',
        { currentPassword: person.password, newPassword: NEW_PASSWORD },
        form,
      );
      expect(changed.status).toBe(303);
      expect(changed.location).toBe('/account');
      expect(await signedInAs(here)).toBe(person.email);
      expect(await signedInAs(there)).toBeUndefined();
      expect((await t.gql('{ me { id } }', {}, person.token)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    });
  });

  describe('downloading your data', () => {
    it('downloads the same document as GET /account/export, of the person signed in only', async () => {
      const person = await createPractitioner(t);
      const other = await createPractitioner(t);
      const browser = webClient(t);
      await browser.signIn(person.email, person.password);
      const page = await browser.get('/account/download');
      expect(page.title).toBe('Download your data – Cohesion Network');
      const download = await browser.post('/account/download', {}, page);
      expect(download.status).toBe(200);
      expect(download.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(download.headers['content-disposition']).toBe('attachment; filename="cohesion-network-my-data.json"');
      const document = JSON.parse(download.html) as Record<string, unknown>;
      const api = await t.http().get('/account/export').set('authorization', `Bearer ${person.token}`);
      const fromApi = JSON.parse(api.text) as Record<string, unknown>;
      expect(Object.keys(document)).toEqual(Object.keys(fromApi));
      expect({ ...document, exportedAt: null }).toEqual({ ...fromApi, exportedAt: null });
      expect(download.html).toContain(person.email);
      expect(download.html).not.toContain(other.email);
    });

    it('refuses a download without the form’s token', async () => {
      const person = await createPractitioner(t);
      const browser = webClient(t);
      await browser.signIn(person.email, person.password);
      await browser.get('/account/download');
      const forged = await browser.post('/account/download', { _csrf: null });
      expect(forged.status).toBe(403);
      expect(forged.html).not.toContain(person.email);
    });
  });

  describe('deleting your account', () => {
    it('needs the password, then deletes the account and signs the browser out', async () => {
      const person = await createPractitioner(t);
      const browser = webClient(t);
      await browser.signIn(person.email, person.password);
      const form = await browser.get('/account/delete');
      expect(form.title).toBe('Delete your account – Cohesion Network');
      expect(form.html).toContain('This cannot be undone.');
      const wrong = await browser.post('/account/delete', { password: 'not the password at all' }, form);
      expect(wrong.status).toBe(400);
      expect(wrong.errorSummary).toEqual(['Password is not right']);
      expect((await accountRow(person.email))?.id).toBe(person.id);
      const deleted = await browser.post('/account/delete', { password: person.password }, form);
      expect(deleted.status).toBe(303);
      expect(deleted.location).toBe('/account/deleted');
      expect((await browser.get('/account/deleted')).title).toBe('Your account has been deleted – Cohesion Network');
      expect(await signedInAs(browser)).toBeUndefined();
      expect(await accountRow(person.email)).toBeUndefined();
      expect((await webClient(t).signIn(person.email, person.password)).status).toBe(400);
    });
  });

  describe('invitations', () => {
    async function invite(email: string): Promise<string> {
      const orgAdmin = await createPractitioner(t, { roles: [{ role: 'ORG_ADMIN', organisationId: council.id }] });
      const invited = await t.gql(
        `mutation ($input: InviteMemberInput!) { inviteMember(input: $input) { id } }`,
        { input: { organisationId: council.globalId, email } },
        orgAdmin.token,
      );
      expect(invited.errors).toBeUndefined();
      return emailedToken(t, email, 'MEMBERSHIP_INVITATION');
    }

    it('not signed in: offers to register with the invitation (confirmed at once) or to sign in and come back', async () => {
      const email = 'invited.newcomer@example.org';
      const token = await invite(email);
      const browser = webClient(t);
      const page = await browser.get(`/invitations/accept?token=${encodeURIComponent(token)}`);
      expect(page.title).toBe('Accept an invitation – Cohesion Network');
      const back = encodeURIComponent(`/invitations/accept?token=${encodeURIComponent(token)}`);
      expect(page.html).toContain(`href="/sign-in?next=${back.replace(/%/g, '%')}"`);
      const register = await browser.get(`/register?invitation=${encodeURIComponent(token)}`);
      expect(register.html).toContain(`name="invitationToken" value="${token}"`);
      const sent = await browser.post(
        '/register',
        { fullName: 'Invited Newcomer', email, password: NEW_PASSWORD, invitationToken: token },
        register,
      );
      expect(sent.status).toBe(303);
      expect((await accountRow(email))?.email_verified_at).not.toBeNull();
      await browser.signIn(email, NEW_PASSWORD);
      expect((await browser.get('/account')).html).toContain('Verified member');
    });

    it('signed in: a button accepts it; the link alone changes nothing; another address is refused', async () => {
      const person = await createPractitioner(t, { emailVerified: false });
      const token = await invite(person.email);
      const stranger = await createPractitioner(t);
      const theirs = webClient(t);
      await theirs.signIn(stranger.email, stranger.password);
      const seen = await theirs.get(`/invitations/accept?token=${encodeURIComponent(token)}`);
      const refused = await theirs.post('/invitations/accept', { token }, seen);
      expect(refused.status).toBe(403);
      expect(refused.html).toContain('This invitation was sent to another address');

      const browser = webClient(t);
      await browser.signIn(person.email, person.password);
      const page = await browser.get(`/invitations/accept?token=${encodeURIComponent(token)}`);
      expect(page.html).toContain('Accept the invitation');
      expect((await accountRow(person.email))?.email_verified_at).toBeNull();
      const accepted = await browser.post('/invitations/accept', { token }, page);
      expect(accepted.status).toBe(303);
      expect(accepted.location).toBe('/account');
      expect((await accountRow(person.email))?.email_verified_at).not.toBeNull();
      const again = await browser.post('/invitations/accept', { token }, page);
      expect(again.status).toBe(400);
      expect(again.html).toContain('This invitation has expired, was withdrawn or has already been used');
    });
  });

  describe('signing in with a council account', () => {
    let people = 0;
    function staff(email?: string): ProviderUser {
      people++;
      return {
        sub: `web-staff-${people}`,
        claims: {
          email: email ?? `web.staff${people}@walsall.gov.uk`,
          email_verified: true,
          name: `Web Staff ${people}`,
        },
      };
    }

    /** Starts on the website, signs in at the provider, and comes back: the callback's answer. */
    async function signInAtCouncil(browser: WebClient, user: ProviderUser): Promise<WebPage> {
      idp.user = user;
      const start = await browser.get(`/sign-in/council/${connectionId}`);
      expect(start.status).toBe(303);
      const cookies = browser.cookies().join('; ');
      expect(cookies).toContain('cohesion_oidc=');
      expect(cookies).toContain('cohesion_oidc_web=1');
      const callback = await idp.signIn(start.location as string);
      const back = await browser.get(`${callback.pathname}${callback.search}`);
      expect(back.status).toBe(303);
      expect(back.location).toBe('/sign-in/council/finish');
      expect(browser.cookies().join('; ')).toMatch(/cohesion_oidc_result=[^;]+;.*HttpOnly/);
      return browser.get('/sign-in/council/finish');
    }

    it('lists the councils’ sign-ins, all or those covering an address', async () => {
      const browser = webClient(t);
      const all = await browser.get('/sign-in/council');
      expect(all.title).toBe('Sign in with your council account – Cohesion Network');
      expect(all.html).toContain(`href="/sign-in/council/${connectionId}"`);
      expect(all.html).toContain('Sign in with Walsall Council staff');
      const mine = await browser.get('/sign-in/council?email=someone%40team.walsall.gov.uk');
      expect(mine.html).toContain('Sign in with Walsall Council staff');
      const none = await browser.get('/sign-in/council?email=someone%40example.org');
      expect(none.html).not.toContain('Sign in with Walsall Council staff');
      expect(none.html).toContain('No council sign-in covers that address.');
      expect((await browser.get('/sign-in')).html).toContain('href="/sign-in/council"');
      expect((await browser.get('/sign-in/council/not-a-uuid')).status).toBe(404);
    });

    it('finishes in the browser: a web session, no tokens, and the code works once', async () => {
      const browser = webClient(t);
      const user = staff();
      const finished = await signInAtCouncil(browser, user);
      expect(finished.status).toBe(303);
      expect(finished.location).toBe('/');
      expect(finished.html).not.toMatch(/accessToken|refreshToken/);
      expect(browser.cookies().join('; ')).toMatch(/cn_session=[^;]+/);
      const home = await browser.get('/');
      expect(flashOf(home)).toBe('You have signed in with your council account.');
      expect(await signedInAs(browser)).toBe(user.claims.email);
      // The result cookie is gone: finishing again signs nobody in.
      const replay = await webClient(t).get('/sign-in/council/finish');
      expect(replay.status).toBe(400);
      expect(replay.title).toBe('You could not be signed in – Cohesion Network');
    });

    it('keeps the API’s JSON for a sign-in an API client started', async () => {
      idp.user = staff();
      const start = await t.http().get(`/auth/oidc/${connectionId}/start`);
      const cookie = ([] as string[])
        .concat(start.headers['set-cookie'] ?? [])
        .find((value) => value.startsWith('cohesion_oidc='))
        ?.split(';')[0] as string;
      const callback = await idp.signIn(start.headers.location);
      const answer = await t.http().get(`${callback.pathname}${callback.search}`).set('cookie', cookie);
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({ outcome: 'SIGNED_IN', code: expect.any(String) });
    });

    it('refuses an address the sign-in does not cover, on a page that says why', async () => {
      const browser = webClient(t);
      const refused = await signInAtCouncil(browser, staff('someone@elsewhere.example.org'));
      expect(refused.status).toBe(403);
      expect(refused.html).toContain('Your email address is not on a domain this organisation’s sign-in covers');
      expect(await signedInAs(browser)).toBeUndefined();
    });

    it('links an existing password account once its password is given', async () => {
      const person = await createPractitioner(t, { email: `linked.${Date.now()}@walsall.gov.uk` });
      const browser = webClient(t);
      const page = await signInAtCouncil(browser, staff(person.email));
      expect(page.status).toBe(200);
      expect(page.title).toBe('You already have an account – Cohesion Network');
      expect(page.html).toContain(person.email);
      const wrong = await browser.post('/sign-in/council/link', { password: 'not the password at all' }, page);
      expect(wrong.status).toBe(400);
      expect(wrong.errorSummary).toEqual(['The password is not right']);
      const early = await browser.post('/sign-in/council/continue', {}, page);
      expect(early.status).toBe(400);
      expect(early.errorSummary[0]).toMatch(/not linked yet/);
      const linked = await browser.post('/sign-in/council/link', { password: person.password }, page);
      expect(linked.status).toBe(303);
      expect(linked.location).toBe('/');
      expect(await signedInAs(browser)).toBe(person.email);
    });

    it('links an existing account through the emailed link, then the waiting browser signs in', async () => {
      const person = await createPractitioner(t, { email: `emailed.${Date.now()}@walsall.gov.uk` });
      const browser = webClient(t);
      const page = await signInAtCouncil(browser, staff(person.email));
      expect(page.title).toBe('You already have an account – Cohesion Network');
      const token = await emailedToken(t, person.email, 'SIGN_IN_LINK');
      const link = await browser.get(`/account/link-sign-in?token=${encodeURIComponent(token)}`);
      expect(link.status).toBe(200);
      expect(link.title).toBe('Link your council sign-in to your account – Cohesion Network');
      const done = await browser.post('/account/link-sign-in', { token }, link);
      expect(done.status).toBe(303);
      expect(done.location).toBe('/');
      expect(await signedInAs(browser)).toBe(person.email);
      const again = await browser.post(
        '/account/link-sign-in',
        { token },
        await browser.get(`/account/link-sign-in?token=${encodeURIComponent(token)}`),
      );
      expect(again.status).toBe(400);
      expect(again.title).toBe('This link does not work – Cohesion Network');
    });

    it('lets a council account without a password delete itself just after signing in', async () => {
      const browser = webClient(t);
      const user = staff();
      await signInAtCouncil(browser, user);
      const form = await browser.get('/account/delete');
      expect(form.html).not.toContain('type="password"');
      expect(form.html).toContain('Your account has no password');
      await t.db.query(
        `UPDATE oidc_sign_in_attempts SET completed_at = now() - interval '1 hour'
          WHERE account_id = (SELECT id FROM accounts WHERE email = $1)`,
        [user.claims.email],
      );
      const stale = await browser.post('/account/delete', {}, form);
      expect(stale.status).toBe(400);
      expect(stale.errorSummary[0]).toMatch(/^Password is required; an account without a password signs in/);
      await t.db.query(
        `UPDATE oidc_sign_in_attempts SET completed_at = now() WHERE account_id = (SELECT id FROM accounts WHERE email = $1)`,
        [user.claims.email],
      );
      const deleted = await browser.post('/account/delete', {}, form);
      expect(deleted.status).toBe(303);
      expect(await accountRow(user.claims.email as string)).toBeUndefined();
    });
  });
});
