import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { NOT_IN_NETWORK } from '@cohesion/directory';
import {
  connect,
  countRows,
  createOrganisation,
  createPractitioner,
  createTestApp,
  webClient,
  type PractitionerOverrides,
  type TestApp,
  type TestPractitioner,
  type WebClient,
  type WebPage,
} from '@cohesion/testing';

const MESSAGE = 'We both run youth forums in Walsall; could we compare notes?';
const PROFILE = `query Profile($id: ID!) { practitioner(id: $id) { fullName connectedToYou contact { email } } }`;
const CONNECTIONS = `query { myConnections(first: 50) { edges { node { origin practitioner { fullName } } } } }`;

/** The introduction page a redirect lands on: its path, as the browser follows it. */
function introductionPath(page: WebPage): string {
  expect(page.status).toBe(303);
  expect(page.location).toMatch(/^\/introductions\/[A-Za-z0-9_-]+$/);
  return page.location as string;
}

/** The text a person reads on a page: tags stripped, entities decoded roughly. */
function textOf(page: WebPage): string {
  return page.html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;|&rsquo;|’/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

describe('the introduction and connection pages', () => {
  let t: TestApp;
  let n = 0;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t?.close());

  type Person = TestPractitioner & { fullName: string };

  async function person(overrides: PractitionerOverrides = {}): Promise<Person> {
    n++;
    const fullName = `Person${n} Web`;
    return {
      ...(await createPractitioner(t, { fullName, contactEmail: `web${n}@example.org`, ...overrides })),
      fullName,
    };
  }

  async function signedIn(who: TestPractitioner): Promise<WebClient> {
    const browser = webClient(t);
    const answer = await browser.signIn(who.email, who.password);
    expect(answer.status).toBe(303);
    return browser;
  }

  /** Asks for an introduction through the page, as `from`; the introduction's page path. */
  async function ask(from: WebClient, to: TestPractitioner, via = '', message = MESSAGE): Promise<string> {
    const form = await from.get(`/introductions/new?to=${to.globalId}`);
    expect(form.status).toBe(200);
    return introductionPath(await from.post('/introductions/new', { to: to.globalId, via, message }, form));
  }

  async function answer(who: WebClient, path: string, accept: boolean, note = ''): Promise<WebPage> {
    const page = await who.get(path);
    expect(page.status).toBe(200);
    return who.post(`${path}/respond`, { accept: String(accept), note }, page);
  }

  it('sends someone signed out to sign in, and tells a member not yet confirmed why they cannot take part', async () => {
    const anonymous = webClient(t);
    for (const path of ['/introductions', '/connections', '/blocks', '/suggestions', '/introductions/new?to=x']) {
      const page = await anonymous.get(path);
      expect(page.status).toBe(303);
      expect(page.location).toBe(`/sign-in?next=${encodeURIComponent(path)}`);
    }
    const waiting = await signedIn(await person({ verifiedMember: false }));
    const target = await person();
    for (const path of [
      '/introductions',
      '/connections',
      '/blocks',
      '/suggestions',
      `/introductions/new?to=${target.globalId}`,
    ]) {
      const page = await waiting.get(path);
      expect(page.status).toBe(403);
      expect(page.title).toBe('You cannot do this – Cohesion Network');
      expect(textOf(page)).toContain(NOT_IN_NETWORK);
    }
  });

  it('asks through a mutual connection, who passes it on; the other accepts and they are connected', async () => {
    const employer = await createOrganisation(t, { name: 'Walsall Youth Forum' });
    const requester = await person();
    const broker = await person();
    const target = await person({ memberships: [{ organisationId: employer.id, role: 'Coordinator' }] });
    await connect(t, requester.id, broker.id);
    await connect(t, broker.id, target.id);
    const asking = await signedIn(requester);

    const form = await asking.get(`/introductions/new?to=${target.globalId}`);
    expect(form.status).toBe(200);
    expect(form.title).toBe(`Ask to connect with ${target.fullName} – Cohesion Network`);
    expect(textOf(form)).toContain(`Ask ${broker.fullName} to introduce you`);
    expect(textOf(form)).toContain(`Ask ${target.fullName} directly`);
    expect(textOf(form)).toContain('20 to 1,000 characters');
    expect(textOf(form)).toContain('Walsall Youth Forum');

    // The API's own rules, named by field.
    const short = await asking.post(
      '/introductions/new',
      { to: target.globalId, via: broker.globalId, message: 'Hi' },
      form,
    );
    expect(short.status).toBe(400);
    expect(short.title).toBe(`Error: Ask to connect with ${target.fullName} – Cohesion Network`);
    expect(short.errorSummary).toEqual(['Your message must be 20 to 1000 characters']);
    expect(short.html).toContain('href="#message"');
    expect(short.html).toContain(`value="${broker.globalId}" checked`);

    const sent = await asking.post(
      '/introductions/new',
      { to: target.globalId, via: broker.globalId, message: MESSAGE },
      short,
    );
    const path = introductionPath(sent);
    const mine = await asking.get(path);
    expect(textOf(mine)).toContain(
      `Your request was sent to ${broker.fullName}, who can pass it on to ${target.fullName}.`,
    );
    expect(textOf(mine)).toContain('Waiting to be passed on');
    expect(mine.html).toContain('moj-timeline');
    expect(mine.html).not.toContain('/respond');
    expect(mine.html).toContain(`${path}/withdraw`);
    // The banner is shown once.
    expect(textOf(await asking.get(path))).not.toContain('Your request was sent');

    const passing = await signedIn(broker);
    const box = await passing.get('/introductions?box=to-pass-on');
    expect(box.status).toBe(200);
    expect(box.title).toBe('Introductions: to pass on – Cohesion Network');
    expect(textOf(box)).toContain(`${requester.fullName} to ${target.fullName}`);
    expect(textOf(box)).toContain('Waiting for your answer');
    const passed = await answer(passing, path, true, 'Sam is great, you should talk.');
    expect(passed.status).toBe(303);
    expect(textOf(await passing.get(path))).toContain(`You passed the request on to ${target.fullName}.`);

    const receiving = await signedIn(target);
    const received = await receiving.get('/introductions');
    expect(textOf(received)).toContain(`From ${requester.fullName}`);
    const theirs = await receiving.get(path);
    expect(theirs.title).toBe(`${requester.fullName} would like to connect with you – Cohesion Network`);
    expect(textOf(theirs)).toContain('Sam is great, you should talk.');
    expect(textOf(theirs)).toContain(MESSAGE);
    const accepted = await answer(receiving, path, true, 'Happy to talk.');
    expect(accepted.status).toBe(303);
    const after = await receiving.get(path);
    expect(textOf(after)).toContain(`You are now connected with ${requester.fullName}.`);
    expect(textOf(after)).toContain('Accepted');

    // Both are connected, and see each other's connection-level details.
    const profile = await t.gql<{ practitioner: { connectedToYou: boolean; contact: { email: string | null } } }>(
      PROFILE,
      { id: target.globalId },
      requester.token,
    );
    expect(profile.data.practitioner).toMatchObject({ connectedToYou: true, contact: { email: expect.any(String) } });
    const theirConnections = await t.gql<{
      myConnections: { edges: { node: { practitioner: { fullName: string } } }[] };
    }>(CONNECTIONS, {}, target.token);
    expect(theirConnections.data.myConnections.edges.map((edge) => edge.node.practitioner.fullName)).toContain(
      requester.fullName,
    );

    // The requester sees the acceptance note (never the broker's) and the connection in their list.
    const seen = textOf(await asking.get(path));
    expect(seen).toContain('Happy to talk.');
    expect(seen).not.toContain('Sam is great');
    const connections = await asking.get('/connections');
    expect(connections.status).toBe(200);
    expect(textOf(connections)).toContain(target.fullName);
    expect(textOf(connections)).toContain('Walsall Youth Forum');
    expect(textOf(connections)).toContain('Through an introduction');

    // Removing the connection: a confirmation page, then a POST.
    const confirm = await asking.get(`/connections/${target.globalId}/remove`);
    expect(confirm.status).toBe(200);
    expect(confirm.title).toBe(`Remove ${target.fullName} from your connections – Cohesion Network`);
    const removed = await asking.post(`/connections/${target.globalId}/remove`, {}, confirm);
    expect(removed.location).toBe('/connections');
    const list = await asking.get('/connections');
    expect(textOf(list)).toContain(`You are no longer connected with ${target.fullName}.`);
    expect(list.html).not.toContain(`/people/${target.globalId}`);
    expect((await asking.get(`/connections/${target.globalId}/remove`)).status).toBe(404);
  });

  it('offers every mutual connection who could pass it on, but not one blocked or hidden', async () => {
    const asker = await person();
    const target = await person();
    const first = await person();
    const second = await person();
    const blocked = await person();
    const hidden = await person({ discoverable: false });
    for (const middle of [first, second, blocked, hidden]) {
      await connect(t, asker.id, middle.id);
      await connect(t, middle.id, target.id);
    }
    expect(
      (
        await t.gql(
          'mutation B($id: ID!) { blockPractitioner(practitionerId: $id) }',
          { id: asker.globalId },
          blocked.token,
        )
      ).errors,
    ).toBeUndefined();
    const browser = await signedIn(asker);
    const form = await browser.get(`/introductions/new?to=${target.globalId}`);
    expect(form.status).toBe(200);
    const choices = [...form.html.matchAll(/name="via" type="radio" value="([^"]*)"/g)].map((match) => match[1]);
    expect(choices.sort()).toEqual([first.globalId, second.globalId, ''].sort());
    const sent = await browser.post(
      '/introductions/new',
      { to: target.globalId, via: second.globalId, message: MESSAGE },
      form,
    );
    const page = await browser.get(introductionPath(sent));
    expect(page.html).toContain(`Your request was sent to ${second.fullName}`);
  });

  it('never shows the requester a decline or its reason, whoever declined', async () => {
    const requester = await person();
    const broker = await person();
    const target = await person();
    const other = await person();
    await connect(t, requester.id, broker.id);
    await connect(t, broker.id, other.id);
    const asking = await signedIn(requester);

    const direct = await ask(asking, target);
    const declined = await answer(await signedIn(target), direct, false, 'SECRET-TARGET-REASON');
    expect(declined.status).toBe(303);
    const brokered = await ask(asking, other, broker.globalId);
    const passing = await signedIn(broker);
    await answer(passing, brokered, false, 'SECRET-BROKER-REASON');
    // The one who declined sees their own words.
    expect(textOf(await passing.get(brokered))).toContain('SECRET-BROKER-REASON');

    for (const path of [
      direct,
      brokered,
      '/introductions',
      '/introductions?box=sent',
      '/introductions?box=to-pass-on',
    ]) {
      const page = await asking.get(path);
      expect(page.status).toBe(200);
      expect(page.html).not.toContain('SECRET-');
      expect(page.html).not.toMatch(/\bDeclined\b/);
    }
    expect(textOf(await asking.get(direct))).toContain('Not accepted');
    expect(textOf(await asking.get('/introductions?box=sent'))).toContain('Not accepted');
  });

  it('withdraws a request after a confirmation page, and the person asked can no longer answer it', async () => {
    const requester = await person();
    const target = await person();
    const asking = await signedIn(requester);
    const path = await ask(asking, target);
    const confirm = await asking.get(`${path}/withdraw`);
    expect(confirm.status).toBe(200);
    expect(confirm.title).toBe(`Withdraw your request to connect with ${target.fullName} – Cohesion Network`);
    expect(textOf(confirm)).toContain('30 days');
    const withdrawn = await asking.post(`${path}/withdraw`, {}, confirm);
    expect(withdrawn.location).toBe(path);
    const page = await asking.get(path);
    expect(textOf(page)).toContain('You withdrew your request.');
    expect(textOf(page)).toContain('Withdrawn');
    expect(page.html).not.toContain(`${path}/withdraw`);
    expect((await asking.get(`${path}/withdraw`)).status).toBe(404);

    const asked = await signedIn(target);
    const theirs = await asked.get(path);
    expect(theirs.html).not.toContain('/respond');
    const late = await asked.post(`${path}/respond`, { accept: 'true', note: '' }, theirs);
    expect(late.status).toBe(409);
  });

  it('answers 404 to anyone not part of an introduction, and opens the bare uuid of its email link for its people', async () => {
    const requester = await person();
    const target = await person();
    const path = await ask(await signedIn(requester), target);
    const stranger = await signedIn(await person());
    const page = await stranger.get(path);
    expect(page.status).toBe(404);
    expect(page.title).toBe('Page not found – Cohesion Network');
    const home = await stranger.get('/');
    expect((await stranger.post(`${path}/respond`, { accept: 'true' }, home)).status).toBe(404);
    expect((await stranger.post(`${path}/withdraw`, {}, home)).status).toBe(404);
    expect((await stranger.get(`${path}/withdraw`)).status).toBe(404);
    expect((await stranger.get('/introductions/not-an-id')).status).toBe(404);

    const [{ id }] = await t.db.query<{ id: string }[]>(
      'SELECT id FROM introductions WHERE requester_id = $1 AND target_id = $2',
      [requester.id, target.id],
    );
    const asked = await signedIn(target);
    const fromEmail = await asked.get(`/introductions/${id}`);
    expect(fromEmail.status).toBe(200);
    expect(textOf(fromEmail)).toContain(MESSAGE);
    expect((await stranger.get(`/introductions/${id}`)).status).toBe(404);
  });

  it('blocking hides both from each other in suggestions and introductions, until unblocked', async () => {
    const blocker = await person();
    const blocked = await person();
    const mutual = await person();
    await connect(t, blocker.id, mutual.id);
    await connect(t, mutual.id, blocked.id);
    const mine = await signedIn(blocker);
    const theirs = await signedIn(blocked);
    expect(textOf(await mine.get('/suggestions'))).toContain(blocked.fullName);
    expect((await mine.get('/suggestions')).html).toContain(`/introductions/new?to=${blocked.globalId}`);
    expect(textOf(await theirs.get('/suggestions'))).toContain(blocker.fullName);
    const open = await ask(theirs, blocker);
    await theirs.get(open);

    const confirm = await mine.get(`/blocks/new?person=${blocked.globalId}`);
    expect(confirm.status).toBe(200);
    expect(confirm.title).toBe(`Block ${blocked.fullName} – Cohesion Network`);
    expect(textOf(confirm)).toContain('neither of you will see the other anywhere');
    const done = await mine.post('/blocks/new', { person: blocked.globalId }, confirm);
    expect(done.location).toBe('/blocks');
    const list = await mine.get('/blocks');
    expect(textOf(list)).toContain(`You blocked ${blocked.fullName}.`);
    expect(textOf(list)).toContain(blocked.fullName);

    for (const [client, other] of [
      [mine, blocked],
      [theirs, blocker],
    ] as const) {
      expect(textOf(await client.get('/suggestions'))).not.toContain(other.fullName);
      expect((await client.get(`/introductions/new?to=${other.globalId}`)).status).toBe(404);
      for (const path of ['/introductions', '/introductions?box=sent', open]) {
        const page = await client.get(path);
        expect(page.status).toBe(200);
        expect(textOf(page)).not.toContain(other.fullName);
      }
    }
    // The open request between them closed, as not accepted to the one who asked.
    expect(textOf(await theirs.get(open))).toContain('Not accepted');

    const unblocked = await mine.post(`/blocks/${blocked.globalId}/unblock`, {}, list);
    expect(unblocked.location).toBe('/blocks');
    const after = await mine.get('/blocks');
    expect(textOf(after)).toContain(`You unblocked ${blocked.fullName}.`);
    expect(textOf(after)).toContain('You have not blocked anyone.');
    expect((await mine.get(`/introductions/new?to=${blocked.globalId}`)).status).toBe(200);
  });

  it('refuses every form without its CSRF token, and changes nothing', async () => {
    const requester = await person();
    const target = await person();
    const asking = await signedIn(requester);
    const before = await countRows(t, 'introductions');
    await asking.get(`/introductions/new?to=${target.globalId}`);
    const refused = await asking.post('/introductions/new', {
      _csrf: null,
      to: target.globalId,
      via: '',
      message: MESSAGE,
    });
    expect(refused.status).toBe(403);
    expect(refused.title).toBe('This form has expired – Cohesion Network');
    expect(await countRows(t, 'introductions')).toBe(before);

    const path = await ask(asking, target);
    const asked = await signedIn(target);
    await asked.get(path);
    expect((await asked.post(`${path}/respond`, { _csrf: null, accept: 'true' })).status).toBe(403);
    expect((await asked.post('/blocks/new', { _csrf: 'forged', person: requester.globalId })).status).toBe(403);
    expect(textOf(await asked.get(path))).toContain('Waiting for an answer');
    expect(textOf(await asked.get('/blocks'))).toContain('You have not blocked anyone.');
  });

  it('reports a profile or an organisation, naming the field that needs an answer', async () => {
    const reporter = await person();
    const subject = await person();
    const organisation = await createOrganisation(t, { name: 'Reported Organisation' });
    const reporting = await signedIn(reporter);

    const form = await reporting.get(`/reports/new?person=${subject.globalId}`);
    expect(form.status).toBe(200);
    expect(form.title).toBe(`Report the profile of ${subject.fullName} – Cohesion Network`);
    const missing = await reporting.post(
      '/reports/new',
      { person: subject.globalId, reason: 'OTHER', details: '' },
      form,
    );
    expect(missing.status).toBe(400);
    expect(missing.errorSummary).toEqual(['What happened is required when the reason is OTHER']);
    expect(missing.html).toContain('href="#details"');
    const noReason = await reporting.post('/reports/new', { person: subject.globalId, details: '' }, form);
    expect(noReason.errorSummary).toEqual(['Reason is not a reason we know']);
    const sent = await reporting.post(
      '/reports/new',
      { person: subject.globalId, reason: 'HARASSMENT', details: 'Repeated messages after I said no.' },
      form,
    );
    expect(sent.location).toBe('/reports/sent');
    const receipt = await reporting.get('/reports/sent');
    expect(receipt.title).toBe('Report sent – Cohesion Network');

    const organisationForm = await reporting.get(`/reports/new?organisation=${organisation.globalId}`);
    expect(organisationForm.title).toBe('Report Reported Organisation – Cohesion Network');
    const organisationSent = await reporting.post(
      '/reports/new',
      { organisation: organisation.globalId, reason: 'SPAM', details: '' },
      organisationForm,
    );
    expect(organisationSent.location).toBe('/reports/sent');
    expect(await countRows(t, 'misuse_reports')).toBe(2);

    // Someone the reporter may not see reads as nobody.
    const hidden = await person({ discoverable: false });
    expect((await reporting.get(`/reports/new?person=${hidden.globalId}`)).status).toBe(404);
  });
});
