import { spawn } from 'node:child_process';
import type { TestApp } from './test-app.js';

export interface CommandResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a compiled command-line program (`dist/apps/api/src/cli/<name>.js`) against the test app's database. */
export function runCommandLine(t: TestApp, name: string, args: string[]): Promise<CommandResult> {
  const child = spawn(process.execPath, [`dist/apps/api/src/cli/${name}.js`, ...args], {
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', DATABASE_URL: t.database.url, LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stdout, stderr })));
}
