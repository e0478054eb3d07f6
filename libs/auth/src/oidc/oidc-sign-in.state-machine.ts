import type { OidcOutcome } from './oidc-sign-in-attempt.entity.js';

/**
 * Where a council sign-in stands.
 * - STARTED: the person left for the provider; the state, nonce and PKCE verifier wait here.
 * - CALLED_BACK: the provider sent them back; the state is spent, the code is being exchanged.
 * - SIGNED_IN: a one-time code was handed back; the client exchanges it for tokens once.
 * - LINK_REQUIRED: an account with that address signs in with a password; it is linked once
 *   the person proves they hold it (its password, or the link emailed to it).
 * - COMPLETED: tokens were handed over. REFUSED: the sign-in was turned down.
 * - EXPIRED: time ran out before the next step.
 */
export type OidcSignInState =
  'STARTED' | 'CALLED_BACK' | 'SIGNED_IN' | 'LINK_REQUIRED' | 'COMPLETED' | 'REFUSED' | 'EXPIRED';

export type OidcSignInEvent =
  'CALL_BACK' | 'SIGN_IN' | 'REQUIRE_LINK' | 'REFUSE' | 'PROVE_PASSWORD' | 'FOLLOW_EMAILED_LINK' | 'EXCHANGE';

export interface OidcSignInFacts {
  expiresAt: Date;
  calledBackAt: Date | null;
  outcome: OidcOutcome | null;
  codeExpiresAt: Date | null;
  completedAt: Date | null;
}

/** The state of an attempt at `now`, read from its facts. */
export function signInState(attempt: OidcSignInFacts, now: Date): OidcSignInState {
  if (attempt.completedAt) return 'COMPLETED';
  if (attempt.outcome === 'REFUSED') return 'REFUSED';
  if (attempt.outcome) {
    return attempt.codeExpiresAt && attempt.codeExpiresAt.getTime() > now.getTime() ? attempt.outcome : 'EXPIRED';
  }
  if (attempt.calledBackAt) return 'CALLED_BACK';
  return attempt.expiresAt.getTime() > now.getTime() ? 'STARTED' : 'EXPIRED';
}

/**
 * Every legal move. The state is spent by the first call back, whatever follows, so a
 * replayed callback does nothing; a code is exchanged once; proving the account with its
 * password signs in at once, following the emailed link lets the waiting code be exchanged.
 */
const MOVES: Partial<Record<OidcSignInState, Partial<Record<OidcSignInEvent, OidcSignInState>>>> = {
  STARTED: { CALL_BACK: 'CALLED_BACK' },
  CALLED_BACK: { SIGN_IN: 'SIGNED_IN', REQUIRE_LINK: 'LINK_REQUIRED', REFUSE: 'REFUSED' },
  SIGNED_IN: { EXCHANGE: 'COMPLETED' },
  LINK_REQUIRED: { PROVE_PASSWORD: 'COMPLETED', FOLLOW_EMAILED_LINK: 'SIGNED_IN' },
};

/** The state after `event`, or null when the attempt cannot take it. */
export function nextSignInState(state: OidcSignInState, event: OidcSignInEvent): OidcSignInState | null {
  return MOVES[state]?.[event] ?? null;
}

/** One answer for every state, code or link that does not work, so a guess learns nothing. */
export const SIGN_IN_NOT_VALID = 'This sign-in has expired or was already used; start again';
