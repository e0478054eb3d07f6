import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { toGlobalId } from '@cohesion/common';
import {
  addLocation,
  createApplication,
  createArea,
  createFund,
  createOrganisation,
  createPractitioner,
  createRound,
  createService,
  createTestApp,
  termId,
  webClient,
  type Created,
  type TestApp,
  type TestPractitioner,
} from '@cohesion/testing';

const WALSALL = { latitude: 52.5795, longitude: -1.9779 };

function text(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

describe('the public directory pages', () => {
  let t: TestApp;
  let member: TestPractitioner;
  let walsall: Created;
  let ward: Created;
  let charity: Created;
  let partner: Created;
  let membersOnly: Created;
  let unverified: Created;
  let club: Created;
  let hidden: Created;
  let youth: Created;

  beforeAll(async () => {
    t = await createTestApp();
    member = await createPractitioner(t, { fullName: 'Mina Member' });
    walsall = await createArea(t, { name: 'Walsall', code: 'E08000030' });
    ward = await createArea(t, { kind: 'WARD', name: 'Birchills Leamore', code: 'E05001234', parentId: walsall.id });
    youth = await termId(t, 'cohesion-themes', 'youth');
    charity = await createOrganisation(t, {
      name: 'Birchills Good Neighbours',
      identifiers: ['GB-CHC-1123456'],
      areaIds: [walsall.id],
      town: 'Walsall',
      website: 'https://neighbours.example.org',
      description: 'Neighbours helping neighbours in Birchills.',
    });
    partner = await createOrganisation(t, { name: 'Leamore Youth Network', kind: 'NETWORK' });
    membersOnly = await createOrganisation(t, { name: 'Quiet Refuge Group', visibility: 'MEMBERS' });
    unverified = await createOrganisation(t, { name: 'Brand New Group', verified: false });
    await t.db.query(
      `INSERT INTO organisation_partnerships (organisation_id, partner_id, kind, proposed_by_organisation_id, confirmed_at)
       VALUES ($1, $2, 'MEMBER_OF', $1, now()), ($1, $3, 'PARTNERS_WITH', $1, NULL)`,
      [charity.id, partner.id, unverified.id],
    );
    club = await createService(t, {
      organisationId: charity.id,
      name: 'Tuesday Conversation Club',
      description: 'Practise English conversation over tea <script>alert(1)</script> with neighbours, old and new.',
      minimumAge: 16,
      eligibilityDescription: 'Anyone learning English',
      languages: ['en', 'pa'],
      areaIds: [walsall.id],
      termIds: [youth.id],
    });
    await t.db.query(
      `INSERT INTO service_schedules (service_id, freq, byday, opens_at, closes_at)
       VALUES ($1, 'WEEKLY', 'TU', '10:00', '12:00'), ($1, 'MONTHLY', '1MO', '18:00', '19:30')`,
      [club.id],
    );
    await t.db.query(`INSERT INTO service_cost_options (service_id, amount_pence) VALUES ($1, 0)`, [club.id]);
    await t.db.query(
      `INSERT INTO service_contacts (service_id, name, title, phone) VALUES ($1, 'Asha Patel', 'Volunteer lead', '01922 650000')`,
      [club.id],
    );
    await addLocation(t, club.id, {
      name: 'Birchills Community Centre',
      postcode: 'WS2 8QH',
      town: 'Walsall',
      areaId: ward.id,
      ...WALSALL,
    });
    hidden = await createService(t, {
      organisationId: charity.id,
      name: 'Members Conversation Circle',
      visibility: 'MEMBERS',
    });
    await createService(t, { organisationId: membersOnly.id, name: 'Refuge Conversation Drop-in' });
  });
  afterAll(async () => t?.close());

  describe('/services', () => {
    it('finds services by words, with the count, a safe highlight and matching organisations', async () => {
      const page = await webClient(t).get('/services?q=conversation');
      expect(page.status).toBe(200);
      expect(page.title).toBe('Find a service – Cohesion Network');
      expect(text(page.html)).toContain('1 service matching “conversation”');
      expect(page.html).toContain('Tuesday Conversation Club');
      // Only public services of listed organisations for a visitor.
      expect(page.html).not.toContain('Members Conversation Circle');
      expect(page.html).not.toContain('Refuge Conversation Drop-in');
      // The highlight marks the words; what the listing says is text, never markup.
      expect(page.html).toMatch(/<mark>[Cc]onversation<\/mark>/);
      expect(page.html).not.toContain('<script>alert');
      expect(page.html).toContain(`href="/services/${club.globalId}"`);
      expect(page.html).toContain('Run by');
    });

    it('lists organisations matching the words too', async () => {
      const page = await webClient(t).get('/services?q=neighbours');
      expect(text(page.html)).toContain('1 organisation matching “neighbours”');
      expect(page.html).toContain(`href="/organisations/${charity.globalId}"`);
    });

    it('shows members every service, and never people to anyone', async () => {
      const browser = webClient(t);
      await browser.signIn(member.email, member.password);
      const page = await browser.get('/services?q=conversation');
      expect(page.html).toContain('Members Conversation Circle');
      expect(page.html).toContain('Refuge Conversation Drop-in');
      expect(page.html).not.toContain('Mina Member');
      const anonymous = await webClient(t).get('/services?q=mina');
      expect(anonymous.html).not.toContain('Mina Member');
    });

    it('filters by area (with the places inside it), theme, age, free, day and time, each shown and removable', async () => {
      const browser = webClient(t);
      const query = `area=${walsall.globalId}&theme=${youth.globalId}&age=17&free=yes&day=TU&time=morning`;
      const page = await browser.get(`/services?${query}`);
      expect(page.status).toBe(200);
      expect(page.html).toContain('Tuesday Conversation Club');
      expect(page.html).toContain('Selected filters');
      expect(text(page.html)).toContain('Open to someone aged 17');
      // Each chosen filter links to the same search without it.
      expect(page.html).toContain(
        `href="/services?theme=${encodeURIComponent(youth.globalId)}&amp;age=17&amp;free=yes&amp;day=TU&amp;time=morning"`,
      );
      // Facet counts beside the options the results have.
      expect(page.html).toMatch(/>\s*Walsall \(1\)\s*</);
      expect(page.html).toContain('data-autocomplete');
      for (const miss of ['age=12', 'day=WE', 'time=afternoon']) {
        const none = await browser.get(`/services?area=${walsall.globalId}&${miss}`);
        expect(text(none.html)).toContain('0 services');
        expect(none.html).not.toContain('Tuesday Conversation Club');
      }
      const inWard = await browser.get(`/services?area=${ward.globalId}`);
      expect(inWard.html).toContain('Tuesday Conversation Club');
    });

    it('finds services near a postcode, with the distance, and sorts nearest first', async () => {
      const page = await webClient(t).get('/services?postcode=WS1&distance=5&sort=nearest');
      expect(page.status).toBe(200);
      expect(page.html).toContain('Tuesday Conversation Club');
      expect(text(page.html)).toMatch(/\d+(\.\d)? miles? away/);
      expect(page.html).toContain('Nearest first');
    });

    it('names the field when the postcode or distance is wrong, with status 400 and no error page', async () => {
      const browser = webClient(t);
      const malformed = await browser.get('/services?postcode=not+a+postcode');
      expect(malformed.status).toBe(400);
      expect(malformed.title).toBe('Error: Find a service – Cohesion Network');
      expect(malformed.errorSummary).toEqual([
        'Enter a real postcode, like WS1 1TP, or the first part of one, like WS1',
      ]);
      expect(malformed.html).toContain('href="#postcode"');
      expect(malformed.html).toContain('value="not a postcode"');
      const unknown = await browser.get('/services?postcode=ZE9+9ZZ');
      expect(unknown.status).toBe(400);
      expect(unknown.errorSummary[0]).toContain('We do not know the postcode ZE9 9ZZ');
      const far = await browser.get('/services?postcode=WS1&distance=500');
      expect(far.status).toBe(400);
      expect(far.errorSummary).toEqual(['Distance must be a whole number of miles, from 1 to 60']);
      expect(far.html).toContain('href="#distance"');
      const age = await browser.get('/services?age=old');
      expect(age.status).toBe(400);
      expect(age.html).toContain('href="#age"');
      const area = await browser.get('/services?area=nonsense');
      expect(area.status).toBe(400);
      expect(area.errorSummary).toEqual(['Select an area from the list']);
    });

    it('pages through results with previous and next links', async () => {
      const many = await createOrganisation(t, { name: 'Paging Provider' });
      for (let n = 1; n <= 23; n++) await createService(t, { organisationId: many.id, name: `Pagecheck Session ${n}` });
      const browser = webClient(t);
      const first = await browser.get('/services?q=pagecheck');
      expect(text(first.html)).toContain('23 services');
      expect((first.html.match(/Pagecheck Session/g) ?? []).length).toBe(20);
      const next = first.html.match(/<a[^>]*href="([^"]+)"[^>]*rel="next"/)?.[1];
      expect(next).toBeDefined();
      const second = await browser.get((next as string).replace(/&amp;/g, '&'));
      expect(second.status).toBe(200);
      expect(second.title).toBe('Find a service (page 2) – Cohesion Network');
      expect((second.html.match(/Pagecheck Session/g) ?? []).length).toBe(3);
      expect(second.html).toMatch(/rel="prev"/);
    });

    it('reads a page of 20 results with as many statements as a page of 2', async () => {
      const provider = await createOrganisation(t, { name: 'Counting Provider' });
      for (let n = 1; n <= 20; n++) {
        const service = await createService(t, { organisationId: provider.id, name: `Countcheck Group ${n}` });
        await addLocation(t, service.id, { name: `Hall ${n}`, postcode: 'WS1 1TP', ...WALSALL });
      }
      const few = await createOrganisation(t, { name: 'Few Provider' });
      for (let n = 1; n <= 2; n++) await createService(t, { organisationId: few.id, name: `Fewcheck Group ${n}` });
      const browser = webClient(t);
      await browser.get('/services?q=fewcheck');
      t.resetStatements();
      const small = await browser.get('/services?q=fewcheck');
      const forTwo = t.statements();
      t.resetStatements();
      const large = await browser.get('/services?q=countcheck');
      const forTwenty = t.statements();
      expect((small.html.match(/Fewcheck Group/g) ?? []).length).toBeGreaterThanOrEqual(2);
      expect((large.html.match(/Countcheck Group \d+</g) ?? []).length).toBe(20);
      expect(forTwenty).toBe(forTwo);
    });
  });

  describe('/services/:id', () => {
    it('shows every part of the service in words, with schema.org data', async () => {
      const page = await webClient(t).get(`/services/${club.globalId}`);
      expect(page.status).toBe(200);
      expect(page.title).toBe('Tuesday Conversation Club – Birchills Good Neighbours – Cohesion Network');
      const words = text(page.html);
      expect(words).toContain('Ages 16 and over');
      expect(words).toContain('Anyone learning English');
      expect(words).toContain('Tuesdays, 10am to midday');
      expect(words).toContain('First Monday of the month, 6pm to 7:30pm');
      expect(words).toContain('Birchills Community Centre');
      expect(words).toContain('WS2 8QH');
      expect(words).toContain('Free');
      expect(words).toContain('Asha Patel');
      expect(words).toContain('01922 650000');
      expect(words).toContain('English, Punjabi');
      expect(page.html).toContain(`href="/organisations/${charity.globalId}"`);
      expect(page.html).not.toContain('<script>alert');
      const block = page.html.match(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/)?.[1] ?? '';
      expect(block).not.toContain('<');
      expect(block).toContain('\\u003cscript');
      const data = JSON.parse(block) as Record<string, unknown>;
      expect(data).toMatchObject({
        '@context': 'https://schema.org',
        '@type': 'Service',
        name: 'Tuesday Conversation Club',
        provider: { '@type': 'Organization', name: 'Birchills Good Neighbours' },
        offers: [{ '@type': 'Offer', price: '0.00', priceCurrency: 'GBP' }],
        hoursAvailable: [{ dayOfWeek: ['https://schema.org/Tuesday'], opens: '10:00', closes: '12:00' }],
      });
      // Every other script is a file of this site.
      for (const [, attributes] of page.html.matchAll(/<script\b([^>]*)>/g)) {
        expect(attributes).toMatch(/src="\/assets\/|type="application\/ld\+json"/);
      }
    });

    it('answers 404 for a hidden service, a members-only organisation’s, or a made-up id, to a visitor', async () => {
      const browser = webClient(t);
      const refuge = await t.db.query<{ id: string }[]>(
        `SELECT id FROM services WHERE name = 'Refuge Conversation Drop-in'`,
      );
      for (const path of [
        `/services/${hidden.globalId}`,
        `/services/${toGlobalId('Service', refuge[0].id)}`,
        `/services/${toGlobalId('Service', '00000000-0000-4000-8000-000000000000')}`,
        '/services/not-an-id',
      ]) {
        const page = await browser.get(path);
        expect(page.status).toBe(404);
        expect(page.title).toBe('Page not found – Cohesion Network');
      }
      const signedIn = webClient(t);
      await signedIn.signIn(member.email, member.password);
      expect((await signedIn.get(`/services/${hidden.globalId}`)).status).toBe(200);
    });
  });

  describe('/organisations', () => {
    it('lists and searches organisations a visitor may see', async () => {
      const page = await webClient(t).get('/organisations?q=birchills');
      expect(page.status).toBe(200);
      expect(page.html).toContain('Birchills Good Neighbours');
      const all = await webClient(t).get('/organisations');
      expect(all.html).not.toContain('Quiet Refuge Group');
      expect(all.html).not.toContain('Brand New Group');
      const kind = await webClient(t).get('/organisations?kind=NETWORK');
      expect(kind.html).toContain('Leamore Youth Network');
      expect(kind.html).not.toContain('Birchills Good Neighbours');
      const bad = await webClient(t).get('/organisations?kind=PIRATES');
      expect(bad.status).toBe(400);
      expect(bad.html).toContain('href="#kind"');
    });

    it('shows an organisation: services, areas, confirmed partners, identifiers, verified in words', async () => {
      const page = await webClient(t).get(`/organisations/${charity.globalId}`);
      expect(page.status).toBe(200);
      expect(page.title).toBe('Birchills Good Neighbours – Cohesion Network');
      const words = text(page.html);
      expect(words).toContain('Verified');
      expect(words).toContain('Charity Commission for England and Wales: 1123456');
      expect(words).toContain('Tuesday Conversation Club');
      expect(words).not.toContain('Members Conversation Circle');
      expect(words).toContain('Walsall');
      expect(words).toContain('Leamore Youth Network');
      expect(words).toContain('a network this organisation belongs to');
      // A proposal not yet confirmed is not a partnership.
      expect(words).not.toContain('Brand New Group');
    });

    it('answers 404 for a members-only or unverified organisation to a visitor, not to a member', async () => {
      for (const organisation of [membersOnly, unverified]) {
        const page = await webClient(t).get(`/organisations/${organisation.globalId}`);
        expect(page.status).toBe(404);
      }
      const browser = webClient(t);
      await browser.signIn(member.email, member.password);
      const page = await browser.get(`/organisations/${unverified.globalId}`);
      expect(page.status).toBe(200);
      expect(text(page.html)).toContain('Not verified');
    });
  });

  describe('/funding', () => {
    it('links to each publishing council’s 360Giving data, in words', async () => {
      const council = await createOrganisation(t, { name: 'Walsall Council', kind: 'LOCAL_AUTHORITY' });
      const fund = await createFund(t, {
        ownerOrganisationId: council.id,
        name: 'Walsall Cohesion Fund',
        financialYear: '2026-27',
      });
      const round = await createRound(t, { fundId: fund.id });
      await createApplication(t, {
        fundId: fund.id,
        roundId: round.id,
        applicantOrganisationId: charity.id,
        status: 'AWARDED',
        amountRequestedPence: 150_000,
      });
      const page = await webClient(t).get('/funding');
      expect(page.status).toBe(200);
      expect(page.title).toBe('Funding for community groups – Cohesion Network');
      const words = text(page.html);
      expect(words).toContain('Walsall Council');
      expect(words).toContain('1 grant published');
      expect(words).toContain('Walsall Cohesion Fund');
      expect(words).toContain('£1,500');
      expect(page.html).toContain(`href="/grants/360giving/councils/${council.id}.json"`);
      expect(page.html).toContain(`href="/grants/360giving/funds/${fund.id}.csv"`);
      const file = await t.http().get(`/grants/360giving/councils/${council.id}.json`);
      expect(file.status).toBe(200);
    });
  });
});
