import type { EntityManager } from 'typeorm';

export interface NewProfile {
  fullName: string;
  jobTitle?: string;
}

/** How an organisation vouched for a person without one of its admins deciding. */
export type VouchedBy = 'SIGN_IN' | 'INVITATION';

/**
 * Implemented by the directory, which keeps practitioners' profiles and memberships. Auth
 * depends on this interface, not on the directory.
 */
export interface AccountProfiles {
  /** Creates the practitioner profile of a new account in the registration transaction. */
  createProfile(manager: EntityManager, accountId: string, profile: NewProfile): Promise<void>;

  /**
   * Brings each account's verified-member standing up to date inside the caller's
   * transaction, after anything it depends on changed: the address verified, the account
   * disabled or suspended (or lifted), a membership confirmed or ended.
   */
  refreshStanding(manager: EntityManager, accountIds: readonly string[]): Promise<void>;

  /** Whether the account (an SQL expression for its id) is a verified member now, as SQL. */
  standingSql(accountId: string): string;

  /**
   * The organisation vouched for the person (council sign-in on its domain, an invitation
   * they followed): their membership is confirmed, created if they had not claimed it.
   */
  confirmVouchedMembership(
    manager: EntityManager,
    accountId: string,
    organisationId: string,
    via: VouchedBy,
  ): Promise<void>;

  /** The organisation's email domains that a platform admin has verified. */
  verifiedEmailDomains(manager: EntityManager, organisationId: string): Promise<string[]>;
}

export const ACCOUNT_PROFILES = Symbol('ACCOUNT_PROFILES');
