export * from './directory-writer.js';
export * from './location-rows.js';
export * from './organisation-rows.js';
export * from './practitioner-rows.js';
export * from './service-rows.js';
export * from './sourced-rows.js';
export * from './taxonomy-rows.js';
export * from './directory-writer.module.js';
