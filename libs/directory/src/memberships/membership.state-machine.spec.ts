import { describe, expect, it } from '@jest/globals';
import { DomainError } from '@cohesion/common';
import {
  MEMBERSHIP_STATUSES,
  nextMembershipStatus,
  type MembershipActor,
  type MembershipEvent,
  type MembershipStatus,
} from './membership.state-machine.js';
import { INVITATION_NOT_VALID, invitationState, nextInvitationStatus, type InvitationState } from './invitation.state-machine.js';

const EVENTS: MembershipEvent[] = ['CONFIRM', 'DECLINE', 'END'];
const ACTORS: MembershipActor[] = ['MEMBER', 'ORGANISATION', 'SYSTEM'];

/** Every legal move, as from -> event by actor -> to; anything else must be refused. */
const LEGAL: Record<string, MembershipStatus> = {
  'PENDING CONFIRM ORGANISATION': 'CONFIRMED',
  'PENDING CONFIRM SYSTEM': 'CONFIRMED',
  'PENDING DECLINE ORGANISATION': 'DECLINED',
  'PENDING END MEMBER': 'ENDED',
  'PENDING END ORGANISATION': 'ENDED',
  'CONFIRMED END MEMBER': 'ENDED',
  'CONFIRMED END ORGANISATION': 'ENDED',
};

function attempt(from: MembershipStatus, event: MembershipEvent, actor: MembershipActor): string {
  try {
    return nextMembershipStatus(from, event, actor);
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('CONFLICT');
    return 'refused';
  }
}

describe('the membership state machine', () => {
  for (const from of MEMBERSHIP_STATUSES) {
    for (const event of EVENTS) {
      for (const actor of ACTORS) {
        const key = `${from} ${event} ${actor}`;
        it(`${key} -> ${LEGAL[key] ?? 'refused'}`, () => {
          expect(attempt(from, event, actor)).toBe(LEGAL[key] ?? 'refused');
        });
      }
    }
  }

  it('says in words why a move is refused', () => {
    expect(() => nextMembershipStatus('CONFIRMED', 'CONFIRM', 'ORGANISATION')).toThrow(
      'This membership is already confirmed; it cannot be confirmed',
    );
    expect(() => nextMembershipStatus('PENDING', 'CONFIRM', 'MEMBER')).toThrow('Only the organisation’s admins can do that');
    expect(() => nextMembershipStatus('DECLINED', 'END', 'MEMBER')).toThrow('This membership is already declined');
  });
});

describe('the invitation state machine', () => {
  const now = new Date('2026-12-03T12:00:00Z');
  const later = new Date('2026-12-10T12:00:00Z');
  const earlier = new Date('2026-12-01T12:00:00Z');

  it('derives EXPIRED from time, for pending invitations only', () => {
    expect(invitationState({ status: 'PENDING', expiresAt: later }, now)).toBe('PENDING');
    expect(invitationState({ status: 'PENDING', expiresAt: earlier }, now)).toBe('EXPIRED');
    expect(invitationState({ status: 'PENDING', expiresAt: now }, now)).toBe('EXPIRED');
    expect(invitationState({ status: 'ACCEPTED', expiresAt: earlier }, now)).toBe('ACCEPTED');
    expect(invitationState({ status: 'REVOKED', expiresAt: later }, now)).toBe('REVOKED');
  });

  const STATES: InvitationState[] = ['PENDING', 'ACCEPTED', 'REVOKED', 'EXPIRED'];
  for (const state of STATES) {
    it(`from ${state}: ${state === 'PENDING' ? 'accepted once or revoked' : 'nothing moves'}`, () => {
      if (state === 'PENDING') {
        expect(nextInvitationStatus(state, 'ACCEPT')).toBe('ACCEPTED');
        expect(nextInvitationStatus(state, 'REVOKE')).toBe('REVOKED');
      } else {
        expect(() => nextInvitationStatus(state, 'ACCEPT')).toThrow(INVITATION_NOT_VALID);
        expect(() => nextInvitationStatus(state, 'REVOKE')).toThrow(`This invitation is already ${state.toLowerCase()}`);
      }
    });
  }
});
