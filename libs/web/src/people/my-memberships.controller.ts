import { Body, Get, Param, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Access } from '@cohesion/auth';
import { DomainError, notFound, refusalOf, toGlobalId, type Viewer } from '@cohesion/common';
import {
  ClaimMembershipInput,
  DIRECTORY_POLICY,
  MembershipStatusValue,
  MembershipsService,
  OrganisationsService,
  toMembership,
  today,
  type Membership,
} from '@cohesion/directory';
import { fieldProblem, optionalText, submitForm, textOf, validated } from '../platform/forms.js';
import { recordId } from '../platform/ids.js';
import { Pages } from '../platform/pages.js';
import { PageViewer, WebController } from '../platform/web-controller.js';
import { PeopleReader } from './people.reader.js';

const VIEW = 'people/views/memberships.njk';
const LEAVE_VIEW = 'people/views/membership-leave.njk';
const LABELS = { organisationId: 'Organisation', role: 'Role', team: 'Team' };

/** Where you work: your memberships (confirmed, waiting, past), saying where you work, and leaving. */
@WebController()
export class MyMembershipsController {
  constructor(
    private readonly memberships: MembershipsService,
    private readonly organisations: OrganisationsService,
    private readonly people: PeopleReader,
    private readonly pages: Pages,
  ) {}

  @Get('profile/memberships')
  @Access('account', DIRECTORY_POLICY.seeMembership)
  async list(@PageViewer() viewer: Viewer, @Res() response: Response): Promise<void> {
    response.render(VIEW, { ...(await this.context(viewer)), values: {} });
  }

  @Post('profile/memberships')
  @Access('member', DIRECTORY_POLICY.claimMembership)
  async claim(
    @Body() body: Record<string, unknown>,
    @PageViewer() viewer: Viewer,
    @Res() response: Response,
  ): Promise<void> {
    const values = { organisationId: textOf(body.organisationId), role: textOf(body.role), team: textOf(body.team) };
    const context = await this.context(viewer);
    await submitForm(response, { view: VIEW, values, labels: LABELS, context }, async () => {
      if (!values.organisationId) throw fieldProblem('input.organisationId', 'Select the organisation you work at');
      const input = await validated(ClaimMembershipInput, {
        organisationId: values.organisationId,
        role: optionalText(values.role) ?? null,
        team: optionalText(values.team) ?? null,
      });
      let claimed;
      try {
        claimed = await this.memberships.claim(viewer, input);
      } catch (error) {
        // Already there (pending or confirmed): said beside the choice, in the service's words.
        if (error instanceof DomainError && error.code === 'CONFLICT')
          throw fieldProblem('input.organisationId', error.message);
        throw error;
      }
      const [organisation] = await this.organisations.visibleByIds(viewer, [claimed.organisationId]);
      const name = organisation?.name ?? 'the organisation';
      this.pages.redirect(
        response,
        '/profile/memberships',
        claimed.status === 'CONFIRMED'
          ? `Your membership of ${name} is confirmed.`
          : `You said you work at ${name}. Its admins have been asked to confirm it.`,
      );
    });
  }

  @Get('profile/memberships/:id/leave')
  @Access('member', DIRECTORY_POLICY.endMembership)
  async confirmLeave(@Param('id') segment: string, @PageViewer() viewer: Viewer, @Res() response: Response) {
    const { membership, organisationName } = await this.ownOpen(viewer, segment);
    response.render(LEAVE_VIEW, { membership, organisationName });
  }

  @Post('profile/memberships/:id/leave')
  @Access('member', DIRECTORY_POLICY.endMembership)
  async leave(@Param('id') segment: string, @PageViewer() viewer: Viewer, @Res() response: Response) {
    const { membership, organisationName } = await this.ownOpen(viewer, segment);
    await this.memberships.end(viewer, membership.membershipId);
    this.pages.redirect(response, '/profile/memberships', `You have left ${organisationName}.`);
  }

  /** One of the viewer's own open memberships; anything else is a page that does not exist. */
  private async ownOpen(viewer: Viewer, segment: string) {
    const id = recordId(segment, 'Membership');
    const row = await this.memberships.membershipFor(viewer, id);
    if (!row || !viewer.isPractitioner(row.practitionerId) || !['PENDING', 'CONFIRMED'].includes(row.status)) {
      throw notFound('That membership');
    }
    const [organisation] = await this.organisations.visibleByIds(viewer, [row.organisationId]);
    return { membership: toMembership(row, today()), organisationName: organisation?.name ?? 'this organisation' };
  }

  private async context(viewer: Viewer) {
    const me = viewer.practitionerId;
    const rows = me ? await this.memberships.membershipsOf([me], true) : [];
    const date = today();
    const all = rows.map((row) => toMembership(row, date));
    const organisationIds = [...new Set(all.map((membership) => membership.organisationId))];
    const [visible, choices, access] = await Promise.all([
      this.organisations.visibleByIds(viewer, organisationIds),
      this.organisations.list(viewer, undefined, { first: 100 }),
      this.people.standing(viewer),
    ]);
    const names = new Map(visible.map((row) => [row.id, row.name]));
    const item = (membership: Membership) => ({
      membership,
      organisation: names.has(membership.organisationId)
        ? { id: toGlobalId('Organisation', membership.organisationId), name: names.get(membership.organisationId) }
        : null,
    });
    const refusal = refusalOf(DIRECTORY_POLICY.claimMembership, viewer, undefined);
    return {
      profileId: me ? toGlobalId('Practitioner', me) : null,
      access,
      confirmed: all.filter((membership) => membership.status === MembershipStatusValue.CONFIRMED).map(item),
      pending: all.filter((membership) => membership.status === MembershipStatusValue.PENDING).map(item),
      history: all
        .filter(
          (membership) =>
            membership.status === MembershipStatusValue.DECLINED || membership.status === MembershipStatusValue.ENDED,
        )
        .map(item),
      claimRefused: refusal?.message ?? null,
      organisationOptions: choices.edges.map((edge) => ({ value: edge.node.id, text: edge.node.name })),
    };
  }
}
