import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import {
  createOrganisation,
  createPractitioner,
  createTestApp,
  type Created,
  type TestApp,
  type TestPractitioner,
} from '@cohesion/testing';
import { launchBrowser, type Browser } from '../support/browser.js';

describe.each([
  ['with JavaScript', true],
  ['without JavaScript', false],
])('the partnerships page %s', (_label, javaScript) => {
  let t: TestApp;
  let browser: Browser;
  let origin: string;
  let council: Created;
  let forum: Created;
  let councilAdmin: TestPractitioner;
  let forumAdmin: TestPractitioner;

  beforeAll(async () => {
    t = await createTestApp();
    await t.app.listen(0, '127.0.0.1');
    origin = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    council = await createOrganisation(t, { name: 'Sandwell Council', kind: 'LOCAL_AUTHORITY', visibility: 'PUBLIC' });
    forum = await createOrganisation(t, { name: 'Tipton Youth Forum', visibility: 'PUBLIC' });
    const network = await createOrganisation(t, { name: 'Black Country Faith Network', kind: 'NETWORK' });
    await t.db.query(
      `INSERT INTO organisation_partnerships (organisation_id, partner_id, kind, proposed_by_organisation_id, confirmed_at)
       VALUES ($1, $2, 'MEMBER_OF', $1, now())`,
      [council.id, network.id],
    );
    councilAdmin = await createPractitioner(t, {
      fullName: 'Priya Sharma',
      roles: [{ role: 'ORG_ADMIN', organisationId: council.id }],
    });
    forumAdmin = await createPractitioner(t, {
      fullName: 'Daniel Okafor',
      roles: [{ role: 'ORG_ADMIN', organisationId: forum.id }],
    });
    browser = await launchBrowser({ javaScript });
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function signIn(page: Page, person: TestPractitioner): Promise<void> {
    await page.goto(`${origin}/sign-in`);
    await page.getByLabel('Email address').fill(person.email);
    await page.getByLabel('Password', { exact: true }).fill(person.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
  }

  async function check(page: Page, title: string): Promise<void> {
    expect(await page.title()).toBe(`${title} – Cohesion Network`);
    expect(await browser.accessibilityProblems(page)).toEqual([]);
  }

  it('proposes a partnership, which the other organisation’s admin confirms and then ends', async () => {
    const { page, problems } = await browser.page();
    await signIn(page, councilAdmin);
    await page.goto(`${origin}/organisations/${council.globalId}`);
    await page.getByRole('link', { name: 'Manage partnerships' }).click();
    await check(page, 'Partnerships of Sandwell Council');

    // Nothing chosen: the error summary and the fields say so.
    await page.getByRole('button', { name: 'Propose partnership' }).click();
    await check(page, 'Error: Partnerships of Sandwell Council');
    if (javaScript) {
      // The accessible autocomplete stands in for the select.
      await page.locator('#partnerId').fill('Tipton');
      await page.getByRole('option', { name: 'Tipton Youth Forum' }).click();
    } else {
      await page.getByLabel('Organisation').selectOption({ label: 'Tipton Youth Forum' });
    }
    await page.getByLabel('We work in partnership').check();
    await page.getByRole('button', { name: 'Propose partnership' }).click();
    await page.getByText('We have asked Tipton Youth Forum’s admins to confirm the partnership.').waitFor();
    await check(page, 'Partnerships of Sandwell Council');
    if (javaScript) await browser.screenshot(page, 'web-partnerships');

    const other = await browser.page();
    await signIn(other.page, forumAdmin);
    await other.page.goto(`${origin}/organisations/${forum.globalId}/partnerships`);
    await check(other.page, 'Partnerships of Tipton Youth Forum');
    if (javaScript) await browser.screenshot(other.page, 'web-partnerships-waiting');
    await other.page.getByRole('button', { name: 'Confirm the partnership with Sandwell Council' }).click();
    await other.page.getByText('You confirmed the partnership with Sandwell Council.').waitFor();
    await check(other.page, 'Partnerships of Tipton Youth Forum');

    await other.page.getByRole('link', { name: 'End the partnership with Sandwell Council' }).click();
    await check(other.page, 'End the partnership with Sandwell Council');
    if (javaScript) await browser.screenshot(other.page, 'web-partnership-end');
    await other.page.getByRole('button', { name: 'End partnership' }).click();
    await other.page.getByText('The partnership with Sandwell Council has ended.').waitFor();
    await check(other.page, 'Partnerships of Tipton Youth Forum');

    // Only the form sent empty on purpose answered 400.
    const expected = /HTTP 400: .*\/partnerships$|^console: .*status of 400/;
    expect(problems.filter((problem) => !expected.test(problem))).toEqual([]);
    expect(problems.filter((problem) => expected.test(problem))).toHaveLength(2);
    expect(other.problems).toEqual([]);
  });
});
