import type { Viewer } from '@cohesion/common';

/**
 * Which organisations a viewer may see, as SQL on an `organisations` alias. Signed-in
 * members see every listing (unverified ones are flagged); everyone else sees only
 * verified organisations listed publicly. A verified listing sent back for verification
 * by a change (see `changeNeedsVerification`) stays up, marked as changed.
 */
export function organisationVisibleSql(viewer: Viewer, alias: string): string {
  return viewer.isAuthenticated ? 'TRUE' : `${alias}.verified AND ${alias}.visibility = 'PUBLIC'`;
}

export function canSeeOrganisation(viewer: Viewer, organisation: { verified: boolean; visibility: string }): boolean {
  return viewer.isAuthenticated || (organisation.verified && organisation.visibility === 'PUBLIC');
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
