import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { NotificationsService } from '@cohesion/notifications';
import {
  connect,
  createAdmin,
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
])('the network picture, notifications and admin pages %s', (_label, javaScript) => {
  let t: TestApp;
  let browser: Browser;
  let origin: string;
  let me: TestPractitioner;
  let friend: TestPractitioner;
  let admin: TestPractitioner;
  let charity: Created;

  beforeAll(async () => {
    t = await createTestApp();
    await t.app.listen(0, '127.0.0.1');
    origin = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    const council = await createOrganisation(t, { name: 'Sandwell Cohesion Team' });
    charity = await createOrganisation(t, { name: 'Tipton Youth Forum' });
    const partner = await createOrganisation(t, { name: 'Black Country Faith Network' });
    await t.db.query(
      `INSERT INTO organisation_partnerships (organisation_id, partner_id, kind, proposed_by_organisation_id, confirmed_at)
       VALUES ($1, $2, 'PARTNERS_WITH', $1, now())`,
      [charity.id, partner.id],
    );
    const at = (organisation: Created) => ({ memberships: [{ organisationId: organisation.id }] });
    me = await createPractitioner(t, { fullName: 'Priya Sharma', jobTitle: 'Cohesion officer', ...at(council) });
    friend = await createPractitioner(t, { fullName: 'Daniel Okafor', ...at(charity) });
    const third = await createPractitioner(t, { fullName: 'Amina Yusuf', ...at(charity) });
    const fourth = await createPractitioner(t, { fullName: 'Tom Hughes', ...at(council) });
    await connect(t, me.id, friend.id);
    await connect(t, me.id, fourth.id);
    await connect(t, friend.id, third.id);
    admin = await createAdmin(t, { fullName: 'Platform Admin' });
    await createOrganisation(t, { name: 'Wednesbury Women’s Group', verified: false, identifiers: ['GB-CHC-1098765'] });
    await t.db.query(
      `INSERT INTO organisation_email_domains (organisation_id, domain) VALUES ($1, 'sandwell.gov.uk')`,
      [council.id],
    );
    const queue = (recipientId: string, subject: string, link?: string) =>
      t.db.transaction((manager) =>
        t.app
          .get(NotificationsService)
          .queue(manager, [
            { recipientId, kind: 'TEST_NOTICE', subject, body: `${subject}. Open it to see more.`, link, about: [] },
          ]),
      );
    await queue(me.id, 'Daniel Okafor accepted: you are now connected', `/people/${friend.globalId}`);
    await queue(me.id, 'Sandwell Cohesion Team confirmed that you work there', '/network');
    const reported = await t.gql(
      `mutation ($input: ReportMisuseInput!) { reportMisuse(input: $input) { received } }`,
      { input: { practitionerId: third.globalId, reason: 'SPAM', details: 'Posting adverts in their profile.' } },
      me.token,
    );
    expect(reported.errors).toBeUndefined();
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

  it('shows the network as lists and a table, and with JavaScript a picture whose nodes open profiles', async () => {
    const { page, problems } = await browser.page();
    await signIn(page, me);
    await page.goto(`${origin}/network?depth=2`);
    expect(await page.title()).toBe('Your network (2 steps) – Cohesion Network');
    expect(await page.locator('#network-people').getByRole('link', { name: 'Daniel Okafor' }).count()).toBe(1);
    expect(await page.locator('#network-links tbody tr').count()).toBeGreaterThan(2);
    const picture = page.locator('.cn-graph');
    if (javaScript) {
      await picture.locator('canvas').first().waitFor();
      expect(await picture.isVisible()).toBe(true);
      expect(await browser.accessibilityProblems(page)).toEqual([]);
      await browser.screenshot(page, 'web-network');
      // Where Cytoscape drew Daniel, on the page.
      await picture.scrollIntoViewIfNeeded();
      // Cytoscape learns where its container is from the scroll event; let it arrive.
      await page.waitForTimeout(300);
      // Run in the page (a string: this project's TypeScript has no DOM types).
      const point = await page.evaluate<{ x: number; y: number }>(`(() => {
        const element = document.querySelector('.cn-graph');
        const box = element.getBoundingClientRect();
        const position = element.cnGraph.nodes('[label = "Daniel Okafor"]')[0].renderedPosition();
        return { x: box.left + position.x, y: box.top + position.y };
      })()`);
      await page.mouse.move(point.x, point.y);
      await page.mouse.click(point.x, point.y);
      await page.waitForURL(`${origin}/people/${friend.globalId}`, { waitUntil: 'commit' });
      // The profile page is another branch's; the address is the point here.
      expect(page.url()).toBe(`${origin}/people/${friend.globalId}`);
    } else {
      expect(await picture.isVisible()).toBe(false);
      expect(await browser.accessibilityProblems(page)).toEqual([]);
    }
    await page.goto(`${origin}/organisations/${charity.globalId}/network`);
    expect(await page.title()).toBe('Network around Tipton Youth Forum – Cohesion Network');
    if (javaScript) await picture.locator('canvas').first().waitFor();
    expect(await browser.accessibilityProblems(page)).toEqual([]);
    // No CSP refusal, no script error; only the profile page (not built on this branch) may be missing.
    // (Every failed request is also listed with its address, so the console's line adds nothing.)
    expect(problems.filter((problem) => !/HTTP 404: .*\/people\/|^console: .*status of 404/.test(problem))).toEqual([]);
  });

  it('lists notifications and marks them read', async () => {
    const { page, problems } = await browser.page();
    await signIn(page, me);
    await page
      .getByRole('link', { name: /Notifications/ })
      .first()
      .click();
    expect(await page.title()).toBe('Notifications – Cohesion Network');
    expect(await page.locator('.govuk-tag', { hasText: 'Unread' }).count()).toBe(2);
    expect(await browser.accessibilityProblems(page)).toEqual([]);
    if (javaScript) await browser.screenshot(page, 'web-notifications');
    await page
      .locator('.cn-notification', { hasText: 'Daniel Okafor accepted' })
      .getByRole('button', { name: /Mark as read/ })
      .click();
    await page.getByText('Notification marked as read.').waitFor();
    expect(await page.locator('.govuk-tag', { hasText: 'Unread' }).count()).toBe(1);
    expect(await browser.accessibilityProblems(page)).toEqual([]);
    await page.getByRole('button', { name: 'Mark all as read' }).click();
    await page.getByText('All your notifications are marked as read.').waitFor();
    expect(await browser.accessibilityProblems(page)).toEqual([]);
    await page.getByRole('link', { name: 'Sandwell Cohesion Team confirmed that you work there' }).click();
    await page.waitForURL(`${origin}/network`);
    expect(problems).toEqual([]);
  });

  it('takes an admin through the queues, a report and an account', async () => {
    const { page, problems } = await browser.page();
    await signIn(page, admin);
    await page.getByRole('link', { name: 'Admin', exact: true }).click();
    expect(await page.title()).toBe('Admin – Cohesion Network');
    expect(await browser.accessibilityProblems(page)).toEqual([]);
    if (javaScript) await browser.screenshot(page, 'web-admin');

    await page.locator('.moj-sub-navigation').getByRole('link', { name: 'Organisations' }).click();
    expect(await page.title()).toBe('Organisations awaiting verification – Cohesion Network');
    expect(await browser.accessibilityProblems(page)).toEqual([]);
    if (javaScript) {
      // MOJ's sortable table turns the headings into buttons.
      await page.locator('#organisations-waiting th button', { hasText: 'Name' }).waitFor();
      await browser.screenshot(page, 'web-admin-organisations');
    }
    await page.getByRole('button', { name: 'Verify Wednesbury Women’s Group' }).click();
    await page.getByText('Wednesbury Women’s Group is verified.').waitFor();
    expect(await browser.accessibilityProblems(page)).toEqual([]);
    await page.getByLabel('Organisation name').fill('Wednesbury');
    await page.getByRole('button', { name: 'Find' }).click();
    await page.getByRole('link', { name: /Withdraw verification/ }).click();
    expect(await page.title()).toBe('Withdraw the verification of Wednesbury Women’s Group – Cohesion Network');
    expect(await browser.accessibilityProblems(page)).toEqual([]);
    await page.getByRole('link', { name: 'Cancel' }).click();

    await page.locator('.moj-sub-navigation').getByRole('link', { name: 'Email domains' }).click();
    expect(await browser.accessibilityProblems(page)).toEqual([]);
    await page.getByRole('button', { name: 'Verify sandwell.gov.uk' }).click();
    await page.getByText('sandwell.gov.uk is verified.').waitFor();
    expect(await browser.accessibilityProblems(page)).toEqual([]);

    await page.locator('.moj-sub-navigation').getByRole('link', { name: 'Misuse reports' }).first().click();
    expect(await browser.accessibilityProblems(page)).toEqual([]);
    await page.getByRole('link', { name: 'Amina Yusuf' }).click();
    expect(await page.title()).toBe('Misuse report about Amina Yusuf – Cohesion Network');
    expect(await browser.accessibilityProblems(page)).toEqual([]);
    await page.getByRole('button', { name: 'Resolve report' }).click();
    await page.locator('.govuk-error-summary').waitFor();
    expect(await page.title()).toBe('Error: Misuse report about Amina Yusuf – Cohesion Network');
    expect(await browser.accessibilityProblems(page)).toEqual([]);
    if (javaScript) await browser.screenshot(page, 'web-admin-report-error');
    await page.getByLabel('Warning given').check();
    await page.getByRole('button', { name: 'Resolve report' }).click();
    await page.getByText('The report about Amina Yusuf is resolved: warning given.').waitFor();
    expect(await browser.accessibilityProblems(page)).toEqual([]);
    await page.getByRole('link', { name: 'Resolved', exact: true }).click();
    expect(await browser.accessibilityProblems(page)).toEqual([]);

    await page.locator('.moj-sub-navigation').getByRole('link', { name: 'Accounts' }).click();
    await page.getByLabel('Email address of the account').fill(friend.email);
    await page.getByRole('button', { name: 'Find account' }).click();
    expect(await browser.accessibilityProblems(page)).toEqual([]);
    await page.getByLabel('Reason').fill('Testing the suspension page');
    await page.getByRole('button', { name: 'Suspend account' }).click();
    await page.locator('.govuk-notification-banner', { hasText: 'is suspended.' }).waitFor();
    expect(await browser.accessibilityProblems(page)).toEqual([]);
    if (javaScript) await browser.screenshot(page, 'web-admin-account');
    await page.getByRole('button', { name: 'Lift suspension' }).click();
    await page.locator('.govuk-notification-banner', { hasText: 'is lifted.' }).waitFor();
    expect(await browser.accessibilityProblems(page)).toEqual([]);
    // Only the report form's 400 is an error answer.
    expect(problems.filter((problem) => !/HTTP 400|status of 400/.test(problem))).toEqual([]);
  });
});
