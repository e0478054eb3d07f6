import { spawn } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import type { TestApp } from './test-app.js';

export interface CommandResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

const commandEnv = (t: TestApp) => ({
  PATH: process.env.PATH ?? '',
  NODE_ENV: 'test',
  DATABASE_URL: t.database.url,
  LOG_LEVEL: 'silent',
});

/** Runs a compiled command-line program (`dist/apps/api/src/cli/<name>.js`) against the test app's database. */
export function runCommandLine(t: TestApp, name: string, args: string[]): Promise<CommandResult> {
  const child = spawn(process.execPath, [`dist/apps/api/src/cli/${name}.js`, ...args], {
    env: commandEnv(t),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stdout, stderr })));
}

/**
 * Runs a command as `command | cat` where `cat` starts reading late: only once the
 * command has written `readAfter` on stderr and then exited, or `graceMs` later if it
 * has not. A real pipe with a slow reader, which holds 64 KiB and no more until read.
 */
export function runCommandLineIntoSlowPipe(
  t: TestApp,
  name: string,
  args: string[],
  { readAfter, graceMs }: { readAfter: string; graceMs: number },
): Promise<CommandResult> {
  // fd 3: the go-ahead for the reader; fd 4: the command's exit code.
  const script = '{ "$@"; echo $? >&4; } | { read go <&3; exec cat; }';
  const child = spawn('/bin/sh', ['-c', script, 'sh', process.execPath, `dist/apps/api/src/cli/${name}.js`, ...args], {
    env: commandEnv(t),
    stdio: ['ignore', 'pipe', 'pipe', 'pipe', 'pipe'],
  });
  const [, , , go, exitCode] = child.stdio as [unknown, unknown, unknown, Writable, Readable];
  let stdout = '';
  let stderr = '';
  let code = '';
  let exited = false;
  let timer: NodeJS.Timeout | undefined;
  const letRead = () => {
    clearTimeout(timer);
    if (go.writable) go.end('go\n');
  };
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => {
    const before = stderr.includes(readAfter);
    stderr += chunk.toString();
    if (before || !stderr.includes(readAfter)) return;
    if (exited) letRead();
    else timer = setTimeout(letRead, graceMs);
  });
  exitCode.on('data', (chunk: Buffer) => {
    code += chunk.toString();
    exited = code.endsWith('\n');
    if (exited && stderr.includes(readAfter)) letRead();
  });
  return new Promise((resolve) =>
    child.once('close', () => {
      letRead();
      resolve({ code: code ? Number(code.trim()) : null, stdout, stderr });
    }),
  );
}
