import { Injectable } from '@nestjs/common';
import type { PractitionerRelationships } from '@cohesion/directory';
import type { NoticeBlocks } from '@cohesion/notifications';
import { NETWORK_POLICY } from '../network.policy.js';
import { connectedSql } from './connection.queries.js';

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
