export * from './feed/feed.mapper.js';
export * from './feed/feed.service.js';
export * from './feed/open-referral.controller.js';
export * from './open-referral.module.js';
export * from './standard/oruk-schemas.js';
