export * from './connections/connection.entity.js';
export * from './network.module.js';

import { ConnectionEntity } from './connections/connection.entity.js';

export const NETWORK_ENTITIES = [ConnectionEntity];
