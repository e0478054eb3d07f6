import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DemoDataService } from '../../apps/api/src/demo/demo-data.service.js';
import { createTestApp, webClient, type TestApp, type WebClient, type WebPage } from '@cohesion/testing';

const DEMO_PASSWORD = 'cohesion-demo-2026';

/** The first link on `page` to a path starting `prefix` followed by an id, e.g. `/services/U2Vy...`. */
function linkTo(page: WebPage, prefix: string): string {
  const match = page.html.match(new RegExp(`href="(${prefix}/[A-Za-z0-9_-]{20,})"`));
  if (!match) throw new Error(`No link to ${prefix}/<id> on the page`);
  return match[1];
}

/**
 * Every kind of page, visited as the people who use it, on the demo data: each is served
 * with the security headers, carries no inline script or style, and has the structure every
 * page must have (a unique title, one h1, a skip link to the main content, the layout).
 */
describe('every page of the website', () => {
  let t: TestApp;
  const visited = new Map<string, WebPage>();

  beforeAll(async () => {
    t = await createTestApp();
    await t.app.get(DemoDataService).seed();
  }, 240_000);
  afterAll(async () => t?.close());

  async function sweep(browser: WebClient, paths: string[]): Promise<void> {
    for (const path of paths) {
      const page = await browser.get(path);
      expect([path, page.status]).toEqual([path, 200]);
      visited.set(path, page);
    }
  }

  it('is served to visitors, members and admins alike with its safety and structure', async () => {
    const visitor = webClient(t);
    const search = await visitor.get('/services?q=youth');
    const organisations = await visitor.get('/organisations');
    await sweep(visitor, [
      '/',
      '/accessibility',
      '/services',
      '/services?q=youth',
      linkTo(search, '/services'),
      '/organisations',
      linkTo(organisations, '/organisations'),
      '/funding',
      '/sign-in',
      '/register',
      '/account/forgot-password',
      '/sign-in/council',
    ]);

    const member = webClient(t);
    expect((await member.signIn('member@demo.cohesion.example', DEMO_PASSWORD)).status).toBe(303);
    const people = await member.get('/people?q=hate+crime');
    const inbox = await member.get('/introductions');
    await sweep(member, [
      '/people',
      '/people?q=hate+crime',
      linkTo(people, '/people'),
      '/introductions',
      '/introductions?box=sent',
      linkTo(inbox, '/introductions'),
      '/connections',
      '/blocks',
      '/suggestions',
      '/network',
      '/network?depth=2',
      '/notifications',
      '/account',
      '/account/change-password',
      '/account/download',
      '/account/delete',
      '/profile/edit',
      '/profile/preview?as=member',
      '/profile/memberships',
    ]);

    const admin = webClient(t);
    expect((await admin.signIn('admin@demo.cohesion.example', DEMO_PASSWORD)).status).toBe(303);
    await sweep(admin, ['/admin']);

    const titles = new Map<string, string>();
    for (const [path, page] of visited) {
      const csp = page.headers['content-security-policy'] ?? '';
      expect([path, csp]).toEqual([path, expect.stringContaining("script-src 'self'")]);
      expect([path, csp]).toEqual([path, expect.stringContaining("frame-ancestors 'none'")]);
      expect([path, csp.includes('unsafe-inline') || csp.includes('unsafe-eval')]).toEqual([path, false]);
      expect([path, page.headers['x-frame-options']]).toEqual([path, 'DENY']);
      expect([path, page.headers['cache-control']]).toEqual([path, 'no-store']);
      // Scripts only from this site; the only inline <script> elements are data blocks, never run.
      for (const [, attributes, body] of page.html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
        const isData = /type="application\/(ld\+)?json"/.test(attributes);
        expect([path, isData || (/src="\/assets\//.test(attributes) && body.trim() === '')]).toEqual([path, true]);
      }
      expect([path, /\sstyle=|<style\b|\son[a-z]+=/i.test(page.html)]).toEqual([path, false]);
      expect([path, (page.html.match(/<h1\b/g) ?? []).length]).toEqual([path, 1]);
      expect([path, page.html.includes('href="#main-content"') && page.html.includes('id="main-content"')]).toEqual([
        path,
        true,
      ]);
      expect([path, page.html.includes('<html lang="en-GB"')]).toEqual([path, true]);
      const title = page.title ?? '';
      expect([path, title]).toEqual([path, expect.stringMatching(/^.+ – Cohesion Network$/)]);
      // The same page with other filters or another box may share a title; different pages may not.
      const base = path.split('?')[0].replace(/\/[A-Za-z0-9_-]{20,}$/, '/:id');
      const earlier = titles.get(title);
      expect([path, earlier === undefined || earlier === base]).toEqual([path, true]);
      titles.set(title, base);
    }
    expect(visited.size).toBeGreaterThanOrEqual(30);
  });
});
