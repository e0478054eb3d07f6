import { Get, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Access } from '@cohesion/auth';
import { allows, type Viewer } from '@cohesion/common';
import { NETWORK_LIMITS, NETWORK_POLICY, SuggestionsService } from '@cohesion/network';
import { PageViewer, WebController } from '../platform/web-controller.js';
import { NetworkPeople } from './network-people.js';

/** People the viewer might want to know, each with its reasons. As SuggestionsResolver: SuggestionsService.suggest. */
@WebController('suggestions')
export class SuggestionsController {
  constructor(
    private readonly suggestions: SuggestionsService,
    private readonly people: NetworkPeople,
  ) {}

  @Get()
  @Access('member', NETWORK_POLICY.suggestPeers)
  async list(@PageViewer() viewer: Viewer, @Res() response: Response): Promise<void> {
    const suggested = await this.suggestions.suggest(viewer, NETWORK_LIMITS.suggestionsDefault * 2);
    const cards = await this.people.cards(
      viewer,
      suggested.map((peer) => peer.practitionerId),
    );
    response.render('network/views/suggestions.njk', {
      suggestions: suggested
        .map((peer) => {
          const person = cards.get(peer.practitionerId);
          return (
            person && {
              person,
              reasons: peer.reasons,
              // Whether they take introductions is the network's rule, asked of its policy.
              canAsk: allows(NETWORK_POLICY.askPerson, viewer, {
                name: person.name,
                openToIntroductions: person.openToIntroductions,
              }),
            }
          );
        })
        .filter((suggestion) => suggestion !== undefined),
    });
  }
}
