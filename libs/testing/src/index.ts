import 'reflect-metadata';
export * from './factories.js';
export * from './test-app.js';
export * from './test-database.js';
export * from './grant-factories.js';
export * from './three-sixty-giving.js';
export * from './command-line.js';
export * from './service-inputs.js';
export * from './csv.js';
