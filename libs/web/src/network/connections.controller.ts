import { Get, Param, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Access } from '@cohesion/auth';
import { enforce, notFound, type Viewer } from '@cohesion/common';
import { ConnectionsService, NETWORK_POLICY } from '@cohesion/network';
import { MyConnectionsArgs } from '@cohesion/network';
import { optionalText, validated } from '../platform/forms.js';
import { recordId } from '../platform/ids.js';
import { Pages } from '../platform/pages.js';
import { PageViewer, WebController } from '../platform/web-controller.js';
import { ORIGIN_WORDS } from './introduction-words.js';
import { NetworkPeople } from './network-people.js';

const PAGE_SIZE = 20;

/** The viewer's connections, and ending one. As ConnectionsResolver: ConnectionsService.list and remove. */
@WebController('connections')
export class ConnectionsController {
  constructor(
    private readonly connections: ConnectionsService,
    private readonly people: NetworkPeople,
    private readonly pages: Pages,
  ) {}

  @Get()
  @Access('member', NETWORK_POLICY.seeConnections)
  async list(@PageViewer() viewer: Viewer, @Query('after') after: unknown, @Res() response: Response): Promise<void> {
    enforce(NETWORK_POLICY.takePart, viewer, undefined);
    const args = await validated(MyConnectionsArgs, { first: PAGE_SIZE, after: optionalText(after) }, 'args');
    const page = await this.connections.list(viewer, args.filter, args);
    const peers = page.edges.map((edge) => edge.node);
    const cards = await this.people.cards(
      viewer,
      peers.map((peer) => peer.practitionerId),
    );
    response.render('network/views/connections.njk', {
      connections: peers
        .map((peer) => ({
          person: cards.get(peer.practitionerId),
          origin: ORIGIN_WORDS[peer.origin],
          since: peer.since,
        }))
        .filter((connection) => connection.person !== undefined),
      totalCount: await page.totalCount,
      next: page.pageInfo.hasNextPage
        ? `/connections?after=${encodeURIComponent(page.pageInfo.endCursor ?? '')}`
        : undefined,
      first: args.after ? '/connections' : undefined,
    });
  }

  @Get(':person/remove')
  @Access('member', NETWORK_POLICY.removeConnection)
  async confirm(@PageViewer() viewer: Viewer, @Param('person') person: string, @Res() response: Response) {
    enforce(NETWORK_POLICY.takePart, viewer, undefined);
    const card = await this.people.card(viewer, recordId(person, 'Practitioner'));
    if (!card?.connectedToYou) throw notFound('That connection');
    response.render('network/views/connection-remove.njk', { person: card });
  }

  @Post(':person/remove')
  @Access('member', NETWORK_POLICY.removeConnection)
  async remove(@PageViewer() viewer: Viewer, @Param('person') person: string, @Res() response: Response) {
    enforce(NETWORK_POLICY.takePart, viewer, undefined);
    const practitionerId = recordId(person, 'Practitioner');
    const card = await this.people.card(viewer, practitionerId);
    const removed = await this.connections.remove(viewer, practitionerId);
    this.pages.redirect(
      response,
      '/connections',
      removed
        ? `You are no longer connected with ${card?.name ?? 'them'}.`
        : 'You were not connected with them, so nothing changed.',
    );
  }
}
