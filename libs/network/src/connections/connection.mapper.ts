import { ConnectedPeer } from './connected-peer.model.js';
import type { ConnectedRow } from './connection.queries.js';

export function toConnectedPeer(row: ConnectedRow): ConnectedPeer {
  return Object.assign(new ConnectedPeer(), {
    practitionerId: row.practitionerId,
    origin: row.origin,
    since: row.since,
  });
}
