export * from './open-referral.module.js';
export * from './standard/oruk-schemas.js';
