import { describe, expect, it } from '@jest/globals';
import { DomainError } from '@cohesion/common';
import { INTRODUCTION_STATUSES, type IntroductionStatus } from './introduction.entity.js';
import {
  INTRODUCTION_MOVES,
  nextStatus,
  type IntroductionActor,
  type IntroductionEvent,
} from './introduction.state-machine.js';

const EVENTS: IntroductionEvent[] = ['ACCEPT', 'DECLINE', 'WITHDRAW', 'EXPIRE'];
const ACTORS: IntroductionActor[] = ['REQUESTER', 'BROKER', 'TARGET', 'SYSTEM'];

function attempt(status: IntroductionStatus, event: IntroductionEvent, actor: IntroductionActor): string {
  try {
    return nextStatus(status, event, actor);
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('CONFLICT');
    return 'CONFLICT';
  }
}

describe('introduction state machine', () => {
  it.each([
    ['PENDING_BROKER', 'ACCEPT', 'BROKER', 'PENDING_TARGET'],
    ['PENDING_BROKER', 'DECLINE', 'BROKER', 'DECLINED'],
    ['PENDING_BROKER', 'DECLINE', 'SYSTEM', 'DECLINED'],
    ['PENDING_BROKER', 'WITHDRAW', 'REQUESTER', 'WITHDRAWN'],
    ['PENDING_BROKER', 'EXPIRE', 'SYSTEM', 'EXPIRED'],
    ['PENDING_TARGET', 'ACCEPT', 'TARGET', 'ACCEPTED'],
    ['PENDING_TARGET', 'DECLINE', 'TARGET', 'DECLINED'],
    ['PENDING_TARGET', 'DECLINE', 'SYSTEM', 'DECLINED'],
    ['PENDING_TARGET', 'WITHDRAW', 'REQUESTER', 'WITHDRAWN'],
    ['PENDING_TARGET', 'EXPIRE', 'SYSTEM', 'EXPIRED'],
  ] as const)('%s --%s by %s--> %s', (from, event, actor, to) => {
    expect(nextStatus(from, event, actor)).toBe(to);
  });

  it('refuses every other move, from every state, by everyone, with CONFLICT', () => {
    const legal = new Set(
      INTRODUCTION_MOVES.flatMap((move) => move.by.map((by) => `${move.from} ${move.event} ${by}`)),
    );
    expect(legal.size).toBe(10);
    let refused = 0;
    for (const status of INTRODUCTION_STATUSES) {
      for (const event of EVENTS) {
        for (const actor of ACTORS) {
          const outcome = attempt(status, event, actor);
          if (legal.has(`${status} ${event} ${actor}`)) {
            expect(outcome).not.toBe('CONFLICT');
          } else {
            expect(outcome).toBe('CONFLICT');
            refused++;
          }
        }
      }
    }
    expect(refused).toBe(INTRODUCTION_STATUSES.length * EVENTS.length * ACTORS.length - 10);
  });

  it('never leaves a final state', () => {
    for (const status of ['ACCEPTED', 'DECLINED', 'EXPIRED', 'WITHDRAWN'] as const) {
      for (const event of EVENTS) for (const actor of ACTORS) expect(attempt(status, event, actor)).toBe('CONFLICT');
    }
  });

  it('says who may act when the wrong person tries', () => {
    expect(() => nextStatus('PENDING_TARGET', 'ACCEPT', 'REQUESTER')).toThrow('Only the person asked can do that now');
    expect(() => nextStatus('ACCEPTED', 'WITHDRAW', 'REQUESTER')).toThrow('This introduction is already accepted');
  });
});
