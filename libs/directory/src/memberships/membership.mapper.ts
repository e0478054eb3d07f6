import { toGlobalId } from '@cohesion/common';
import type { EmailDomainRow } from './email-domain.queries.js';
import { invitationState } from './invitation.state-machine.js';
import type { InvitationRow } from './invitation.queries.js';
import type { MembershipRow } from './membership.queries.js';
import {
  ConfirmationRouteValue,
  InvitationStateValue,
  Membership,
  MembershipInvitation,
  MembershipStatusValue,
  OrganisationEmailDomain,
} from './membership.model.js';

export const MEMBERSHIP_TYPE = 'Membership';
export const EMAIL_DOMAIN_TYPE = 'OrganisationEmailDomain';
export const INVITATION_TYPE = 'MembershipInvitation';

export function toMembership(row: MembershipRow, today: string): Membership {
  return Object.assign(new Membership(), {
    id: toGlobalId(MEMBERSHIP_TYPE, row.id),
    membershipId: row.id,
    organisationId: row.organisationId,
    practitionerId: row.practitionerId,
    role: row.role,
    team: row.team,
    startDate: row.startDate,
    endDate: row.endDate,
    status: row.status as MembershipStatusValue,
    confirmed: row.status === 'CONFIRMED',
    confirmedVia: row.confirmedVia as ConfirmationRouteValue | null,
    createdAt: row.createdAt,
    current:
      row.status === 'CONFIRMED' &&
      (row.endDate === null || row.endDate >= today) &&
      (row.startDate === null || row.startDate <= today),
  });
}

export function toEmailDomain(row: EmailDomainRow): OrganisationEmailDomain {
  return Object.assign(new OrganisationEmailDomain(), {
    id: toGlobalId(EMAIL_DOMAIN_TYPE, row.id),
    organisationId: row.organisationId,
    domain: row.domain,
    verified: row.verifiedAt !== null,
    verifiedAt: row.verifiedAt,
  });
}

export function toInvitation(row: InvitationRow, now: Date): MembershipInvitation {
  return Object.assign(new MembershipInvitation(), {
    id: toGlobalId(INVITATION_TYPE, row.id),
    organisationId: row.organisationId,
    email: row.email,
    role: row.role,
    team: row.team,
    state: invitationState(row, now) as InvitationStateValue,
    expiresAt: row.expiresAt,
    createdAt: row.createdAt,
  });
}

/** Today's date in the database's sense of a local date (UTC). */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}
