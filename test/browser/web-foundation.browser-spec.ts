import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { AddressInfo } from 'node:net';
import { createPractitioner, createTestApp, type TestApp, type TestPractitioner } from '@cohesion/testing';
import { launchBrowser, type Browser } from '../support/browser.js';

describe.each([
  ['with JavaScript', true],
  ['without JavaScript', false],
])('the website’s shared pages %s', (_label, javaScript) => {
  let t: TestApp;
  let browser: Browser;
  let origin: string;
  let person: TestPractitioner;

  beforeAll(async () => {
    t = await createTestApp();
    await t.app.listen(0, '127.0.0.1');
    origin = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    person = await createPractitioner(t);
    browser = await launchBrowser({ javaScript });
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('shows the home page and signs in from it, with nothing axe can fault', async () => {
    const { page, problems } = await browser.page();
    await page.goto(`${origin}/`);
    expect(await page.title()).toMatch(/– Cohesion Network$/);
    expect(await browser.accessibilityProblems(page)).toEqual([]);
    if (javaScript) await browser.screenshot(page, 'web-home');

    await page.getByRole('link', { name: 'Sign in', exact: true }).first().click();
    await page.getByLabel('Email address').fill(person.email);
    await page.getByLabel('Password', { exact: true }).fill('not the password at all');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('.govuk-error-summary').waitFor();
    expect(await page.title()).toBe('Error: Sign in – Cohesion Network');
    expect(await browser.accessibilityProblems(page)).toEqual([]);
    if (javaScript) {
      // GOV.UK Frontend moves focus to the error summary, so a screen reader announces it.
      expect(await page.locator('.govuk-error-summary:focus').count()).toBe(1);
      await browser.screenshot(page, 'web-sign-in-error');
    }

    await page.getByLabel('Password', { exact: true }).fill(person.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    expect(await browser.accessibilityProblems(page)).toEqual([]);
    // Only the wrong password's 400 page is an error answer.
    expect(problems.filter((problem) => !/HTTP 400|status of 400/.test(problem))).toEqual([]);
  });

  it('answers an unknown address with a page that says so', async () => {
    const { page } = await browser.page();
    const response = await page.goto(`${origin}/no-such-page`);
    expect(response?.status()).toBe(404);
    expect(await page.locator('h1').innerText()).toBe('Page not found');
    expect(await browser.accessibilityProblems(page)).toEqual([]);
  });
});
