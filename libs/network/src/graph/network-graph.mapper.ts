import { toGlobalId } from '@cohesion/common';
import { NetworkEdge, NetworkNodeKind, type NetworkNode } from './network-graph.model.js';
import type { EdgeRow, ReachedRow } from './network-graph.queries.js';

/** The GraphQL type of each kind of node. */
export const NODE_TYPE = {
  [NetworkNodeKind.PRACTITIONER]: 'Practitioner',
  [NetworkNodeKind.ORGANISATION]: 'Organisation',
};

export function toNetworkNode(reached: ReachedRow, depth: number): NetworkNode {
  return {
    id: toGlobalId(NODE_TYPE[reached.kind], reached.id),
    kind: reached.kind,
    label: reached.label,
    depth,
    entityId: reached.id,
  };
}

export function toNetworkEdge(row: EdgeRow): NetworkEdge {
  return Object.assign(new NetworkEdge(), {
    source: toGlobalId(row.sourceType, row.source),
    target: toGlobalId(row.targetType, row.target),
    kind: row.kind,
  });
}
