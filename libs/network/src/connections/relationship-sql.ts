import { Injectable } from '@nestjs/common';
import type { PractitionerRelationships } from '@cohesion/directory';

/**
 * How the directory asks "is the viewer connected to this practitioner": a SQL
 * predicate served by the pair's unique index (smaller id first).
 */
@Injectable()
export class ConnectionRelationships implements PractitionerRelationships {
  connectedSql(viewerParam: string, practitionerColumn: string): string {
    return `EXISTS (SELECT 1 FROM connections c
                     WHERE c.practitioner_a_id = LEAST(${viewerParam}::uuid, ${practitionerColumn})
                       AND c.practitioner_b_id = GREATEST(${viewerParam}::uuid, ${practitionerColumn}))`;
  }
}
