import { Body, Get, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Access } from '@cohesion/auth';
import { enforce, toGlobalId, type Viewer } from '@cohesion/common';
import { OrganisationsService } from '@cohesion/directory';
import {
  MISUSE_DETAILS_MAX_LENGTH,
  MisuseReason,
  MisuseReportsService,
  NETWORK_POLICY,
  ReportMisuseInput,
} from '@cohesion/network';
import { optionalText, submitForm, textOf, validated } from '../platform/forms.js';
import { recordId } from '../platform/ids.js';
import { Pages } from '../platform/pages.js';
import { PageViewer, WebController } from '../platform/web-controller.js';
import { NetworkPeople } from './network-people.js';

const VIEW = 'network/views/report-new.njk';
const LABELS = {
  reason: 'Reason',
  details: 'What happened',
  practitionerId: 'Profile',
  organisationId: 'Organisation',
};

const REASONS: { value: MisuseReason; text: string; hint?: string }[] = [
  { value: MisuseReason.HARASSMENT, text: 'Harassment', hint: 'Unwanted, hostile or threatening contact' },
  { value: MisuseReason.IMPERSONATION, text: 'Pretending to be someone else' },
  { value: MisuseReason.FALSE_INFORMATION, text: 'False information' },
  { value: MisuseReason.SPAM, text: 'Spam or advertising' },
  { value: MisuseReason.OTHER, text: 'Something else', hint: 'Tell us what happened below' },
];

interface Subject {
  kind: 'practitioner' | 'organisation';
  /** The id the API takes (a global id). */
  id: string;
  name: string;
  href: string;
}

/** Reporting misuse of a profile or an organisation to the platform admins. As MisuseReportsResolver.reportMisuse. */
@WebController('reports')
export class ReportsController {
  constructor(
    private readonly reports: MisuseReportsService,
    private readonly people: NetworkPeople,
    private readonly organisations: OrganisationsService,
    private readonly pages: Pages,
  ) {}

  @Get('new')
  @Access('member', NETWORK_POLICY.reportMisuse)
  async form(
    @PageViewer() viewer: Viewer,
    @Query('person') person: unknown,
    @Query('organisation') organisation: unknown,
    @Res() response: Response,
  ): Promise<void> {
    const subject = await this.subjectOf(viewer, person, organisation);
    response.render(VIEW, { ...this.context(subject), values: {} });
  }

  @Post('new')
  @Access('member', NETWORK_POLICY.reportMisuse)
  async report(@PageViewer() viewer: Viewer, @Body() body: Record<string, unknown>, @Res() response: Response) {
    const subject = await this.subjectOf(viewer, body.person, body.organisation);
    const values = { reason: textOf(body.reason), details: textOf(body.details) };
    await submitForm(response, { view: VIEW, values, labels: LABELS, context: this.context(subject) }, async () => {
      const input = await validated(ReportMisuseInput, {
        [subject.kind === 'practitioner' ? 'practitionerId' : 'organisationId']: subject.id,
        reason: optionalText(values.reason),
        details: optionalText(values.details),
      });
      await this.reports.report(viewer, input);
      this.pages.redirect(response, '/reports/sent');
    });
  }

  @Get('sent')
  @Access('member', NETWORK_POLICY.reportMisuse)
  sent(@Res() response: Response): void {
    response.render('network/views/report-sent.njk', {});
  }

  private context(subject: Subject) {
    return { subject, reasons: REASONS, detailsMaxLength: MISUSE_DETAILS_MAX_LENGTH };
  }

  /** The profile or organisation reported, if the viewer may see it; otherwise it is nobody (NOT_FOUND), as the policy says. */
  private async subjectOf(viewer: Viewer, person: unknown, organisation: unknown): Promise<Subject> {
    enforce(NETWORK_POLICY.takePart, viewer, undefined);
    if (person !== undefined && person !== '') {
      const practitionerId = recordId(person, 'Practitioner');
      const card = viewer.isPractitioner(practitionerId) ? undefined : await this.people.card(viewer, practitionerId);
      enforce(NETWORK_POLICY.reportMisuse, viewer, { kind: 'practitioner', visible: card !== undefined });
      const seen = card as NonNullable<typeof card>;
      return { kind: 'practitioner', id: seen.id, name: seen.name, href: `/people/${seen.id}` };
    }
    const organisationId = recordId(organisation, 'Organisation');
    const [found] = await this.organisations.visibleByIds(viewer, [organisationId]);
    enforce(NETWORK_POLICY.reportMisuse, viewer, { kind: 'organisation', visible: found !== undefined });
    const id = toGlobalId('Organisation', organisationId);
    return { kind: 'organisation', id, name: found.name, href: `/organisations/${id}` };
  }
}
