export * from './foundation.modules.js';
export * from './schema.js';
export * from './seed-run.entity.js';
