import type { EntityManager } from 'typeorm';
import { MembershipInvitationEntity, OrganisationEmailDomainEntity } from '../memberships/membership.entity.js';
import { refreshStanding } from '../shared/membership-standing.queries.js';

/** Writes the demo dataset's email domains and invitations, and settles everyone's standing after a load. */
export class MembershipRows {
  async seedDomain(
    manager: EntityManager,
    domain: { organisationId: string; domain: string; verified: boolean },
  ): Promise<void> {
    await manager.insert(OrganisationEmailDomainEntity, {
      organisationId: domain.organisationId,
      domain: domain.domain,
      verifiedAt: domain.verified ? new Date() : null,
    });
  }

  /** An open invitation; its token is not kept (only its hash), so the demo's cannot be followed. */
  async seedInvitation(
    manager: EntityManager,
    invitation: {
      organisationId: string;
      email: string;
      role: string | null;
      invitedBy: string;
      tokenHash: string;
      expiresAt: Date;
    },
  ): Promise<void> {
    await manager.insert(MembershipInvitationEntity, { ...invitation, team: null, status: 'PENDING' });
  }

  /** Brings every practitioner's verified-member standing up to date; returns how many changed. */
  async settleStanding(manager: EntityManager): Promise<number> {
    return (await refreshStanding(manager, undefined)).length;
  }
}
