import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { badInput, decodeGlobalId, notFound, toGlobalId, type Viewer } from '@cohesion/common';
import { currentMembershipsSql, organisationsSql, practitionersSql } from '@cohesion/directory';
import { practitionerOf } from '../shared/practitioner-of.js';
import { neighboursSql } from '../connections/connection.queries.js';
import { NETWORK_POLICY } from '../network.policy.js';
import { NetworkEdge, NetworkEdgeKind, NetworkGraph, NetworkNode, NetworkNodeKind } from './network-graph.model.js';

interface Found {
  kind: NetworkNodeKind;
  id: string;
  label: string;
}

const TYPE = { [NetworkNodeKind.PRACTITIONER]: 'Practitioner', [NetworkNodeKind.ORGANISATION]: 'Organisation' };

/**
 * The network around a practitioner or organisation, breadth first: people connected
 * to people, people and the organisations they work at now, organisations and their
 * confirmed partners. Only people the viewer may see appear; at most `maxNodes`.
 */
@Injectable()
export class NetworkGraphService {
  constructor(private readonly dataSource: DataSource) {}

  async around(viewer: Viewer, centreId: string, depth: number, maxNodes: number): Promise<NetworkGraph> {
    const me = practitionerOf(viewer);
    const decoded = decodeGlobalId(centreId);
    const kind =
      decoded?.type === 'Practitioner'
        ? NetworkNodeKind.PRACTITIONER
        : decoded?.type === 'Organisation'
          ? NetworkNodeKind.ORGANISATION
          : undefined;
    if (!decoded || !kind) throw badInput('around', 'must be the id of a practitioner or an organisation');
    const centre = await this.centre(me, kind, decoded.id);
    if (!centre) throw notFound(`That ${TYPE[kind].toLowerCase()}`);

    const nodes = new Map<string, NetworkNode>();
    const add = (found: Found, level: number) =>
      nodes.set(`${found.kind}:${found.id}`, {
        id: toGlobalId(TYPE[found.kind], found.id),
        kind: found.kind,
        label: found.label,
        depth: level,
        entityId: found.id,
      });
    add(centre, 0);
    let frontier: Found[] = [centre];
    let truncated = false;
    for (let level = 1; level <= depth && frontier.length > 0 && !truncated; level++) {
      const next: Found[] = [];
      for (const found of await this.step(me, frontier)) {
        if (nodes.has(`${found.kind}:${found.id}`)) continue;
        if (nodes.size >= maxNodes) {
          truncated = true;
          break;
        }
        add(found, level);
        next.push(found);
      }
      frontier = next;
    }
    return { nodes: [...nodes.values()], edges: await this.edgesBetween([...nodes.values()]), truncated };
  }

  private async centre(me: string, kind: NetworkNodeKind, id: string): Promise<Found | undefined> {
    const [row] =
      kind === NetworkNodeKind.PRACTITIONER
        ? await this.dataSource.query<{ label: string }[]>(
            `SELECT p.full_name AS label FROM ${practitionersSql('p')}
              WHERE p.id = $1 AND (p.id = $2 OR ${NETWORK_POLICY.seePeer.sql('p', '$2::uuid')})`,
            [id, me],
          )
        : await this.dataSource.query<{ label: string }[]>(
            `SELECT o.name AS label FROM ${organisationsSql('o')} WHERE o.id = $1`,
            [id],
          );
    return row ? { kind, id, label: row.label } : undefined;
  }

  /** Everything one step from the frontier, in a stable order (organisations, then people, by name). */
  private step(me: string, frontier: Found[]): Promise<Found[]> {
    const people = frontier.filter((found) => found.kind === NetworkNodeKind.PRACTITIONER).map((found) => found.id);
    const organisations = frontier
      .filter((found) => found.kind === NetworkNodeKind.ORGANISATION)
      .map((found) => found.id);
    return this.dataSource
      .query(
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
      )
      .then((rows: Found[]) =>
        rows.sort((a, b) =>
          a.kind === b.kind
            ? a.label.localeCompare(b.label) || (a.id < b.id ? -1 : 1)
            : a.kind === NetworkNodeKind.ORGANISATION
              ? -1
              : 1,
        ),
      );
  }

  /** Every edge between two of the nodes. */
  private async edgesBetween(nodes: NetworkNode[]): Promise<NetworkEdge[]> {
    const people = nodes.filter((node) => node.kind === NetworkNodeKind.PRACTITIONER).map((node) => node.entityId);
    const organisations = nodes
      .filter((node) => node.kind === NetworkNodeKind.ORGANISATION)
      .map((node) => node.entityId);
    const rows = await this.dataSource.query<
      { source: string; sourceType: string; target: string; targetType: string; kind: NetworkEdgeKind }[]
    >(
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
    return rows.map((row) =>
      Object.assign(new NetworkEdge(), {
        source: toGlobalId(row.sourceType, row.source),
        target: toGlobalId(row.targetType, row.target),
        kind: row.kind,
      }),
    );
  }
}
