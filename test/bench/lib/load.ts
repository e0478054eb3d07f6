import http from 'node:http';
import { performance } from 'node:perf_hooks';

export interface LoadResult {
  connections: number;
  requests: number;
  errors: number;
  seconds: number;
  requestsPerSecond: number;
  medianMs: number;
  p95Ms: number;
  p99Ms: number;
}

export function percentile(sorted: number[], fraction: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))];
}

export interface Answer {
  status: number;
  body: string;
}

/** One request (path and query string of `url`) over a kept-alive connection; resolves with the status and body. */
function send(
  agent: http.Agent,
  url: URL,
  method: 'GET' | 'POST',
  body: string | undefined,
  headers: Record<string, string>,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        agent,
        host: url.hostname,
        port: url.port,
        path: `${url.pathname}${url.search}`,
        method,
        headers:
          body === undefined
            ? headers
            : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
        );
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

/** One POST of a JSON body over a kept-alive connection. */
export function post(agent: http.Agent, url: URL, body: string, headers: Record<string, string> = {}): Promise<Answer> {
  return send(agent, url, 'POST', body, headers);
}

/** One GET over a kept-alive connection. */
export function get(agent: http.Agent, url: URL, headers: Record<string, string> = {}): Promise<Answer> {
  return send(agent, url, 'GET', undefined, headers);
}

export interface LoadRequest {
  /** Where this request goes, when not to the load's `url`. */
  url?: URL;
  /** A POST's JSON body; GETs have none. */
  body?: string;
  headers?: Record<string, string>;
}

/**
 * A closed-loop load: `connections` clients each send the next request as soon as the
 * last one answered, for `seconds`. Every latency is kept, so percentiles are exact.
 * With `requests`, the clients take them in turn (many callers, many inputs, many
 * addresses) instead of repeating `body`. POSTs by default; `method: 'GET'` reads.
 */
export async function runLoad(options: {
  url: URL;
  method?: 'GET' | 'POST';
  body?: string;
  headers?: Record<string, string>;
  requests?: LoadRequest[];
  connections: number;
  seconds: number;
}): Promise<LoadResult> {
  const requests = options.requests ?? [{ body: options.body ?? '', headers: options.headers }];
  let turn = 0;
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.connections });
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const end = started + options.seconds * 1000;
  const client = async () => {
    while (performance.now() < end) {
      const sent = performance.now();
      try {
        const request = requests[turn++ % requests.length];
        const url = request.url ?? options.url;
        const { status, body } =
          options.method === 'GET'
            ? await get(agent, url, request.headers)
            : await post(agent, url, request.body ?? '', request.headers);
        latencies.push(performance.now() - sent);
        if (status !== 200 || body.startsWith('{"errors"')) errors++;
      } catch {
        errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: options.connections }, client));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    connections: options.connections,
    requests: latencies.length,
    errors,
    seconds,
    requestsPerSecond: latencies.length / seconds,
    medianMs: percentile(latencies, 0.5),
    p95Ms: percentile(latencies, 0.95),
    p99Ms: percentile(latencies, 0.99),
  };
}
