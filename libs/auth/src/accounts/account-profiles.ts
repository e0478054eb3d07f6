import type { EntityManager } from 'typeorm';

export interface NewProfile {
  fullName: string;
  jobTitle?: string;
  /** From an organisation's invitation to the address registering: accepted in the same step. */
  invitationToken?: string;
}

/** What creating a profile settled beyond the profile. */
export interface CreatedProfile {
  /** An invitation sent to the address was accepted, which proves the address. */
  addressProven: boolean;
}

/** How an organisation vouched for a person without one of its admins deciding. */
export type VouchedBy = 'SIGN_IN' | 'INVITATION';

/**
 * Implemented by the directory, which keeps practitioners' profiles and memberships. Auth
 * depends on this interface, not on the directory.
 */
export interface AccountProfiles {
  /**
   * Creates the practitioner profile of a new account in the registration transaction, and
   * accepts the invitation it registers with, if any (see `checkInvitation`).
   */
  createProfile(manager: EntityManager, accountId: string, profile: NewProfile): Promise<CreatedProfile>;

  /**
   * Refuses (`BAD_USER_INPUT` on `input.invitationToken`) an invitation that does not work or was
   * sent to another address: checked before anything else of a registration, so the answer
   * never depends on whether the address already has an account.
   */
  checkInvitation(manager: EntityManager, token: string, email: string): Promise<void>;

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
