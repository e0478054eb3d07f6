import type { MigrationInterface } from 'typeorm';
import { Extensions1795426280000 } from './1795426280000-Extensions.js';
import { Initial1795426280675 } from './1795426280675-Initial.js';
import { TreesAuditIndexes1795426290000 } from './1795426290000-TreesAuditIndexes.js';
import { ReferenceVocabularies1795426300000 } from './1795426300000-ReferenceVocabularies.js';
import { DirectorySearch1795428845001 } from './1795428845001-DirectorySearch.js';

/** Every migration, oldest first. `npm run migration:generate` rewrites this list. */
export const MIGRATIONS: (new () => MigrationInterface)[] = [
  Extensions1795426280000,
  Initial1795426280675,
  TreesAuditIndexes1795426290000,
  ReferenceVocabularies1795426300000,
  DirectorySearch1795428845001,
];
