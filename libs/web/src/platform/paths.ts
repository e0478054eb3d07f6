import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project's root (the folder with package.json), from wherever this file was built to. */
function projectRoot(): string {
  let folder = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(folder, 'package.json'))) {
    const parent = dirname(folder);
    if (parent === folder) throw new Error('The project root (package.json) was not found above libs/web');
    folder = parent;
  }
  return folder;
}

export const PROJECT_ROOT = projectRoot();
/** The website's sources: a folder per domain, each with its pages and its `views/`. */
export const WEB_SOURCE = join(PROJECT_ROOT, 'libs', 'web', 'src');
/** What `npm run build:web` writes: the compiled stylesheet, the script bundle, images. */
export const WEB_ASSETS = join(PROJECT_ROOT, 'dist', 'web', 'assets');
export const NODE_MODULES = join(PROJECT_ROOT, 'node_modules');
