import http, { type IncomingHttpHeaders } from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import { isObject, uuidOf } from './oruk-records.js';
import { isPublicAddress, PrivateAddressError, publicOnlyLookup } from '@cohesion/common';
import type { OrukRecord } from './oruk-document.js';

export interface FeedClientOptions {
  /** How long one request may take, from connecting to the last byte. */
  timeoutMs: number;
  /** Fetch loopback and private-network addresses too (the command line); off for the API. */
  allowPrivate: boolean;
  /** How many services are fetched at once. */
  concurrency: number;
  /** Services asked for per list page. */
  perPage?: number;
  /** Largest answer read, in bytes. */
  maxBytes?: number;
}

/** A feed that cannot be read: unreachable, refused, not JSON, not an ORUK list. The message says which. */
export class FeedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FeedError';
  }
}

const MAX_REDIRECTS = 5;
const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;
const DEFAULT_PER_PAGE = 50;
/** A feed that claims more pages than this is not believed. */
const MAX_PAGES = 10_000;
const USER_AGENT = 'CohesionNetwork-OpenReferral-import/1.0';

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

function describeNetworkError(error: Error): string {
  if (error instanceof PrivateAddressError || error instanceof FeedError) return error.message;
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'the host name does not resolve';
    case 'ECONNREFUSED':
      return 'the connection was refused';
    case 'ECONNRESET':
    case 'EPIPE':
      return 'the connection was closed before the answer was complete';
    default:
      return code ? `${error.message} (${code})` : error.message;
  }
}

/** One GET, without following redirects. */
function getOnce(url: URL, options: FeedClientOptions): Promise<Answer> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  return new Promise((resolve, reject) => {
    const transport = url.protocol === 'https:' ? https : http;
    const request = transport.request(url, {
      method: 'GET',
      headers: { accept: 'application/json', 'user-agent': USER_AGENT },
      lookup: options.allowPrivate ? undefined : publicOnlyLookup,
      agent: false,
    });
    const timer = setTimeout(
      () => request.destroy(new FeedError(`no complete answer within ${options.timeoutMs} ms`)),
      options.timeoutMs,
    );
    request.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    request.once('response', (response) => {
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxBytes) {
          request.destroy(new FeedError(`the answer is larger than ${Math.round(maxBytes / 1024 / 1024)} MB`));
          return;
        }
        chunks.push(chunk);
      });
      response.once('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
      response.once('end', () => {
        clearTimeout(timer);
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) });
      });
    });
    request.end();
  });
}

/** Refuses URLs that are not http(s), and literal addresses that are not public unless allowed. */
export function checkFeedUrl(url: URL, allowPrivate: boolean): void {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new FeedError(`${url.protocol.replace(':', '')} addresses cannot be fetched; use http:// or https://`);
  }
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (!allowPrivate && isIP(host) && !isPublicAddress(host)) throw new PrivateAddressError(host, host);
}

/**
 * The JSON at `url`, following up to five redirects (each checked like the first).
 * Fails with a FeedError (or a PrivateAddressError) whose message says what went wrong.
 */
export async function getJson(url: URL, options: FeedClientOptions): Promise<unknown> {
  let current = url;
  for (let hop = 0; ; hop++) {
    checkFeedUrl(current, options.allowPrivate);
    let answer: Answer;
    try {
      answer = await getOnce(current, options);
    } catch (error) {
      if (error instanceof PrivateAddressError) throw error;
      throw new FeedError(`${current.href} could not be read: ${describeNetworkError(error as Error)}`);
    }
    const location = answer.headers.location;
    if (answer.status >= 300 && answer.status < 400 && location) {
      if (hop >= MAX_REDIRECTS) throw new FeedError(`${url.href} redirects more than ${MAX_REDIRECTS} times`);
      current = new URL(location, current);
      continue;
    }
    if (answer.status < 200 || answer.status >= 300) {
      throw new FeedError(`${current.href} answered HTTP ${answer.status}`);
    }
    const text = answer.body.toString('utf8').replace(/^\uFEFF/, '');
    try {
      return JSON.parse(text);
    } catch {
      const type = answer.headers['content-type'] ?? 'no content type';
      const start = text.trim().slice(0, 40).replace(/\s+/g, ' ');
      throw new FeedError(`${current.href} did not answer with JSON (${type}; it starts "${start}")`);
    }
  }
}

/**
 * The base of a feed from the address someone gives: `https://example.org/openreferral/v3`
 * with or without a trailing slash or `/services`, and without query or fragment.
 */
export function feedBase(address: string): URL {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    throw new FeedError(`"${address}" is not a web address`);
  }
  url.search = '';
  url.hash = '';
  url.pathname = `${url.pathname.replace(/\/+$/, '').replace(/\/services$/, '')}/`;
  return url;
}

export interface FeedListing {
  /** Each listed service's id, in the order listed, once each. */
  ids: string[];
  /** List items without a usable id, as records to report. */
  unusable: OrukRecord[];
  pages: number;
}

/**
 * Pages through `GET {base}/services?page=N&per_page=M` until the feed says it is on
 * its last page (last_page, or page_number reaching total_pages) or a page comes back
 * empty. Any page that cannot be read fails the whole listing: without it the import
 * would not know which services the feed has.
 */
export async function listFeedServices(
  base: URL,
  options: FeedClientOptions,
  onPage?: (page: number, totalPages: number | null) => void,
): Promise<FeedListing> {
  const perPage = options.perPage ?? DEFAULT_PER_PAGE;
  const ids: string[] = [];
  const seen = new Set<string>();
  const unusable: OrukRecord[] = [];
  for (let page = 1; ; page++) {
    const url = new URL(`services?page=${page}&per_page=${perPage}`, base);
    const body = await getJson(url, options);
    if (!isObject(body) || !Array.isArray(body.contents)) {
      throw new FeedError(`${url.href} is not an Open Referral list page: it has no "contents" list`);
    }
    const totalPages = typeof body.total_pages === 'number' ? body.total_pages : null;
    if (totalPages !== null && totalPages > MAX_PAGES) {
      throw new FeedError(`${url.href} says the feed has ${totalPages} pages; at most ${MAX_PAGES} are read`);
    }
    let fresh = 0;
    body.contents.forEach((item, index) => {
      const id = isObject(item) ? uuidOf(item.id) : null;
      if (!id) unusable.push({ type: 'service', at: `services?page=${page} contents[${index}]`, json: item });
      else if (!seen.has(id)) {
        seen.add(id);
        ids.push(id);
        fresh++;
      }
    });
    onPage?.(page, totalPages);
    const last =
      body.last_page === true ||
      (totalPages !== null && page >= totalPages) ||
      body.contents.length === 0 ||
      // A feed that ignores `page` repeats itself; stop rather than loop.
      (fresh === 0 && body.contents.length > 0);
    if (last || page >= MAX_PAGES) return { ids, unusable, pages: page };
  }
}

/** `GET {base}/services/{id}` as a record, or a record saying why it could not be fetched. */
export async function fetchFeedService(base: URL, id: string, options: FeedClientOptions): Promise<OrukRecord> {
  const at = `services/${id}`;
  try {
    const json = await getJson(new URL(`services/${encodeURIComponent(id)}`, base), options);
    return { type: 'service', at, json };
  } catch (error) {
    const message = error instanceof FeedError ? error.message : describeNetworkError(error as Error);
    return { type: 'service', at, json: null, fetchProblem: message };
  }
}

/**
 * `GET {base}/organizations/{id}` without its services: the organization a service names
 * only by organization_id. Null when the feed does not give it.
 */
export async function fetchFeedOrganisation(
  base: URL,
  id: string,
  options: FeedClientOptions,
): Promise<Record<string, unknown> | null> {
  try {
    const json = await getJson(new URL(`organizations/${encodeURIComponent(id)}`, base), options);
    if (typeof json !== 'object' || json === null || Array.isArray(json)) return null;
    const { services: _services, ...organisation } = json as Record<string, unknown>;
    return organisation;
  } catch {
    return null;
  }
}

/**
 * Runs `task` over `items` with at most `limit` running at once, yielding the results
 * in the items' order: the next ones are fetched while the current one is written.
 */
export async function* inOrderWithConcurrency<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<R>,
): AsyncGenerator<R> {
  const running: Promise<R>[] = [];
  let next = 0;
  while (next < items.length && running.length < limit) running.push(task(items[next++]));
  while (running.length > 0) {
    const result = await (running.shift() as Promise<R>);
    if (next < items.length) running.push(task(items[next++]));
    yield result;
  }
}
