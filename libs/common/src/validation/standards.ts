import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * A folder of an open standard's files that the app ships in `shared/standards/<name>`
 * (and the Docker image copies), looked for in every folder above `from` (the caller's
 * own file) and above the working directory, so it is found from the sources and from
 * dist alike. `marker` is a file that must be in it.
 */
export function shippedStandardDir(name: string, marker: string, from: string): string {
  const folder = join('shared', 'standards', name);
  const starts = [from, process.cwd()];
  for (const start of starts) {
    for (let dir = start; ; dir = dirname(dir)) {
      const candidate = join(dir, folder);
      if (existsSync(join(candidate, marker))) return candidate;
      if (dirname(dir) === dir) break;
    }
  }
  throw new Error(`The ${name} files (${folder}/${marker}) were not found above ${from}`);
}

/** A JSON pointer (`/grants/3/recipientOrganization/0/id`) read as a field path (`grants[3].recipientOrganization[0].id`), under `base`. */
export function jsonPointerToField(pointer: string, base = ''): string {
  let field = base;
  for (const raw of pointer.split('/').slice(1)) {
    const part = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    field = /^\d+$/.test(part) ? `${field}[${part}]` : field ? `${field}.${part}` : part;
  }
  return field;
}
