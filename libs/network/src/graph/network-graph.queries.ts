import type { Db } from '@cohesion/common';
import { currentMembershipsSql, organisationsSql, practitionersSql } from '@cohesion/directory';
import { neighboursSql } from '../connections/connection.queries.js';
import { NETWORK_POLICY } from '../network.policy.js';
import type { NetworkEdgeKind, NetworkNodeKind } from './network-graph.model.js';

/** A practitioner or organisation reached in the graph, with its name (`reachedFrom`). */
export interface ReachedRow {
  kind: NetworkNodeKind;
  id: string;
  label: string;
}

/** The name of a practitioner the viewer `me` is, or may see; nothing otherwise. */
export async function practitionerLabel(db: Db, id: string, me: string): Promise<string | undefined> {
  const [row] = await db.query<{ label: string }[]>(
    `SELECT p.full_name AS label FROM ${practitionersSql('p')}
      WHERE p.id = $1 AND (p.id = $2 OR ${NETWORK_POLICY.seePeer.sql('p', '$2::uuid')})`,
    [id, me],
  );
  return row?.label;
}

/** The name of an organisation; nothing if there is none. */
export async function organisationLabel(db: Db, id: string): Promise<string | undefined> {
  const [row] = await db.query<{ label: string }[]>(
    `SELECT o.name AS label FROM ${organisationsSql('o')} WHERE o.id = $1`,
    [id],
  );
  return row?.label;
}

/**
 * Everything one step from the given people and organisations, once each, by kind and
 * id: the people connected to the people, where the people work now, the people who
 * work now at the organisations and the organisations' confirmed partners. Only people
 * the viewer `me` is, or may see.
 */
export function reachedFrom(db: Db, people: string[], organisations: string[], me: string): Promise<ReachedRow[]> {
  return db.query<ReachedRow[]>(
    `SELECT DISTINCT ON (kind, id) kind, id, label FROM (
     SELECT 'PRACTITIONER' AS kind, p.id, p.full_name AS label
       FROM unnest($1::uuid[]) AS f(id)
       CROSS JOIN LATERAL (${neighboursSql('f.id')}) n
       JOIN ${practitionersSql('p')} ON p.id = n.id
      WHERE p.id = $3 OR ${NETWORK_POLICY.seePeer.sql('p', '$3::uuid')}
     UNION ALL
     SELECT 'ORGANISATION', o.id, o.name
       FROM ${currentMembershipsSql('m')} JOIN ${organisationsSql('o')} ON o.id = m.organisation_id
      WHERE m.practitioner_id = ANY ($1::uuid[])
     UNION ALL
     SELECT 'PRACTITIONER', p.id, p.full_name
       FROM ${currentMembershipsSql('m')} JOIN ${practitionersSql('p')} ON p.id = m.practitioner_id
      WHERE m.organisation_id = ANY ($2::uuid[])
        AND (p.id = $3 OR ${NETWORK_POLICY.seePeer.sql('p', '$3::uuid')})
     UNION ALL
     SELECT 'ORGANISATION', o.id, o.name
       FROM organisation_partnerships x
       JOIN ${organisationsSql('o')} ON o.id = CASE WHEN x.organisation_id = ANY ($2::uuid[]) THEN x.partner_id ELSE x.organisation_id END
      WHERE x.confirmed_at IS NOT NULL
        AND (x.organisation_id = ANY ($2::uuid[]) OR x.partner_id = ANY ($2::uuid[]))
   ) reached
   ORDER BY kind, id`,
    [people, organisations, me],
  );
}

/** An edge between two nodes, their ids with the GraphQL type of each (`edgesBetween`). */
export interface EdgeRow {
  source: string;
  sourceType: string;
  target: string;
  targetType: string;
  kind: NetworkEdgeKind;
}

/** Every connection, current job and confirmed partnership between two of the given people and organisations. */
export function edgesBetween(db: Db, people: string[], organisations: string[]): Promise<EdgeRow[]> {
  return db.query<EdgeRow[]>(
    `SELECT practitioner_a_id AS source, 'Practitioner' AS "sourceType", practitioner_b_id AS target,
            'Practitioner' AS "targetType", 'CONNECTED' AS kind
       FROM connections WHERE practitioner_a_id = ANY ($1::uuid[]) AND practitioner_b_id = ANY ($1::uuid[])
     UNION
     SELECT m.practitioner_id, 'Practitioner', m.organisation_id, 'Organisation', 'WORKS_AT'
       FROM ${currentMembershipsSql('m')}
      WHERE m.practitioner_id = ANY ($1::uuid[]) AND m.organisation_id = ANY ($2::uuid[])
     UNION
     SELECT organisation_id, 'Organisation', partner_id, 'Organisation', kind
       FROM organisation_partnerships
      WHERE confirmed_at IS NOT NULL AND organisation_id = ANY ($2::uuid[]) AND partner_id = ANY ($2::uuid[])
     ORDER BY kind, source, target`,
    [people, organisations],
  );
}
