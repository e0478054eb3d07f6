import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { createPractitioner, createTestApp, type TestApp } from '@cohesion/testing';
import { launchBrowser, type Browser } from '../support/browser.js';
import { emailedToken } from '../support/mailbox.js';

const PASSWORD = 'a-newcomer-passphrase-42';

describe.each([
  ['with JavaScript', true],
  ['without JavaScript', false],
])('the account pages %s', (_label, javaScript) => {
  let t: TestApp;
  let browser: Browser;
  let origin: string;

  beforeAll(async () => {
    t = await createTestApp();
    await t.app.listen(0, '127.0.0.1');
    origin = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    browser = await launchBrowser({ javaScript });
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  /** The page as it is now has a title of its own and nothing axe can fault. */
  async function checked(page: Page, title: string): Promise<void> {
    expect(await page.title()).toBe(`${title} – Cohesion Network`);
    expect(await page.locator('h1').count()).toBe(1);
    expect(await browser.accessibilityProblems(page)).toEqual([]);
  }

  it('a newcomer registers, confirms the address by following the emailed link, and signs in', async () => {
    const email = `newcomer.${javaScript ? 'js' : 'nojs'}@example.org`;
    const { page, problems } = await browser.page();
    await page.goto(`${origin}/sign-in`);
    await page.getByRole('link', { name: 'Create an account' }).click();
    await checked(page, 'Create an account');
    if (javaScript) await browser.screenshot(page, 'web-register');

    await page.getByRole('button', { name: 'Create account' }).click();
    await page.locator('.govuk-error-summary').waitFor();
    await checked(page, 'Error: Create an account');
    if (javaScript) expect(await page.locator('.govuk-error-summary:focus').count()).toBe(1);

    await page.getByLabel('Full name').fill('Nadia Hussain');
    await page.getByLabel('Job title (optional)').fill('Community cohesion officer');
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('heading', { name: 'Check your email' }).waitFor();
    await checked(page, 'Check your email');
    expect(await page.locator('.govuk-notification-banner').innerText()).toContain(email);

    const token = await emailedToken(t, email, 'EMAIL_VERIFICATION');
    await page.goto(`${origin}/account/verify-email?token=${encodeURIComponent(token)}`);
    await checked(page, 'Confirm your email address');
    await page.getByRole('button', { name: 'Confirm my email address' }).click();
    await page.getByRole('heading', { name: 'Sign in', exact: true }).waitFor();
    await checked(page, 'Sign in');
    expect(await page.locator('.govuk-notification-banner').innerText()).toContain(`${email} is confirmed`);

    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Sign out', exact: true }).waitFor();
    await page.getByRole('link', { name: 'Your account' }).click();
    await checked(page, 'Your account');
    expect(await page.getByText('Confirmed', { exact: true }).count()).toBe(1);
    if (javaScript) await browser.screenshot(page, 'web-account');

    for (const [link, title] of [
      ['Change your password', 'Change your password'],
      ['Download your data', 'Download your data'],
      ['Delete your account', 'Delete your account'],
    ]) {
      await page.goto(`${origin}/account`);
      await page.getByRole('link', { name: link }).click();
      await checked(page, title);
    }
    await page.goto(`${origin}/account/change-password`);
    await page.getByLabel('Current password').fill('not the password at all');
    await page.getByLabel('New password').fill('another-long-passphrase-8');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.locator('.govuk-error-summary').waitFor();
    await checked(page, 'Error: Change your password');

    await page.goto(`${origin}/invitations/accept?token=an-invitation-token`);
    await checked(page, 'Accept an invitation');
    expect(problems.filter((problem) => !/HTTP 400|status of 400/.test(problem))).toEqual([]);
  });

  it('shows the pages for whoever is not signed in, each with nothing axe can fault', async () => {
    const person = await createPractitioner(t);
    const { page } = await browser.page();
    await page.goto(`${origin}/sign-in`);
    await page.getByRole('link', { name: 'I have forgotten my password' }).click();
    await checked(page, 'Reset your password');
    await page.getByLabel('Email address').fill(person.email);
    await page.getByRole('button', { name: 'Send me a link' }).click();
    await page.getByRole('heading', { name: 'Check your email' }).waitFor();
    await checked(page, 'Check your email for a reset link');

    for (const [path, title] of [
      ['/account/reset-password?token=a-reset-token', 'Choose a new password'],
      ['/account/link-sign-in?token=a-link-token', 'Link your council sign-in to your account'],
      ['/invitations/accept?token=an-invitation-token', 'Accept an invitation'],
      ['/sign-in/council', 'Sign in with your council account'],
      ['/sign-in/council?email=someone%40example.org', 'Sign in with your council account'],
      ['/account/deleted', 'Your account has been deleted'],
    ]) {
      await page.goto(`${origin}${path}`);
      await checked(page, title);
    }
    await page.goto(`${origin}/account/reset-password?token=a-reset-token`);
    await page.getByLabel('New password').fill('another-long-passphrase-8');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByRole('heading', { name: 'This link does not work' }).waitFor();
    await checked(page, 'This link does not work');
    await page.goto(`${origin}/sign-in/council/finish`);
    await checked(page, 'You could not be signed in');
  });
});
