export * from './audit/audit-entry.entity.js';
export * from './audit/audit.service.js';
export * from './background/background-tasks.js';
export * from './common.module.js';
export * from './errors/domain-error.js';
export * from './errors/postgres-errors.js';
export * from './errors/rest-error.filter.js';
export * from './global-id.js';
export * from './graphql/error-formatter.js';
export * from './graphql/node.js';
export * from './graphql/query-limits.js';
export * from './graphql/request-context.js';
export * from './graphql/scalars.js';
export * from './graphql/selection.js';
export * from './loaders/loader-cache.js';
export * from './logging/logger.js';
export * from './logging/logger.token.js';
export * from './logging/request-context.js';
export * from './pagination/connection.js';
export * from './pagination/keyset.js';
export * from './sql.js';
export * from './uk/postcode.js';
export * from './validation/validation.pipe.js';
export * from './validation/validators.js';
export * from './viewer.js';

import { AuditEntryEntity } from './audit/audit-entry.entity.js';

export const COMMON_ENTITIES = [AuditEntryEntity];
