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
  ) {}

  private static readonly nobody = new Viewer(null, null, []);

  static anonymous(): Viewer {
    return Viewer.nobody;
  }

  static member(accountId: string, practitionerId: string | null, grants: RoleGrant[]): Viewer {
    return new Viewer(accountId, practitionerId, grants);
  }

  /** The same person holding one more role, e.g. right after creating an organisation they now run. */
  withGrant(grant: RoleGrant): Viewer {
    return new Viewer(this.accountId, this.practitionerId, [...this.grants, grant]);
  }

  get isAuthenticated(): boolean {
    return this.accountId !== null;
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
