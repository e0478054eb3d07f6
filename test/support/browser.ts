import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** Where the browser tests leave their screenshots (ignored by git, like the build). */
export const SCREENSHOT_DIR = process.env.BROWSER_SCREENSHOTS ?? join(process.cwd(), 'dist', 'screenshots');

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface Browser {
  /** A new page that records every console error and failed request it meets. */
  page(): Promise<{ page: Page; problems: string[] }>;
  screenshot(page: Page, name: string): Promise<string>;
  /**
   * What axe (WCAG 2.2 AA) finds wrong with the page as it is now. Without JavaScript axe
   * cannot run in the page itself, so it checks the same HTML, with the same stylesheet, in
   * a page of a browser that runs scripts.
   */
  accessibilityProblems(page: Page): Promise<string[]>;
  close(): Promise<void>;
}

function launchContext(profile: string, javaScript: boolean): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 800 },
    javaScriptEnabled: javaScript,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** The machine's Chromium, headless, with a profile of its own that is thrown away on close. */
export async function launchBrowser(options: { javaScript?: boolean } = {}): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'cohesion-browser-'));
  const javaScript = options.javaScript ?? true;
  let context: BrowserContext;
  try {
    context = await launchContext(profile, javaScript);
  } catch (error) {
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
  let inspector: { context: BrowserContext; profile: string } | undefined;
  return {
    async page() {
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(`console: ${message.text()}`);
      });
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()}`));
      page.on('response', (response) => {
        if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
      });
      return { page, problems };
    },
    async screenshot(page, name) {
      mkdirSync(SCREENSHOT_DIR, { recursive: true });
      const path = join(SCREENSHOT_DIR, `${name}.png`);
      await page.screenshot({ path, fullPage: true });
      return path;
    },
    async accessibilityProblems(page) {
      if (javaScript) return accessibilityProblems(page);
      if (!inspector) {
        const inspectorProfile = mkdtempSync(join(tmpdir(), 'cohesion-browser-axe-'));
        inspector = { context: await launchContext(inspectorProfile, true), profile: inspectorProfile };
      }
      // The same HTML at the same address (so its stylesheet loads as it did), in a page that runs scripts.
      const url = page.url();
      const html = await page.content();
      const copy = await inspector.context.newPage();
      try {
        await copy.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: html }));
        await copy.route(/\.js(\?|$)/, (route) => route.abort());
        await copy.goto(url, { waitUntil: 'load' });
        return (await accessibilityProblems(copy)).map((problem) => `${problem} (without JavaScript)`);
      } finally {
        await copy.close();
      }
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
      if (inspector) {
        await inspector.context.close();
        rmSync(inspector.profile, { recursive: true, force: true });
      }
    },
  };
}

/** The WCAG 2.2 AA rules axe checks on every page the browser tests visit. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** What axe finds wrong with the page as it is now: each violation with the elements it is on (none is the aim). */
export async function accessibilityProblems(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  return results.violations.map(
    (violation) =>
      `${page.url()}: ${violation.id} (${violation.impact ?? 'unknown'}): ${violation.help} at ${violation.nodes
        .map((node) => node.target.join(' '))
        .join(', ')}`,
  );
}
