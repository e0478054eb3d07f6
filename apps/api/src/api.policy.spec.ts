import { describe, expect, it } from '@jest/globals';
import { allows, Viewer } from '@cohesion/common';
import { API_POLICY } from './api.policy.js';

describe('API_POLICY', () => {
  it('opens the node lookup, the probes and the IDE’s files to anyone, each named for the permissions review', () => {
    for (const [key, policy] of Object.entries(API_POLICY)) {
      expect(policy.name).toBe(`api.${key}`);
      expect(allows(policy, Viewer.anonymous(), undefined)).toBe(true);
    }
    // What each node may show is its own type's policy, not this one's.
    expect(API_POLICY.node.sentence).toBe('each type applies its own visibility rules');
  });
});
