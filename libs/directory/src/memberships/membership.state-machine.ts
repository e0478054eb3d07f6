import { conflict } from '@cohesion/common';

/**
 * PENDING: the person says they work there. CONFIRMED: the organisation agrees. DECLINED:
 * its admins said no. ENDED: the person or its admins ended it (a pending claim the person
 * takes back ends too). Declined and ended memberships are history, shown to the person only.
 */
export const MEMBERSHIP_STATUSES = ['PENDING', 'CONFIRMED', 'DECLINED', 'ENDED'] as const;
export type MembershipStatus = (typeof MEMBERSHIP_STATUSES)[number];

/**
 * How a membership came to be confirmed: by one of the organisation's admins (an admin's
 * own claim confirms at once), at once by a verified email domain, by following an
 * invitation, or by council sign-in.
 */
export const CONFIRMATION_ROUTES = ['ORG_ADMIN', 'EMAIL_DOMAIN', 'INVITATION', 'SIGN_IN'] as const;
export type ConfirmationRoute = (typeof CONFIRMATION_ROUTES)[number];

/** Who acts: the person it is about, an admin of the organisation (or a platform admin), or the system. */
export type MembershipActor = 'MEMBER' | 'ORGANISATION' | 'SYSTEM';
export type MembershipEvent = 'CONFIRM' | 'DECLINE' | 'END';

interface Move {
  from: MembershipStatus;
  event: MembershipEvent;
  by: MembershipActor[];
  to: MembershipStatus;
}

/**
 * Every legal move. The organisation (or the system, for a verified domain, an invitation or
 * sign-in) confirms or declines a pending claim; the person or the organisation ends a
 * pending or confirmed one. Nothing leaves DECLINED or ENDED: a new claim starts afresh.
 */
const MOVES: Move[] = [
  { from: 'PENDING', event: 'CONFIRM', by: ['ORGANISATION', 'SYSTEM'], to: 'CONFIRMED' },
  { from: 'PENDING', event: 'DECLINE', by: ['ORGANISATION'], to: 'DECLINED' },
  { from: 'PENDING', event: 'END', by: ['MEMBER', 'ORGANISATION'], to: 'ENDED' },
  { from: 'CONFIRMED', event: 'END', by: ['MEMBER', 'ORGANISATION'], to: 'ENDED' },
];

const PAST: Record<MembershipEvent, string> = { CONFIRM: 'confirmed', DECLINE: 'declined', END: 'ended' };

/** Pending and confirmed memberships are open: shown on the profile, and only one claim per organisation. */
export function isOpen(status: MembershipStatus): boolean {
  return status === 'PENDING' || status === 'CONFIRMED';
}

/** The status after a move, or a CONFLICT naming what is wrong when the move is not allowed. */
export function nextMembershipStatus(
  status: MembershipStatus,
  event: MembershipEvent,
  actor: MembershipActor,
): MembershipStatus {
  const move = MOVES.find((candidate) => candidate.from === status && candidate.event === event);
  if (!move) {
    throw conflict(`This membership is already ${status.toLowerCase()}; it cannot be ${PAST[event]}`);
  }
  if (!move.by.includes(actor)) {
    throw conflict(event === 'CONFIRM' || event === 'DECLINE' ? 'Only the organisation’s admins can do that' : 'Not yours to end');
  }
  return move.to;
}
