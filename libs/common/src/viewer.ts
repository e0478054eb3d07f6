/** Roles granted on top of plain membership, which every account has. */
export const GRANTED_ROLES = ['ORG_ADMIN', 'GRANTS_OFFICER', 'ADMIN'] as const;
export type GrantedRole = (typeof GRANTED_ROLES)[number];

export interface RoleGrant {
  role: GrantedRole;
  /** The organisation the role is scoped to; null for ADMIN. */
  organisationId: string | null;
}

/**
 * Who is asking. Built once per request from the access token (or anonymous) and
 * passed to services and policies; roles come from the database, not the token, so
 * a revoked role stops working at once.
 */
export class Viewer {
  private constructor(
    readonly accountId: string | null,
    readonly practitionerId: string | null,
    readonly grants: readonly RoleGrant[],
    /** Whether the account has followed the link sent to its email address. */
    readonly emailVerified: boolean,
    /** Whether they hold a confirmed membership of a verified organisation (and are not suspended). */
    private readonly confirmedMember: boolean,
  ) {}

  private static readonly nobody = new Viewer(null, null, [], false, false);

  static anonymous(): Viewer {
    return Viewer.nobody;
  }

  /** A verified member: a verified email address and a confirmed membership of a verified organisation. */
  static member(accountId: string, practitionerId: string | null, grants: RoleGrant[]): Viewer {
    return new Viewer(accountId, practitionerId, grants, true, true);
  }

  /**
   * A signed-in account whose address is verified but whom no verified organisation has
   * confirmed yet: it may say where it works and list an organisation, and sees the rest of
   * the directory as an anonymous visitor does.
   */
  static awaitingMembership(accountId: string, practitionerId: string | null, grants: RoleGrant[]): Viewer {
    return new Viewer(accountId, practitionerId, grants, true, false);
  }

  /**
   * A signed-in account that has not yet followed its verification link: it may look after
   * its own account and profile, and sees the rest of the directory as an anonymous visitor does.
   */
  static unverified(accountId: string, practitionerId: string | null, grants: RoleGrant[]): Viewer {
    return new Viewer(accountId, practitionerId, grants, false, false);
  }

  /** A signed-in account as its session row describes it. */
  static signedIn(
    accountId: string,
    grants: RoleGrant[],
    standing: { emailVerified: boolean; verifiedMember: boolean },
  ): Viewer {
    return new Viewer(
      accountId,
      accountId,
      grants,
      standing.emailVerified,
      standing.emailVerified && standing.verifiedMember,
    );
  }

  /** The same person holding one more role, e.g. right after creating an organisation they now run. */
  withGrant(grant: RoleGrant): Viewer {
    return new Viewer(
      this.accountId,
      this.practitionerId,
      [...this.grants, grant],
      this.emailVerified,
      this.confirmedMember,
    );
  }

  get isAuthenticated(): boolean {
    return this.accountId !== null;
  }

  /**
   * The verified-member tier: a verified email address and a confirmed membership of a
   * verified organisation (platform admins, who verify organisations, hold it with a
   * verified address alone). Members-only listings and details, people and the network
   * open to it. Every visibility rule asks this, never `isAuthenticated`.
   */
  get isVerifiedMember(): boolean {
    return this.accountId !== null && this.emailVerified && (this.confirmedMember || this.isAdmin);
  }

  get isAdmin(): boolean {
    return this.grants.some((grant) => grant.role === 'ADMIN');
  }

  hasRole(role: GrantedRole, organisationId?: string): boolean {
    return this.grants.some(
      (grant) => grant.role === role && (organisationId === undefined || grant.organisationId === organisationId),
    );
  }

  isPractitioner(practitionerId: string): boolean {
    return this.practitionerId !== null && this.practitionerId === practitionerId;
  }
}
