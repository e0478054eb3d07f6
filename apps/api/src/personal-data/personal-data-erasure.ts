import { Global, Injectable, Module } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { ACCOUNT_ERASURE, AUTH_ERASERS, erasuresPage, type AccountErasure, type ErasureCount } from '@cohesion/auth';
import type { PersonalDataEraser } from '@cohesion/common';
import { DIRECTORY_ERASERS } from '@cohesion/directory';
import { NETWORK_ERASERS } from '@cohesion/network';
import { NOTIFICATIONS_ERASERS } from '@cohesion/notifications';

/** What re-applying the remembered erasures did. */
export interface ReapplyReport {
  /** Erasures remembered, all re-applied. */
  erasures: number;
  /** Of those, the accounts that had personal data again (a restore brought it back). */
  accountsChanged: number;
  /** Rows changed, by eraser, in the order they run. */
  rows: ErasureCount[];
}

/**
 * Everything held about a person, erased through each domain's own erasers (its `*_ERASERS`),
 * so nothing here names another domain's tables: the network's requests, connections and
 * blocks first, then the notifications naming them, the directory profile, and the account
 * last (its address is what some of the others match on). Grants hold no personal data of
 * their own beyond who did the work, which stays attributed to the tombstone id.
 */
@Injectable()
export class PersonalDataErasure implements AccountErasure {
  private readonly erasers: PersonalDataEraser[] = [
    ...NETWORK_ERASERS,
    ...NOTIFICATIONS_ERASERS,
    ...DIRECTORY_ERASERS,
    ...AUTH_ERASERS,
  ];

  constructor(private readonly dataSource: DataSource) {}

  async erase(manager: EntityManager, accountId: string): Promise<ErasureCount[]> {
    const counts: ErasureCount[] = [];
    for (const eraser of this.erasers) counts.push({ name: eraser.name, rows: await eraser.erase(manager, accountId) });
    return counts;
  }

  /**
   * Erases again every account remembered in `erasures`, one transaction each: after a
   * restore from a backup older than some erasures, their data is gone again. Idempotent:
   * a second run changes nothing.
   */
  async reapplyAll(pageSize = 200): Promise<ReapplyReport> {
    const totals = new Map(this.erasers.map((eraser) => [eraser.name, 0]));
    let erasures = 0;
    let accountsChanged = 0;
    let after: { erasedAt: Date; accountId: string } | undefined;
    for (;;) {
      const page = await erasuresPage(this.dataSource, pageSize, after);
      for (const erasure of page) {
        const counts = await this.dataSource.transaction((manager) => this.erase(manager, erasure.accountId));
        erasures++;
        if (counts.some((count) => count.rows > 0)) accountsChanged++;
        for (const count of counts) totals.set(count.name, (totals.get(count.name) ?? 0) + count.rows);
      }
      if (page.length < pageSize) break;
      after = page[page.length - 1];
    }
    return { erasures, accountsChanged, rows: [...totals].map(([name, rows]) => ({ name, rows })) };
  }
}

/** Provides ACCOUNT_ERASURE to auth's `deleteMyAccount`, and the re-apply command its service. */
@Global()
@Module({
  providers: [PersonalDataErasure, { provide: ACCOUNT_ERASURE, useExisting: PersonalDataErasure }],
  exports: [PersonalDataErasure, ACCOUNT_ERASURE],
})
export class PersonalDataErasureModule {}
