import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { AddressInfo } from 'node:net';
import { createTestApp, type TestApp } from '@cohesion/testing';
import { launchBrowser, type Browser } from '../support/browser.js';

describe('GraphiQL in a browser, with nothing from another host', () => {
  let t: TestApp;
  let browser: Browser;
  let origin: string;
  const elsewhere: string[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    await t.app.listen(0, '127.0.0.1');
    origin = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('opens the editor, runs a query and shows its answer', async () => {
    const { page, problems } = await browser.page();
    // Anything asked of another host fails here, as it would on a closed council network.
    await page.route(/^(?!http:\/\/127\.0\.0\.1:)/, async (route) => {
      elsewhere.push(route.request().url());
      await route.abort();
    });
    await page.goto(`${origin}/graphql`);
    const editor = page.locator('.graphiql-query-editor .CodeMirror');
    await editor.waitFor({ state: 'visible', timeout: 30_000 });

    await editor.click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.insertText('{ areas(first: 1) { totalCount } }');
    await page.locator('.graphiql-execute-button').click();
    const result = page.locator('.result-window');
    await result.filter({ hasText: 'totalCount' }).waitFor({ timeout: 30_000 });

    const answer = (await result.innerText()).replace(/\s+/g, '');
    expect(answer).toMatch(/"data":\{"areas":\{"totalCount":\d+\}\}/);
    await browser.screenshot(page, 'graphiql');
    expect(problems).toEqual([]);
    expect(elsewhere).toEqual([]);
  });
});
