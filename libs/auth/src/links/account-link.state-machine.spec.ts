import { linkState, nextLinkState, type AccountLinkState } from './account-link.state-machine.js';

const now = new Date('2026-12-03T12:00:00Z');
const later = new Date('2026-12-03T13:00:00Z');
const earlier = new Date('2026-12-03T11:00:00Z');

describe('account link state machine', () => {
  it('reads the state from the facts, the first end winning', () => {
    expect(linkState({ expiresAt: later, usedAt: null, supersededAt: null }, now)).toBe('ISSUED');
    expect(linkState({ expiresAt: now, usedAt: null, supersededAt: null }, now)).toBe('EXPIRED');
    expect(linkState({ expiresAt: earlier, usedAt: null, supersededAt: null }, now)).toBe('EXPIRED');
    expect(linkState({ expiresAt: later, usedAt: earlier, supersededAt: null }, now)).toBe('USED');
    expect(linkState({ expiresAt: earlier, usedAt: earlier, supersededAt: null }, now)).toBe('USED');
    expect(linkState({ expiresAt: later, usedAt: null, supersededAt: earlier }, now)).toBe('SUPERSEDED');
  });

  it('lets an issued link be followed once or superseded', () => {
    expect(nextLinkState('ISSUED', 'FOLLOW')).toBe('USED');
    expect(nextLinkState('ISSUED', 'SUPERSEDE')).toBe('SUPERSEDED');
  });

  it.each<AccountLinkState>(['USED', 'EXPIRED', 'SUPERSEDED'])('does nothing once %s', (state) => {
    expect(nextLinkState(state, 'FOLLOW')).toBeNull();
    expect(nextLinkState(state, 'SUPERSEDE')).toBeNull();
  });
});
