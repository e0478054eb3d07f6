// Builds the website's assets into dist/web/assets: the stylesheet (GOV.UK Frontend and MOJ
// Frontend compiled with our settings), the script bundles (one for every page, one per
// island), and the icon. Everything the pages load comes from here: nothing from a CDN.
import { copyFileSync, cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import * as sass from 'sass';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = join(root, 'libs', 'web', 'src');
const out = join(root, 'dist', 'web', 'assets');
mkdirSync(out, { recursive: true });

const started = Date.now();
const css = sass.compile(join(source, 'platform', 'assets', 'application.scss'), {
  loadPaths: [root, join(root, 'node_modules'), join(root, 'node_modules', 'accessible-autocomplete', 'dist')],
  style: 'compressed',
  quietDeps: true,
  // GOV.UK Frontend warns MOJ Frontend about its own deprecations; ours still show.
  logger: {
    warn(message, { span, stack }) {
      if (`${span?.url ?? ''}\n${stack ?? ''}`.includes('node_modules')) return;
      process.stderr.write(`sass: ${message}\n`);
    },
  },
});
writeFileSync(join(out, 'application.css'), css.css);

const islands = {
  application: join(source, 'platform', 'assets', 'application.js'),
  'network-graph': join(source, 'network', 'assets', 'network-graph.js'),
};
const { existsSync } = await import('node:fs');
await esbuild.build({
  entryPoints: Object.fromEntries(Object.entries(islands).filter(([, file]) => existsSync(file))),
  bundle: true,
  format: 'esm',
  minify: true,
  sourcemap: true,
  target: ['es2020'],
  outdir: out,
  logLevel: 'warning',
});
copyFileSync(join(source, 'platform', 'assets', 'favicon.svg'), join(out, 'favicon.svg'));
// MOJ Frontend's icons (the filter's remove-tag crosses, the sortable table's arrows), where its
// stylesheet looks for them ($moj-assets-path/images/). Icons only: the crown logos stay out.
cpSync(join(root, 'node_modules', '@ministryofjustice', 'frontend', 'moj', 'assets', 'images'), join(out, 'images'), {
  recursive: true,
  filter: (file) => !/crown|apple-touch|logotype/.test(file),
});
console.log(`web assets built in ${Date.now() - started} ms -> ${out}`);
