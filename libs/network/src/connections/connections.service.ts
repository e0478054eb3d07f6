import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ConnectionShape, Viewer } from '@cohesion/common';
import { practitionerOf } from '../shared/practitioner-of.js';
import type { ConnectedPeer } from './connected-peer.model.js';
import { toConnectedPeer } from './connection.mapper.js';
import { connectionsPage, deleteConnection } from './connection.queries.js';
import type { MyConnectionsFilter } from './dto/connection.inputs.js';

@Injectable()
export class ConnectionsService {
  constructor(private readonly dataSource: DataSource) {}

  /** The people the viewer is connected with who they may see, by name. */
  list(
    viewer: Viewer,
    filter: MyConnectionsFilter | undefined,
    page: { first: number; after?: string },
  ): Promise<ConnectionShape<ConnectedPeer>> {
    return connectionsPage(this.dataSource, practitionerOf(viewer), filter, page, toConnectedPeer);
  }

  /** Ends the viewer's connection with someone, silently (they are not told); false if there was none. */
  remove(viewer: Viewer, practitionerId: string): Promise<boolean> {
    return deleteConnection(this.dataSource, practitionerOf(viewer), practitionerId);
  }
}
