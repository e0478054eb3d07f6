import { Get, Param, Post, Query, Render, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Access } from '@cohesion/auth';
import { notFound, toGlobalId, type Viewer } from '@cohesion/common';
import {
  DIRECTORY_POLICY,
  MembershipsService,
  OrganisationsService,
  recordToOrganisation,
  type Organisation,
} from '@cohesion/directory';
import { MisuseReportStatus, MisuseReportsService } from '@cohesion/network';
import { optionalText } from '../platform/forms.js';
import { recordId } from '../platform/ids.js';
import { Pages } from '../platform/pages.js';
import { PageViewer } from '../platform/web-controller.js';
import { AdminController, adminNavigation } from './admin-pages.js';

export const ADMIN_PAGE_SIZE = 50;

function cursorOf(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 && value.length <= 512 ? value : undefined;
}

/** Where an organisation stands, in words (never by colour alone). */
function standing(organisation: Organisation): string {
  if (organisation.verified) return 'Verified';
  return organisation.changedSinceVerification ? 'Changed since it was verified' : 'Not verified';
}

/** Kinds whose names are not words once lower-cased. */
const KIND_WORDS: Record<string, string> = {
  VCS: 'Voluntary or community group',
  NHS: 'NHS',
  NETWORK: 'Network or partnership',
};

function organisationRow(organisation: Organisation) {
  return { ...organisation, standing: standing(organisation), kindText: KIND_WORDS[organisation.kind] };
}

/**
 * The platform admins' queues: organisations and email domains awaiting verification,
 * with what each action does. The services check the admin rule again and audit.
 */
@AdminController('')
export class AdminQueuesController {
  constructor(
    private readonly organisations: OrganisationsService,
    private readonly memberships: MembershipsService,
    private readonly reports: MisuseReportsService,
    private readonly pages: Pages,
  ) {}

  @Get()
  @Access('admin', DIRECTORY_POLICY.verifyOrganisation)
  @Render('admin/views/overview.njk')
  async overview(@PageViewer() viewer: Viewer): Promise<Record<string, unknown>> {
    const organisations = await this.organisations.awaitingVerification(viewer, { first: 1 });
    const domains = await this.memberships.domainsAwaitingVerification(viewer);
    const reports = await this.reports.list(viewer, { status: MisuseReportStatus.OPEN, first: 1 });
    return {
      navigation: adminNavigation('overview'),
      counts: {
        organisations: await organisations.totalCount,
        domains: domains.length,
        reports: await reports.totalCount,
      },
    };
  }

  @Get('organisations')
  @Access('admin', DIRECTORY_POLICY.verifyOrganisation)
  @Render('admin/views/organisations.njk')
  async organisationsQueue(
    @PageViewer() viewer: Viewer,
    @Query('after') after: unknown,
    @Query('name') name: unknown,
  ): Promise<Record<string, unknown>> {
    const cursor = cursorOf(after);
    const waiting = await this.organisations.awaitingVerification(viewer, { first: ADMIN_PAGE_SIZE, after: cursor });
    const search = optionalText(name)?.slice(0, 200);
    const found = search
      ? (await this.organisations.list(viewer, { nameContains: search }, { first: 20 })).edges.map((edge) =>
          organisationRow(edge.node),
        )
      : undefined;
    return {
      navigation: adminNavigation('organisations'),
      waiting: waiting.edges.map((edge) => organisationRow(edge.node)),
      firstPage: cursor === undefined,
      next: waiting.pageInfo.hasNextPage
        ? `/admin/organisations?after=${encodeURIComponent(waiting.pageInfo.endCursor ?? '')}`
        : '',
      search,
      found,
    };
  }

  @Post('organisations/:id/verify')
  @Access('admin', DIRECTORY_POLICY.verifyOrganisation)
  async verify(@PageViewer() viewer: Viewer, @Param('id') id: string, @Res() response: Response): Promise<void> {
    const organisation = await this.organisations.verify(viewer, { id: recordId(id, 'Organisation'), verified: true });
    this.pages.redirect(
      response,
      '/admin/organisations',
      `${organisation.name} is verified. Its confirmed members are now verified members.`,
    );
  }

  @Get('organisations/:id/unverify')
  @Access('admin', DIRECTORY_POLICY.verifyOrganisation)
  @Render('admin/views/unverify-organisation.njk')
  async confirmUnverify(@PageViewer() viewer: Viewer, @Param('id') id: string): Promise<Record<string, unknown>> {
    return { navigation: adminNavigation('organisations'), organisation: await this.one(viewer, id) };
  }

  @Post('organisations/:id/unverify')
  @Access('admin', DIRECTORY_POLICY.verifyOrganisation)
  async unverify(@PageViewer() viewer: Viewer, @Param('id') id: string, @Res() response: Response): Promise<void> {
    const organisation = await this.organisations.verify(viewer, { id: recordId(id, 'Organisation'), verified: false });
    this.pages.redirect(response, '/admin/organisations', `${organisation.name} is no longer verified.`);
  }

  @Get('email-domains')
  @Access('admin', DIRECTORY_POLICY.verifyEmailDomain)
  @Render('admin/views/email-domains.njk')
  async domains(@PageViewer() viewer: Viewer): Promise<Record<string, unknown>> {
    const domains = await this.memberships.domainsAwaitingVerification(viewer, ADMIN_PAGE_SIZE + 1);
    return {
      navigation: adminNavigation('email-domains'),
      domains: domains.slice(0, ADMIN_PAGE_SIZE).map((domain) => ({
        ...domain,
        globalId: toGlobalId('OrganisationEmailDomain', domain.id),
        organisationGlobalId: toGlobalId('Organisation', domain.organisationId),
      })),
      more: domains.length > ADMIN_PAGE_SIZE,
    };
  }

  @Post('email-domains/:id/verify')
  @Access('admin', DIRECTORY_POLICY.verifyEmailDomain)
  async verifyDomain(@PageViewer() viewer: Viewer, @Param('id') id: string, @Res() response: Response): Promise<void> {
    const result = await this.memberships.verifyDomain(viewer, recordId(id, 'OrganisationEmailDomain'), true);
    const confirmed =
      result.confirmed === 0
        ? 'No waiting memberships were on it.'
        : `${result.confirmed} waiting ${result.confirmed === 1 ? 'membership was' : 'memberships were'} confirmed.`;
    this.pages.redirect(response, '/admin/email-domains', `${result.domain.domain} is verified. ${confirmed}`);
  }

  private async one(viewer: Viewer, id: string): Promise<Organisation> {
    const [record] = await this.organisations.visibleByIds(viewer, [recordId(id, 'Organisation')]);
    if (!record) throw notFound('That organisation');
    return recordToOrganisation(record);
  }
}
