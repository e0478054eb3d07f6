import type { EntityManager } from 'typeorm';

export interface NewProfile {
  fullName: string;
  jobTitle?: string;
}

/**
 * Implemented by the directory: creates the practitioner profile of a new account in
 * the registration transaction, so there is never an account without its profile.
 * Auth depends on this interface, not on the directory.
 */
export interface AccountProfiles {
  createProfile(manager: EntityManager, accountId: string, profile: NewProfile): Promise<void>;
  /** Creates or confirms the account's membership of the organisation, vouched for by its sign-in. */
  confirmVouchedMembership(
    manager: EntityManager,
    accountId: string,
    organisationId: string,
    via: 'SIGN_IN',
  ): Promise<void>;
  /** The email domains the organisation has had verified (lower case). */
  verifiedEmailDomains(manager: EntityManager, organisationId: string): Promise<string[]>;
}

export const ACCOUNT_PROFILES = Symbol('ACCOUNT_PROFILES');
