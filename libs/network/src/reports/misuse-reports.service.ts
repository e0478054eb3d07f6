import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RoleGrantsService } from '@cohesion/auth';
import {
  AuditService,
  badInput,
  conflict,
  enforce,
  fromGlobalId,
  notFound,
  toGlobalId,
  type ConnectionShape,
  type Viewer,
} from '@cohesion/common';
import { NotificationsService } from '@cohesion/notifications';
import { NETWORK_POLICY } from '../network.policy.js';
import { MISUSE_REPORT_RULES } from '../network.rules.js';
import type { MisuseReportsArgs, ReportMisuseInput, ResolveMisuseReportArgs } from './dto/misuse-report.inputs.js';
import { MISUSE_REPORT_TYPE, toMisuseReport } from './misuse-report.mapper.js';
import { MisuseReason, type MisuseReport } from './misuse-report.model.js';
import {
  insertReport,
  lockReport,
  lockReporter,
  reportsByIds,
  reportsPage,
  reportsSince,
  resolveReport,
  visibleOrganisationName,
  visiblePractitionerName,
} from './misuse-report.queries.js';

const REASON_WORDS: Record<MisuseReason, string> = {
  HARASSMENT: 'harassment',
  IMPERSONATION: 'impersonation',
  FALSE_INFORMATION: 'false information',
  SPAM: 'spam',
  OTHER: 'another reason',
};

/**
 * Members report a profile or an organisation for misuse; every platform admin is told
 * (in the app and by email, without who reported it or what they wrote: that is in the
 * admins' list only) and resolves it, audited. The subject is never told.
 */
@Injectable()
export class MisuseReportsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly notifications: NotificationsService,
    private readonly roles: RoleGrantsService,
    private readonly audit: AuditService,
  ) {}

  async report(viewer: Viewer, input: ReportMisuseInput): Promise<void> {
    const subject = this.subjectOf(viewer, input);
    const details = input.details || null;
    if (input.reason === MisuseReason.OTHER && !details) {
      throw badInput('input.details', 'is required when the reason is OTHER');
    }
    const reporterId = viewer.accountId as string;
    await this.dataSource.transaction(async (manager) => {
      const name =
        subject.kind === 'practitioner'
          ? await visiblePractitionerName(manager, viewer, subject.id)
          : await visibleOrganisationName(manager, viewer, subject.id);
      enforce(NETWORK_POLICY.reportMisuse, viewer, { kind: subject.kind, visible: name !== undefined });
      await lockReporter(manager, reporterId);
      if ((await reportsSince(manager, reporterId, 24)) >= MISUSE_REPORT_RULES.maxPerDay) {
        throw conflict(`You have made ${MISUSE_REPORT_RULES.maxPerDay} reports today; try again tomorrow`);
      }
      const id = await insertReport(manager, {
        reporterId,
        practitionerId: subject.kind === 'practitioner' ? subject.id : null,
        organisationId: subject.kind === 'organisation' ? subject.id : null,
        reason: input.reason,
        details,
      });
      if (!id) throw conflict('You have already reported this; the admins will look at it');
      const what = subject.kind === 'practitioner' ? `the profile of ${name}` : `the organisation ${name}`;
      await this.notifications.queue(
        manager,
        (await this.roles.platformAdmins(manager)).map((recipientId) => ({
          recipientId,
          kind: 'MISUSE_REPORTED',
          subject: `A member reported ${what}`,
          body: `A member reported ${what} for ${REASON_WORDS[input.reason]}. Review it with the other open misuse reports.`,
          link: `/admin/misuse-reports/${toGlobalId(MISUSE_REPORT_TYPE, id)}`,
          // Admins hear of every report, whoever they blocked.
          about: [],
        })),
      );
    });
  }

  list(viewer: Viewer, args: MisuseReportsArgs): Promise<ConnectionShape<MisuseReport>> {
    enforce(NETWORK_POLICY.moderateMisuseReports, viewer, undefined);
    return reportsPage(this.dataSource, args.status, args, toMisuseReport);
  }

  /** Reports by id, for admins; nobody else sees any. */
  async visibleByIds(viewer: Viewer, ids: readonly string[]): Promise<MisuseReport[]> {
    if (!viewer.isAdmin || !viewer.isVerifiedMember) return [];
    return (await reportsByIds(this.dataSource, ids)).map(toMisuseReport);
  }

  async resolve(viewer: Viewer, args: ResolveMisuseReportArgs): Promise<MisuseReport> {
    enforce(NETWORK_POLICY.moderateMisuseReports, viewer, undefined);
    const id = fromGlobalId(args.id, MISUSE_REPORT_TYPE, 'id');
    return this.dataSource.transaction(async (manager) => {
      const report = await lockReport(manager, id);
      if (!report) throw notFound('That report');
      if (report.status !== 'OPEN') throw conflict('This report is already resolved');
      await resolveReport(manager, id, args.outcome, viewer.accountId as string);
      await this.audit.record(manager, viewer, {
        entityType: 'MisuseReport',
        entityId: id,
        action: 'resolve',
        before: { status: report.status },
        after: { status: 'RESOLVED', outcome: args.outcome },
      });
      const [row] = await reportsByIds(manager, [id]);
      return toMisuseReport(row);
    });
  }

  /** The profile or organisation reported: exactly one, as a valid id, and never oneself. */
  private subjectOf(viewer: Viewer, input: ReportMisuseInput): { kind: 'practitioner' | 'organisation'; id: string } {
    if (Boolean(input.practitionerId) === Boolean(input.organisationId)) {
      throw badInput('input.practitionerId', 'give the profile or the organisation you report, one of them');
    }
    if (input.practitionerId) {
      const id = fromGlobalId(input.practitionerId, 'Practitioner', 'input.practitionerId');
      if (id === viewer.practitionerId) throw badInput('input.practitionerId', 'is you');
      return { kind: 'practitioner', id };
    }
    return {
      kind: 'organisation',
      id: fromGlobalId(input.organisationId as string, 'Organisation', 'input.organisationId'),
    };
  }
}
