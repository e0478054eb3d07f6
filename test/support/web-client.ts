import request from 'supertest';
import type { TestApp } from './test-app.js';

/** A page as a browser without JavaScript gets it. */
export interface WebPage {
  status: number;
  html: string;
  headers: Record<string, string>;
  /** Where a redirect points. */
  location?: string;
  /** The CSRF token of the page's first form. */
  csrf?: string;
  /** The page's <title>. */
  title?: string;
  /** The text of the error summary's links (empty when there is none). */
  errorSummary: string[];
}

export interface WebClient {
  get(path: string): Promise<WebPage>;
  /**
   * Sends a form as a browser would: the CSRF token taken from `from` (the page the form is
   * on), or the last page fetched; `_csrf: null` leaves it out.
   */
  post(path: string, fields: Record<string, string | string[] | null>, from?: WebPage): Promise<WebPage>;
  /** Signs in through the sign-in page. */
  signIn(email: string, password: string): Promise<WebPage>;
  /** The Set-Cookie headers of the last answer. */
  cookies(): string[];
}

function decode(text: string): string {
  return text
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

function pageOf(response: request.Response): WebPage {
  const html = typeof response.text === 'string' ? response.text : '';
  const summary = html.match(/govuk-error-summary__list">([\s\S]*?)<\/ul>/)?.[1] ?? '';
  return {
    status: response.status,
    html,
    headers: response.headers,
    location: response.headers.location,
    csrf: html.match(/name="_csrf" value="([^"]+)"/)?.[1],
    title: html
      .match(/<title>([\s\S]*?)<\/title>/)?.[1]
      ?.trim()
      .replace(/\s+/g, ' '),
    errorSummary: [...summary.matchAll(/<a [^>]*>([\s\S]*?)<\/a>/g)].map((match) => decode(match[1].trim())),
  };
}

/** A browser of the website without JavaScript: keeps its cookies, sends forms with their CSRF token. */
export function webClient(t: TestApp): WebClient {
  const agent = request.agent(t.app.getHttpServer());
  let last: WebPage | undefined;
  let lastCookies: string[] = [];
  const remember = (response: request.Response): WebPage => {
    lastCookies = ([] as string[]).concat((response.headers['set-cookie'] as unknown as string[] | undefined) ?? []);
    return pageOf(response);
  };
  const client: WebClient = {
    async get(path) {
      last = remember(await agent.get(path).set('accept', 'text/html'));
      return last;
    },
    async post(path, fields, from) {
      const form = new URLSearchParams();
      const token = from?.csrf ?? last?.csrf;
      if (fields._csrf !== null && token && fields._csrf === undefined) form.append('_csrf', token);
      for (const [name, value] of Object.entries(fields)) {
        if (value === null) continue;
        for (const item of Array.isArray(value) ? value : [value]) form.append(name, item);
      }
      const page = remember(
        await agent
          .post(path)
          .set('accept', 'text/html')
          .set('content-type', 'application/x-www-form-urlencoded')
          .send(form.toString()),
      );
      if (page.csrf) last = page;
      return page;
    },
    async signIn(email, password) {
      const form = await client.get('/sign-in');
      return client.post('/sign-in', { email, password }, form);
    },
    cookies: () => lastCookies,
  };
  return client;
}
