/** Where an emailed link stands. Only an ISSUED link does anything when followed. */
export type AccountLinkState = 'ISSUED' | 'USED' | 'EXPIRED' | 'SUPERSEDED';
export type AccountLinkEvent = 'FOLLOW' | 'SUPERSEDE';

export interface AccountLinkFacts {
  expiresAt: Date;
  usedAt: Date | null;
  supersededAt: Date | null;
}

/** The state of a link at `now`: what ended it first, or ISSUED while it still works. */
export function linkState(link: AccountLinkFacts, now: Date): AccountLinkState {
  if (link.usedAt) return 'USED';
  if (link.supersededAt) return 'SUPERSEDED';
  if (link.expiresAt.getTime() <= now.getTime()) return 'EXPIRED';
  return 'ISSUED';
}

/**
 * Every legal move: an issued link is followed once (USED) or replaced by a newer one of
 * its purpose, a password change or an address change (SUPERSEDED); time alone expires it.
 * Nothing leaves USED, EXPIRED or SUPERSEDED.
 */
const MOVES: Record<AccountLinkEvent, AccountLinkState> = { FOLLOW: 'USED', SUPERSEDE: 'SUPERSEDED' };

/** The state after `event`, or null when the link no longer works. */
export function nextLinkState(state: AccountLinkState, event: AccountLinkEvent): AccountLinkState | null {
  return state === 'ISSUED' ? MOVES[event] : null;
}

/** One answer for every link that does not work, so a guess learns nothing about real links. */
export const LINK_NOT_VALID = 'This link has expired or has already been used; ask for a new one';
