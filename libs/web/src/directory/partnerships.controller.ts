import { Body, Get, Param, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Access } from '@cohesion/auth';
import { allows, DomainError, notFound, toGlobalId, type Viewer } from '@cohesion/common';
import { OrganisationsService } from '@cohesion/directory';
import {
  NETWORK_POLICY,
  PartnershipKind,
  PartnershipsService,
  ProposePartnershipInput,
  type Partnership,
} from '@cohesion/network';
import { fieldProblem, submitForm, textOf, validated } from '../platform/forms.js';
import { recordId } from '../platform/ids.js';
import { Pages } from '../platform/pages.js';
import { PageViewer, WebController } from '../platform/web-controller.js';

const VIEW = 'directory/views/partnerships.njk';
const END_VIEW = 'directory/views/partnership-end.njk';
const LABELS = { partnerId: 'Organisation', kind: 'Kind of partnership' };
/** Organisations offered in the "propose" list: 100 a page, as the API pages them. */
const CHOICE_PAGES = 10;

/** What each kind of link is called, from the side of the organisation whose page it is. */
function relationOf(partnership: Partnership, organisationId: string): string {
  if (partnership.kind === PartnershipKind.PARTNERS_WITH) return 'Works in partnership';
  // MEMBER_OF: `organisationId` belongs to `partnerId` (a network).
  return partnership.organisationId === organisationId
    ? 'A network this organisation belongs to'
    : 'A member of this network';
}

/**
 * An organisation's partnerships, for its admins (ORG_ADMIN, or ADMIN): its confirmed
 * partners, proposals waiting for it to confirm, proposals it made, and a form to propose
 * a new one. Anyone else is told the page does not exist, as for an organisation that
 * does not. Every change goes through the network's PartnershipsService, as the API's
 * proposePartnership, confirmPartnership and endPartnership do.
 */
@WebController('organisations/:organisation/partnerships')
export class PartnershipsController {
  constructor(
    private readonly partnerships: PartnershipsService,
    private readonly organisations: OrganisationsService,
    private readonly pages: Pages,
  ) {}

  @Get()
  @Access('member', NETWORK_POLICY.proposePartnership)
  async show(@Param('organisation') segment: string, @PageViewer() viewer: Viewer, @Res() response: Response) {
    const organisationId = this.managed(viewer, segment);
    response.render(VIEW, { ...(await this.context(viewer, organisationId)), values: {} });
  }

  @Post()
  @Access('member', NETWORK_POLICY.proposePartnership)
  async propose(
    @Param('organisation') segment: string,
    @Body() body: Record<string, unknown>,
    @PageViewer() viewer: Viewer,
    @Res() response: Response,
  ) {
    const organisationId = this.managed(viewer, segment);
    const values = { partnerId: textOf(body.partnerId), kind: textOf(body.kind) };
    const context = await this.context(viewer, organisationId);
    await submitForm(response, { view: VIEW, values, labels: LABELS, context }, async () => {
      const problems = [];
      if (!values.partnerId) problems.push({ field: 'input.partnerId', message: 'Select an organisation' });
      if (!Object.values<string>(PartnershipKind).includes(values.kind))
        problems.push({ field: 'input.kind', message: 'Select the kind of partnership' });
      if (problems.length) throw new DomainError('BAD_USER_INPUT', 'input', { fields: problems });
      // The API's own input and rules, as `proposePartnership(input:)` takes them.
      const input = await validated(ProposePartnershipInput, {
        organisationId: toGlobalId('Organisation', organisationId),
        partnerId: values.partnerId,
        kind: values.kind,
      });
      try {
        await this.partnerships.propose(viewer, input);
      } catch (error) {
        // A link already asked for, asked about too recently, too many today: said beside the field.
        if (error instanceof DomainError && error.code === 'CONFLICT')
          throw fieldProblem('input.partnerId', error.message);
        if (error instanceof DomainError && error.code === 'NOT_FOUND')
          throw fieldProblem('input.partnerId', 'Select an organisation from the list');
        throw error;
      }
      const partner = (context.choices as { value: string; text: string }[]).find(
        (choice) => choice.value === toGlobalId('Organisation', input.partnerId),
      );
      this.pages.redirect(
        response,
        this.path(organisationId),
        `We have asked ${partner?.text ?? 'the other organisation'}’s admins to confirm the partnership.`,
      );
    });
  }

  @Post(':partnership/confirm')
  @Access('member', NETWORK_POLICY.confirmPartnership)
  async confirm(
    @Param('organisation') segment: string,
    @Param('partnership') partnershipSegment: string,
    @PageViewer() viewer: Viewer,
    @Res() response: Response,
  ) {
    const organisationId = this.managed(viewer, segment);
    const partnership = await this.partnershipOf(viewer, organisationId, partnershipSegment);
    const confirmed = await this.partnerships.confirm(viewer, partnership.partnershipId);
    const name = await this.partnerName(viewer, organisationId, confirmed);
    this.pages.redirect(response, this.path(organisationId), `You confirmed the partnership with ${name}.`);
  }

  /** The confirmation page before a partnership ends. */
  @Get(':partnership/end')
  @Access('member', NETWORK_POLICY.managePartnership)
  async confirmEnd(
    @Param('organisation') segment: string,
    @Param('partnership') partnershipSegment: string,
    @PageViewer() viewer: Viewer,
    @Res() response: Response,
  ) {
    const organisationId = this.managed(viewer, segment);
    const partnership = await this.partnershipOf(viewer, organisationId, partnershipSegment);
    const [organisation] = await this.organisations.visibleByIds(viewer, [organisationId]);
    response.render(END_VIEW, {
      organisation: { name: organisation?.name ?? 'Your organisation' },
      path: this.path(organisationId),
      partnership: {
        id: partnership.id,
        confirmed: partnership.confirmed,
        partnerName: await this.partnerName(viewer, organisationId, partnership),
        relation: relationOf(partnership, organisationId),
        since: partnership.confirmedAt,
      },
    });
  }

  /** Ends a partnership, or turns down or withdraws a proposal (the API's endPartnership does all three). */
  @Post(':partnership/end')
  @Access('member', NETWORK_POLICY.managePartnership)
  async end(
    @Param('organisation') segment: string,
    @Param('partnership') partnershipSegment: string,
    @PageViewer() viewer: Viewer,
    @Res() response: Response,
  ) {
    const organisationId = this.managed(viewer, segment);
    const partnership = await this.partnershipOf(viewer, organisationId, partnershipSegment);
    const name = await this.partnerName(viewer, organisationId, partnership);
    await this.partnerships.end(viewer, partnership.partnershipId);
    const flash = partnership.confirmed
      ? `The partnership with ${name} has ended.`
      : partnership.proposedByOrganisationId === organisationId
        ? `You withdrew the proposal to ${name}.`
        : `You declined the proposal from ${name}.`;
    this.pages.redirect(response, this.path(organisationId), flash);
  }

  /** The organisation in the address, when the viewer runs it; otherwise a page that does not exist. */
  private managed(viewer: Viewer, segment: string): string {
    const organisationId = recordId(segment, 'Organisation');
    if (!allows(NETWORK_POLICY.proposePartnership, viewer, { organisationId })) throw notFound('That organisation');
    return organisationId;
  }

  /** A partnership of this organisation the viewer may manage; NOT_FOUND for any other. */
  private async partnershipOf(viewer: Viewer, organisationId: string, segment: string): Promise<Partnership> {
    const [partnership] = await this.partnerships.visibleByIds(viewer, [recordId(segment, 'Partnership')]);
    if (
      !partnership ||
      (partnership.organisationId !== organisationId && partnership.partnerId !== organisationId) ||
      !allows(NETWORK_POLICY.managePartnership, viewer, partnership)
    )
      throw notFound('That partnership');
    return partnership;
  }

  private async partnerName(viewer: Viewer, organisationId: string, partnership: Partnership): Promise<string> {
    const otherId = otherSideOf(partnership, organisationId);
    const [other] = await this.organisations.visibleByIds(viewer, [otherId]);
    return other?.name ?? 'the other organisation';
  }

  private path(organisationId: string): string {
    return `/organisations/${toGlobalId('Organisation', organisationId)}/partnerships`;
  }

  private async context(viewer: Viewer, organisationId: string) {
    const [[organisation], byOrganisation] = await Promise.all([
      this.organisations.visibleByIds(viewer, [organisationId]),
      this.partnerships.of(viewer, [organisationId]),
    ]);
    // ADMIN holds the verified-member tier, so sees every organisation: none here means there is none.
    if (!organisation && viewer.isAdmin) throw notFound('That organisation');
    const all = byOrganisation.get(organisationId) ?? [];
    const others = await this.organisations.visibleByIds(viewer, [
      ...new Set(all.map((partnership) => otherSideOf(partnership, organisationId))),
    ]);
    const names = new Map(others.map((other) => [other.id, other.name]));
    const row = (partnership: Partnership) => {
      const otherId = otherSideOf(partnership, organisationId);
      const otherSide =
        partnership.proposedByOrganisationId === partnership.organisationId
          ? partnership.partnerId
          : partnership.organisationId;
      return {
        id: partnership.id,
        partner: names.has(otherId)
          ? { name: names.get(otherId), href: `/organisations/${toGlobalId('Organisation', otherId)}` }
          : null,
        relation: relationOf(partnership, organisationId),
        createdAt: partnership.createdAt,
        confirmedAt: partnership.confirmedAt,
        // As the API's `canConfirm`: not yet confirmed, and the viewer runs the side that did not propose it.
        canConfirm: !partnership.confirmed && allows(NETWORK_POLICY.confirmPartnership, viewer, { otherSide }),
        canEnd: allows(NETWORK_POLICY.managePartnership, viewer, partnership),
      };
    };
    const unconfirmed = all.filter((partnership) => !partnership.confirmed);
    return {
      organisation: {
        id: toGlobalId('Organisation', organisationId),
        name: organisation?.name ?? 'Your organisation',
      },
      path: this.path(organisationId),
      partners: all.filter((partnership) => partnership.confirmed).map(row),
      waiting: unconfirmed.filter((partnership) => partnership.proposedByOrganisationId !== organisationId).map(row),
      proposed: unconfirmed.filter((partnership) => partnership.proposedByOrganisationId === organisationId).map(row),
      choices: await this.choices(viewer, organisationId),
    };
  }

  /** The organisations the viewer may see in the directory, by name, but this one. */
  private async choices(viewer: Viewer, organisationId: string): Promise<{ value: string; text: string }[]> {
    const choices: { value: string; text: string }[] = [];
    let after: string | undefined;
    for (let page = 0; page < CHOICE_PAGES; page++) {
      const found = await this.organisations.list(viewer, undefined, { first: 100, after });
      for (const { node } of found.edges)
        if (node.organisationId !== organisationId) choices.push({ value: node.id, text: node.name });
      if (!found.pageInfo.hasNextPage || !found.pageInfo.endCursor) break;
      after = found.pageInfo.endCursor;
    }
    return choices.sort((a, b) => a.text.localeCompare(b.text, 'en-GB'));
  }
}

function otherSideOf(partnership: Partnership, organisationId: string): string {
  return partnership.organisationId === organisationId ? partnership.partnerId : partnership.organisationId;
}
