import type { EntityManager } from 'typeorm';

/** How many rows one domain's eraser changed (`PersonalDataEraser.name`). */
export interface ErasureCount {
  name: string;
  rows: number;
}

/**
 * Implemented by the app, which composes every domain's erasers (`*_ERASERS`, auth's last):
 * erases everything held about one account inside the caller's transaction. Idempotent.
 * Auth depends on this interface, not on the domains above it.
 */
export interface AccountErasure {
  erase(manager: EntityManager, accountId: string): Promise<ErasureCount[]>;
}

export const ACCOUNT_ERASURE = Symbol('ACCOUNT_ERASURE');
