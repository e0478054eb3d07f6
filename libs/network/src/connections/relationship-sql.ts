import { Injectable } from '@nestjs/common';
import type { PractitionerRelationships } from '@cohesion/directory';
import type { NoticeBlocks } from '@cohesion/notifications';
import { NETWORK_POLICY } from '../network.policy.js';

const { blockedSql } = NETWORK_POLICY.seePeer;

/**
 * How the directory asks about the viewer and a practitioner, as SQL predicates served
 * by the pair indexes of connections (smaller id first) and blocks (both directions).
 */
@Injectable()
export class ConnectionRelationships implements PractitionerRelationships {
  connectedSql(viewerParam: string, practitionerColumn: string): string {
    return connectedSql(`${viewerParam}::uuid`, practitionerColumn);
  }

  blockedSql(viewerParam: string, practitionerColumn: string): string {
    return blockedSql(`${viewerParam}::uuid`, practitionerColumn);
  }
}

/** How the notice path asks about blocks: the same predicate as everywhere else in the network. */
@Injectable()
export class NetworkNoticeBlocks implements NoticeBlocks {
  blockedSql(one: string, other: string): string {
    return blockedSql(one, other);
  }
}

/** Whether practitioners `one` and `other` (SQL expressions) are connected. */
export function connectedSql(one: string, other: string): string {
  return `EXISTS (SELECT 1 FROM connections c
                   WHERE c.practitioner_a_id = LEAST(${one}, ${other})
                     AND c.practitioner_b_id = GREATEST(${one}, ${other}))`;
}

/**
 * The people connected to practitioner `of` (an SQL expression), as rows with column
 * `id`: both columns of the pair table, each read through its own index.
 */
export function neighboursSql(of: string): string {
  return `SELECT practitioner_b_id AS id FROM connections WHERE practitioner_a_id = ${of}
          UNION ALL
          SELECT practitioner_a_id FROM connections WHERE practitioner_b_id = ${of}`;
}
