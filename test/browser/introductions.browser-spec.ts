import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import {
  connect,
  createOrganisation,
  createPractitioner,
  createTestApp,
  type TestApp,
  type TestPractitioner,
} from '@cohesion/testing';
import { launchBrowser, type Browser } from '../support/browser.js';

const MESSAGE = 'We both run youth forums in Walsall; could we compare notes on what works?';

describe.each([
  ['with JavaScript', true],
  ['without JavaScript', false],
])('the introduction pages %s', (_label, javaScript) => {
  let t: TestApp;
  let browser: Browser;
  let origin: string;
  const people: Record<string, TestPractitioner & { fullName: string }> = {};

  beforeAll(async () => {
    t = await createTestApp();
    await t.app.listen(0, '127.0.0.1');
    origin = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    const employer = await createOrganisation(t, { name: 'Walsall Council Cohesion Team' });
    for (const [key, fullName, jobTitle] of [
      ['requester', 'Amira Khan', 'Community Cohesion Officer'],
      ['broker', 'Ben Okafor', 'Youth Worker'],
      ['target', 'Chloe Evans', 'Neighbourhood Inspector'],
      ['other', 'Dev Patel', 'Housing Officer'],
    ] as const) {
      people[key] = {
        ...(await createPractitioner(t, {
          fullName,
          jobTitle,
          memberships: [{ organisationId: employer.id, role: jobTitle }],
        })),
        fullName,
      };
    }
    await connect(t, people.requester.id, people.broker.id);
    await connect(t, people.broker.id, people.target.id);
    browser = await launchBrowser({ javaScript });
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function signIn(page: Page, who: TestPractitioner, next: string): Promise<void> {
    await page.context().clearCookies();
    await page.goto(`${origin}/sign-in?next=${encodeURIComponent(next)}`);
    await page.getByLabel('Email address').fill(who.email);
    await page.getByLabel('Password', { exact: true }).fill(who.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${origin}${next}`);
  }

  async function checked(page: Page, title: RegExp | string): Promise<void> {
    await page.locator('h1').first().waitFor();
    if (typeof title === 'string') expect(await page.title()).toBe(`${title} – Cohesion Network`);
    else expect(await page.title()).toMatch(title);
    expect(await browser.accessibilityProblems(page)).toEqual([]);
  }

  it('asks through a mutual connection, who passes it on, and the other accepts', async () => {
    const { requester, broker, target, other } = people;
    const { page, problems } = await browser.page();

    await signIn(page, requester, '/suggestions');
    await checked(page, 'People you might want to know');
    await page.getByRole('link', { name: `Ask to connect with ${target.fullName}` }).click();
    await checked(page, `Ask to connect with ${target.fullName}`);
    if (javaScript) await browser.screenshot(page, 'web-introduction-new');

    await page.getByLabel(`Ask ${broker.fullName} to introduce you`).check();
    await page.getByLabel('Your message').fill('Hello');
    await page.getByRole('button', { name: 'Send request' }).click();
    await page.locator('.govuk-error-summary').waitFor();
    await checked(page, `Error: Ask to connect with ${target.fullName}`);
    await page.getByLabel('Your message').fill(MESSAGE);
    await page.getByRole('button', { name: 'Send request' }).click();
    await page.getByText(`Your request was sent to ${broker.fullName}`).waitFor();
    await checked(page, `Your request to connect with ${target.fullName}`);
    const introduction = new URL(page.url()).pathname;

    // A direct request to someone else, and the page to withdraw it.
    await page.goto(`${origin}/introductions/new?to=${other.globalId}`);
    await checked(page, `Ask to connect with ${other.fullName}`);
    await page.getByLabel('We have worked together').check();
    await page.getByLabel('Your message').fill(MESSAGE);
    await page.getByRole('button', { name: 'Send request' }).click();
    await page.getByRole('link', { name: 'Withdraw this request' }).click();
    await checked(page, `Withdraw your request to connect with ${other.fullName}`);
    await page.getByRole('button', { name: 'Withdraw request' }).click();
    await page.getByText('You withdrew your request.').waitFor();
    await checked(page, `Your request to connect with ${other.fullName}`);

    await page.goto(`${origin}/introductions?box=sent`);
    await checked(page, 'Introductions: sent');
    if (javaScript) await browser.screenshot(page, 'web-introductions-inbox');

    await signIn(page, broker, '/introductions?box=to-pass-on');
    await checked(page, 'Introductions: to pass on');
    await page.getByRole('link', { name: `${requester.fullName} to ${target.fullName}` }).click();
    await checked(page, `${requester.fullName} asks you to introduce them to ${target.fullName}`);
    await page.getByLabel(`A note for ${target.fullName}`).fill('You two should talk.');
    await page.getByRole('button', { name: `Pass it on to ${target.fullName}` }).click();
    await page.getByText(`You passed the request on to ${target.fullName}.`).waitFor();
    await checked(page, `${requester.fullName} asks you to introduce them to ${target.fullName}`);

    await signIn(page, target, '/introductions');
    await checked(page, 'Introductions: received');
    await page.getByRole('link', { name: `From ${requester.fullName}` }).click();
    await checked(page, `${requester.fullName} would like to connect with you`);
    if (javaScript) await browser.screenshot(page, 'web-introduction');
    await page.getByLabel('A note, or your reason if you decline').fill('Happy to talk.');
    await page.getByRole('button', { name: 'Accept and connect' }).click();
    await page.getByText(`You are now connected with ${requester.fullName}.`).waitFor();
    await checked(page, `${requester.fullName} would like to connect with you`);
    expect(page.url()).toBe(`${origin}${introduction}`);

    await page.goto(`${origin}/connections`);
    await checked(page, 'Your connections');
    await page.getByRole('link', { name: `Remove ${requester.fullName}` }).click();
    await checked(page, `Remove ${requester.fullName} from your connections`);
    if (javaScript) await browser.screenshot(page, 'web-connection-remove');
    await page.getByRole('link', { name: 'Cancel' }).click();
    await checked(page, 'Your connections');

    expect(problems.filter((problem) => !/HTTP 400|status of 400/.test(problem))).toEqual([]);
  });

  it('blocks someone after saying what blocking does, lists and unblocks them, and reports a profile', async () => {
    const { requester, other } = people;
    const { page, problems } = await browser.page();
    await signIn(page, requester, `/blocks/new?person=${other.globalId}`);
    await checked(page, `Block ${other.fullName}`);
    await page.getByRole('button', { name: `Block ${other.fullName}` }).click();
    await page.getByText(`You blocked ${other.fullName}.`).waitFor();
    await checked(page, 'People you blocked');
    if (javaScript) await browser.screenshot(page, 'web-blocks');
    await page.getByRole('button', { name: `Unblock ${other.fullName}` }).click();
    await page.getByText(`You unblocked ${other.fullName}.`).waitFor();
    await checked(page, 'People you blocked');

    await page.goto(`${origin}/reports/new?person=${other.globalId}`);
    await checked(page, `Report the profile of ${other.fullName}`);
    await page.getByLabel('Something else').check();
    await page.getByRole('button', { name: 'Send report' }).click();
    await page.locator('.govuk-error-summary').waitFor();
    await checked(page, `Error: Report the profile of ${other.fullName}`);
    await page.getByLabel('What happened').fill('Keeps sending the same advert to everyone in my team.');
    await page.getByRole('button', { name: 'Send report' }).click();
    await checked(page, 'Report sent');

    expect(problems.filter((problem) => !/HTTP 400|status of 400/.test(problem))).toEqual([]);
  });
});
