export * from './accounts.js';
export * from './generate.js';
export * from './random.js';
