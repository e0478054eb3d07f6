import {
  nextSignInState,
  signInState,
  type OidcSignInEvent,
  type OidcSignInFacts,
  type OidcSignInState,
} from './oidc-sign-in.state-machine.js';

const now = new Date('2026-12-03T12:00:00Z');
const later = new Date('2026-12-03T12:10:00Z');
const earlier = new Date('2026-12-03T11:50:00Z');

const started: OidcSignInFacts = {
  expiresAt: later,
  calledBackAt: null,
  outcome: null,
  codeExpiresAt: null,
  completedAt: null,
};

const EVENTS: OidcSignInEvent[] = [
  'CALL_BACK',
  'SIGN_IN',
  'REQUIRE_LINK',
  'REFUSE',
  'PROVE_PASSWORD',
  'FOLLOW_EMAILED_LINK',
  'EXCHANGE',
];

describe('council sign-in state machine', () => {
  it('reads each state from the facts', () => {
    expect(signInState(started, now)).toBe('STARTED');
    expect(signInState({ ...started, expiresAt: now }, now)).toBe('EXPIRED');
    expect(signInState({ ...started, expiresAt: earlier }, now)).toBe('EXPIRED');
    expect(signInState({ ...started, calledBackAt: earlier }, now)).toBe('CALLED_BACK');
    // Once called back, the state's own expiry no longer matters: it is spent.
    expect(signInState({ ...started, expiresAt: earlier, calledBackAt: earlier }, now)).toBe('CALLED_BACK');
    const signedIn = { ...started, calledBackAt: earlier, outcome: 'SIGNED_IN' as const, codeExpiresAt: later };
    expect(signInState(signedIn, now)).toBe('SIGNED_IN');
    expect(signInState({ ...signedIn, codeExpiresAt: now }, now)).toBe('EXPIRED');
    expect(signInState({ ...signedIn, codeExpiresAt: null }, now)).toBe('EXPIRED');
    expect(signInState({ ...signedIn, outcome: 'LINK_REQUIRED' }, now)).toBe('LINK_REQUIRED');
    expect(signInState({ ...signedIn, outcome: 'LINK_REQUIRED', codeExpiresAt: earlier }, now)).toBe('EXPIRED');
    expect(signInState({ ...signedIn, outcome: 'REFUSED' }, now)).toBe('REFUSED');
    expect(signInState({ ...signedIn, outcome: 'REFUSED', codeExpiresAt: earlier }, now)).toBe('REFUSED');
    expect(signInState({ ...signedIn, completedAt: now }, now)).toBe('COMPLETED');
    expect(signInState({ ...signedIn, completedAt: now, codeExpiresAt: earlier }, now)).toBe('COMPLETED');
  });

  it('spends the state on the first call back', () => {
    expect(nextSignInState('STARTED', 'CALL_BACK')).toBe('CALLED_BACK');
    expect(nextSignInState('CALLED_BACK', 'CALL_BACK')).toBeNull();
  });

  it('ends a call back in a sign-in, a link to prove, or a refusal', () => {
    expect(nextSignInState('CALLED_BACK', 'SIGN_IN')).toBe('SIGNED_IN');
    expect(nextSignInState('CALLED_BACK', 'REQUIRE_LINK')).toBe('LINK_REQUIRED');
    expect(nextSignInState('CALLED_BACK', 'REFUSE')).toBe('REFUSED');
  });

  it('hands tokens over once for a code', () => {
    expect(nextSignInState('SIGNED_IN', 'EXCHANGE')).toBe('COMPLETED');
    expect(nextSignInState('COMPLETED', 'EXCHANGE')).toBeNull();
  });

  it('links an existing account only once it is proven', () => {
    expect(nextSignInState('LINK_REQUIRED', 'EXCHANGE')).toBeNull();
    expect(nextSignInState('LINK_REQUIRED', 'PROVE_PASSWORD')).toBe('COMPLETED');
    expect(nextSignInState('LINK_REQUIRED', 'FOLLOW_EMAILED_LINK')).toBe('SIGNED_IN');
  });

  const allowed: Record<OidcSignInState, OidcSignInEvent[]> = {
    STARTED: ['CALL_BACK'],
    CALLED_BACK: ['SIGN_IN', 'REQUIRE_LINK', 'REFUSE'],
    SIGNED_IN: ['EXCHANGE'],
    LINK_REQUIRED: ['PROVE_PASSWORD', 'FOLLOW_EMAILED_LINK'],
    COMPLETED: [],
    REFUSED: [],
    EXPIRED: [],
  };

  it.each(Object.entries(allowed))('refuses every other move from %s', (state, events) => {
    for (const event of EVENTS.filter((candidate) => !events.includes(candidate))) {
      expect(nextSignInState(state as OidcSignInState, event)).toBeNull();
    }
  });
});
