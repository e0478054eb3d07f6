import { toGlobalId } from '@cohesion/common';
import type { IntroductionStatus } from './introduction.entity.js';
import { ConnectionOrigin, Introduction, IntroductionRole, IntroductionStatusView } from './introduction.model.js';

export const INTRODUCTION_TYPE = 'Introduction';

/** An introduction as loaded, with `status` already EXPIRED when its time has passed unanswered. */
export interface IntroductionRow {
  id: string;
  requesterId: string;
  targetId: string;
  brokerId: string | null;
  message: string;
  origin: string;
  status: IntroductionStatus;
  brokerNote: string | null;
  responseNote: string | null;
  createdAt: Date;
  expiresAt: Date;
  closedAt: Date | null;
  reachedTargetAt: Date | null;
  /** created_at as text, with microseconds, for cursors. */
  createdAtKey: string;
}

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
    origin: row.origin as ConnectionOrigin,
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
