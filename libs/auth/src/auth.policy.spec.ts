import { describe, expect, it } from '@jest/globals';
import { allows, refusalOf, Viewer } from '@cohesion/common';
import { AUTH_POLICY } from './auth.policy.js';

const ANONYMOUS = Viewer.anonymous();
const MEMBER = Viewer.member('a1', 'a1', []);
const ORG_ADMIN = Viewer.member('a2', 'a2', [{ role: 'ORG_ADMIN', organisationId: 'o1' }]);
const ADMIN = Viewer.member('a3', 'a3', [{ role: 'ADMIN', organisationId: null }]);

describe('AUTH_POLICY', () => {
  it('register, login and refreshToken are open to anyone (throttling keeps them safe)', () => {
    for (const policy of [AUTH_POLICY.register, AUTH_POLICY.login, AUTH_POLICY.refreshToken]) {
      expect(allows(policy, ANONYMOUS, undefined)).toBe(true);
    }
    expect(AUTH_POLICY.login.sentence).toMatch(/throttled/);
  });

  it('logout: one session by its token for anyone; every session needs sign-in', () => {
    expect(allows(AUTH_POLICY.logout, ANONYMOUS, { everywhere: false })).toBe(true);
    expect(allows(AUTH_POLICY.logout, MEMBER, { everywhere: true })).toBe(true);
    const refused = refusalOf(AUTH_POLICY.logout, ANONYMOUS, { everywhere: true });
    expect([refused?.code, refused?.message]).toEqual(['UNAUTHENTICATED', 'Sign in to end every session']);
  });

  it('me: a signed-in account', () => {
    expect(allows(AUTH_POLICY.me, MEMBER, undefined)).toBe(true);
    expect(allows(AUTH_POLICY.me, ANONYMOUS, undefined)).toBe(false);
  });

  it('grantRole and revokeRole: ADMIN any role; ORG_ADMIN only admins of their own organisation', () => {
    for (const policy of [AUTH_POLICY.grantRole, AUTH_POLICY.revokeRole]) {
      expect(allows(policy, ADMIN, { role: 'GRANTS_OFFICER', organisationId: 'o9' })).toBe(true);
      expect(allows(policy, ADMIN, { role: 'ADMIN', organisationId: null })).toBe(true);
      expect(allows(policy, ORG_ADMIN, { role: 'ORG_ADMIN', organisationId: 'o1' })).toBe(true);
      expect(allows(policy, ORG_ADMIN, { role: 'ORG_ADMIN', organisationId: 'o2' })).toBe(false);
      expect(allows(policy, ORG_ADMIN, { role: 'GRANTS_OFFICER', organisationId: 'o1' })).toBe(false);
      expect(allows(policy, MEMBER, { role: 'ORG_ADMIN', organisationId: 'o1' })).toBe(false);
      const refused = refusalOf(policy, MEMBER, { role: 'ADMIN', organisationId: null });
      expect([refused?.code, refused?.message]).toEqual(['FORBIDDEN', 'You cannot change this role']);
    }
  });
});
