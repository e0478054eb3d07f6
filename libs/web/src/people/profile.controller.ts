import { Get, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Access } from '@cohesion/auth';
import { allows, notFound, refusalOf, type Viewer } from '@cohesion/common';
import { DIRECTORY_POLICY } from '@cohesion/directory';
import { IntroductionPathsService, NETWORK_LIMITS, NETWORK_POLICY } from '@cohesion/network';
import { recordId } from '../platform/ids.js';
import { PageViewer, WebController } from '../platform/web-controller.js';
import { PeopleReader, type Person } from './people.reader.js';
import { renderStanding } from './standing.js';

/** How the viewer is connected to someone: directly, through people (first one first), or not within reach. */
export interface HowConnected {
  direct: boolean;
  /** The people between the viewer and them, in order, when there is a chain. */
  through: Person[];
  hops: number | null;
}

/** A practitioner's profile, as the viewer may see it. */
@WebController()
export class ProfileController {
  constructor(
    private readonly people: PeopleReader,
    private readonly paths: IntroductionPathsService,
  ) {}

  @Get('people/:id')
  @Access('account', DIRECTORY_POLICY.seePractitioner)
  async profile(@Param('id') segment: string, @PageViewer() viewer: Viewer, @Res() response: Response): Promise<void> {
    const id = recordId(segment, 'Practitioner');
    const own = viewer.isPractitioner(id);
    // Below the verified-member tier only your own profile is yours to see: for any other
    // address, the same page about where you stand (never whether that person exists).
    if (!own && !allows(DIRECTORY_POLICY.findPeople, viewer, undefined)) {
      return renderStanding(response, this.people, viewer, 'Profile');
    }
    const me = viewer.practitionerId as string;
    const records = await this.people.records(viewer, own ? [id] : [id, me]);
    const [person] = await this.people.people(viewer, [id], { areas: true, records });
    // Not discoverable, blocked either way, erased, or no such person: the same answer.
    if (!person) throw notFound('That practitioner');

    let connected: HowConnected | null = null;
    let actions = null;
    if (!own) {
      connected = await this.howConnected(viewer, person, records);
      const mine = records.get(me);
      const requester = { discoverable: Boolean(mine?.discoverable && mine.verifiedMember), blocked: false };
      const target = { discoverable: true, blocked: false };
      const refusal =
        refusalOf(NETWORK_POLICY.requestIntroduction, viewer, { requester, target }) ??
        refusalOf(NETWORK_POLICY.askPerson, viewer, {
          name: person.profile.fullName,
          openToIntroductions: person.profile.openToIntroductions,
        });
      actions = {
        introduction: connected.direct
          ? null
          : refusal
            ? { refused: refusal.message }
            : { href: `/introductions/new?to=${encodeURIComponent(person.profile.id)}` },
        block: allows(NETWORK_POLICY.block, viewer, { blockable: true })
          ? `/blocks/new?person=${encodeURIComponent(person.profile.id)}`
          : null,
        report: allows(NETWORK_POLICY.reportMisuse, viewer, { kind: 'practitioner', visible: true })
          ? `/reports/new?person=${encodeURIComponent(person.profile.id)}`
          : null,
      };
    }
    response.render('people/views/profile.njk', { person, own, connected, actions });
  }

  /** Directly connected, or the shortest chain of connections (network.findIntroductionPath), as the API finds it. */
  private async howConnected(viewer: Viewer, person: Person, records: Map<string, unknown>): Promise<HowConnected> {
    if (person.profile.connectedToYou) return { direct: true, through: [], hops: 1 };
    if (
      !allows(NETWORK_POLICY.findIntroductionPath, viewer, undefined) ||
      !records.get(viewer.practitionerId as string)
    ) {
      return { direct: false, through: [], hops: null };
    }
    const path = await this.paths.shortest(viewer, person.record.id, NETWORK_LIMITS.pathMaxHops);
    if (!path) return { direct: false, through: [], hops: null };
    const between = path.practitionerIds.slice(1, -1);
    const through = await this.people.people(viewer, between);
    return { direct: path.hops === 1, through, hops: path.hops };
  }
}
