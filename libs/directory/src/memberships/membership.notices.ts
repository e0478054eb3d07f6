import type { Notice } from '@cohesion/notifications';

/** What people are told about memberships: to the organisation's admins, and to the person. */
export const MEMBERSHIP_NOTICES = {
  claimed(adminId: string, claim: { practitionerId: string; name: string; organisationId: string; organisation: string }): Notice {
    return {
      recipientId: adminId,
      kind: 'MEMBERSHIP_CLAIMED',
      subject: `${claim.name} says they work at ${claim.organisation}`,
      body:
        `${claim.name} says they work at ${claim.organisation}. Until one of its admins confirms it, they cannot ` +
        'search people or take part in the network. Confirm or decline it among the pending memberships.',
      link: `/organisations/${claim.organisationId}/memberships`,
      about: [claim.practitionerId],
    };
  },
  decided(membership: { practitionerId: string; organisation: string }, confirmed: boolean): Notice {
    return {
      recipientId: membership.practitionerId,
      kind: confirmed ? 'MEMBERSHIP_CONFIRMED' : 'MEMBERSHIP_DECLINED',
      subject: confirmed
        ? `${membership.organisation} confirmed that you work there`
        : `${membership.organisation} did not confirm that you work there`,
      body: confirmed
        ? `${membership.organisation} confirmed your membership. It now shows on your profile as confirmed.`
        : `${membership.organisation}'s admins did not confirm your membership. If you do work there, ask them, ` +
          'or ask them to invite you by email.',
      link: '/profile/memberships',
      about: [],
    };
  },
  endedByOrganisation(membership: { practitionerId: string; organisation: string }): Notice {
    return {
      recipientId: membership.practitionerId,
      kind: 'MEMBERSHIP_ENDED',
      subject: `${membership.organisation} ended your membership`,
      body: `${membership.organisation}'s admins ended your membership. It stays in your history, not on your profile.`,
      link: '/profile/memberships',
      about: [],
    };
  },
  invitationAccepted(inviterId: string, accepted: { practitionerId: string; name: string; organisation: string }): Notice {
    return {
      recipientId: inviterId,
      kind: 'INVITATION_ACCEPTED',
      subject: `${accepted.name} accepted your invitation to ${accepted.organisation}`,
      body: `${accepted.name} accepted your invitation and is now a confirmed member of ${accepted.organisation}.`,
      about: [accepted.practitionerId],
    };
  },
};

/** The invitation email, to an address that may have no account yet. */
export function invitationEmail(invitation: {
  to: string;
  organisation: string;
  inviter: string;
  link: string;
  days: number;
}): { to: string; kind: string; subject: string; body: string } {
  return {
    to: invitation.to,
    kind: 'MEMBERSHIP_INVITATION',
    subject: `${invitation.inviter} invited you to join ${invitation.organisation} on Cohesion Network`,
    body:
      `${invitation.inviter} invited you to join Cohesion Network as a member of ${invitation.organisation}, the ` +
      'network of people working on community cohesion across the West Midlands.\n\n' +
      `Follow this link to register, or sign in, with ${invitation.to}; your membership is confirmed at once:\n\n` +
      `${invitation.link}\n\nIt works once, for ${invitation.days} days. If you were not expecting this, ignore this email.`,
  };
}
