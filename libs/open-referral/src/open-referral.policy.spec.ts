import { describe, expect, it } from '@jest/globals';
import { allows, Viewer } from '@cohesion/common';
import { DIRECTORY_POLICY } from '@cohesion/directory';
import { OPEN_REFERRAL_POLICY } from './open-referral.policy.js';

describe('OPEN_REFERRAL_POLICY', () => {
  it('readFeed: anyone, publishing what an anonymous caller of the directory sees, active services only', () => {
    expect(allows(OPEN_REFERRAL_POLICY.readFeed, Viewer.anonymous(), undefined)).toBe(true);
    const anyone = Viewer.anonymous();
    expect(OPEN_REFERRAL_POLICY.readFeed.organisationSql()).toBe(DIRECTORY_POLICY.seeOrganisation.sql(anyone, 'o'));
    expect(OPEN_REFERRAL_POLICY.readFeed.serviceSql()).toBe(
      `s.status = 'active' AND s.visibility = 'PUBLIC' AND o.verified AND o.visibility = 'PUBLIC'`,
    );
  });

  it('importFeed: platform admins only', () => {
    expect(
      allows(
        OPEN_REFERRAL_POLICY.importFeed,
        Viewer.member('a1', 'a1', [{ role: 'ADMIN', organisationId: null }]),
        undefined,
      ),
    ).toBe(true);
    expect(allows(OPEN_REFERRAL_POLICY.importFeed, Viewer.member('a2', 'a2', []), undefined)).toBe(false);
  });
});
