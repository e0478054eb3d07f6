export * from './feed/feed.mapper.js';
export * from './feed/feed.service.js';
export * from './feed/open-referral.controller.js';
export * from './open-referral.module.js';
export * from './standard/oruk-schemas.js';
export * from './import/oruk-import.module.js';
export * from './import/oruk-import.report.js';
export * from './import/oruk-import.service.js';
