import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestApp, type TestApp } from '@cohesion/testing';

const CONTENT_TYPES: Record<string, RegExp> = {
  js: /^text\/javascript; charset=utf-8$/,
  css: /^text\/css; charset=utf-8$/,
};

/** Every address an HTML page or a stylesheet refers to. */
function referencesIn(html: string): string[] {
  return [...html.matchAll(/\s(?:src|href)\s*=\s*"([^"]*)"/gi)].map((match) => match[1]);
}

const sameOrigin = (url: string) => url.startsWith('/') && !url.startsWith('//');

describe('GraphiQL at /graphql, served from this server', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  async function page(): Promise<{ html: string; csp: string }> {
    const response = await t.http().get('/graphql').set('accept', 'text/html');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    return { html: response.text, csp: String(response.headers['content-security-policy']) };
  }

  it('loads only same-origin files, runs no inline script, under a strict policy', async () => {
    const { html, csp } = await page();
    const references = referencesIn(html);
    expect(references.length).toBeGreaterThanOrEqual(4);
    expect(references.filter((url) => !sameOrigin(url))).toEqual([]);
    expect(html).not.toMatch(/https?:\/\//);
    // Every script is a file; none carries code in the page.
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThanOrEqual(3);
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/\ssrc="\//);
      expect(body.trim()).toBe('');
    }
    expect(html).not.toMatch(/<style\b|\sstyle=|\son[a-z]+=/i);

    const policy = new Map(
      csp.split(';').map((part) => {
        const [name, ...values] = part.trim().split(/\s+/);
        return [name, values] as const;
      }),
    );
    expect(policy.get('default-src')).toEqual(["'none'"]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('connect-src')).toEqual(["'self'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    for (const values of policy.values()) {
      for (const source of values) expect(source).toMatch(/^('self'|'none'|'unsafe-inline'|data:)$/);
    }
  });

  it('answers every file the page loads with 200 and its content type, and refers to nothing elsewhere', async () => {
    const { html } = await page();
    for (const url of referencesIn(html)) {
      const response = await t.http().get(url).buffer(true);
      expect({ url, status: response.status }).toEqual({ url, status: 200 });
      const extension = url.split('.').pop() as string;
      expect(response.headers['content-type']).toMatch(CONTENT_TYPES[extension]);
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      const body = Buffer.isBuffer(response.body) ? response.body.toString('utf8') : response.text;
      expect(body.length).toBeGreaterThan(0);
      if (extension === 'css') {
        // Fonts and icons are inside the stylesheet; nothing is fetched from another host.
        const urls = [...body.matchAll(/url\(\s*["']?([^"')]*)/g)].map((match) => match[1]);
        expect(urls.filter((ref) => !ref.startsWith('data:') && !sameOrigin(ref))).toEqual([]);
      }
    }
    const graphiql = await t.http().get('/graphiql/graphiql.min.js').buffer(true);
    expect(String(graphiql.text ?? graphiql.body)).toContain('createFetcher');
  });

  it('serves nothing but those files', async () => {
    for (const url of [
      '/graphiql/package.json',
      '/graphiql/..%2Fpackage.json',
      '/graphiql/%2E%2E%2F%2E%2E%2Fpackage.json',
      '/graphiql/toString',
      '/graphiql/__proto__',
    ]) {
      const response = await t.http().get(url);
      expect({ url, status: response.status }).toEqual({ url, status: 404 });
    }
  });
});
