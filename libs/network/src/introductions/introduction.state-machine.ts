import { conflict } from '@cohesion/common';
import type { IntroductionStatus } from './introduction.entity.js';

/** Who acts on an introduction: one of its people, or the system (expiry, a block). */
export type IntroductionActor = 'REQUESTER' | 'BROKER' | 'TARGET' | 'SYSTEM';
export type IntroductionEvent = 'ACCEPT' | 'DECLINE' | 'WITHDRAW' | 'EXPIRE';

interface Move {
  from: IntroductionStatus;
  event: IntroductionEvent;
  by: IntroductionActor[];
  to: IntroductionStatus;
}

const PENDING: IntroductionStatus[] = ['PENDING_BROKER', 'PENDING_TARGET'];

/**
 * Every legal move. The broker passes a request on (ACCEPT) or declines it; then the
 * target accepts or declines. The requester may withdraw while it is pending; the
 * system expires it once unanswered for `INTRODUCTION_RULES.expiresAfterDays`
 * (network.rules.ts), and declines it on the blocked person's behalf when the target or
 * broker blocks them. Anything else is illegal.
 */
const MOVES: Move[] = [
  { from: 'PENDING_BROKER', event: 'ACCEPT', by: ['BROKER'], to: 'PENDING_TARGET' },
  { from: 'PENDING_BROKER', event: 'DECLINE', by: ['BROKER', 'SYSTEM'], to: 'DECLINED' },
  { from: 'PENDING_TARGET', event: 'ACCEPT', by: ['TARGET'], to: 'ACCEPTED' },
  { from: 'PENDING_TARGET', event: 'DECLINE', by: ['TARGET', 'SYSTEM'], to: 'DECLINED' },
  ...PENDING.map((from): Move => ({ from, event: 'WITHDRAW', by: ['REQUESTER'], to: 'WITHDRAWN' })),
  ...PENDING.map((from): Move => ({ from, event: 'EXPIRE', by: ['SYSTEM'], to: 'EXPIRED' })),
];

export function isPending(status: IntroductionStatus): boolean {
  return PENDING.includes(status);
}

/** The state after a move, or a CONFLICT (naming what is wrong) when the move is not allowed. */
export function nextStatus(
  status: IntroductionStatus,
  event: IntroductionEvent,
  actor: IntroductionActor,
): IntroductionStatus {
  const move = MOVES.find((candidate) => candidate.from === status && candidate.event === event);
  if (!move) {
    throw conflict(
      isPending(status)
        ? `This introduction cannot be ${PAST[event]} now`
        : `This introduction is already ${status.toLowerCase().replace('_', ' ')}`,
    );
  }
  if (!move.by.includes(actor)) throw conflict(`Only ${WHO[event][status] ?? 'someone else'} can do that now`);
  return move.to;
}

const PAST: Record<IntroductionEvent, string> = {
  ACCEPT: 'accepted',
  DECLINE: 'declined',
  WITHDRAW: 'withdrawn',
  EXPIRE: 'expired',
};

const WHO: Record<IntroductionEvent, Partial<Record<IntroductionStatus, string>>> = {
  ACCEPT: { PENDING_BROKER: 'the person asked to introduce you', PENDING_TARGET: 'the person asked' },
  DECLINE: { PENDING_BROKER: 'the person asked to introduce you', PENDING_TARGET: 'the person asked' },
  WITHDRAW: { PENDING_BROKER: 'the person who asked', PENDING_TARGET: 'the person who asked' },
  EXPIRE: {},
};

/** Every move, for tests and documentation. */
export const INTRODUCTION_MOVES: readonly Readonly<Move>[] = MOVES;
