import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { BENCHMARKS_PAGE, withComparison } from '../bench/lib/comparison-report.js';

/** The README and every page under docs/, with their text outside code blocks. */
const PAGES = [
  'README.md',
  ...readdirSync('docs', { recursive: true, encoding: 'utf8' }).map((name) => join('docs', name)),
]
  .filter((path) => path.endsWith('.md'))
  .map((path) => ({ path, prose: readFileSync(path, 'utf8').replace(/^```[\s\S]*?^```/gm, '') }));

/** A heading's anchor as GitHub makes it: lower case, punctuation dropped, spaces to hyphens. */
function anchorOf(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}_\- ]/gu, '')
    .replaceAll(' ', '-');
}

function anchorsIn(path: string): string[] {
  return [
    ...readFileSync(path, 'utf8')
      .replace(/^```[\s\S]*?^```/gm, '')
      .matchAll(/^#{1,6} (.+)$/gm),
  ].map(([, heading]) => anchorOf(heading));
}

describe('the documentation', () => {
  it('links only to files and headings that exist', () => {
    const broken: string[] = [];
    for (const { path, prose } of PAGES) {
      for (const [, link] of prose.matchAll(/\]\(([^)\s]+)\)/g)) {
        if (/^[a-z]+:/.test(link)) continue;
        const [file, anchor] = link.split('#');
        const target = file ? normalize(join(dirname(path), file)) : path;
        if (!existsSync(target)) broken.push(`${path}: ${link} (no such file)`);
        else if (anchor && !anchorsIn(target).includes(anchor)) broken.push(`${path}: ${link} (no such heading)`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('lists every page under docs/ in its index', () => {
    const index = readFileSync('docs/README.md', 'utf8');
    const unlisted = PAGES.map(({ path }) => path)
      .filter((path) => path.startsWith('docs/') && path !== 'docs/README.md')
      .filter((path) => !index.includes(`](${path.slice('docs/'.length)})`));
    expect(unlisted).toEqual([]);
  });
});

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
