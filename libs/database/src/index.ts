import './pg-types.js';
export * from './data-source.js';
export * from './database-host.js';
export * from './database.logger.js';
export * from './database.module.js';
export * from './embedded/embedded-postgres.js';
export * from './session-settings.js';
export * from './snake-naming.strategy.js';
export * from './prepared.js';
