import { conflict } from '@cohesion/common';
import type { ApplicationStatus } from './application.entity.js';

export type ApplicationEvent =
  | 'SUBMIT'
  | 'PASS_ELIGIBILITY'
  | 'FAIL_ELIGIBILITY'
  | 'AWARD'
  | 'DECLINE'
  | 'ACTIVATE'
  | 'COMPLETE'
  | 'CLOSE_EARLY'
  | 'WITHDRAW';

interface Move {
  from: ApplicationStatus;
  event: ApplicationEvent;
  to: ApplicationStatus;
}

/** States from which an applicant (or officer) may still withdraw: no money has moved yet. */
export const OPEN_STATUSES: readonly ApplicationStatus[] = ['DRAFT', 'SUBMITTED', 'IN_ASSESSMENT', 'AWARDED'];

/** States in which an award is live or spent: its amount counts against the fund. */
export const AWARD_STATUSES: readonly ApplicationStatus[] = ['AWARDED', 'ACTIVE', 'COMPLETED', 'CLOSED_EARLY'];

/**
 * Every legal move: DRAFT -> SUBMITTED -> (INELIGIBLE | IN_ASSESSMENT) -> (AWARDED |
 * DECLINED) -> ACTIVE -> (COMPLETED | CLOSED_EARLY), and WITHDRAWN from any open state.
 * The eligibility check runs as part of submitting, so a submitted application leaves
 * SUBMITTED in the same transaction. Anything else is illegal.
 */
const MOVES: Move[] = [
  { from: 'DRAFT', event: 'SUBMIT', to: 'SUBMITTED' },
  { from: 'SUBMITTED', event: 'PASS_ELIGIBILITY', to: 'IN_ASSESSMENT' },
  { from: 'SUBMITTED', event: 'FAIL_ELIGIBILITY', to: 'INELIGIBLE' },
  { from: 'IN_ASSESSMENT', event: 'AWARD', to: 'AWARDED' },
  { from: 'IN_ASSESSMENT', event: 'DECLINE', to: 'DECLINED' },
  { from: 'AWARDED', event: 'ACTIVATE', to: 'ACTIVE' },
  { from: 'ACTIVE', event: 'COMPLETE', to: 'COMPLETED' },
  { from: 'ACTIVE', event: 'CLOSE_EARLY', to: 'CLOSED_EARLY' },
  ...OPEN_STATUSES.map((from): Move => ({ from, event: 'WITHDRAW', to: 'WITHDRAWN' })),
];

const DOING: Record<ApplicationEvent, string> = {
  SUBMIT: 'submitted',
  PASS_ELIGIBILITY: 'checked for eligibility',
  FAIL_ELIGIBILITY: 'checked for eligibility',
  AWARD: 'awarded',
  DECLINE: 'declined',
  ACTIVATE: 'started',
  COMPLETE: 'closed',
  CLOSE_EARLY: 'closed',
  WITHDRAW: 'withdrawn',
};

/** The state after a move, or CONFLICT naming the state it is in when the move is not allowed. */
export function nextApplicationStatus(status: ApplicationStatus, event: ApplicationEvent): ApplicationStatus {
  const move = MOVES.find((candidate) => candidate.from === status && candidate.event === event);
  if (!move) {
    throw conflict(`An application that is ${status.replace('_', ' ')} cannot be ${DOING[event]}`);
  }
  return move.to;
}

/** Every move, for tests and documentation. */
export const APPLICATION_MOVES: readonly Readonly<Move>[] = MOVES;
