export * from './area-ancestry.sql.js';
export * from './directory-read-models.js';
export * from './org-identifiers.sql.js';
export * from './service-read-models.js';
