import { randomBytes } from 'node:crypto';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

export interface RunningApi {
  url: string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * Runs the compiled `script` in its own Node process on a free loopback port (given as
 * HOST and PORT with `env`) and waits until `ready(url)` says it serves.
 */
async function startServer(
  name: string,
  script: string,
  env: Record<string, string>,
  ready: (url: string) => Promise<boolean>,
): Promise<RunningApi> {
  const port = await freePort();
  const child = spawn(process.execPath, [script], {
    env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: String(port), ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`${name} exited with ${code}`))),
  );
  exited.catch(() => undefined);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    const up = await Promise.race([ready(url).catch(() => false), exited]);
    if (up) break;
    if (Date.now() > deadline) throw new Error(`${name} did not become ready within 120 s`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/**
 * Starts the compiled API as production runs it (NODE_ENV=production, JSON request
 * logs at info) against `databaseUrl`, on a free loopback port, and waits until ready.
 */
export function startApi(databaseUrl: string, extraEnv: Record<string, string> = {}): Promise<RunningApi> {
  return startServer(
    'The API',
    'dist/apps/api/src/main.js',
    {
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      JWT_SECRET: randomBytes(32).toString('base64url'),
      LOG_LEVEL: 'info',
      LOG_FORMAT: 'json',
      AUTH_THROTTLE_PER_IP: '100000',
      LOGIN_THROTTLE_PER_EMAIL: '10000',
      ...extraEnv,
    },
    async (url) => (await fetch(`${url}/health/ready`)).ok,
  );
}

/**
 * Starts PostGraphile 4 (test/bench/peer/postgraphile-server.ts) over `databaseUrl`,
 * exposing `schemas`, and waits until it answers a GraphQL query (it introspects first).
 */
export function startPeer(databaseUrl: string, schemas: string[]): Promise<RunningApi> {
  return startServer(
    'PostGraphile',
    'dist/test/bench/peer/postgraphile-server.js',
    { NODE_ENV: 'production', DATABASE_URL: databaseUrl, SCHEMAS: schemas.join(',') },
    async (url) => {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      return response.ok;
    },
  );
}
