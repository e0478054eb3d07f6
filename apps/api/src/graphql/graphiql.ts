import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { ApolloServerPlugin } from '@apollo/server';
import { Controller, Get, Param, Res } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { Public } from '@cohesion/auth';
import { notFound } from '@cohesion/common';
import { API_POLICY } from '../api.policy.js';

/** Where the in-browser IDE's code is served from: this server, never a CDN. */
export const GRAPHIQL_ASSETS_PATH = '/graphiql';

/**
 * The page's policy: code from this server only, no inline script, requests to this
 * server only. Styles may be inline: the editor positions its widgets with them.
 * Fonts and icons come inside the stylesheet as data: URLs.
 */
export const GRAPHIQL_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const PAGE_CSS = `body { height: 100%; margin: 0; width: 100%; overflow: hidden; }
#graphiql { height: 100vh; }
`;

/** Starts GraphiQL on the page (kept out of the page itself, which runs no inline script). */
const START_JS = `(function () {
  var root = document.getElementById('graphiql');
  var fetcher = GraphiQL.createFetcher({ url: root.getAttribute('data-url') });
  ReactDOM.createRoot(root).render(
    React.createElement(GraphiQL, {
      fetcher: fetcher,
      defaultEditorToolsVisibility: true,
      shouldPersistHeaders: true,
      isHeadersEditorEnabled: true,
    }),
  );
})();
`;

interface Asset {
  contentType: string;
  /** A file of an installed package (package name, path inside it), read on first use. */
  file?: [string, string];
  text?: string;
}

const JS = 'text/javascript; charset=utf-8';
const CSS = 'text/css; charset=utf-8';
const MAP = 'application/json; charset=utf-8';

/** Every file the page loads, by the name it is served under. Nothing else is served. */
const ASSETS: Record<string, Asset> = {
  'react.production.min.js': { contentType: JS, file: ['react', 'umd/react.production.min.js'] },
  'react-dom.production.min.js': { contentType: JS, file: ['react-dom', 'umd/react-dom.production.min.js'] },
  'graphiql.min.js': { contentType: JS, file: ['graphiql', 'graphiql.min.js'] },
  'graphiql.min.js.map': { contentType: MAP, file: ['graphiql', 'graphiql.min.js.map'] },
  'graphiql.min.css': { contentType: CSS, file: ['graphiql', 'graphiql.min.css'] },
  'graphiql.min.css.map': { contentType: MAP, file: ['graphiql', 'graphiql.min.css.map'] },
  'page.css': { contentType: CSS, text: PAGE_CSS },
  'start.js': { contentType: JS, text: START_JS },
};

const packages = createRequire(import.meta.url);
const loaded = new Map<string, Buffer>();

function contentOf(name: string, asset: Asset): Buffer {
  let body = loaded.get(name);
  if (!body) {
    if (asset.text !== undefined) body = Buffer.from(asset.text);
    else {
      // A package's own files are not all in its exports: found beside its package.json.
      const [name, path] = asset.file as [string, string];
      body = readFileSync(join(dirname(packages.resolve(`${name}/package.json`)), path));
    }
    loaded.set(name, body);
  }
  return body;
}

/** The page at GET /graphql (for a browser), loading only this server's files. */
export function graphiqlPage(graphqlPath: string): string {
  const asset = (name: string) => `${GRAPHIQL_ASSETS_PATH}/${name}`;
  return `<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>GraphiQL: Cohesion Network</title>
    <link rel="stylesheet" href="${asset('graphiql.min.css')}" />
    <link rel="stylesheet" href="${asset('page.css')}" />
  </head>
  <body>
    <div id="graphiql" data-url="${graphqlPath}">Loading...</div>
    <script src="${asset('react.production.min.js')}"></script>
    <script src="${asset('react-dom.production.min.js')}"></script>
    <script src="${asset('graphiql.min.js')}"></script>
    <script src="${asset('start.js')}"></script>
  </body>
</html>
`;
}

/** Apollo's landing page, replaced by the self-hosted GraphiQL. */
export function graphiqlLandingPage(graphqlPath: string): ApolloServerPlugin {
  const html = graphiqlPage(graphqlPath);
  return {
    serverWillStart() {
      return Promise.resolve({ renderLandingPage: () => Promise.resolve({ html }) });
    },
  };
}

/** Puts the page's Content-Security-Policy on what GET /graphql answers. */
export function graphiqlPolicy(req: Request, res: Response, next: NextFunction): void {
  if (req.method === 'GET') res.setHeader('content-security-policy', GRAPHIQL_CSP);
  next();
}

/** The IDE's files, from the installed packages: fixed names, nothing else on disk is reachable. */
@Controller(GRAPHIQL_ASSETS_PATH.slice(1))
export class GraphiqlAssetsController {
  @Get(':name')
  @Public(API_POLICY.graphiql)
  asset(@Param('name') name: string, @Res() response: Response): void {
    const asset = Object.hasOwn(ASSETS, name) ? ASSETS[name] : undefined;
    if (!asset) throw notFound('That file');
    response
      .status(200)
      .setHeader('content-type', asset.contentType)
      .setHeader('x-content-type-options', 'nosniff')
      .setHeader('cache-control', 'public, max-age=3600')
      .send(contentOf(name, asset));
  }
}
