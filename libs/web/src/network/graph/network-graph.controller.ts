import { Get, Param, Query, Render } from '@nestjs/common';
import { Access } from '@cohesion/auth';
import { enforce, toGlobalId, type Viewer } from '@cohesion/common';
import {
  NETWORK_LIMITS,
  NETWORK_POLICY,
  NetworkEdgeKind,
  NetworkGraphService,
  NetworkNodeKind,
  type NetworkGraph,
  type NetworkNode,
} from '@cohesion/network';
import { recordId } from '../../platform/ids.js';
import { PageViewer, WebController } from '../../platform/web-controller.js';

const VIEW = 'network/graph/views/network-graph.njk';

/** How each kind of link reads between two names: "Asha works at Walsall Council". */
const LINK_WORDS: Record<NetworkEdgeKind, string> = {
  [NetworkEdgeKind.CONNECTED]: 'is connected to',
  [NetworkEdgeKind.WORKS_AT]: 'works at',
  [NetworkEdgeKind.PARTNERS_WITH]: 'partners with',
  [NetworkEdgeKind.MEMBER_OF]: 'is a member of',
};

/** The page's reading of `?depth=`: 2 when asked for, otherwise 1 (the service allows 1 or 2). */
export function depthOf(value: unknown): number {
  return value === String(NETWORK_LIMITS.graphMaxDepth) ? NETWORK_LIMITS.graphMaxDepth : 1;
}

export function hrefOf(node: Pick<NetworkNode, 'id' | 'kind'>): string {
  return node.kind === NetworkNodeKind.PRACTITIONER ? `/people/${node.id}` : `/organisations/${node.id}`;
}

/**
 * The graph as the island reads it from its data block: JSON with `<`, `>`, `&` and the
 * line separators escaped, so nothing in a name can close the block or open markup.
 */
export function graphData(graph: NetworkGraph): string {
  const data = {
    nodes: graph.nodes.map((node) => ({
      id: node.id,
      kind: node.kind,
      label: node.label,
      depth: node.depth,
      href: hrefOf(node),
    })),
    edges: graph.edges.map((edge) => ({ source: edge.source, target: edge.target, kind: edge.kind })),
  };
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** What the page shows: the same nodes and links as lists and a table, and the data block for the picture. */
function pageOf(graph: NetworkGraph, depth: number, centreId: string, path: string): Record<string, unknown> {
  const byId = new Map(graph.nodes.map((node) => [node.id, node]));
  const entry = (node: NetworkNode) => ({ ...node, href: hrefOf(node), centre: node.id === centreId });
  const centre = byId.get(centreId);
  return {
    depth,
    path,
    centre: centre ? entry(centre) : undefined,
    people: graph.nodes.filter((node) => node.kind === NetworkNodeKind.PRACTITIONER).map(entry),
    organisations: graph.nodes.filter((node) => node.kind === NetworkNodeKind.ORGANISATION).map(entry),
    links: graph.edges.flatMap((edge) => {
      const source = byId.get(edge.source);
      const target = byId.get(edge.target);
      return source && target ? [{ source: entry(source), target: entry(target), words: LINK_WORDS[edge.kind] }] : [];
    }),
    truncated: graph.truncated,
    maxNodes: NETWORK_LIMITS.graphDefaultNodes,
    graphJson: graphData(graph),
  };
}

/**
 * The network picture: the people and organisations around the viewer, or around an
 * organisation, as the graph service returns them to this viewer (only people they may
 * see). Always a list and a table; with JavaScript, a picture drawn from the same data.
 */
@WebController()
export class NetworkGraphController {
  constructor(private readonly graph: NetworkGraphService) {}

  @Get('network')
  @Access('member', NETWORK_POLICY.seeNetwork)
  @Render(VIEW)
  async aroundMe(@PageViewer() viewer: Viewer, @Query('depth') depthParam: unknown): Promise<Record<string, unknown>> {
    // A signed-in account without a place in the network hears the policy's refusal.
    enforce(NETWORK_POLICY.seeNetwork, viewer, undefined);
    const depth = depthOf(depthParam);
    const centreId = toGlobalId('Practitioner', viewer.practitionerId as string);
    const graph = await this.graph.around(viewer, centreId, depth, NETWORK_LIMITS.graphDefaultNodes);
    return { ...pageOf(graph, depth, centreId, '/network'), aroundMe: true };
  }

  @Get('organisations/:id/network')
  @Access('member', NETWORK_POLICY.seeNetwork)
  @Render(VIEW)
  async aroundOrganisation(
    @PageViewer() viewer: Viewer,
    @Param('id') id: string,
    @Query('depth') depthParam: unknown,
  ): Promise<Record<string, unknown>> {
    enforce(NETWORK_POLICY.seeNetwork, viewer, undefined);
    const depth = depthOf(depthParam);
    const centreId = toGlobalId('Organisation', recordId(id, 'Organisation'));
    const graph = await this.graph.around(viewer, centreId, depth, NETWORK_LIMITS.graphDefaultNodes);
    return { ...pageOf(graph, depth, centreId, `/organisations/${centreId}/network`), aroundMe: false };
  }
}
