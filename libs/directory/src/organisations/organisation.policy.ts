import type { Viewer } from '@cohesion/common';

/**
 * Which organisations a viewer may see, as SQL on an `organisations` alias. Signed-in
 * members see every listing (unverified ones are flagged); everyone else sees only
 * verified organisations listed publicly.
 */
export function organisationVisibleSql(viewer: Viewer, alias: string): string {
  return viewer.isAuthenticated ? 'TRUE' : `${alias}.verified AND ${alias}.visibility = 'PUBLIC'`;
}

export function canSeeOrganisation(viewer: Viewer, organisation: { verified: boolean; visibility: string }): boolean {
  return viewer.isAuthenticated || (organisation.verified && organisation.visibility === 'PUBLIC');
}
