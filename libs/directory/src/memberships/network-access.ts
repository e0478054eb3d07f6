import type { Viewer } from '@cohesion/common';
import type { MembershipRow } from './membership.queries.js';
import { NetworkAccess, NetworkStandingValue } from './membership.model.js';

/** Why a signed-in person may not yet take part in the network, and what to do about it. */
export const NOT_IN_NETWORK =
  'You can search people and take part in the network once an organisation confirms that you work there: ' +
  'say where you work (claimMembership), and ask its admins to confirm it or to invite you by email';

/** Where the viewer stands, in words, from their open memberships. */
export function networkAccessOf(viewer: Viewer, memberships: readonly MembershipRow[]): NetworkAccess {
  const access = new NetworkAccess();
  if (!viewer.emailVerified) {
    return Object.assign(access, {
      standing: NetworkStandingValue.EMAIL_NOT_VERIFIED,
      message: 'Confirm your email address with the link we sent you (resendVerificationEmail sends another)',
    });
  }
  if (viewer.isVerifiedMember) {
    return Object.assign(access, {
      standing: NetworkStandingValue.VERIFIED_MEMBER,
      message: 'You are a verified member: you can search people and take part in the network',
    });
  }
  const pending = memberships.filter((row) => row.status === 'PENDING').length;
  const confirmed = memberships.some((row) => row.status === 'CONFIRMED');
  const message = confirmed
    ? 'Your confirmed membership is of an organisation not verified yet (or not current): a platform admin verifies ' +
      'organisations; until then you see the public directory only'
    : pending > 0
      ? `Your membership${pending > 1 ? 's are' : ' is'} waiting for the organisation’s admins to confirm; until then ` +
        'you see the public directory only'
      : `${NOT_IN_NETWORK}; until then you see the public directory only`;
  return Object.assign(access, { standing: NetworkStandingValue.AWAITING_CONFIRMED_MEMBERSHIP, message });
}
