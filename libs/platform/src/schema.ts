import { AUTH_ENTITIES } from '@cohesion/auth';
import { COMMON_ENTITIES } from '@cohesion/common';
import type { SchemaDefinition } from '@cohesion/database';
import { MIGRATIONS } from '@cohesion/database/migrations';
import { DIRECTORY_ENTITIES } from '@cohesion/directory';
import { GRANT_ENTITIES } from '@cohesion/grants';
import { NETWORK_ENTITIES } from '@cohesion/network';
import { NOTIFICATION_ENTITIES } from '@cohesion/notifications';
import { SeedRunEntity } from './seed-run.entity.js';

/** The whole database schema: every domain's entities and the migrations that build them. */
export const SCHEMA: SchemaDefinition = {
  entities: [
    ...COMMON_ENTITIES,
    ...AUTH_ENTITIES,
    ...DIRECTORY_ENTITIES,
    ...NETWORK_ENTITIES,
    ...GRANT_ENTITIES,
    ...NOTIFICATION_ENTITIES,
    SeedRunEntity,
  ],
  migrations: MIGRATIONS,
};
