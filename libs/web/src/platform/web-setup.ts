import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import express from 'express';
import helmet from 'helmet';
import nunjucks from 'nunjucks';
import type { AppConfig } from '@cohesion/config';
import { NODE_MODULES, WEB_ASSETS, WEB_SOURCE } from './paths.js';
import { registerFilters } from './view-filters.js';

export const SERVICE_NAME = 'Cohesion Network';

const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/** The same policy as one header value, for pages answered outside the web's routes (an address nothing answers). */
export const CONTENT_SECURITY_POLICY = Object.entries(CSP_DIRECTIVES)
  .map(([name, sources]) => `${name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)} ${sources.join(' ')}`)
  .join('; ');

/**
 * The website's security headers: a strict Content-Security-Policy (scripts, styles,
 * images and fonts from this site only, no inline script or style, nothing framed, forms
 * post only here), no framing at all, no referrer sent elsewhere, and HSTS in production.
 */
export function webSecurityHeaders(config: AppConfig): express.RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: { ...CSP_DIRECTIVES, ...(config.isProduction ? { upgradeInsecureRequests: [] } : {}) },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'same-origin' },
    strictTransportSecurity: config.isProduction ? { maxAge: 31_536_000, includeSubDomains: true } : false,
  });
}

/**
 * Views and assets of the website, on the app's own HTTP server: Nunjucks (through
 * Nest's MVC support) finds a page's view by its path under libs/web/src
 * (`directory/views/service.njk`) and the GOV.UK Frontend and MOJ Frontend macros by
 * theirs (`govuk/components/...`, `moj/components/...`); `/assets` serves what
 * `npm run build:web` compiled.
 */
export function setUpWeb(app: INestApplication, config: AppConfig): void {
  const web = app as NestExpressApplication;
  const environment = nunjucks.configure(
    [WEB_SOURCE, join(NODE_MODULES, 'govuk-frontend', 'dist'), join(NODE_MODULES, '@ministryofjustice', 'frontend')],
    {
      autoescape: true,
      throwOnUndefined: false,
      noCache: !config.isProduction && config.nodeEnv !== 'test',
      express: web.getHttpAdapter().getInstance(),
    },
  );
  environment.addGlobal('serviceName', SERVICE_NAME);
  registerFilters(environment);
  web.setViewEngine('njk');
  web.use(
    '/assets',
    webSecurityHeaders(config),
    express.static(WEB_ASSETS, { maxAge: '1h', index: false, fallthrough: true }),
  );
}
