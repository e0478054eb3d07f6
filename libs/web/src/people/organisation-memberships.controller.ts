import { Body, Get, Param, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Access } from '@cohesion/auth';
import { allows, DomainError, notFound, toGlobalId, type Viewer } from '@cohesion/common';
import {
  AddEmailDomainInput,
  DIRECTORY_POLICY,
  InviteMemberInput,
  MembershipIdsInput,
  MembershipsService,
  OrganisationsService,
  toEmailDomain,
} from '@cohesion/directory';
import { fieldProblem, listOf, optionalText, submitForm, textOf, validated } from '../platform/forms.js';
import { recordId } from '../platform/ids.js';
import { Pages } from '../platform/pages.js';
import { PageViewer, WebController } from '../platform/web-controller.js';

const VIEW = 'people/views/organisation-memberships.njk';
const LABELS = { email: 'Email address', role: 'Role', team: 'Team', domain: 'Email domain', ids: 'Claims' };

/**
 * Who works at an organisation, for its admins (ORG_ADMIN, or ADMIN): claims waiting to be
 * confirmed, invitations by email, and the email domains its staff use. Anyone else is
 * told the page does not exist, as for an organisation that does not.
 */
@WebController('organisations/:organisation')
export class OrganisationMembershipsController {
  constructor(
    private readonly memberships: MembershipsService,
    private readonly organisations: OrganisationsService,
    private readonly pages: Pages,
  ) {}

  @Get('memberships')
  @Access('member', DIRECTORY_POLICY.reviewMemberships)
  async show(@Param('organisation') segment: string, @PageViewer() viewer: Viewer, @Res() response: Response) {
    const organisationId = this.managed(viewer, segment);
    response.render(VIEW, { ...(await this.context(viewer, organisationId)), values: {} });
  }

  @Post('memberships')
  @Access('member', DIRECTORY_POLICY.reviewMemberships)
  async decide(
    @Param('organisation') segment: string,
    @Body() body: Record<string, unknown>,
    @PageViewer() viewer: Viewer,
    @Res() response: Response,
  ) {
    const organisationId = this.managed(viewer, segment);
    const single = textOf(body.confirm) || textOf(body.decline);
    const decision = textOf(body.confirm) ? 'CONFIRM' : textOf(body.decline) ? 'DECLINE' : textOf(body.decision);
    const ids = single ? [single] : listOf(body.ids);
    const values = { ids };
    const context = await this.context(viewer, organisationId);
    await submitForm(response, { view: VIEW, values, labels: LABELS, context }, async () => {
      if (decision !== 'CONFIRM' && decision !== 'DECLINE')
        throw fieldProblem('input.ids', 'Choose confirm or decline');
      if (ids.length === 0) throw fieldProblem('input.ids', 'Select at least one person');
      const input = await validated(MembershipIdsInput, { ids });
      const decided = await this.memberships.decide(viewer, input.ids, decision);
      const count = decided.length;
      const people = count === 1 ? '1 person' : `${count} people`;
      this.pages.redirect(
        response,
        this.path(organisationId),
        decision === 'CONFIRM' ? `You confirmed that ${people} work here.` : `You declined ${people}.`,
      );
    });
  }

  @Post('invitations')
  @Access('member', DIRECTORY_POLICY.inviteMembers)
  async invite(
    @Param('organisation') segment: string,
    @Body() body: Record<string, unknown>,
    @PageViewer() viewer: Viewer,
    @Res() response: Response,
  ) {
    const organisationId = this.managed(viewer, segment);
    const values = { email: textOf(body.email), role: textOf(body.role), team: textOf(body.team) };
    const context = await this.context(viewer, organisationId);
    await submitForm(response, { view: VIEW, values, labels: LABELS, context }, async () => {
      const input = await validated(InviteMemberInput, {
        organisationId: toGlobalId('Organisation', organisationId),
        email: values.email,
        role: optionalText(values.role) ?? null,
        team: optionalText(values.team) ?? null,
      });
      const invitation = await this.memberships.invite(viewer, input);
      this.pages.redirect(response, this.path(organisationId), `We have sent an invitation to ${invitation.email}.`);
    });
  }

  @Post('invitations/:invitation/revoke')
  @Access('member', DIRECTORY_POLICY.inviteMembers)
  async revoke(
    @Param('organisation') segment: string,
    @Param('invitation') invitation: string,
    @PageViewer() viewer: Viewer,
    @Res() response: Response,
  ) {
    const organisationId = this.managed(viewer, segment);
    const row = await this.memberships.revokeInvitation(viewer, recordId(invitation, 'MembershipInvitation'));
    if (row.organisationId !== organisationId) throw notFound('That invitation');
    this.pages.redirect(response, this.path(organisationId), `The invitation to ${row.email} has been withdrawn.`);
  }

  @Post('email-domains')
  @Access('member', DIRECTORY_POLICY.manageEmailDomains)
  async addDomain(
    @Param('organisation') segment: string,
    @Body() body: Record<string, unknown>,
    @PageViewer() viewer: Viewer,
    @Res() response: Response,
  ) {
    const organisationId = this.managed(viewer, segment);
    const values = { domain: textOf(body.domain) };
    const context = await this.context(viewer, organisationId);
    await submitForm(response, { view: VIEW, values, labels: LABELS, context }, async () => {
      const input = await validated(AddEmailDomainInput, {
        organisationId: toGlobalId('Organisation', organisationId),
        domain: values.domain,
      });
      try {
        const row = await this.memberships.addDomain(viewer, input.organisationId, input.domain);
        this.pages.redirect(
          response,
          this.path(organisationId),
          `${row.domain} has been added. A platform admin will verify it.`,
        );
      } catch (error) {
        if (error instanceof DomainError && error.code === 'CONFLICT')
          throw fieldProblem('input.domain', error.message);
        throw error;
      }
    });
  }

  @Post('email-domains/:domain/remove')
  @Access('member', DIRECTORY_POLICY.manageEmailDomains)
  async removeDomain(
    @Param('organisation') segment: string,
    @Param('domain') domain: string,
    @PageViewer() viewer: Viewer,
    @Res() response: Response,
  ) {
    const organisationId = this.managed(viewer, segment);
    const domainId = recordId(domain, 'OrganisationEmailDomain');
    const [row] = (await this.memberships.domainsOf(viewer, [organisationId])).filter((item) => item.id === domainId);
    if (!row) throw notFound('That email domain');
    await this.memberships.removeDomain(viewer, domainId);
    this.pages.redirect(response, this.path(organisationId), `${row.domain} has been removed.`);
  }

  /** The organisation in the address, when the viewer runs it; otherwise a page that does not exist. */
  private managed(viewer: Viewer, segment: string): string {
    const organisationId = recordId(segment, 'Organisation');
    if (!allows(DIRECTORY_POLICY.reviewMemberships, viewer, { organisationId })) throw notFound('That organisation');
    return organisationId;
  }

  private path(organisationId: string): string {
    return `/organisations/${toGlobalId('Organisation', organisationId)}/memberships`;
  }

  private async context(viewer: Viewer, organisationId: string) {
    const [organisations, pending, invitations, domains] = await Promise.all([
      this.organisations.visibleByIds(viewer, [organisationId]),
      this.memberships.pending(viewer, organisationId, { first: 100 }),
      this.memberships.invitations(viewer, organisationId, true, { first: 100 }),
      this.memberships.domainsOf(viewer, [organisationId]),
    ]);
    const [organisation] = organisations;
    // ADMIN holds the verified-member tier, so sees every organisation: none here means there is none.
    if (!organisation && viewer.isAdmin) throw notFound('That organisation');
    const claims = pending.edges.map((edge) => edge.node);
    const claimants = await this.memberships.claimants(viewer, claims);
    return {
      organisation: {
        id: toGlobalId('Organisation', organisationId),
        name: organisation?.name ?? 'Your organisation',
      },
      path: this.path(organisationId),
      base: `/organisations/${toGlobalId('Organisation', organisationId)}`,
      claims: claims.map((membership) => ({ membership, claimant: claimants.get(membership.practitionerId) ?? null })),
      invitations: invitations.edges.map((edge) => edge.node),
      domains: domains.map(toEmailDomain),
    };
  }
}
