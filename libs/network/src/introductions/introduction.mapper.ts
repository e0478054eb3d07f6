import { toGlobalId } from '@cohesion/common';
import { Introduction, IntroductionRole, IntroductionStatusView } from './introduction.model.js';
import type { People } from './introduction.notices.js';
import type { ExpiredIntroductionRow, IntroductionRow, PersonRow } from './introduction.queries.js';

export const INTRODUCTION_TYPE = 'Introduction';

export function roleOf(
  row: Pick<IntroductionRow, 'requesterId' | 'brokerId' | 'targetId'>,
  viewerId: string,
): IntroductionRole | null {
  if (row.requesterId === viewerId) return IntroductionRole.REQUESTER;
  if (row.brokerId === viewerId) return IntroductionRole.BROKER;
  if (row.targetId === viewerId) return IntroductionRole.TARGET;
  return null;
}

/**
 * What one of its people sees of an introduction: the person who asked never learns
 * that it was declined rather than not accepted, nor why; the broker's note is for the
 * person asked.
 */
export function toIntroduction(row: IntroductionRow, role: IntroductionRole): Introduction {
  const requester = role === IntroductionRole.REQUESTER;
  const status =
    requester && row.status === 'DECLINED'
      ? IntroductionStatusView.NOT_ACCEPTED
      : (row.status as IntroductionStatusView);
  const awaitingYou =
    (role === IntroductionRole.BROKER && row.status === 'PENDING_BROKER') ||
    (role === IntroductionRole.TARGET && row.status === 'PENDING_TARGET');
  const canWithdraw = requester && (row.status === 'PENDING_BROKER' || row.status === 'PENDING_TARGET');
  return Object.assign(new Introduction(), {
    id: toGlobalId(INTRODUCTION_TYPE, row.id),
    introductionId: row.id,
    requesterId: row.requesterId,
    targetId: row.targetId,
    brokerId: row.brokerId,
    status,
    viewerRole: role,
    message: row.message,
    origin: row.origin,
    brokerNote: requester ? null : row.brokerNote,
    responseNote:
      requester && row.status !== 'ACCEPTED' ? null : role === IntroductionRole.BROKER ? null : row.responseNote,
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
    closedAt: row.closedAt,
    awaitingYou,
    canWithdraw,
  });
}

/** The names an introduction's notices use, from its people as locked. */
export function peopleOf(requester: PersonRow, target: PersonRow, broker: PersonRow | undefined): People {
  return {
    requester: { id: requester.id, name: requester.name, jobTitle: requester.jobTitle },
    target: { id: target.id, name: target.name },
    broker: broker ? { id: broker.id, name: broker.name } : null,
  };
}

/** The names the notice of a lapsed request uses: the person who asked is its recipient, so theirs is not needed. */
export function expiredPeopleOf(row: ExpiredIntroductionRow): People {
  return {
    requester: { id: row.requesterId, name: '', jobTitle: null },
    target: { id: row.targetId, name: row.targetName },
  };
}
