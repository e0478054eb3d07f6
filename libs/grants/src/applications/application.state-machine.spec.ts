import { describe, expect, it } from '@jest/globals';
import { DomainError } from '@cohesion/common';
import { APPLICATION_STATUSES, type ApplicationStatus } from './application.entity.js';
import { APPLICATION_MOVES, nextApplicationStatus, type ApplicationEvent } from './application.state-machine.js';

const EVENTS: ApplicationEvent[] = [
  'SUBMIT',
  'PASS_ELIGIBILITY',
  'FAIL_ELIGIBILITY',
  'AWARD',
  'DECLINE',
  'ACTIVATE',
  'COMPLETE',
  'CLOSE_EARLY',
  'WITHDRAW',
];

/** The whole table, written out by hand: from -> event -> to. */
const LEGAL: [ApplicationStatus, ApplicationEvent, ApplicationStatus][] = [
  ['DRAFT', 'SUBMIT', 'SUBMITTED'],
  ['SUBMITTED', 'PASS_ELIGIBILITY', 'IN_ASSESSMENT'],
  ['SUBMITTED', 'FAIL_ELIGIBILITY', 'INELIGIBLE'],
  ['IN_ASSESSMENT', 'AWARD', 'AWARDED'],
  ['IN_ASSESSMENT', 'DECLINE', 'DECLINED'],
  ['AWARDED', 'ACTIVATE', 'ACTIVE'],
  ['ACTIVE', 'COMPLETE', 'COMPLETED'],
  ['ACTIVE', 'CLOSE_EARLY', 'CLOSED_EARLY'],
  ['DRAFT', 'WITHDRAW', 'WITHDRAWN'],
  ['SUBMITTED', 'WITHDRAW', 'WITHDRAWN'],
  ['IN_ASSESSMENT', 'WITHDRAW', 'WITHDRAWN'],
  ['AWARDED', 'WITHDRAW', 'WITHDRAWN'],
];

describe('the application state machine', () => {
  it.each(LEGAL)('%s --%s--> %s', (from, event, to) => {
    expect(nextApplicationStatus(from, event)).toBe(to);
  });

  it('allows nothing else: every other (state, event) pair is a CONFLICT naming the state', () => {
    let illegal = 0;
    for (const from of APPLICATION_STATUSES) {
      for (const event of EVENTS) {
        if (LEGAL.some(([f, e]) => f === from && e === event)) continue;
        illegal++;
        let error: unknown;
        try {
          nextApplicationStatus(from, event);
        } catch (caught) {
          error = caught;
        }
        expect(error).toBeInstanceOf(DomainError);
        expect((error as DomainError).code).toBe('CONFLICT');
        expect((error as DomainError).message).toContain(from.replace('_', ' '));
      }
    }
    expect(illegal).toBe(APPLICATION_STATUSES.length * EVENTS.length - LEGAL.length);
    expect(APPLICATION_MOVES).toHaveLength(LEGAL.length);
  });

  it('has no way out of a final state', () => {
    for (const final of ['INELIGIBLE', 'DECLINED', 'COMPLETED', 'CLOSED_EARLY', 'WITHDRAWN'] as const) {
      expect(APPLICATION_MOVES.filter((move) => move.from === final)).toEqual([]);
    }
  });
});
