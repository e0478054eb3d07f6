import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  allOf,
  keysetPage,
  returningRows,
  SqlParams,
  type ConnectionShape,
  type KeysetSort,
  type Viewer,
  containsTextSql,
} from '@cohesion/common';
import { currentMembershipsSql, practitionerPlacedInSql, practitionersSql } from '@cohesion/directory';
import type { ConnectionOrigin } from '../introductions/introduction.model.js';
import { ConnectedPeer } from './connected-peer.model.js';
import type { MyConnectionsFilter } from './dto/connection.inputs.js';
import { NETWORK_POLICY } from '../network.policy.js';

interface ConnectedRow {
  practitionerId: string;
  origin: ConnectionOrigin;
  since: Date;
  sortName: string;
}

const SORT: KeysetSort<ConnectedRow> = {
  expressions: ['lower(p.full_name)', 'p.id'],
  parts: ['text', 'uuid'],
  valuesOf: (row) => [row.sortName, row.practitionerId],
};

/** Someone's connections (`me`, a placeholder), from both columns of the pair table, joined to the other person as `p`. */
export function connectionsOfSql(me: string): string {
  return `(SELECT practitioner_b_id AS peer_id, origin, created_at FROM connections WHERE practitioner_a_id = ${me}
           UNION ALL
           SELECT practitioner_a_id, origin, created_at FROM connections WHERE practitioner_b_id = ${me}) c
          JOIN ${practitionersSql('p')} ON p.id = c.peer_id`;
}

@Injectable()
export class ConnectionsService {
  constructor(private readonly dataSource: DataSource) {}

  /** The people the viewer is connected with who they may see, by name. */
  list(
    viewer: Viewer,
    filter: MyConnectionsFilter | undefined,
    page: { first: number; after?: string },
  ): Promise<ConnectionShape<ConnectedPeer>> {
    const params = new SqlParams();
    const me = params.add(viewer.practitionerId);
    const where = allOf([
      NETWORK_POLICY.seePeer.sql('p', `${me}::uuid`),
      filter?.organisationId &&
        `EXISTS (SELECT 1 FROM ${currentMembershipsSql('m')}
                  WHERE m.practitioner_id = p.id AND m.organisation_id = ${params.add(filter.organisationId)})`,
      filter?.areaIds?.length && practitionerPlacedInSql('p', `${params.add(filter.areaIds)}::uuid[]`),
      filter?.themeIds?.length && `p.term_path_ids && ${params.add(filter.themeIds)}::uuid[]`,
      filter?.nameContains && containsTextSql('p.full_name', filter.nameContains, params),
    ]);
    return keysetPage(this.dataSource, {
      select: `p.id AS "practitionerId", c.origin, c.created_at AS since, lower(p.full_name) AS "sortName"`,
      from: connectionsOfSql(`${me}::uuid`),
      where,
      params,
      sort: SORT,
      page,
      toNode: (row: ConnectedRow) =>
        Object.assign(new ConnectedPeer(), {
          practitionerId: row.practitionerId,
          origin: row.origin,
          since: row.since,
        }),
    });
  }

  /** Ends the viewer's connection with someone, silently (they are not told); false if there was none. */
  async remove(viewer: Viewer, practitionerId: string): Promise<boolean> {
    const rows = await returningRows(
      this.dataSource,
      `DELETE FROM connections
        WHERE practitioner_a_id = LEAST($1::uuid, $2::uuid) AND practitioner_b_id = GREATEST($1::uuid, $2::uuid)
        RETURNING id`,
      [viewer.practitionerId, practitionerId],
    );
    return rows.length > 0;
  }
}
