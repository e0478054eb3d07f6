import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { AddressInfo } from 'node:net';
import { DemoDataService } from '../../apps/api/src/demo/demo-data.service.js';
import { createTestApp, type TestApp } from '@cohesion/testing';
import { launchBrowser, type Browser } from '../support/browser.js';

/**
 * WCAG 1.4.10 Reflow: at 320 CSS pixels wide (a phone, or a 1280 px window zoomed to 400%)
 * and at 640 (200% zoom) no page scrolls sideways, and the menu is still reachable.
 */
describe('the main pages at 320 and 640 pixels wide', () => {
  let t: TestApp;
  let browser: Browser;
  let origin: string;

  beforeAll(async () => {
    t = await createTestApp();
    await t.app.get(DemoDataService).seed();
    await t.app.listen(0, '127.0.0.1');
    origin = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    browser = await launchBrowser();
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('never scroll sideways, signed out or signed in', async () => {
    const { page, problems } = await browser.page();
    const pages = ['/', '/services?q=youth', '/organisations', '/sign-in', '/register'];
    const memberPages = [
      '/people?q=hate+crime',
      '/introductions',
      '/network',
      '/notifications',
      '/account',
      '/profile/edit',
    ];
    const overflow: string[] = [];
    const check = async (path: string) => {
      for (const width of [320, 640]) {
        await page.setViewportSize({ width, height: 800 });
        await page.goto(`${origin}${path}`);
        const scrollWidth = await page.evaluate<number>('document.documentElement.scrollWidth');
        if (scrollWidth > width) overflow.push(`${path} at ${width}px is ${scrollWidth}px wide`);
        if (width === 320 && path === '/services?q=youth') await browser.screenshot(page, 'web-services-320');
      }
    };
    for (const path of pages) await check(path);
    // The first search result's page too.
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${origin}/services?q=youth`);
    const service = await page.locator('a[href^="/services/"]').first().getAttribute('href');
    if (service) await check(service);

    await page.setViewportSize({ width: 320, height: 800 });
    await page.goto(`${origin}/sign-in`);
    // At 320 px GOV.UK's service navigation folds into a "Menu" button (with JavaScript).
    await page.getByLabel('Email address').fill('member@demo.cohesion.example');
    await page.getByLabel('Password', { exact: true }).fill('cohesion-demo-2026');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${origin}/`);
    const menu = page.getByRole('button', { name: 'Menu' });
    await menu.click();
    await page.getByRole('link', { name: 'People' }).waitFor();
    for (const path of memberPages) await check(path);

    expect(overflow).toEqual([]);
    expect(problems).toEqual([]);
  });
});
