import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService, badInput, conflict, notFound, pounds, type Viewer } from '@cohesion/common';
import { toApplication } from '../applications/application.mapper.js';
import type { GrantApplication } from '../applications/application.model.js';
import { applicationById, cancelScheduledPayments, type ApplicationRow } from '../applications/application.queries.js';
import { ApplicationsService } from '../applications/applications.service.js';
import { FundLedger } from '../funds/fund-ledger.js';
import { GRANTS_POLICY } from '../grants.policy.js';
import type { CloseAwardInput, MarkPaymentPaidInput, SchedulePaymentInput } from './dto/payment.inputs.js';
import { paymentSnapshot, toPayment } from './payment.mapper.js';
import type { GrantPayment } from './payment.model.js';
import {
  addToAwardPaid,
  insertPayment,
  markPaymentPaid,
  paymentById,
  paymentsOfAwards,
  scheduledTotal,
} from './payment.queries.js';

/**
 * Life after the decision: payments in tranches (never more than the award, however
 * many requests race) and closure, which returns what was never paid out to the fund.
 * Monitoring reports are the monitoring service's.
 */
@Injectable()
export class AwardsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly applications: ApplicationsService,
    private readonly ledger: FundLedger,
  ) {}

  /**
   * Schedules tranches. The award row is locked, so concurrent requests queue and each
   * sees the tranches the one before added: their sum never passes the award.
   */
  async schedule(viewer: Viewer, input: SchedulePaymentInput): Promise<GrantPayment[]> {
    return this.dataSource.transaction(async (manager) => {
      await this.applications.officerView(manager, viewer, input.applicationId, GRANTS_POLICY.runAward);
      const award = (await applicationById(manager, input.applicationId, true)) as ApplicationRow;
      if (award.status !== 'AWARDED' && award.status !== 'ACTIVE') {
        throw conflict(
          `Payments can be scheduled on an AWARDED or ACTIVE award, not one that is ${award.status.replace('_', ' ')}`,
        );
      }
      const scheduled = await scheduledTotal(manager, input.applicationId);
      const adding = input.tranches.reduce((sum, tranche) => sum + tranche.amount, 0);
      const awarded = Number(award.amount_awarded_pence);
      const room = awarded - scheduled;
      if (adding > room) {
        throw conflict(
          `These tranches add up to ${pounds(adding)}, but only ${pounds(room)} of the ${pounds(awarded)} award is not yet scheduled`,
        );
      }
      const payments: GrantPayment[] = [];
      for (const tranche of input.tranches) {
        const row = await insertPayment(manager, {
          applicationId: input.applicationId,
          fundId: award.fund_id,
          amount: tranche.amount,
          dueDate: tranche.dueDate,
          createdBy: viewer.accountId,
        });
        await this.audit.record(manager, viewer, {
          entityType: 'GrantPayment',
          entityId: row.id,
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
      const peek = await paymentById(manager, input.paymentId);
      if (!peek) throw notFound('That payment');
      await this.applications.officerView(manager, viewer, peek.application_id, GRANTS_POLICY.runAward);
      const fund = await this.ledger.lock(manager, peek.fund_id);
      const award = (await applicationById(manager, peek.application_id, true)) as ApplicationRow;
      const payment = (await paymentById(manager, input.paymentId, true)) as typeof peek;
      if (payment.status !== 'SCHEDULED') throw conflict(`This payment is already ${payment.status.toLowerCase()}`);
      if (award.status !== 'ACTIVE') {
        throw conflict(
          `An award must be ACTIVE (its grant agreement in place) to be paid; this one is ${award.status.replace('_', ' ')}`,
        );
      }
      const amount = Number(payment.amount_pence);
      const paid = await markPaymentPaid(manager, input.paymentId, input.reference ?? null);
      await addToAwardPaid(manager, award.id, amount);
      await this.audit.record(manager, viewer, {
        entityType: 'GrantPayment',
        entityId: input.paymentId,
        action: 'pay',
        before: paymentSnapshot(payment),
        after: paymentSnapshot(paid),
      });
      await this.ledger.pay(manager, viewer, fund, amount);
      return toPayment(paid);
    });
  }

  /** A payment, for whoever may see the award it belongs to; else null. */
  async visiblePayment(viewer: Viewer, id: string): Promise<GrantPayment | null> {
    const row = await paymentById(this.dataSource, id);
    if (!row) return null;
    const [award] = await this.applications.visibleByIds(viewer, [row.application_id]);
    return award ? toPayment(row) : null;
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
      const fund = await this.ledger.lock(manager, peek.fund_id);
      const award = (await applicationById(manager, input.applicationId, true)) as ApplicationRow;
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
      await cancelScheduledPayments(manager, input.applicationId);
      const returned = awarded - paid;
      if (returned > 0) await this.ledger.release(manager, viewer, fund, returned, 'return-underspend');
      return toApplication(closed);
    });
  }

  async paymentsOf(applicationIds: readonly string[]): Promise<Map<string, GrantPayment[]>> {
    const rows = await paymentsOfAwards(this.dataSource, applicationIds);
    const byAward = new Map<string, GrantPayment[]>(applicationIds.map((id) => [id, []]));
    for (const row of rows) byAward.get(row.application_id)?.push(toPayment(row));
    return byAward;
  }
}
