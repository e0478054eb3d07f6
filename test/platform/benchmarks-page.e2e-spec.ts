import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { BENCHMARKS_PAGE, withComparison } from '../bench/lib/comparison-report.js';

/** `npm run bench` rewrites the comparison in docs/benchmarks.md; the page must keep the place it fills. */
describe('the benchmarks page', () => {
  it('has the comparison section a run rewrites, and the run leaves the rest of the page alone', () => {
    const page = readFileSync(BENCHMARKS_PAGE, 'utf8');
    const updated = withComparison(page, '| shape |\n| ----- |\n| new   |\n', BENCHMARKS_PAGE);
    const [before, after] = page.split(/<!-- bench:compare:start -->[\s\S]*<!-- bench:compare:end -->/);
    expect(after).toBeDefined();
    expect(updated).toBe(
      `${before}<!-- bench:compare:start -->\n\n| shape |\n| ----- |\n| new   |\n\n<!-- bench:compare:end -->${after}`,
    );
  });

  it('refuses a page without the markers rather than losing the figures', () => {
    expect(() => withComparison('# Benchmarks\n', 'table', 'page.md')).toThrow(
      'page.md has no <!-- bench:compare:start --> ... <!-- bench:compare:end --> section to fill',
    );
  });
});
