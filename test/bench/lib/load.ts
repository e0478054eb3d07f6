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

/** One POST over a kept-alive connection; resolves with the status and body. */
export function post(
  agent: http.Agent,
  url: URL,
  body: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        agent,
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers },
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

export interface LoadRequest {
  body: string;
  headers?: Record<string, string>;
}

/**
 * A closed-loop load: `connections` clients each send the next request as soon as the
 * last one answered, for `seconds`. Every latency is kept, so percentiles are exact.
 * With `requests`, the clients take them in turn (many callers, many inputs) instead
 * of repeating `body`.
 */
export async function runLoad(options: {
  url: URL;
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
        const { status, body } = await post(agent, options.url, request.body, request.headers);
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
