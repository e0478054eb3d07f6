import { execFileSync } from 'node:child_process';

export default async function globalTeardown() {
  execFileSync(process.execPath, ['dist/libs/testing/src/template-cli.js', 'drop'], { stdio: 'inherit' });
}
