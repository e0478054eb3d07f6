import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService, conflict, notFound, pounds, type Viewer } from '@cohesion/common';
import { fundSnapshot } from './fund.mapper.js';
import { fundForUpdate, moveFundTotals, type FundRow } from './fund.queries.js';

/** A fund row locked by `FundLedger.lock`: only a locked fund's totals may be moved. */
export type LockedFund = FundRow & { readonly locked: true };

/**
 * How a fund's budget is kept. A fund has a budget, a committed total (what live awards
 * hold) and a paid total (what has gone out); what can still be awarded is budget less
 * committed, and it never goes below zero.
 *
 * - An award commits its amount (`commit`), refused with CONFLICT when the fund has less
 *   left; the `ck_grant_funds_committed` CHECK constraint refuses it too, should any
 *   writer skip this.
 * - A payment moves the paid total (`pay`); the committed total already holds it.
 * - Money comes back (`release`) when an award is withdrawn before it starts (all of it)
 *   or closed with part of it never paid out (the unpaid part).
 * Each change writes an audit row on the fund, in the caller's transaction.
 *
 * Lock order, in every transaction that changes a fund's money: the fund row first
 * (`lock`), then the application, then its payments. Concurrent awards from one fund
 * therefore queue on the fund row, each seeing the committed total the one before left,
 * and no two transactions ever wait on each other's rows in opposite order.
 */
@Injectable()
export class FundLedger {
  constructor(private readonly audit: AuditService) {}

  /** Locks the fund row until the transaction ends. Take it before locking the application. */
  async lock(manager: EntityManager, fundId: string): Promise<LockedFund> {
    const row = await fundForUpdate(manager, fundId);
    if (!row) throw notFound('That fund');
    return { ...row, locked: true };
  }

  /** What the fund can still award. */
  remaining(fund: FundRow): number {
    return Number(fund.budget_pence) - Number(fund.committed_pence);
  }

  /** Commits an award's amount, or refuses (CONFLICT) when the fund has less left. */
  async commit(manager: EntityManager, viewer: Viewer | null, fund: LockedFund, amount: number): Promise<void> {
    const remaining = this.remaining(fund);
    if (amount > remaining) {
      throw conflict(
        `The fund has ${pounds(remaining)} left to award; this award of ${pounds(amount)} would overspend it`,
      );
    }
    await this.move(manager, viewer, fund, amount, 0, 'commit');
  }

  /** Records a payment out of the fund. */
  async pay(manager: EntityManager, viewer: Viewer | null, fund: LockedFund, amount: number): Promise<void> {
    await this.move(manager, viewer, fund, 0, amount, 'pay');
  }

  /** Returns committed money to the fund: a withdrawn award (`release`) or a closed one's unpaid part. */
  async release(
    manager: EntityManager,
    viewer: Viewer | null,
    fund: LockedFund,
    amount: number,
    action: 'release' | 'return-underspend',
  ): Promise<void> {
    await this.move(manager, viewer, fund, -amount, 0, action);
  }

  /**
   * An imported grant moves the totals by the difference it makes: a new award commits its
   * amount, a changed one the change, and its amountDisbursed moves the paid total. The
   * caller checks the budget first (`remaining`), so a refusal can name the grant's field;
   * the award's own audit row records the import.
   */
  async importChange(manager: EntityManager, fund: LockedFund, committed: number, paid: number): Promise<void> {
    if (committed !== 0 || paid !== 0) await moveFundTotals(manager, fund.id, committed, paid);
  }

  private async move(
    manager: EntityManager,
    viewer: Viewer | null,
    fund: LockedFund,
    committed: number,
    paid: number,
    action: string,
  ): Promise<void> {
    const after = await moveFundTotals(manager, fund.id, committed, paid);
    await this.audit.record(manager, viewer, {
      entityType: 'GrantFund',
      entityId: fund.id,
      action,
      before: fundSnapshot(fund),
      after: fundSnapshot(after),
    });
  }
}
