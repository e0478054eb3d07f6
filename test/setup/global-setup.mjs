// Runs once per jest run. A child process migrates a template database that every test
// file clones (see test/support/template-cli.ts); `npm test` compiles it first.
import { execFileSync } from 'node:child_process';

export default async function globalSetup() {
  const output = execFileSync(process.execPath, ['dist/test/support/template-cli.js', 'prepare'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  process.env.COHESION_TEST_TEMPLATE = output.trim().split('\n').pop();
}
