import { spawn, type ChildProcess } from 'node:child_process';

/**
 * The API as users run it: `node dist/apps/api/src/main.js` in its own process (the
 * suite compiles dist before it starts), with JSON logs read to learn its address.
 */
export interface ApiProcess {
  url: string;
  child: ChildProcess;
  logs: string[];
  /** Resolves with the exit code, or the signal that ended the process. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
  ): Promise<{ data: T; errors?: { message: string; extensions?: { code?: string } }[] }>;
}

/**
 * A first start migrates an empty embedded database and loads the demo data: on a busy 2-core
 * machine that has taken over 45 s, so the bound is generous. It catches a hang, not slowness.
 */
export function startApi(env: Record<string, string>, timeoutMs = 120_000): Promise<ApiProcess> {
  const child = spawn(process.execPath, ['dist/apps/api/src/main.js'], {
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'development',
      LOG_FORMAT: 'json',
      LOG_LEVEL: 'info',
      PORT: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: string[] = [];
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`The API did not start within ${timeoutMs} ms:\n${logs.join('\n')}`));
    }, timeoutMs);
    const onLine = (line: string) => {
      logs.push(line);
      try {
        const entry = JSON.parse(line) as { graphql?: string; url?: string };
        if (entry.graphql && entry.url) {
          clearTimeout(timer);
          const url = entry.url;
          resolve({
            url,
            child,
            logs,
            exited,
            async gql(query, variables = {}, token) {
              const response = await fetch(`${url}/graphql`, {
                method: 'POST',
                headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
                body: JSON.stringify({ query, variables }),
              });
              return (await response.json()) as never;
            },
          });
        }
      } catch {
        // not a JSON log line
      }
    };
    let buffer = '';
    const collect = (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      lines.forEach(onLine);
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`The API exited (${code ?? signal}) before it was ready:\n${logs.join('\n')}`));
    });
  });
}

/** Runs the API to completion (for starts that are expected to fail) and returns its output. */
export async function runApiUntilExit(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ['dist/apps/api/src/main.js'], {
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'development', LOG_FORMAT: 'json', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { code, output };
}

/** The warnings Node printed (`(node:1234) [DEP0005] DeprecationWarning: ...`, any kind). */
export function nodeWarnings(output: string[] | string): string[] {
  const lines = typeof output === 'string' ? output.split('\n') : output;
  return lines.filter((line) => /^\(node:\d+\) (\[[A-Z0-9_]+\] )?\w*Warning\b/.test(line));
}
