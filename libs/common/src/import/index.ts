export * from './import-outcome.js';
export * from './import-progress.js';
export * from './import-tally.js';
