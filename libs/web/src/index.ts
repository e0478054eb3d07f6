export { WebModule, WEB_CONTROLLERS } from './web.module.js';
export { renderError, PAGE_NOT_FOUND } from './platform/web-error.filter.js';
export { setUpWeb, webSecurityHeaders, SERVICE_NAME } from './platform/web-setup.js';
export { SESSION_COOKIE, BROWSER_COOKIE } from './platform/cookies.js';
