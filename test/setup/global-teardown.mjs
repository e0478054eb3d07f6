import { execFileSync } from 'node:child_process';

export default async function globalTeardown() {
  execFileSync(process.execPath, ['dist/test/support/template-cli.js', 'drop'], { stdio: 'inherit' });
}
