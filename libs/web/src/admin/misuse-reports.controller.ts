import { Body, Get, Param, Post, Query, Render, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Access } from '@cohesion/auth';
import { notFound, type Viewer } from '@cohesion/common';
import {
  MisuseOutcome,
  MisuseReportStatus,
  MisuseReportsService,
  NETWORK_POLICY,
  type MisuseReport,
} from '@cohesion/network';
import { fieldProblem, submitForm, textOf } from '../platform/forms.js';
import { recordId } from '../platform/ids.js';
import { Pages } from '../platform/pages.js';
import { PageViewer } from '../platform/web-controller.js';
import { ADMIN_PAGE_SIZE } from './admin.controller.js';
import { AdminController, adminNavigation } from './admin-pages.js';

const REPORT_VIEW = 'admin/views/misuse-report.njk';

/** What an admin may record as done, in the order the form offers them. */
export const OUTCOMES: { value: MisuseOutcome; text: string; hint: string }[] = [
  { value: MisuseOutcome.NO_ACTION, text: 'No action needed', hint: 'The profile or organisation breaks no rule.' },
  { value: MisuseOutcome.WARNING_GIVEN, text: 'Warning given', hint: 'You wrote to the person or organisation.' },
  { value: MisuseOutcome.CONTENT_REMOVED, text: 'Content removed', hint: 'You removed or changed what was wrong.' },
  {
    value: MisuseOutcome.ACCOUNT_SUSPENDED,
    text: 'Account suspended',
    hint: 'Suspend the account first, under Accounts.',
  },
];

function cursorOf(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 && value.length <= 512 ? value : undefined;
}

function subjectHref(report: MisuseReport): string | undefined {
  if (report.practitionerId) return `/people/${report.practitionerId}`;
  if (report.organisationId) return `/organisations/${report.organisationId}`;
  return undefined;
}

/** Misuse reports: the list (open or resolved), one report, and resolving it (audited by the service). */
@AdminController('misuse-reports')
export class MisuseReportsController {
  constructor(
    private readonly reports: MisuseReportsService,
    private readonly pages: Pages,
  ) {}

  @Get()
  @Access('admin', NETWORK_POLICY.moderateMisuseReports)
  @Render('admin/views/misuse-reports.njk')
  async list(
    @PageViewer() viewer: Viewer,
    @Query('status') statusParam: unknown,
    @Query('after') after: unknown,
  ): Promise<Record<string, unknown>> {
    const status = statusParam === 'resolved' ? MisuseReportStatus.RESOLVED : MisuseReportStatus.OPEN;
    const cursor = cursorOf(after);
    const page = await this.reports.list(viewer, { status, first: ADMIN_PAGE_SIZE, after: cursor });
    const base =
      status === MisuseReportStatus.RESOLVED ? '/admin/misuse-reports?status=resolved' : '/admin/misuse-reports';
    return {
      navigation: adminNavigation('misuse-reports'),
      resolved: status === MisuseReportStatus.RESOLVED,
      reports: page.edges.map((edge) => edge.node),
      firstPage: cursor === undefined,
      base,
      next: page.pageInfo.hasNextPage
        ? `${base}${base.includes('?') ? '&' : '?'}after=${encodeURIComponent(page.pageInfo.endCursor ?? '')}`
        : '',
    };
  }

  @Get(':id')
  @Access('admin', NETWORK_POLICY.moderateMisuseReports)
  @Render(REPORT_VIEW)
  async one(@PageViewer() viewer: Viewer, @Param('id') id: string): Promise<Record<string, unknown>> {
    return this.context(await this.report(viewer, id));
  }

  @Post(':id/resolve')
  @Access('admin', NETWORK_POLICY.moderateMisuseReports)
  async resolve(
    @PageViewer() viewer: Viewer,
    @Param('id') id: string,
    @Body() body: Record<string, unknown>,
    @Res() response: Response,
  ): Promise<void> {
    const report = await this.report(viewer, id);
    const outcome = textOf(body.outcome);
    const values = { outcome };
    await submitForm(
      response,
      { view: REPORT_VIEW, values, context: this.context(report), labels: { outcome: 'What was done' } },
      async () => {
        const chosen = OUTCOMES.find((option) => String(option.value) === outcome);
        if (!chosen) throw fieldProblem('input.outcome', 'Select what was done about the report');
        await this.reports.resolve(viewer, { id: report.id, outcome: chosen.value });
        this.pages.redirect(
          response,
          '/admin/misuse-reports',
          `The report about ${report.subjectName} is resolved: ${chosen.text.toLowerCase()}.`,
        );
      },
    );
  }

  private async report(viewer: Viewer, id: string): Promise<MisuseReport> {
    const [report] = await this.reports.visibleByIds(viewer, [recordId(id, 'MisuseReport')]);
    if (!report) throw notFound('That report');
    return report;
  }

  private context(report: MisuseReport): Record<string, unknown> {
    return {
      navigation: adminNavigation('misuse-reports'),
      report,
      subjectHref: subjectHref(report),
      outcomes: OUTCOMES,
      resolvePath: `/admin/misuse-reports/${report.id}/resolve`,
      reporterHref: `/people/${report.reporter.id}`,
    };
  }
}
