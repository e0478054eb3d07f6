import { definePolicies, unauthenticated, type GrantedRole, type Viewer } from '@cohesion/common';

/** A role to grant or revoke, and where it applies. */
export interface RoleChange {
  role: GrantedRole;
  organisationId: string | null;
}

/** Platform admins grant any role; an organisation's admins may add or remove fellow admins of that organisation. */
function mayChangeRole(viewer: Viewer, change: RoleChange): boolean {
  return (
    viewer.isAdmin ||
    (change.role === 'ORG_ADMIN' &&
      change.organisationId !== null &&
      viewer.hasRole('ORG_ADMIN', change.organisationId))
  );
}

/**
 * Who may sign up, sign in and out, and hand out roles. Signing in is open to anyone by
 * design; what keeps it safe is throttling (see `AuthThrottleInterceptor`), named here so
 * the permissions review reads it beside the rule.
 */
export const AUTH_POLICY = definePolicies('auth', {
  register: {
    sentence: 'anyone; the answer never says whether the address has an account; attempts throttled per IP',
    allows: () => true,
  },
  login: {
    sentence: 'anyone; failures throttled per IP, per email from each IP, and per email',
    allows: () => true,
  },
  refreshToken: {
    sentence: 'holder of a live refresh token; failures throttled per IP',
    allows: () => true,
  },
  logout: {
    sentence: 'holder of the refresh token; `everywhere` needs sign-in',
    allows: (viewer, request: { everywhere: boolean }) => !request.everywhere || viewer.isAuthenticated,
    refuse: () => unauthenticated('Sign in to end every session'),
  },
  me: {
    sentence: 'your own account only, verified or not',
    allows: (viewer) => viewer.isAuthenticated,
    refuse: () => unauthenticated(),
  },
  /** Re-sending the verification link, changing one's address or password: the account itself, verified or not. */
  manageOwnAccount: {
    sentence: 'your own account only, verified or not; a change of address or password needs the current password',
    allows: (viewer) => viewer.isAuthenticated,
    refuse: () => unauthenticated(),
  },
  /** A copy of everything held about the signed-in person (their right of access), verified or not. */
  exportOwnData: {
    sentence: 'your own data only, verified or not; never other people’s contact details, nor who blocked you',
    allows: (viewer) => viewer.isAuthenticated,
    refuse: () => unauthenticated(),
  },
  /** Deleting one's own account (right to erasure), verified or not; needs the password. */
  deleteOwnAccount: {
    sentence: 'your own account only, verified or not; needs your current password',
    allows: (viewer) => viewer.isAuthenticated,
    refuse: () => unauthenticated(),
  },
  /** Suspending an account or lifting a suspension: platform moderation. */
  suspendAccount: {
    sentence: 'a platform ADMIN, never their own account; audited with the reason',
    allows: (viewer) => viewer.isAdmin,
    refuse: { forbidden: 'Only platform admins can suspend accounts' },
  },
  followEmailedLink: {
    sentence: 'whoever holds the emailed link: it works once, until it expires; attempts throttled per IP',
    allows: () => true,
  },
  requestPasswordReset: {
    sentence: 'anyone; the answer never says whether the address has an account; throttled per IP and per address',
    allows: () => true,
  },
  /** Council sign-in (OpenID Connect): who may set it up, see it, and take each step of it. */
  configureSignIn: {
    sentence: 'a platform ADMIN: a connection decides who may sign in as the organisation’s staff',
    allows: (viewer) => viewer.isAdmin,
    refuse: { forbidden: 'Only a platform admin can configure sign-in' },
  },
  seeSignIn: {
    sentence: 'a platform ADMIN, or an ORG_ADMIN of the organisation; never the client secret',
    allows: (viewer, organisation: { organisationId: string }) =>
      viewer.isAdmin || viewer.hasRole('ORG_ADMIN', organisation.organisationId),
    refuse: { forbidden: 'Only the organisation’s admins can see how it signs in' },
  },
  startSignIn: {
    sentence: 'anyone: leaves for the organisation’s identity provider; throttled per IP',
    allows: () => true,
  },
  signInCallback: {
    sentence: 'the browser that started the sign-in, once, before it expires; throttled per IP',
    allows: () => true,
  },
  completeSignIn: {
    sentence:
      'whoever holds the one-time code the sign-in handed back: it works once, briefly; failures throttled per IP',
    allows: () => true,
  },
  linkSignIn: {
    sentence: 'whoever holds a sign-in’s code and the password of the account it waits for; failures throttled per IP',
    allows: () => true,
  },
  grantRole: {
    sentence: 'ADMIN for any role; ORG_ADMIN may add admins of their own organisation',
    allows: mayChangeRole,
    refuse: { forbidden: 'You cannot change this role' },
  },
  revokeRole: {
    sentence: 'ADMIN for any role; ORG_ADMIN may remove admins of their own organisation but not the last',
    allows: mayChangeRole,
    refuse: { forbidden: 'You cannot change this role' },
  },
});
