import {
  allOf,
  containsTextSql,
  keysetPage,
  returningRows,
  SqlParams,
  type ConnectionShape,
  type Db,
  byNameSort,
} from '@cohesion/common';
import { currentMembershipsSql, practitionerPlacedInSql, practitionersSql } from '@cohesion/directory';
import type { ConnectionOrigin } from './connection-origin.js';
import { NETWORK_POLICY } from '../network.policy.js';
import type { MyConnectionsFilter } from './dto/connection.inputs.js';

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

/** Someone's connections (`me`, a placeholder), from both columns of the pair table, joined to the other person as `p`. */
function connectionsOfSql(me: string): string {
  return `(SELECT practitioner_b_id AS peer_id, origin, created_at FROM connections WHERE practitioner_a_id = ${me}
           UNION ALL
           SELECT practitioner_a_id, origin, created_at FROM connections WHERE practitioner_b_id = ${me}) c
          JOIN ${practitionersSql('p')} ON p.id = c.peer_id`;
}

/** One of the viewer's connections: the other person, how they met and since when (`connectionsPage`). */
export interface ConnectedRow {
  practitionerId: string;
  origin: ConnectionOrigin;
  since: Date;
  /** lower(full_name), for cursors. */
  sortName: string;
}

const CONNECTED_SORT = byNameSort<ConnectedRow>('p.full_name', 'p.id', (row) => [row.sortName, row.practitionerId]);

/** A page of the people practitioner `me` is connected with and may see, by name, filtered. */
export function connectionsPage<T>(
  db: Db,
  me: string,
  filter: MyConnectionsFilter | undefined,
  page: { first: number; after?: string },
  toNode: (row: ConnectedRow) => T,
): Promise<ConnectionShape<T>> {
  const params = new SqlParams();
  const meParam = params.add(me);
  const where = allOf([
    NETWORK_POLICY.seePeer.sql('p', `${meParam}::uuid`),
    filter?.organisationId &&
      `EXISTS (SELECT 1 FROM ${currentMembershipsSql('m')}
                WHERE m.practitioner_id = p.id AND m.organisation_id = ${params.add(filter.organisationId)})`,
    filter?.areaIds?.length && practitionerPlacedInSql('p', `${params.add(filter.areaIds)}::uuid[]`),
    filter?.themeIds?.length && `p.term_path_ids && ${params.add(filter.themeIds)}::uuid[]`,
    filter?.nameContains && containsTextSql('p.full_name', filter.nameContains, params),
  ]);
  return keysetPage(db, {
    select: `p.id AS "practitionerId", c.origin, c.created_at AS since, lower(p.full_name) AS "sortName"`,
    from: connectionsOfSql(`${meParam}::uuid`),
    where,
    params,
    sort: CONNECTED_SORT,
    page,
    toNode,
  });
}

/** Connects two practitioners (as a pair, smaller id first); nothing if they already are. */
export async function insertConnection(db: Db, one: string, other: string, origin: ConnectionOrigin): Promise<void> {
  await db.query(
    `INSERT INTO connections (practitioner_a_id, practitioner_b_id, origin)
     VALUES (LEAST($1::uuid, $2::uuid), GREATEST($1::uuid, $2::uuid), $3)
     ON CONFLICT ON CONSTRAINT uq_connections_pair DO NOTHING`,
    [one, other, origin],
  );
}

/** Ends the connection between two practitioners; whether there was one. */
export async function deleteConnection(db: Db, one: string, other: string): Promise<boolean> {
  const rows = await returningRows<{ id: string }>(
    db,
    `DELETE FROM connections
      WHERE practitioner_a_id = LEAST($1::uuid, $2::uuid) AND practitioner_b_id = GREATEST($1::uuid, $2::uuid)
      RETURNING id`,
    [one, other],
  );
  return rows.length > 0;
}

/** One connection as its person's data holds it: the other person by name only. */
export interface PersonalConnectionRow {
  otherName: string;
  origin: ConnectionOrigin;
  since: Date;
}

/** Every connection of practitioner `me`, oldest first (their own data, for a copy of it). */
export function connectionsOf(db: Db, me: string): Promise<PersonalConnectionRow[]> {
  return db.query<PersonalConnectionRow[]>(
    `SELECT p.full_name AS "otherName", c.origin, c.created_at AS since
       FROM ${connectionsOfSql('$1')}
      ORDER BY c.created_at, p.id`,
    [me],
  );
}

/** Ends every connection of practitioner `me` (the counts follow by trigger) and drops their count; rows changed. */
export async function deleteConnectionsOf(db: Db, me: string): Promise<number> {
  const connections = await returningRows<{ id: string }>(
    db,
    `DELETE FROM connections WHERE practitioner_a_id = $1 OR practitioner_b_id = $1 RETURNING id`,
    [me],
  );
  await db.query(`DELETE FROM connection_counts WHERE practitioner_id = $1`, [me]);
  return connections.length;
}
