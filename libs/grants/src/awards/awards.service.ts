import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  AuditService,
  badInput,
  conflict,
  enforce,
  notFound,
  pounds,
  returningRows,
  type Viewer,
} from '@cohesion/common';
import { applicationFacts, ApplicationsService } from '../applications/applications.service.js';
import type { GrantApplication } from '../applications/application.model.js';
import { MonitoringReport, OverdueReport } from '../monitoring/monitoring-report.model.js';
import type { CloseAwardInput, SubmitMonitoringReportInput } from '../monitoring/dto/monitoring.inputs.js';
import { GRANTS_POLICY } from '../grants.policy.js';
import { toApplication } from '../applications/application.mapper.js';
import { APPLICATION_SQL, loadApplication } from '../applications/application.queries.js';
import { lockFund } from '../funds/fund-ledger.js';
import { toMonitoringReport } from '../monitoring/monitoring-report.mapper.js';
import type { MarkPaymentPaidInput, SchedulePaymentInput } from './dto/payment.inputs.js';
import { toPayment } from './payment.mapper.js';
import type { GrantPayment } from './payment.model.js';

type Row = Record<string, unknown>;

function paymentSnapshot(row: Row): object {
  return { amountPence: Number(row.amount_pence), dueDate: row.due_date, status: row.status, reference: row.reference };
}

/**
 * Life after the decision: payments in tranches (never more than the award, however
 * many requests race), monitoring reports, and closure, which returns what was never
 * paid out to the fund.
 */
@Injectable()
export class AwardsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly applications: ApplicationsService,
  ) {}

  /**
   * Schedules tranches. The award row is locked, so concurrent requests queue and each
   * sees the tranches the one before added: their sum never passes the award.
   */
  async schedule(viewer: Viewer, input: SchedulePaymentInput): Promise<GrantPayment[]> {
    return this.dataSource.transaction(async (manager) => {
      await this.applications.officerView(manager, viewer, input.applicationId, GRANTS_POLICY.runAward);
      const award = (await loadApplication(manager, input.applicationId, true)) as Row;
      if (award.status !== 'AWARDED' && award.status !== 'ACTIVE') {
        throw conflict(
          `Payments can be scheduled on an AWARDED or ACTIVE award, not one that is ${(award.status as string).replace('_', ' ')}`,
        );
      }
      const [{ scheduled }] = await manager.query<{ scheduled: number }[]>(
        `SELECT COALESCE(sum(amount_pence), 0)::bigint AS scheduled FROM grant_payments
          WHERE application_id = $1 AND status <> 'CANCELLED'`,
        [input.applicationId],
      );
      const adding = input.tranches.reduce((sum, tranche) => sum + tranche.amount, 0);
      const room = Number(award.amount_awarded_pence) - Number(scheduled);
      if (adding > room) {
        throw conflict(
          `These tranches add up to ${pounds(adding)}, but only ${pounds(room)} of the ${pounds(Number(award.amount_awarded_pence))} award is not yet scheduled`,
        );
      }
      const payments: GrantPayment[] = [];
      for (const tranche of input.tranches) {
        const [row] = await manager.query<Row[]>(
          `INSERT INTO grant_payments (application_id, fund_id, amount_pence, due_date, created_by)
           VALUES ($1, $2, $3, $4, $5) RETURNING *`,
          [input.applicationId, award.fund_id, tranche.amount, tranche.dueDate, viewer.accountId],
        );
        await this.audit.record(manager, viewer, {
          entityType: 'GrantPayment',
          entityId: row.id as string,
          action: 'schedule',
          before: null,
          after: { applicationId: input.applicationId, ...paymentSnapshot(row) },
        });
        payments.push(toPayment(row));
      }
      return payments;
    });
  }

  /** Records a tranche as paid: the award's and the fund's paid totals move with it. */
  async markPaid(viewer: Viewer, input: MarkPaymentPaidInput): Promise<GrantPayment> {
    return this.dataSource.transaction(async (manager) => {
      const [peek] = await manager.query<Row[]>('SELECT application_id, fund_id FROM grant_payments WHERE id = $1', [
        input.paymentId,
      ]);
      if (!peek) throw notFound('That payment');
      await this.applications.officerView(manager, viewer, peek.application_id as string, GRANTS_POLICY.runAward);
      const fund = (await lockFund(manager, peek.fund_id as string)) as Row;
      const award = (await loadApplication(manager, peek.application_id as string, true)) as Row;
      const [payment] = await manager.query<Row[]>('SELECT * FROM grant_payments WHERE id = $1 FOR UPDATE', [
        input.paymentId,
      ]);
      if (payment.status !== 'SCHEDULED')
        throw conflict(`This payment is already ${(payment.status as string).toLowerCase()}`);
      if (award.status !== 'ACTIVE') {
        throw conflict(
          `An award must be ACTIVE (its grant agreement in place) to be paid; this one is ${(award.status as string).replace('_', ' ')}`,
        );
      }
      const amount = Number(payment.amount_pence);
      const [paid] = await returningRows<Row>(
        manager,
        `UPDATE grant_payments SET status = 'PAID', paid_at = now(), reference = COALESCE($2, reference)
          WHERE id = $1 RETURNING *`,
        [input.paymentId, input.reference ?? null],
      );
      await manager.query(
        'UPDATE grant_applications SET paid_pence = paid_pence + $2, updated_at = now(), version = version + 1 WHERE id = $1',
        [award.id, amount],
      );
      await this.audit.record(manager, viewer, {
        entityType: 'GrantPayment',
        entityId: input.paymentId,
        action: 'pay',
        before: paymentSnapshot(payment),
        after: paymentSnapshot(paid),
      });
      await this.applications.changeFund(manager, viewer, fund, 0, amount, 'pay');
      return toPayment(paid);
    });
  }

  async submitReport(viewer: Viewer, input: SubmitMonitoringReportInput): Promise<MonitoringReport> {
    return this.dataSource.transaction(async (manager) => {
      const award = await loadApplication(manager, input.applicationId, true);
      if (!award) throw notFound('That award');
      enforce(GRANTS_POLICY.submitMonitoringReport, viewer, applicationFacts(award));
      if (award.status !== 'ACTIVE') {
        throw conflict(
          `Monitoring reports are for ACTIVE awards; this one is ${(award.status as string).replace('_', ' ')}`,
        );
      }
      const [due] = await manager.query<Row[]>(
        `SELECT * FROM grant_monitoring_reports
          WHERE application_id = $1 AND submitted_at IS NULL AND ($2::uuid IS NULL OR id = $2)
          ORDER BY due_date LIMIT 1 FOR UPDATE`,
        [input.applicationId, input.reportId ?? null],
      );
      if (!due) {
        if (input.reportId) throw badInput('input.reportId', 'is not a report still due on this award');
        throw conflict('No monitoring report is due on this award');
      }
      const wellbeing = input.wellbeing;
      const [row] = await returningRows<Row>(
        manager,
        `UPDATE grant_monitoring_reports SET submitted_at = now(), submitted_by = $2, participants = $3, sessions = $4,
                volunteers = $5, volunteer_hours = $6, narrative = $7, wellbeing_respondents = $8,
                life_satisfaction_before = $9, life_satisfaction_after = $10, worthwhile_before = $11,
                worthwhile_after = $12, happiness_before = $13, happiness_after = $14, anxiety_before = $15,
                anxiety_after = $16
          WHERE id = $1 RETURNING *`,
        [
          due.id,
          viewer.accountId,
          input.participants,
          input.sessions,
          input.volunteers,
          input.volunteerHours,
          input.narrative,
          wellbeing?.respondents ?? null,
          wellbeing?.before.lifeSatisfaction ?? null,
          wellbeing?.after.lifeSatisfaction ?? null,
          wellbeing?.before.worthwhile ?? null,
          wellbeing?.after.worthwhile ?? null,
          wellbeing?.before.happiness ?? null,
          wellbeing?.after.happiness ?? null,
          wellbeing?.before.anxiety ?? null,
          wellbeing?.after.anxiety ?? null,
        ],
      );
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
          wellbeing: wellbeing ?? null,
        },
      });
      return toMonitoringReport(row);
    });
  }

  /**
   * Closes an ACTIVE award with what the group actually spent. Unpaid tranches are
   * cancelled and the part of the award never paid out goes back to the fund; money
   * paid but not spent is shown as a repayment due. Spend beyond what was paid must be
   * paid first.
   */
  async close(viewer: Viewer, input: CloseAwardInput): Promise<GrantApplication> {
    return this.dataSource.transaction(async (manager) => {
      const peek = await this.applications.officerView(manager, viewer, input.applicationId, GRANTS_POLICY.runAward);
      const fund = (await lockFund(manager, peek.fund_id as string)) as Row;
      const award = (await loadApplication(manager, input.applicationId, true)) as Row;
      const awarded = Number(award.amount_awarded_pence ?? 0);
      const paid = Number(award.paid_pence);
      if (award.status === 'ACTIVE') {
        if (input.actualSpend > awarded) {
          throw badInput('input.actualSpend', `must be at most the ${pounds(awarded)} awarded`);
        }
        if (input.actualSpend > paid) {
          throw badInput(
            'input.actualSpend',
            `is more than the ${pounds(paid)} paid so far; mark the outstanding payments paid before closing`,
          );
        }
      }
      const closed = await this.applications.move(manager, viewer, award, input.early ? 'CLOSE_EARLY' : 'COMPLETE', {
        actual_spend_pence: input.actualSpend,
        closed_at: new Date(),
        closure_note: input.note ?? null,
      });
      await manager.query(
        `UPDATE grant_payments SET status = 'CANCELLED' WHERE application_id = $1 AND status = 'SCHEDULED'`,
        [input.applicationId],
      );
      const returned = awarded - paid;
      if (returned > 0) await this.applications.changeFund(manager, viewer, fund, -returned, 0, 'return-underspend');
      return toApplication(closed);
    });
  }

  /** A payment or monitoring report, for whoever may see the application it belongs to; else null. */
  async visiblePart(
    viewer: Viewer,
    part: 'payment' | 'report',
    id: string,
  ): Promise<GrantPayment | MonitoringReport | null> {
    const table = part === 'payment' ? 'grant_payments' : 'grant_monitoring_reports';
    const [row] = await this.dataSource.query<Row[]>(`SELECT * FROM ${table} WHERE id = $1`, [id]);
    if (!row) return null;
    const [application] = await this.applications.visibleByIds(viewer, [row.application_id as string]);
    if (!application) return null;
    return part === 'payment' ? toPayment(row) : toMonitoringReport(row);
  }

  async paymentsOf(applicationIds: readonly string[]): Promise<Map<string, GrantPayment[]>> {
    const rows = await this.dataSource.query<Row[]>(
      'SELECT * FROM grant_payments WHERE application_id = ANY($1::uuid[]) ORDER BY due_date, created_at',
      [applicationIds],
    );
    const byAward = new Map<string, GrantPayment[]>(applicationIds.map((id) => [id, []]));
    for (const row of rows) byAward.get(row.application_id as string)?.push(toPayment(row));
    return byAward;
  }

  async reportsOf(applicationIds: readonly string[]): Promise<Map<string, MonitoringReport[]>> {
    const rows = await this.dataSource.query<Row[]>(
      'SELECT * FROM grant_monitoring_reports WHERE application_id = ANY($1::uuid[]) ORDER BY due_date',
      [applicationIds],
    );
    const byAward = new Map<string, MonitoringReport[]>(applicationIds.map((id) => [id, []]));
    for (const row of rows) byAward.get(row.application_id as string)?.push(toMonitoringReport(row));
    return byAward;
  }

  /** Reports past their due date and not in, on live awards of the funds the viewer runs; most overdue first. */
  async overdue(viewer: Viewer, fundId?: string): Promise<OverdueReport[]> {
    enforce(GRANTS_POLICY.viewMonitoring, viewer, undefined);
    const councils = GRANTS_POLICY.viewMonitoring.councils(viewer);
    const today = new Date().toISOString().slice(0, 10);
    const rows = await this.dataSource.query<Row[]>(
      `SELECT to_jsonb(m) AS report, x.*, ($1::date - m.due_date) AS days_overdue
         FROM grant_monitoring_reports m
         JOIN (${APPLICATION_SQL}) x ON x.id = m.application_id
        WHERE m.submitted_at IS NULL AND m.due_date < $1::date AND x.status IN ('AWARDED', 'ACTIVE')
          AND ($2::uuid[] IS NULL OR x.owner_organisation_id = ANY($2::uuid[]))
          AND ($3::uuid IS NULL OR x.fund_id = $3)
        ORDER BY m.due_date, m.id LIMIT 500`,
      [today, councils, fundId ?? null],
    );
    return rows.map((row) =>
      Object.assign(new OverdueReport(), {
        report: toMonitoringReport(row.report as Row, today),
        award: toApplication(row),
        daysOverdue: Number(row.days_overdue),
      }),
    );
  }
}
