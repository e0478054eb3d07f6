import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { AddressInfo } from 'node:net';
import {
  addLocation,
  createApplication,
  createArea,
  createFund,
  createOrganisation,
  createRound,
  createService,
  createTestApp,
  termId,
  type Created,
  type TestApp,
} from '@cohesion/testing';
import { launchBrowser, type Browser } from '../support/browser.js';

const WALSALL = { latitude: 52.5795, longitude: -1.9779 };

describe.each([
  ['with JavaScript', true],
  ['without JavaScript', false],
])('the public directory %s', (_label, javaScript) => {
  let t: TestApp;
  let browser: Browser;
  let origin: string;
  let walsall: Created;
  let charity: Created;
  let club: Created;

  beforeAll(async () => {
    t = await createTestApp();
    await t.app.listen(0, '127.0.0.1');
    origin = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    walsall = await createArea(t, { name: 'Walsall', code: 'E08000030' });
    const youth = await termId(t, 'cohesion-themes', 'youth');
    charity = await createOrganisation(t, {
      name: 'Birchills Good Neighbours',
      identifiers: ['GB-CHC-1123456'],
      areaIds: [walsall.id],
      town: 'Walsall',
      description: 'Neighbours helping neighbours in Birchills since 1998.',
      website: 'https://neighbours.example.org',
    });
    const network = await createOrganisation(t, { name: 'Walsall Faith Forum', kind: 'NETWORK' });
    await t.db.query(
      `INSERT INTO organisation_partnerships (organisation_id, partner_id, kind, proposed_by_organisation_id, confirmed_at)
       VALUES ($1, $2, 'MEMBER_OF', $1, now())`,
      [charity.id, network.id],
    );
    club = await createService(t, {
      organisationId: charity.id,
      name: 'Tuesday Conversation Club',
      description: 'Practise English conversation over tea with neighbours, old and new. Everyone welcome.',
      minimumAge: 16,
      eligibilityDescription: 'Anyone learning English',
      languages: ['en', 'pa', 'ur'],
      areaIds: [walsall.id],
      termIds: [youth.id],
    });
    await t.db.query(
      `INSERT INTO service_schedules (service_id, freq, byday, opens_at, closes_at)
       VALUES ($1, 'WEEKLY', 'TU', '10:00', '12:00'), ($1, 'MONTHLY', '1MO', '18:00', '19:30')`,
      [club.id],
    );
    await t.db.query('INSERT INTO service_cost_options (service_id, amount_pence) VALUES ($1, 0)', [club.id]);
    await t.db.query(
      `INSERT INTO service_contacts (service_id, name, title, phone) VALUES ($1, 'Asha Patel', 'Volunteer lead', '01922 650000')`,
      [club.id],
    );
    await addLocation(t, club.id, {
      name: 'Birchills Community Centre',
      postcode: 'WS2 8QH',
      town: 'Walsall',
      ...WALSALL,
    });
    for (const name of ['Saturday Youth Football', 'Women’s Conversation Circle', 'Family Cooking Evenings']) {
      const service = await createService(t, {
        organisationId: charity.id,
        name,
        description: `${name}: a friendly group for neighbours in Walsall.`,
        areaIds: [walsall.id],
      });
      await addLocation(t, service.id, { name: 'Church Hall', postcode: 'WS1 1TP', town: 'Walsall', ...WALSALL });
    }
    const council = await createOrganisation(t, { name: 'Walsall Council', kind: 'LOCAL_AUTHORITY' });
    const fund = await createFund(t, { ownerOrganisationId: council.id, name: 'Walsall Cohesion Fund' });
    const round = await createRound(t, { fundId: fund.id });
    await createApplication(t, {
      fundId: fund.id,
      roundId: round.id,
      applicantOrganisationId: charity.id,
      status: 'AWARDED',
    });
    browser = await launchBrowser({ javaScript });
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('searches services with filters, removes one, and shows a field problem beside it', async () => {
    const { page, problems } = await browser.page();
    await page.goto(`${origin}/services`);
    expect(await browser.accessibilityProblems(page)).toEqual([]);

    await page.getByLabel('Search services').fill('conversation');
    if (javaScript) {
      // The autocomplete island: type part of a name and pick it.
      const area = page.locator('input#area');
      await area.fill('Wals');
      await page
        .locator('#area__listbox li', { hasText: /^Walsall/ })
        .first()
        .click();
    } else {
      await page.locator('select#area').selectOption(walsall.globalId);
    }
    await page.getByRole('checkbox', { name: 'Free services only' }).check();
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.getByRole('heading', { name: /services? matching “conversation”/ }).waitFor();
    expect(await page.getByRole('link', { name: 'Tuesday Conversation Club' }).count()).toBe(1);
    expect(await page.locator('.cn-highlight mark').count()).toBeGreaterThan(0);
    expect(await browser.accessibilityProblems(page)).toEqual([]);
    if (javaScript) await browser.screenshot(page, 'web-services-search');

    // Removing the free filter keeps the rest.
    await page.getByRole('link', { name: /Remove this filter\s+Free only/ }).click();
    await page.getByRole('heading', { name: /services? matching “conversation”/ }).waitFor();
    expect(page.url()).not.toContain('free=');
    expect(page.url()).toContain('area=');

    await page.getByLabel('Postcode').fill('not a postcode');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.locator('.govuk-error-summary').waitFor();
    expect(await page.title()).toBe('Error: Find a service – Cohesion Network');
    expect(await browser.accessibilityProblems(page)).toEqual([]);
    await page.locator('.govuk-error-summary a[href="#postcode"]').click();
    expect(await page.locator('#postcode').evaluate((field) => field.ownerDocument.activeElement === field)).toBe(true);
    expect(problems.filter((problem) => !/HTTP 400|status of 400/.test(problem))).toEqual([]);
  });

  it('shows a service and its organisation, and the funding page', async () => {
    const { page, problems } = await browser.page();
    await page.goto(`${origin}/services/${club.globalId}`);
    expect(await page.locator('h1').innerText()).toBe('Tuesday Conversation Club');
    await page.getByText('Tuesdays, 10am to midday').waitFor();
    expect(await browser.accessibilityProblems(page)).toEqual([]);
    if (javaScript) await browser.screenshot(page, 'web-service');

    await page.getByRole('link', { name: 'Birchills Good Neighbours' }).last().click();
    await page.locator('h1', { hasText: 'Birchills Good Neighbours' }).waitFor();
    await page.getByText('Charity Commission for England and Wales: 1123456').waitFor();
    expect(await browser.accessibilityProblems(page)).toEqual([]);
    if (javaScript) await browser.screenshot(page, 'web-organisation');

    await page.goto(`${origin}/organisations`);
    await page.getByRole('link', { name: 'Walsall Faith Forum' }).waitFor();
    expect(await browser.accessibilityProblems(page)).toEqual([]);

    await page.goto(`${origin}/funding`);
    await page
      .getByRole('link', { name: /360Giving JSON/ })
      .first()
      .waitFor();
    expect(await browser.accessibilityProblems(page)).toEqual([]);
    expect(problems).toEqual([]);
  });
});
