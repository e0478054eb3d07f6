import type { DemoEmailDomain, DemoInvitation } from '../demo-dataset.types.js';

/**
 * The councils' own email domains, verified: a person who registers with an address on one
 * and says they work at that council is confirmed at once. The women's circle has declared
 * its domain, not yet verified by a platform admin.
 */
export const DEMO_EMAIL_DOMAINS: DemoEmailDomain[] = [
  { organisation: 'walsall-council', domain: 'walsall.gov.uk', verified: true },
  { organisation: 'birmingham-council', domain: 'birmingham.gov.uk', verified: true },
  { organisation: 'coventry-council', domain: 'coventry.gov.uk', verified: true },
  { organisation: 'dudley-council', domain: 'dudley.gov.uk', verified: true },
  { organisation: 'sandwell-council', domain: 'sandwell.gov.uk', verified: true },
  { organisation: 'solihull-council', domain: 'solihull.gov.uk', verified: true },
  { organisation: 'wolverhampton-council', domain: 'wolverhampton.gov.uk', verified: true },
  { organisation: 'pleck-womens-circle', domain: 'pleckwomen.example.org', verified: false },
];

/** An invitation the women's circle's admin sent, waiting to be accepted. */
export const DEMO_INVITATIONS: DemoInvitation[] = [
  {
    organisation: 'pleck-womens-circle',
    email: 'esol.tutor@pleckwomen.example.org',
    role: 'Volunteer ESOL tutor',
    invitedBy: 'org-admin',
  },
];
