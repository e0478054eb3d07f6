import { definePolicies, forbidden, type Viewer } from '@cohesion/common';

/**
 * Who may see and change what in the directory: organisations, their services, practitioners'
 * profiles and the reference data (areas, taxonomies). Each rule is named here once, with
 * the same rule as SQL where lists need it, so a list, a count and a single record always
 * agree. The network decides who appears to whom between practitioners (see
 * `NETWORK_POLICY.seePeer`), on top of `seePractitioner`.
 */

/** Who each of a practitioner's contact details is shown to (see `seeContactDetail`). */
export const CONTACT_VISIBILITIES = ['PUBLIC', 'MEMBERS', 'CONNECTIONS', 'HIDDEN'] as const;
export type ContactVisibilityValue = (typeof CONTACT_VISIBILITIES)[number];

/** What the visibility of an organisation depends on. */
export interface ListedOrganisation {
  verified: boolean;
  visibility: string;
}

/** How the viewer stands to a practitioner; decides which contact details they see. */
export type Relationship = 'SELF' | 'CONNECTION' | 'MEMBER' | 'ANONYMOUS';

type ContactVisibility = ContactVisibilityValue;

const SEES: Record<Relationship, ContactVisibility[]> = {
  SELF: ['PUBLIC', 'MEMBERS', 'CONNECTIONS', 'HIDDEN'],
  CONNECTION: ['PUBLIC', 'MEMBERS', 'CONNECTIONS'],
  MEMBER: ['PUBLIC', 'MEMBERS'],
  ANONYMOUS: ['PUBLIC'],
};

/**
 * Whether a profile can be found, as SQL on a `practitioners` alias: its owner keeps it
 * discoverable and they are a verified member (`practitioners.verified_member`: a verified
 * email and a confirmed membership of a verified organisation, not suspended).
 */
function discoverableSql(alias: string): string {
  return `(${alias}.discoverable AND ${alias}.verified_member)`;
}

/** What `discoverableSql` asks, on a loaded profile. */
function isDiscoverable(practitioner: { discoverable: boolean; verifiedMember: boolean }): boolean {
  return practitioner.discoverable && practitioner.verifiedMember;
}

/** Who is asking about a membership, and of what. */
interface MembershipFacts {
  practitionerId: string;
  organisationId: string;
}

function canManage(viewer: Viewer, organisationId: string): boolean {
  return viewer.isAdmin || viewer.hasRole('ORG_ADMIN', organisationId);
}

function seesOrganisation(viewer: Viewer, organisation: ListedOrganisation): boolean {
  return viewer.isVerifiedMember || (organisation.verified && organisation.visibility === 'PUBLIC');
}

function organisationSql(viewer: Viewer, alias: string): string {
  return viewer.isVerifiedMember ? 'TRUE' : `${alias}.verified AND ${alias}.visibility = 'PUBLIC'`;
}

export const DIRECTORY_POLICY = definePolicies('directory', {
  /**
   * Verified members see every listing (unverified ones are flagged); everyone else sees
   * only verified organisations listed publicly. A verified listing sent back for
   * verification by a change (see `changeNeedsVerification`) stays up, marked as changed.
   */
  seeOrganisation: {
    sentence:
      'anyone sees verified, publicly listed organisations, members every listing; NOT_FOUND for one the caller may not see',
    allows: seesOrganisation,
    refuse: { notFound: 'That organisation' },
    /** The same rule as SQL on an `organisations` alias. */
    sql: organisationSql,
  },
  /** Verified members see every service; everyone else sees public services of organisations they may see. */
  seeService: {
    sentence:
      'anyone sees public services of verified, publicly listed organisations, members all; NOT_FOUND for one the caller may not see',
    allows: (viewer, service: { visibility: string; organisation: ListedOrganisation }) =>
      viewer.isVerifiedMember || (service.visibility === 'PUBLIC' && seesOrganisation(viewer, service.organisation)),
    refuse: { notFound: 'That service' },
    /** The same rule as SQL on `services` (`service`) joined to its `organisations` (`organisation`). */
    sql: (viewer: Viewer, service: string, organisation: string): string =>
      viewer.isVerifiedMember
        ? 'TRUE'
        : `${service}.visibility = 'PUBLIC' AND ${organisationSql(viewer, organisation)}`,
  },
  /**
   * Verified members see discoverable profiles and their own; an account whose email is not
   * verified sees its own only; anonymous callers see none. Between practitioners, blocks
   * hide people too: see `NETWORK_POLICY.seePeer`.
   */
  seePractitioner: {
    sentence: 'discoverable profiles to verified members, plus your own; NOT_FOUND for any other',
    allows: (viewer, practitioner: { id: string; discoverable: boolean; verifiedMember: boolean }) =>
      viewer.isPractitioner(practitioner.id) || (viewer.isVerifiedMember && isDiscoverable(practitioner)),
    refuse: { notFound: 'That practitioner' },
    /**
     * The same rule as SQL on a `practitioners` alias. `viewerParam` is the placeholder of
     * the viewer's id (undefined when anonymous).
     */
    sql: (viewer: Viewer, alias: string, viewerParam: string | undefined): string => {
      if (!viewerParam) return 'FALSE';
      const own = `${alias}.id = ${viewerParam}::uuid`;
      return viewer.isVerifiedMember ? `(${discoverableSql(alias)} OR ${own})` : own;
    },
    /**
     * Whether the profile can be found at all, as SQL on a `practitioners` alias: what
     * search, suggestions and paths show (not even your own profile once you hide it).
     */
    discoverableSql,
  },
  /** People (in search, and working at an organisation) are listed to verified members only. */
  findPeople: {
    sentence: 'verified members only',
    allows: (viewer) => viewer.isVerifiedMember,
  },
  /** Which contact details a viewer sees of a profile they may see, by each detail's visibility. */
  seeContactDetail: {
    sentence:
      'public details to anyone, members-only to verified members, connections-only to connections, hidden to the owner',
    allows: (_viewer, detail: { visibility: ContactVisibility; relationship: Relationship }) =>
      visibleValue(true, detail.visibility, detail.relationship) === true,
  },
  /** Saying where you work: a claim the organisation then confirms. */
  claimMembership: {
    sentence: 'a practitioner with a verified email address, for themselves',
    allows: (viewer) => viewer.practitionerId !== null && viewer.emailVerified,
    refuse: { forbidden: 'Confirm your email address first, then say where you work' },
  },
  /** An organisation's admins decide who works there: they see pending claims and confirm or decline them. */
  reviewMemberships: {
    sentence: 'ORG_ADMIN of the organisation, or ADMIN',
    allows: (viewer, membership: { organisationId: string }) => canManage(viewer, membership.organisationId),
    refuse: { forbidden: 'Only the organisation’s admins can confirm who works there' },
  },
  /** A membership is ended by its person or by the organisation's admins; anyone else is told it does not exist. */
  endMembership: {
    sentence: 'the person, or ORG_ADMIN of the organisation (or ADMIN); NOT_FOUND for anyone else',
    allows: (viewer, membership: MembershipFacts) =>
      viewer.isPractitioner(membership.practitionerId) || canManage(viewer, membership.organisationId),
    refuse: { notFound: 'That membership' },
  },
  /**
   * Open memberships (pending, confirmed) are shown with the profile to whoever sees it;
   * declined and ended ones only to the person and the organisation's admins.
   */
  seeMembership: {
    sentence: 'open ones with the profile; history to the person and the organisation’s admins; NOT_FOUND otherwise',
    allows: (viewer, membership: MembershipFacts & { open: boolean; profileVisible: boolean }) =>
      viewer.isPractitioner(membership.practitionerId) ||
      canManage(viewer, membership.organisationId) ||
      (membership.open && membership.profileVisible),
    refuse: { notFound: 'That membership' },
  },
  inviteMembers: {
    sentence: 'ORG_ADMIN of the organisation, or ADMIN',
    allows: (viewer, organisation: { organisationId: string }) => canManage(viewer, organisation.organisationId),
    refuse: { forbidden: 'Only the organisation’s admins can invite its staff' },
  },
  /** Accepting is open to any signed-in account; the invitation must have been sent to its address. */
  acceptInvitation: {
    sentence: 'the signed-in account the invitation was sent to (verified or not: following it proves the address)',
    allows: (viewer, invitation: { sentToViewer: boolean }) =>
      viewer.practitionerId !== null && invitation.sentToViewer,
    refuse: { forbidden: 'This invitation was sent to another address; sign in with that address to accept it' },
  },
  manageEmailDomains: {
    sentence: 'ORG_ADMIN of the organisation, or ADMIN',
    allows: (viewer, organisation: { organisationId: string }) => canManage(viewer, organisation.organisationId),
    refuse: { forbidden: 'Only the organisation’s admins can change its email domains' },
  },
  verifyEmailDomain: {
    sentence: 'a platform ADMIN',
    allows: (viewer) => viewer.isAdmin,
    refuse: { forbidden: 'Only platform admins verify email domains' },
  },
  /** Verified domains show with the organisation; unverified ones only to its admins. */
  seeEmailDomain: {
    sentence: 'verified domains to anyone who sees the organisation; unverified ones to its admins',
    allows: (viewer, domain: { organisationId: string; verified: boolean }) =>
      domain.verified || canManage(viewer, domain.organisationId),
  },
  updateMyProfile: {
    sentence: 'your own profile only',
    allows: (viewer) => viewer.practitionerId !== null,
    refuse: { forbidden: 'Only a signed-in practitioner has a profile' },
  },
  /** Organisation admins manage their organisation's listing and services; platform admins manage all. */
  manageOrganisation: {
    sentence: 'ORG_ADMIN of the organisation, or ADMIN',
    allows: (viewer, organisation: { organisationId: string }) => canManage(viewer, organisation.organisationId),
    refuse: { forbidden: 'Only the organisation’s admins can change it' },
  },
  /**
   * Any practitioner with a verified address may list an organisation (their own employer
   * may not be listed yet); they become its admin, confirmed as working there, and it opens
   * the network to them once a platform admin verifies it.
   */
  createOrganisation: {
    sentence: 'a practitioner with a verified email address; the creator becomes its ORG_ADMIN',
    allows: (viewer) => viewer.emailVerified,
  },
  verifyOrganisation: {
    sentence: 'a platform ADMIN',
    allows: (viewer) => viewer.isAdmin,
  },
  manageService: {
    sentence: 'ORG_ADMIN of the delivering organisation, or ADMIN',
    allows: (viewer, service: { organisationId: string; adding: boolean }) => canManage(viewer, service.organisationId),
    refuse: (service: { organisationId: string; adding: boolean }) =>
      forbidden(
        service.adding
          ? 'Only the organisation’s admins can add its services'
          : 'Only the organisation’s admins can change its services',
      ),
  },
  seeAreas: {
    sentence: 'areas are public reference data',
    allows: () => true,
  },
  seeTaxonomies: {
    sentence: 'taxonomies are public reference data',
    allows: () => true,
  },
  manageReferenceData: {
    sentence: 'a platform ADMIN: areas and taxonomies are shared by every domain',
    allows: (viewer) => viewer.isAdmin,
  },
  search: {
    sentence: 'anonymous callers find public organisations and services only; people need sign-in',
    allows: () => true,
  },
});

/** The contact detail when the relationship allows it, otherwise null: never an error that would reveal it exists. */
export function visibleValue<T>(value: T | null, visibility: ContactVisibility, relationship: Relationship): T | null {
  return SEES[relationship].includes(visibility) ? value : null;
}

/** `connected` comes from the query that loaded the practitioner (see PractitionerRelationships). */
export function relationshipOf(viewer: Viewer, practitioner: { id: string; connected: boolean }): Relationship {
  if (viewer.isPractitioner(practitioner.id)) return 'SELF';
  if (!viewer.isVerifiedMember) return 'ANONYMOUS';
  return practitioner.connected ? 'CONNECTION' : 'MEMBER';
}

/**
 * Verified, as SQL on an `organisations` alias: checked by a platform admin and not changed
 * in name, kind or identifiers since. What `Organisation.verified` and `verifiedOnly` mean.
 */
export function organisationVerifiedSql(alias: string): string {
  return `(${alias}.verified AND ${alias}.changed_since_verification_at IS NULL)`;
}

export function isOrganisationVerified(organisation: {
  verified: boolean;
  changedSinceVerificationAt: Date | null;
}): boolean {
  return organisation.verified && organisation.changedSinceVerificationAt === null;
}

/** What the verification of an organisation vouches for. */
export interface VerifiedFacts {
  name: string;
  kind: string;
  /** In org-id form (GB-CHC-1234567), any order. */
  identifiers: string[];
}

/**
 * A change of name, kind or registered identifiers of a verified organisation sends it back
 * for verification: the verification vouched for exactly those. A platform admin (who
 * verifies organisations) changing them keeps it verified; other fields never affect it.
 * `next` holds only the facts the change sets.
 */
export function changeNeedsVerification(
  viewer: Viewer,
  current: VerifiedFacts & { verified: boolean; changedSinceVerificationAt: Date | null },
  next: Partial<VerifiedFacts>,
): boolean {
  if (!isOrganisationVerified(current) || viewer.isAdmin) return false;
  const sameIdentifiers = (values: string[]) =>
    JSON.stringify([...values].sort()) === JSON.stringify([...current.identifiers].sort());
  return (
    (next.name !== undefined && next.name !== current.name) ||
    (next.kind !== undefined && next.kind !== current.kind) ||
    (next.identifiers !== undefined && !sameIdentifiers(next.identifiers))
  );
}
