import { DIRECTORY_POLICY } from '@cohesion/directory';
import { definePolicies, Viewer } from '@cohesion/common';

/** The feed is read by anyone, so it publishes exactly what an anonymous caller of the directory sees. */
const ANYONE = Viewer.anonymous();

/**
 * Who may read the Open Referral UK feed (anyone) and what it publishes: active services an
 * anonymous caller may see in the directory (public services of verified organisations
 * listed publicly), and those organisations. Who may import a feed: platform admins.
 */
export const OPEN_REFERRAL_POLICY = definePolicies('openReferral', {
  readFeed: {
    sentence: 'anyone: the public service directory is open data (active public services of listed organisations)',
    allows: () => true,
    /** What the feed publishes of organisations, as SQL on an `organisations` alias `o`. */
    organisationSql: (): string => DIRECTORY_POLICY.seeOrganisation.sql(ANYONE, 'o'),
    /** What the feed publishes of services, as SQL on `services` `s` joined to their `organisations` `o`. */
    serviceSql: (): string => `s.status = 'active' AND ${DIRECTORY_POLICY.seeService.sql(ANYONE, 's', 'o')}`,
  },
  importFeed: {
    sentence: 'a platform ADMIN: an import writes to the public directory',
    allows: (viewer) => viewer.isAdmin,
  },
});
