import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { badInput, decodeGlobalId, notFound, type Viewer } from '@cohesion/common';
import { practitionerOf } from '../shared/practitioner-of.js';
import { NODE_TYPE, toNetworkEdge, toNetworkNode } from './network-graph.mapper.js';
import { NetworkEdge, NetworkGraph, NetworkNode, NetworkNodeKind } from './network-graph.model.js';
import {
  edgesBetween,
  organisationLabel,
  practitionerLabel,
  reachedFrom,
  type ReachedRow,
} from './network-graph.queries.js';

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
    if (!centre) throw notFound(`That ${NODE_TYPE[kind].toLowerCase()}`);

    const nodes = new Map<string, NetworkNode>();
    const add = (found: ReachedRow, level: number) =>
      nodes.set(`${found.kind}:${found.id}`, toNetworkNode(found, level));
    add(centre, 0);
    let frontier: ReachedRow[] = [centre];
    let truncated = false;
    for (let level = 1; level <= depth && frontier.length > 0 && !truncated; level++) {
      const next: ReachedRow[] = [];
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

  private async centre(me: string, kind: NetworkNodeKind, id: string): Promise<ReachedRow | undefined> {
    const label =
      kind === NetworkNodeKind.PRACTITIONER
        ? await practitionerLabel(this.dataSource, id, me)
        : await organisationLabel(this.dataSource, id);
    return label === undefined ? undefined : { kind, id, label };
  }

  /** Everything one step from the frontier, in a stable order (organisations, then people, by name). */
  private async step(me: string, frontier: ReachedRow[]): Promise<ReachedRow[]> {
    const people = frontier.filter((found) => found.kind === NetworkNodeKind.PRACTITIONER).map((found) => found.id);
    const organisations = frontier
      .filter((found) => found.kind === NetworkNodeKind.ORGANISATION)
      .map((found) => found.id);
    const rows = await reachedFrom(this.dataSource, people, organisations, me);
    return rows.sort((a, b) =>
      a.kind === b.kind
        ? a.label.localeCompare(b.label) || (a.id < b.id ? -1 : 1)
        : a.kind === NetworkNodeKind.ORGANISATION
          ? -1
          : 1,
    );
  }

  /** Every edge between two of the nodes. */
  private async edgesBetween(nodes: NetworkNode[]): Promise<NetworkEdge[]> {
    const people = nodes.filter((node) => node.kind === NetworkNodeKind.PRACTITIONER).map((node) => node.entityId);
    const organisations = nodes
      .filter((node) => node.kind === NetworkNodeKind.ORGANISATION)
      .map((node) => node.entityId);
    const rows = await edgesBetween(this.dataSource, people, organisations);
    return rows.map(toNetworkEdge);
  }
}
