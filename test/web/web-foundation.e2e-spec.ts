import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { WebSessionPurgeTask } from '@cohesion/auth';
import { createPractitioner, createTestApp, webClient, type TestApp, type TestPractitioner } from '@cohesion/testing';

describe('the website: pages, sessions and their safety', () => {
  let t: TestApp;
  let person: TestPractitioner;

  beforeAll(async () => {
    t = await createTestApp();
    person = await createPractitioner(t);
  });
  afterAll(async () => t?.close());

  it('serves the home page as HTML, with a strict Content-Security-Policy and no framing', async () => {
    const page = await webClient(t).get('/');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.title).toBe(
      'Find services, organisations and people working for cohesive communities – Cohesion Network',
    );
    const csp = page.headers['content-security-policy'];
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(page.headers['x-frame-options']).toBe('DENY');
    // No inline script: every <script> has a src on this site.
    const scripts = [...page.html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/src="\/assets\//);
      expect(body.trim()).toBe('');
    }
    expect(page.html).not.toMatch(/\sstyle="/);
  });

  it('signs in with a password: the session cookie is HttpOnly and SameSite=Lax, and pages know who is signed in', async () => {
    const browser = webClient(t);
    const signedIn = await browser.signIn(person.email, person.password);
    expect(signedIn.status).toBe(303);
    expect(signedIn.location).toBe('/');
    const cookie = browser.cookies().find((value) => value.startsWith('cn_session='));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Path=\//);
    // Not production: served over plain HTTP here, so not Secure (production sets it).
    expect(cookie).not.toMatch(/Secure/);
    const home = await browser.get('/');
    expect(home.html).toContain('Sign out');
    expect(home.html).not.toContain('href="/sign-in"');
  });

  it('names the problem beside the field when the password is wrong, and keeps the address typed', async () => {
    const browser = webClient(t);
    const form = await browser.get('/sign-in');
    const answer = await browser.post('/sign-in', { email: person.email, password: 'not the password at all' }, form);
    expect(answer.status).toBe(400);
    expect(answer.title).toBe('Error: Sign in – Cohesion Network');
    expect(answer.errorSummary).toEqual(['The email or password is not right']);
    expect(answer.html).toContain('href="#email"');
    expect(answer.html).toContain(`value="${person.email}"`);
    expect(answer.html).not.toContain('not the password at all');
  });

  it('says which fields are missing, each linking to its field', async () => {
    const browser = webClient(t);
    const form = await browser.get('/sign-in');
    const answer = await browser.post('/sign-in', { email: '', password: '' }, form);
    expect(answer.status).toBe(400);
    expect(answer.errorSummary).toEqual(['Email address is required', 'Password is required']);
    expect(answer.html).toContain('href="#password"');
  });

  it('refuses a form without its CSRF token, or with another browser’s, and changes nothing', async () => {
    const browser = webClient(t);
    await browser.get('/sign-in');
    const without = await browser.post('/sign-in', { _csrf: null, email: person.email, password: person.password });
    expect(without.status).toBe(403);
    expect(without.title).toBe('This form has expired – Cohesion Network');
    expect(
      browser.cookies().some((value) => value.startsWith('cn_session=') && !value.startsWith('cn_session=;')),
    ).toBe(false);
    const other = webClient(t);
    const theirs = await other.get('/sign-in');
    const forged = await browser.post('/sign-in', {
      _csrf: theirs.csrf ?? '',
      email: person.email,
      password: person.password,
    });
    expect(forged.status).toBe(403);
  });

  it('never lets the session cookie authenticate the GraphQL API', async () => {
    const browser = webClient(t);
    await browser.signIn(person.email, person.password);
    const cookie = browser
      .cookies()
      .find((value) => value.startsWith('cn_session='))
      ?.split(';')[0];
    const answer = await t
      .http()
      .post('/graphql')
      .set('content-type', 'application/json')
      .set('cookie', cookie ?? '')
      .send({ query: '{ me { id } }' });
    expect(answer.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('ends the web session when the account signs out everywhere through the API', async () => {
    const browser = webClient(t);
    await browser.signIn(person.email, person.password);
    expect((await browser.get('/')).html).toContain('Sign out');
    const out = await t.gql('mutation { logout(input: { everywhere: true }) }', {}, person.token);
    expect(out.errors).toBeUndefined();
    const after = await browser.get('/');
    expect(after.html).not.toContain('Sign out');
    expect(after.html).toContain('href="/sign-in"');
  });

  it('signs out with the button: the session ends on the server, not only in this browser', async () => {
    const browser = webClient(t);
    await browser.signIn(person.email, person.password);
    const cookie =
      browser
        .cookies()
        .find((value) => value.startsWith('cn_session='))
        ?.split(';')[0] ?? '';
    const home = await browser.get('/');
    const out = await browser.post('/sign-out', {}, home);
    expect(out.status).toBe(303);
    const replayed = await t.http().get('/').set('accept', 'text/html').set('cookie', cookie);
    expect(replayed.text).not.toContain('Sign out');
  });

  it('answers an address that does not exist with a page for people and JSON for programs', async () => {
    const page = await webClient(t).get('/no-such-page');
    expect(page.status).toBe(404);
    expect(page.title).toBe('Page not found – Cohesion Network');
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    const json = await t.http().get('/no-such-page');
    expect(json.status).toBe(404);
    expect(json.body.errors[0].extensions.code).toBe('NOT_FOUND');
  });

  it('only sends the browser on to a path of this site after signing in', async () => {
    const browser = webClient(t);
    const form = await browser.get('/sign-in?next=//evil.example/x');
    expect(form.html).toContain('name="next" value="/"');
    const next = await browser.get('/sign-in?next=/people');
    const answer = await browser.post(
      '/sign-in',
      { email: person.email, password: person.password, next: '/people' },
      next,
    );
    expect(answer.location).toBe('/people');
  });

  // Last: it ends every session of this app.
  it('purges ended web sessions, then has nothing left to do (an idle server does no work)', async () => {
    const browser = webClient(t);
    await browser.signIn(person.email, person.password);
    const task = t.app.get(WebSessionPurgeTask);
    await task.runOnce();
    expect(await task.runOnce()).toBe(0);
    await t.db.query(`UPDATE web_sessions SET expires_at = now() - interval '1 minute'`);
    const ended = Number((await t.db.query(`SELECT count(*) AS n FROM web_sessions`))[0].n);
    expect(ended).toBeGreaterThan(0);
    expect(await task.runOnce()).toBe(ended);
    expect(await task.runOnce()).toBe(0);
    expect((await browser.get('/')).html).not.toContain('Sign out');
  });
});
