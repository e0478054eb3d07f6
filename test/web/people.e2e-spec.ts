import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { toGlobalId } from '@cohesion/common';
import {
  connect,
  createArea,
  createOrganisation,
  createPractitioner,
  createTestApp,
  termId,
  webClient,
  type Created,
  type TestApp,
  type TestPractitioner,
  type WebClient,
} from '@cohesion/testing';

/** The text of a page without its tags, to check what a person can read on it. */
function textOf(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

describe('the people pages: who sees whom, and what of them', () => {
  let t: TestApp;
  let council: Created;
  let walsall: Created;
  let hateCrime: Created;
  let alice: TestPractitioner;
  let bob: TestPractitioner;
  let carol: TestPractitioner;
  let hidden: TestPractitioner;
  let blocker: TestPractitioner;
  let unverified: TestPractitioner;
  let awaiting: TestPractitioner;
  let admin: TestPractitioner;

  const signedIn = async (person: TestPractitioner): Promise<WebClient> => {
    const browser = webClient(t);
    const answer = await browser.signIn(person.email, person.password);
    expect(answer.status).toBe(303);
    return browser;
  };

  beforeAll(async () => {
    t = await createTestApp();
    walsall = await createArea(t, { name: 'Walsall' });
    hateCrime = await termId(t, 'cohesion-themes', 'hate-crime');
    council = await createOrganisation(t, {
      name: 'Walsall Council',
      kind: 'LOCAL_AUTHORITY',
      visibility: 'PUBLIC',
      areaIds: [walsall.id],
    });
    alice = await createPractitioner(t, {
      fullName: 'Alice Ashdown',
      jobTitle: 'Cohesion officer',
      bio: 'Works with faith groups on tension monitoring.',
      languages: ['en', 'ur'],
      themeIds: [hateCrime.id],
      areaIds: [walsall.id],
      memberships: [{ organisationId: council.id, role: 'Cohesion lead' }],
      contactEmail: 'alice@walsall.example',
      contactEmailVisibility: 'MEMBERS',
      contactPhone: '0121 496 0001',
      contactPhoneVisibility: 'CONNECTIONS',
      contactMobile: '07700 900001',
      contactMobileVisibility: 'HIDDEN',
      website: 'https://alice.example.org',
      websiteVisibility: 'PUBLIC',
    });
    bob = await createPractitioner(t, { fullName: 'Bob Bramley', jobTitle: 'Housing officer' });
    carol = await createPractitioner(t, { fullName: 'Carol Cradley' });
    hidden = await createPractitioner(t, { fullName: 'Harriet Hidden', discoverable: false });
    blocker = await createPractitioner(t, { fullName: 'Blake Blocker' });
    unverified = await createPractitioner(t, { fullName: 'Una Unverified', emailVerified: false });
    awaiting = await createPractitioner(t, { fullName: 'Aaron Awaiting', verifiedMember: false });
    admin = await createPractitioner(t, {
      fullName: 'Olive Orgadmin',
      roles: [{ role: 'ORG_ADMIN', organisationId: council.id }],
      memberships: [{ organisationId: council.id }],
    });
    await connect(t, alice.id, carol.id);
    await connect(t, bob.id, carol.id);
    await t.db.query('INSERT INTO practitioner_blocks (blocker_id, blocked_id) VALUES ($1, $2)', [blocker.id, bob.id]);
  });
  afterAll(async () => t?.close());

  describe('below the verified-member tier', () => {
    it('sends an anonymous visitor to sign in, and back', async () => {
      const browser = webClient(t);
      for (const path of ['/people', `/people/${alice.globalId}`, '/profile/edit', '/profile/memberships']) {
        const page = await browser.get(path);
        expect(page.status).toBe(303);
        expect(page.location).toBe(`/sign-in?next=${encodeURIComponent(path)}`);
      }
    });

    it('tells an account whose address is not confirmed where it stands, in the API’s words, and nobody’s details', async () => {
      const browser = await signedIn(unverified);
      for (const path of [
        '/people',
        `/people/${alice.globalId}`,
        `/people/${toGlobalId('Practitioner', '00000000-0000-4000-8000-000000000000')}`,
      ]) {
        const page = await browser.get(path);
        expect(page.status).toBe(403);
        expect(page.title).toBe('You cannot see people yet – Cohesion Network');
        expect(textOf(page.html)).toContain('Confirm your email address with the link we sent you');
        expect(page.html).not.toContain('Alice');
        expect(page.html).not.toContain('alice@walsall.example');
      }
      // Their own profile is theirs to see.
      const own = await browser.get(`/people/${unverified.globalId}`);
      expect(own.status).toBe(200);
      expect(own.html).toContain('Una Unverified');
    });

    it('tells a member awaiting confirmation to say where they work', async () => {
      const browser = await signedIn(awaiting);
      const page = await browser.get('/people?q=Alice');
      expect(page.status).toBe(403);
      expect(textOf(page.html)).toContain('once an organisation confirms that you work there');
      expect(page.html).toContain('href="/profile/memberships"');
      expect(page.html).not.toContain('Alice Ashdown');
    });
  });

  describe('a verified member', () => {
    it('finds people by words, with the filter panel and its counts', async () => {
      const browser = await signedIn(bob);
      const page = await browser.get('/people?q=tension');
      expect(page.status).toBe(200);
      expect(page.title).toBe('Find people – Cohesion Network');
      const text = textOf(page.html);
      expect(text).toContain('1 person found');
      expect(page.html).toContain(`href="/people/${alice.globalId}"`);
      expect(page.html).toContain('<mark>');
      expect(text).toContain('Cohesion lead, Walsall Council');
      // Facets count what the results have.
      expect(text).toContain('Hate crime (1)');
      expect(text).toContain('Walsall (1)');
      expect(text).toContain('Urdu (1)');
      // Contact details are for the profile, and only as each allows.
      expect(page.html).not.toContain('alice@walsall.example');
      expect(page.html).not.toContain('0121 496 0001');
    });

    it('narrows by theme, area, organisation, kind, language and introductions, each removable', async () => {
      const browser = await signedIn(bob);
      const filters = [
        `theme=${hateCrime.globalId}`,
        `area=${walsall.globalId}`,
        `organisation=${council.globalId}`,
        'kind=LOCAL_AUTHORITY',
        'language=ur',
        'open=yes',
      ];
      for (const filter of filters) {
        const page = await browser.get(`/people?${filter}`);
        expect(page.status).toBe(200);
        expect(page.html).toContain(`href="/people/${alice.globalId}"`);
        // Carol works elsewhere, speaks no Urdu and covers nothing, but takes introductions too.
        if (filter !== 'open=yes') expect(page.html).not.toContain(`href="/people/${carol.globalId}"`);
        expect(page.html).toContain('Remove this filter');
      }
      const none = await browser.get('/people?kind=POLICE');
      expect(textOf(none.html)).toContain('0 people found');
      // An address edited by hand with a filter no form offers.
      const wrong = await browser.get('/people?theme=not-an-id');
      expect(wrong.status).toBe(400);
      expect(wrong.errorSummary).toEqual(['Choose filters from the lists']);
    });

    it('never lists a hidden person, nor someone blocked either way', async () => {
      const browser = await signedIn(bob);
      const page = await browser.get('/people');
      expect(page.html).toContain('Alice Ashdown');
      expect(page.html).not.toContain('Harriet Hidden');
      expect(page.html).not.toContain('Blake Blocker');
    });

    it('sees a profile’s members-level and public details, not connections-only or hidden ones', async () => {
      const browser = await signedIn(bob);
      const page = await browser.get(`/people/${alice.globalId}`);
      expect(page.status).toBe(200);
      expect(page.title).toBe('Alice Ashdown – Cohesion Network');
      expect(page.html).toContain('alice@walsall.example');
      expect(page.html).toContain('https://alice.example.org');
      expect(page.html).not.toContain('0121 496 0001');
      expect(page.html).not.toContain('07700 900001');
      const text = textOf(page.html);
      expect(text).toContain('Hate crime');
      expect(text).toContain('Walsall');
      expect(page.html).toContain(`href="/organisations/${council.globalId}"`);
      // Connected through Carol, who could introduce them.
      expect(text).toContain('2 connections apart, through: Carol Cradley');
      expect(page.html).toContain(`href="/introductions/new?to=${alice.globalId}"`);
      expect(page.html).toContain(`href="/blocks/new?person=${alice.globalId}"`);
      expect(page.html).toContain(`href="/reports/new?person=${alice.globalId}"`);
    });

    it('sees connections-only details once connected, never hidden ones', async () => {
      const browser = await signedIn(carol);
      const page = await browser.get(`/people/${alice.globalId}`);
      expect(page.html).toContain('0121 496 0001');
      expect(page.html).toContain('alice@walsall.example');
      expect(page.html).not.toContain('07700 900001');
      expect(textOf(page.html)).toContain('You are connected');
      // Already connected: no introduction to ask for.
      expect(page.html).not.toContain('/introductions/new');
    });

    it('answers a hidden, blocked, erased or made-up person as a page not found', async () => {
      const browser = await signedIn(bob);
      const ghost = await createPractitioner(t, { fullName: 'Gone Soon' });
      await t.db.query('DELETE FROM accounts WHERE id = $1', [ghost.id]);
      const ids = [
        hidden.globalId,
        blocker.globalId,
        ghost.globalId,
        toGlobalId('Practitioner', '00000000-0000-4000-8000-000000000000'),
        'not-an-id',
        council.globalId,
      ];
      for (const id of ids) {
        const page = await browser.get(`/people/${id}`);
        expect(page.status).toBe(404);
        expect(page.title).toBe('Page not found – Cohesion Network');
      }
      // Blocking hides both ways.
      const blocked = await (await signedIn(blocker)).get(`/people/${bob.globalId}`);
      expect(blocked.status).toBe(404);
    });

    it('costs the same statements for a page of 20 results as for a page of 1', async () => {
      for (let n = 0; n < 22; n++) {
        await createPractitioner(t, {
          fullName: `Batch Person ${n}`,
          jobTitle: 'Youth worker',
          themeIds: [hateCrime.id],
          memberships: [{ organisationId: council.id }],
        });
      }
      const browser = await signedIn(bob);
      await browser.get('/people?q=Youth');
      t.resetStatements();
      const many = await browser.get('/people?q=Youth');
      const manyStatements = t.statements();
      expect(textOf(many.html)).toContain('22 people found');
      expect([...many.html.matchAll(/href="\/people\/[A-Za-z0-9_-]+"/g)].length).toBe(20);
      expect(many.html).toContain('govuk-pagination__next');
      t.resetStatements();
      const one = await browser.get('/people?q=Ashdown');
      const oneStatements = t.statements();
      expect(textOf(one.html)).toContain('1 person found');
      expect(manyStatements).toBe(oneStatements);

      // The next page, and back.
      const next = many.html.match(/govuk-pagination__next[\s\S]*?href="([^"]+)"/)?.[1]?.replace(/&amp;/g, '&');
      const second = await browser.get(next as string);
      expect(second.title).toBe('Find people – page 2 – Cohesion Network');
      expect(
        [...second.html.matchAll(/<h3 class="govuk-heading-s[^"]*"><a class="govuk-link" href="\/people\//g)].length,
      ).toBe(2);
      const previous = second.html.match(/govuk-pagination__prev[\s\S]*?href="([^"]+)"/)?.[1]?.replace(/&amp;/g, '&');
      expect(previous).toBe('/people?q=Youth');
    });
  });

  describe('your own profile', () => {
    it('is edited with each contact detail’s visibility beside it, and another member then sees what it allows', async () => {
      const browser = await signedIn(alice);
      const form = await browser.get('/profile/edit');
      expect(form.status).toBe(200);
      expect(form.html).toContain('name="contactVisibility-phone"');
      const fields = formFields(form.html);
      const saved = await browser.post('/profile/edit', { ...fields, 'contactVisibility-phone': 'MEMBERS' }, form);
      expect(saved.status).toBe(303);
      expect(saved.location).toBe(`/people/${alice.globalId}`);
      const own = await browser.get(saved.location as string);
      expect(own.html).toContain('Your profile has been saved.');

      const other = await (await signedIn(bob)).get(`/people/${alice.globalId}`);
      expect(other.html).toContain('0121 496 0001');
      expect(other.html).not.toContain('07700 900001');
    });

    it('names the field that is wrong, and keeps what was typed', async () => {
      const browser = await signedIn(alice);
      const form = await browser.get('/profile/edit');
      const answer = await browser.post(
        '/profile/edit',
        { ...formFields(form.html), fullName: '', 'contact-email': 'not an address' },
        form,
      );
      expect(answer.status).toBe(400);
      expect(answer.title).toBe('Error: Edit your profile – Cohesion Network');
      expect(answer.errorSummary).toEqual([
        'Full name cannot be blank',
        'Contact email address must be an email address',
      ]);
      expect(answer.html).toContain('href="#fullName"');
      expect(answer.html).toContain('href="#contact-email"');
      expect(answer.html).toContain('value="not an address"');
    });

    it('refuses a form opened before another save, saying so and saving nothing', async () => {
      const browser = await signedIn(alice);
      const stale = await browser.get('/profile/edit');
      const fresh = await browser.get('/profile/edit');
      expect(
        (await browser.post('/profile/edit', { ...formFields(fresh.html), jobTitle: 'First save' }, fresh)).status,
      ).toBe(303);
      const answer = await browser.post('/profile/edit', { ...formFields(stale.html), jobTitle: 'Second save' }, stale);
      expect(answer.status).toBe(409);
      expect(textOf(answer.html)).toContain('Your profile has changed since you opened this page');
      expect(answer.html).toContain('value="Second save"');
      const [row] = await t.db.query<{ job_title: string }[]>('SELECT job_title FROM practitioners WHERE id = $1', [
        alice.id,
      ]);
      expect(row.job_title).toBe('First save');
    });

    it('is previewed as a member and as a connection see it, by the same visibility rule', async () => {
      const browser = await signedIn(alice);
      await t.db.query(
        `UPDATE practitioners SET contact_phone_visibility = 'CONNECTIONS', contact_email_visibility = 'MEMBERS' WHERE id = $1`,
        [alice.id],
      );
      const member = await browser.get('/profile/preview?as=member');
      expect(member.status).toBe(200);
      expect(member.title).toBe('Your profile as a member sees it – Cohesion Network');
      expect(member.html).toContain('alice@walsall.example');
      expect(member.html).not.toContain('0121 496 0001');
      expect(member.html).not.toContain('07700 900001');
      const connection = await browser.get('/profile/preview?as=connection');
      expect(connection.title).toBe('Your profile as a connection sees it – Cohesion Network');
      expect(connection.html).toContain('0121 496 0001');
      expect(connection.html).not.toContain('07700 900001');
      expect((await browser.get('/profile/preview?as=admin')).status).toBe(404);
    });
  });

  describe('memberships', () => {
    it('a claim waits for the organisation’s admin, who confirms it; then the person is a verified member', async () => {
      const person = await signedIn(awaiting);
      const page = await person.get('/profile/memberships');
      expect(page.status).toBe(200);
      expect(page.html).toContain('data-autocomplete');
      const claimed = await person.post(
        '/profile/memberships',
        { organisationId: council.globalId, role: 'Youth worker' },
        page,
      );
      expect(claimed.status).toBe(303);
      const after = await person.get('/profile/memberships');
      expect(after.html).toContain('You said you work at Walsall Council. Its admins have been asked to confirm it.');
      expect(textOf(after.html)).toContain('Your membership is waiting for the organisation’s admins to confirm');
      expect((await person.get('/people')).status).toBe(403);

      // Claiming again: said beside the field.
      const again = await person.post('/profile/memberships', { organisationId: council.globalId }, after);
      expect(again.status).toBe(400);
      expect(again.errorSummary).toEqual(['You already have a pending membership of Walsall Council']);

      // Anyone but its admins: the page does not exist.
      expect((await (await signedIn(bob)).get(`/organisations/${council.globalId}/memberships`)).status).toBe(404);

      const orgAdmin = await signedIn(admin);
      const review = await orgAdmin.get(`/organisations/${council.globalId}/memberships`);
      expect(review.status).toBe(200);
      expect(review.title).toBe('Members of Walsall Council – Cohesion Network');
      expect(review.html).toContain('Aaron Awaiting');
      const id = review.html.match(/name="confirm" value="([^"]+)"/)?.[1] as string;
      const none = await orgAdmin.post(
        `/organisations/${council.globalId}/memberships`,
        { decision: 'CONFIRM' },
        review,
      );
      expect(none.status).toBe(400);
      expect(none.errorSummary).toEqual(['Select at least one person']);
      const confirmed = await orgAdmin.post(`/organisations/${council.globalId}/memberships`, { confirm: id }, review);
      expect(confirmed.status).toBe(303);
      expect((await orgAdmin.get(confirmed.location as string)).html).toContain(
        'You confirmed that 1 person work here.',
      );

      const standing = await person.get('/profile/memberships');
      expect(textOf(standing.html)).toContain('You are a verified member');
      expect((await person.get('/people')).status).toBe(200);
    });

    it('confirms or declines several claims at once', async () => {
      const one = await createPractitioner(t, {
        fullName: 'Claim One',
        verifiedMember: false,
        memberships: [{ organisationId: council.id, status: 'PENDING' }],
      });
      const two = await createPractitioner(t, {
        fullName: 'Claim Two',
        verifiedMember: false,
        memberships: [{ organisationId: council.id, status: 'PENDING' }],
      });
      const orgAdmin = await signedIn(admin);
      const review = await orgAdmin.get(`/organisations/${council.globalId}/memberships`);
      const ids = [...review.html.matchAll(/name="ids" type="checkbox" value="([^"]+)"/g)].map((match) => match[1]);
      expect(ids).toHaveLength(2);
      const declined = await orgAdmin.post(
        `/organisations/${council.globalId}/memberships`,
        { ids, decision: 'DECLINE' },
        review,
      );
      expect(declined.status).toBe(303);
      expect((await orgAdmin.get(declined.location as string)).html).toContain('You declined 2 people.');
      const history = await (await signedIn(one)).get('/profile/memberships');
      expect(textOf(history.html)).toContain('Declined');
      void two;
    });

    it('leaving asks first, then ends the membership', async () => {
      const leaver = await createPractitioner(t, {
        fullName: 'Lee Leaver',
        memberships: [{ organisationId: council.id }],
      });
      const browser = await signedIn(leaver);
      const page = await browser.get('/profile/memberships');
      const leave = page.html.match(/href="(\/profile\/memberships\/[^"]+\/leave)"/)?.[1] as string;
      const confirm = await browser.get(leave);
      expect(confirm.status).toBe(200);
      expect(confirm.title).toBe('Leave Walsall Council – Cohesion Network');
      const done = await browser.post(leave, {}, confirm);
      expect(done.status).toBe(303);
      const after = await browser.get('/profile/memberships');
      expect(after.html).toContain('You have left Walsall Council.');
      expect(textOf(after.html)).toContain('Ended');
      // Someone else's membership: not found.
      expect((await (await signedIn(bob)).get(leave)).status).toBe(404);
    });

    it('lets the admins invite by email and withdraw it, and add and remove email domains', async () => {
      const orgAdmin = await signedIn(admin);
      const base = `/organisations/${council.globalId}`;
      let page = await orgAdmin.get(`${base}/memberships`);
      const bad = await orgAdmin.post(`${base}/invitations`, { email: 'nope' }, page);
      expect(bad.status).toBe(400);
      expect(bad.errorSummary).toEqual(['Email address must be an email address']);
      const invited = await orgAdmin.post(
        `${base}/invitations`,
        { email: 'new.person@walsall.example', role: 'Officer' },
        page,
      );
      expect(invited.status).toBe(303);
      page = await orgAdmin.get(invited.location as string);
      expect(page.html).toContain('We have sent an invitation to new.person@walsall.example.');
      const revoke = page.html.match(/action="([^"]+\/invitations\/[^"]+\/revoke)"/)?.[1] as string;
      const revoked = await orgAdmin.post(revoke, {}, page);
      expect(revoked.status).toBe(303);
      page = await orgAdmin.get(revoked.location as string);
      expect(page.html).toContain('The invitation to new.person@walsall.example has been withdrawn.');

      const added = await orgAdmin.post(`${base}/email-domains`, { domain: 'walsall.gov.uk' }, page);
      expect(added.status).toBe(303);
      page = await orgAdmin.get(added.location as string);
      expect(page.html).toContain('walsall.gov.uk has been added. A platform admin will verify it.');
      expect(textOf(page.html)).toContain('Waiting for verification');
      const twice = await orgAdmin.post(`${base}/email-domains`, { domain: 'walsall.gov.uk' }, page);
      expect(twice.status).toBe(400);
      const remove = page.html.match(/action="([^"]+\/email-domains\/[^"]+\/remove)"/)?.[1] as string;
      const removed = await orgAdmin.post(remove, {}, page);
      expect(removed.status).toBe(303);
      expect((await orgAdmin.get(removed.location as string)).html).toContain('walsall.gov.uk has been removed.');
    });

    it('refuses a form without its CSRF token', async () => {
      const orgAdmin = await signedIn(admin);
      const page = await orgAdmin.get(`/organisations/${council.globalId}/memberships`);
      const answer = await orgAdmin.post(
        `/organisations/${council.globalId}/email-domains`,
        { _csrf: null, domain: 'x.example' },
        page,
      );
      expect(answer.status).toBe(403);
    });
  });
});

/** The values a form sends as it stands: text inputs, textareas, ticked boxes and chosen radios. */
function formFields(html: string): Record<string, string | string[]> {
  const form = html.slice(html.indexOf('<form method="post" action="/profile/edit"'));
  const fields: Record<string, string | string[]> = {};
  const add = (name: string, value: string) => {
    const decoded = value
      .replace(/&#39;/g, "'")
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&');
    const existing = fields[name];
    if (existing === undefined) fields[name] = decoded;
    else fields[name] = ([] as string[]).concat(existing, decoded);
  };
  for (const match of form.matchAll(/<input\b([^>]*)>/g)) {
    const attributes = match[1];
    const name = attributes.match(/name="([^"]+)"/)?.[1];
    if (!name || name === '_csrf') continue;
    const value = attributes.match(/value="([^"]*)"/)?.[1] ?? '';
    const type = attributes.match(/type="([^"]+)"/)?.[1] ?? 'text';
    if ((type === 'checkbox' || type === 'radio') && !/\schecked\b/.test(attributes)) continue;
    add(name, value);
  }
  for (const match of form.matchAll(/<textarea\b[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/textarea>/g))
    add(match[1], match[2].trim());
  return fields;
}
