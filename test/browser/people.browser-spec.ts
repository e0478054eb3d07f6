import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import {
  connect,
  createArea,
  createOrganisation,
  createPractitioner,
  createTestApp,
  termId,
  type Created,
  type TestApp,
  type TestPractitioner,
} from '@cohesion/testing';
import { launchBrowser, type Browser } from '../support/browser.js';

describe.each([
  ['with JavaScript', true],
  ['without JavaScript', false],
])('the people pages %s', (_label, javaScript) => {
  let t: TestApp;
  let browser: Browser;
  let origin: string;
  let council: Created;
  let alice: TestPractitioner;
  let bob: TestPractitioner;
  let admin: TestPractitioner;
  let awaiting: TestPractitioner;

  beforeAll(async () => {
    t = await createTestApp();
    await t.app.listen(0, '127.0.0.1');
    origin = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    const walsall = await createArea(t, { name: 'Walsall' });
    const hateCrime = await termId(t, 'cohesion-themes', 'hate-crime');
    const youth = await termId(t, 'cohesion-themes', 'youth');
    council = await createOrganisation(t, {
      name: 'Walsall Council',
      kind: 'LOCAL_AUTHORITY',
      visibility: 'PUBLIC',
      areaIds: [walsall.id],
    });
    alice = await createPractitioner(t, {
      fullName: 'Alice Ashdown',
      jobTitle: 'Cohesion officer',
      bio: 'Works with faith groups on tension monitoring across the borough.',
      languages: ['en', 'ur', 'pa'],
      themeIds: [hateCrime.id, youth.id],
      areaIds: [walsall.id],
      memberships: [{ organisationId: council.id, role: 'Cohesion lead' }],
      contactEmail: 'alice@walsall.example',
      contactEmailVisibility: 'MEMBERS',
      contactPhone: '0121 496 0001',
      contactPhoneVisibility: 'CONNECTIONS',
      website: 'https://alice.example.org',
      websiteVisibility: 'PUBLIC',
    });
    bob = await createPractitioner(t, { fullName: 'Bob Bramley', jobTitle: 'Housing officer' });
    const carol = await createPractitioner(t, {
      fullName: 'Carol Cradley',
      jobTitle: 'Youth worker',
      themeIds: [youth.id],
    });
    await connect(t, alice.id, carol.id);
    await connect(t, bob.id, carol.id);
    admin = await createPractitioner(t, {
      fullName: 'Olive Orgadmin',
      roles: [{ role: 'ORG_ADMIN', organisationId: council.id }],
      memberships: [{ organisationId: council.id }],
    });
    awaiting = await createPractitioner(t, { fullName: 'Aaron Awaiting', verifiedMember: false });
    await createPractitioner(t, {
      fullName: 'Priya Pending',
      verifiedMember: false,
      memberships: [{ organisationId: council.id, status: 'PENDING', role: 'Community worker' }],
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

  async function check(page: Page, title: string, screenshot?: string): Promise<void> {
    expect(await page.title()).toBe(`${title} – Cohesion Network`);
    expect(await page.locator('h1').count()).toBe(1);
    expect(await browser.accessibilityProblems(page)).toEqual([]);
    if (screenshot && javaScript) await browser.screenshot(page, screenshot);
  }

  it('finds people with the filter panel, and shows a profile with how you are connected', async () => {
    const { page, problems } = await browser.page();
    await signIn(page, bob);
    await page.goto(`${origin}/people`);
    await check(page, 'Find people');
    await page.getByLabel('Search by name, job or what they work on').fill('tension');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByText('1 person found').waitFor();
    await page.getByRole('checkbox', { name: /Hate crime \(1\)/ }).check();
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.getByRole('link', { name: /Remove this filter Hate crime/ }).waitFor();
    await check(page, 'Find people', 'web-people-search');

    await page.getByRole('link', { name: 'Alice Ashdown' }).click();
    await check(page, 'Alice Ashdown', 'web-profile');
    expect(await page.locator('#how-connected').innerText()).toContain('Carol Cradley');
    expect(await page.locator('#contact-details').innerText()).toContain('alice@walsall.example');
    expect(await page.locator('#contact-details').innerText()).not.toContain('0121 496 0001');
    expect(await page.getByRole('button', { name: 'Ask for an introduction' }).getAttribute('href')).toBe(
      `/introductions/new?to=${alice.globalId}`,
    );
    expect(problems).toEqual([]);
  });

  it('edits your profile with each contact detail’s visibility, and previews it', async () => {
    const { page, problems } = await browser.page();
    await signIn(page, alice);
    await page.goto(`${origin}/profile/edit`);
    await check(page, 'Edit your profile', 'web-profile-edit');
    await page.getByLabel('Full name').fill('');
    await page.getByRole('button', { name: 'Save your profile' }).click();
    await page.locator('.govuk-error-summary').waitFor();
    await check(page, 'Error: Edit your profile');
    await page.getByLabel('Full name').fill('Alice Ashdown');
    await page.getByRole('group', { name: 'Who can see your phone number?' }).getByLabel('Verified members').check();
    await page.getByRole('button', { name: 'Save your profile' }).click();
    await page.getByText('Your profile has been saved.').waitFor();
    await check(page, 'Alice Ashdown');

    await page.goto(`${origin}/profile/preview?as=member`);
    await check(page, 'Your profile as a member sees it');
    expect(await page.locator('#contact-details').innerText()).toContain('0121 496 0001');
    await page.goto(`${origin}/profile/preview?as=connection`);
    await check(page, 'Your profile as a connection sees it');
    expect(problems.filter((problem) => !/HTTP 400|status of 400/.test(problem))).toEqual([]);
  });

  it('says where you stand, lets you claim a membership, and lets the admins confirm it', async () => {
    const { page, problems } = await browser.page();
    await signIn(page, awaiting);
    await page.goto(`${origin}/people`);
    await check(page, 'You cannot see people yet');
    await page.goto(`${origin}/profile/memberships`);
    await check(page, 'Where you work');
    if (javaScript) {
      // The accessible autocomplete stands in for the select.
      await page.locator('#organisationId').fill('Walsall');
      await page.getByRole('option', { name: 'Walsall Council' }).click();
    } else {
      await page.getByLabel('Organisation').selectOption({ label: 'Walsall Council' });
    }
    await page.getByRole('button', { name: 'Say you work here' }).click();
    await page.getByText('Its admins have been asked to confirm it.').waitFor();
    await check(page, 'Where you work');
    await page.getByRole('link', { name: /Withdraw claim to Walsall Council/ }).click();
    await check(page, 'Withdraw your claim to work at Walsall Council');

    const admins = await browser.page();
    await admins.page.context().clearCookies();
    await signIn(admins.page, admin);
    await admins.page.goto(`${origin}/organisations/${council.globalId}/memberships`);
    await check(admins.page, 'Members of Walsall Council');
    await admins.page.getByRole('checkbox', { name: 'Select Priya Pending' }).check();
    await admins.page.getByRole('checkbox', { name: 'Select Aaron Awaiting' }).check();
    await admins.page.getByRole('button', { name: 'Confirm selected' }).click();
    await admins.page.getByText('You confirmed that 2 people work here.').waitFor();
    await check(admins.page, 'Members of Walsall Council');
    expect([...problems, ...admins.problems].filter((problem) => !/HTTP 403|status of 403/.test(problem))).toEqual([]);
  });
});
