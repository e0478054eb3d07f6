import { conflict } from '@cohesion/common';

/** PENDING until accepted or revoked; an unanswered one EXPIRES with time (derived, never stored). */
export const INVITATION_STATUSES = ['PENDING', 'ACCEPTED', 'REVOKED'] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];
export type InvitationState = InvitationStatus | 'EXPIRED';
export type InvitationEvent = 'ACCEPT' | 'REVOKE';

/** Where an invitation stands at `now`. */
export function invitationState(invitation: { status: InvitationStatus; expiresAt: Date }, now: Date): InvitationState {
  if (invitation.status === 'PENDING' && invitation.expiresAt.getTime() <= now.getTime()) return 'EXPIRED';
  return invitation.status;
}

const MOVES: Record<InvitationEvent, InvitationStatus> = { ACCEPT: 'ACCEPTED', REVOKE: 'REVOKED' };

/** One answer for every invitation link that does not work, so a guess learns nothing about real ones. */
export const INVITATION_NOT_VALID = 'This invitation has expired, was withdrawn or has already been used';

/**
 * Every legal move: the invited person accepts a pending invitation once, or the
 * organisation's admins revoke it. Nothing leaves ACCEPTED, REVOKED or EXPIRED.
 */
export function nextInvitationStatus(state: InvitationState, event: InvitationEvent): InvitationStatus {
  if (state !== 'PENDING') {
    throw conflict(event === 'ACCEPT' ? INVITATION_NOT_VALID : `This invitation is already ${state.toLowerCase()}`);
  }
  return MOVES[event];
}
