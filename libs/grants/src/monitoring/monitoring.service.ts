import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService, badInput, conflict, enforce, notFound, type Viewer } from '@cohesion/common';
import { applicationFacts, toApplication } from '../applications/application.mapper.js';
import { applicationById } from '../applications/application.queries.js';
import { ApplicationsService } from '../applications/applications.service.js';
import { GRANTS_POLICY } from '../grants.policy.js';
import type { SubmitMonitoringReportInput } from './dto/monitoring.inputs.js';
import { toMonitoringReport } from './monitoring-report.mapper.js';
import { MonitoringReport, OverdueReport } from './monitoring-report.model.js';
import { overdueReports, reportById, reportDue, reportsOfAwards, submitReport } from './monitoring-report.queries.js';

/**
 * Monitoring reports on awards: due on the dates set at the decision, returned by the
 * grantee (or the council's officers for them), and chased when overdue.
 */
@Injectable()
export class MonitoringService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly applications: ApplicationsService,
  ) {}

  async submitReport(viewer: Viewer, input: SubmitMonitoringReportInput): Promise<MonitoringReport> {
    return this.dataSource.transaction(async (manager) => {
      const award = await applicationById(manager, input.applicationId, true);
      if (!award) throw notFound('That award');
      enforce(GRANTS_POLICY.submitMonitoringReport, viewer, applicationFacts(award));
      if (award.status !== 'ACTIVE') {
        throw conflict(`Monitoring reports are for ACTIVE awards; this one is ${award.status.replace('_', ' ')}`);
      }
      const due = await reportDue(manager, input.applicationId, input.reportId ?? null);
      if (!due) {
        if (input.reportId) throw badInput('input.reportId', 'is not a report still due on this award');
        throw conflict('No monitoring report is due on this award');
      }
      const row = await submitReport(manager, due.id, viewer.accountId, input);
      await this.audit.record(manager, viewer, {
        entityType: 'GrantApplication',
        entityId: input.applicationId,
        action: 'monitoring-report',
        before: null,
        after: {
          reportId: due.id,
          title: due.title,
          participants: input.participants,
          sessions: input.sessions,
          volunteers: input.volunteers,
          volunteerHours: input.volunteerHours,
          wellbeing: input.wellbeing ?? null,
        },
      });
      return toMonitoringReport(row);
    });
  }

  /** A monitoring report, for whoever may see the award it belongs to; else null. */
  async visibleReport(viewer: Viewer, id: string): Promise<MonitoringReport | null> {
    const row = await reportById(this.dataSource, id);
    if (!row) return null;
    const [award] = await this.applications.visibleByIds(viewer, [row.application_id]);
    return award ? toMonitoringReport(row) : null;
  }

  async reportsOf(applicationIds: readonly string[]): Promise<Map<string, MonitoringReport[]>> {
    const rows = await reportsOfAwards(this.dataSource, applicationIds);
    const byAward = new Map<string, MonitoringReport[]>(applicationIds.map((id) => [id, []]));
    for (const row of rows) byAward.get(row.application_id)?.push(toMonitoringReport(row));
    return byAward;
  }

  /** Reports past their due date and not in, on live awards of the funds the viewer runs; most overdue first. */
  async overdue(viewer: Viewer, fundId?: string): Promise<OverdueReport[]> {
    enforce(GRANTS_POLICY.viewMonitoring, viewer, undefined);
    const today = new Date().toISOString().slice(0, 10);
    const rows = await overdueReports(
      this.dataSource,
      today,
      GRANTS_POLICY.viewMonitoring.councils(viewer),
      fundId ?? null,
    );
    return rows.map((row) =>
      Object.assign(new OverdueReport(), {
        report: toMonitoringReport(row.report, today),
        award: toApplication(row),
        daysOverdue: Number(row.days_overdue),
      }),
    );
  }
}
