import { Body, Get, Param, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Access } from '@cohesion/auth';
import { enforce, toGlobalId, type Viewer } from '@cohesion/common';
import { BlocksService, NETWORK_POLICY } from '@cohesion/network';
import { recordId } from '../platform/ids.js';
import { Pages } from '../platform/pages.js';
import { PageViewer, WebController } from '../platform/web-controller.js';
import { NetworkPeople } from './network-people.js';

/** The people the viewer blocked, blocking someone and lifting a block. As BlocksResolver: BlocksService. */
@WebController('blocks')
export class BlocksController {
  constructor(
    private readonly blocks: BlocksService,
    private readonly people: NetworkPeople,
    private readonly pages: Pages,
  ) {}

  @Get()
  @Access('member', NETWORK_POLICY.seeBlocks)
  async list(@PageViewer() viewer: Viewer, @Res() response: Response): Promise<void> {
    enforce(NETWORK_POLICY.takePart, viewer, undefined);
    const blocked = await this.blocks.blockedBy(viewer);
    response.render('network/views/blocks.njk', { blocked });
  }

  @Get('new')
  @Access('member', NETWORK_POLICY.block)
  async confirm(@PageViewer() viewer: Viewer, @Query('person') person: unknown, @Res() response: Response) {
    enforce(NETWORK_POLICY.takePart, viewer, undefined);
    const practitionerId = recordId(person, 'Practitioner');
    const card = await this.people.card(viewer, practitionerId);
    if (!card) {
      // Someone already blocked is no longer seen; the list says so. Anyone else unseen is nobody.
      const already = (await this.blocks.blockedBy(viewer)).find(
        (block) => block.practitionerId === toGlobalId('Practitioner', practitionerId),
      );
      enforce(NETWORK_POLICY.block, viewer, { blockable: already !== undefined });
      return this.pages.redirect(response, '/blocks', `You have already blocked ${already?.fullName ?? 'them'}.`);
    }
    enforce(NETWORK_POLICY.block, viewer, { blockable: viewer.practitionerId !== practitionerId });
    response.render('network/views/block-new.njk', { person: card });
  }

  @Post('new')
  @Access('member', NETWORK_POLICY.block)
  async block(@PageViewer() viewer: Viewer, @Body() body: Record<string, unknown>, @Res() response: Response) {
    enforce(NETWORK_POLICY.takePart, viewer, undefined);
    const practitionerId = recordId(body.person, 'Practitioner');
    const card = await this.people.card(viewer, practitionerId);
    await this.blocks.block(viewer, practitionerId);
    this.pages.redirect(
      response,
      '/blocks',
      `You blocked ${card?.name ?? 'them'}. Neither of you will see the other anywhere in Cohesion Network.`,
    );
  }

  @Post(':person/unblock')
  @Access('member', NETWORK_POLICY.unblock)
  async unblock(@PageViewer() viewer: Viewer, @Param('person') person: string, @Res() response: Response) {
    enforce(NETWORK_POLICY.takePart, viewer, undefined);
    const practitionerId = recordId(person, 'Practitioner');
    const block = (await this.blocks.blockedBy(viewer)).find(
      (row) => row.practitionerId === toGlobalId('Practitioner', practitionerId),
    );
    const lifted = await this.blocks.unblock(viewer, practitionerId);
    this.pages.redirect(
      response,
      '/blocks',
      lifted ? `You unblocked ${block?.fullName ?? 'them'}.` : 'They were not blocked, so nothing changed.',
    );
  }
}
