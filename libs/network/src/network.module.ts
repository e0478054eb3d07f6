import { Global, Module } from '@nestjs/common';
import { PRACTITIONER_RELATIONSHIPS } from '@cohesion/directory';
import { ConnectionRelationships } from './connections/relationship-sql.js';

/**
 * Connections between practitioners. Global so the directory can ask about
 * relationships through the PractitionerRelationships interface without importing
 * the network (which itself builds on the directory).
 */
@Global()
@Module({
  providers: [{ provide: PRACTITIONER_RELATIONSHIPS, useClass: ConnectionRelationships }],
  exports: [PRACTITIONER_RELATIONSHIPS],
})
export class NetworkModule {}
