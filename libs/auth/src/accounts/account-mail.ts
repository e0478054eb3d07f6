import type { EntityManager } from 'typeorm';

/** An email about a person's own account: a link to follow, or word of a change to it. */
export interface AccountMessage {
  accountId: string;
  /** Where it goes: the account's address, or the new address it asked to change to. */
  to: string;
  kind: string;
  subject: string;
  body: string;
  /**
   * Carries a link that acts for the person (verify, reset): sent by email only, never
   * shown in the app, and its text is cleared from the outbox once sent or given up.
   */
  carriesLink: boolean;
}

/**
 * Implemented by notifications: queues an account email inside the caller's transaction,
 * so it goes exactly when the change that caused it commits. Auth depends on this
 * interface, not on notifications.
 */
export interface AccountMail {
  send(manager: EntityManager, message: AccountMessage): Promise<void>;
}

export const ACCOUNT_MAIL = Symbol('ACCOUNT_MAIL');
