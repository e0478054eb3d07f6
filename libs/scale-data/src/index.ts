export * from './accounts.js';
export * from './generate.js';
export * from './network.js';
export * from './random.js';
