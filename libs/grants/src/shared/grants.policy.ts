import type { Viewer } from '@cohesion/common';

/** A council's grants officers run its funds; platform admins may run any. */
export function canRunFundsOf(viewer: Viewer, ownerOrganisationId: string): boolean {
  return viewer.isAdmin || viewer.hasRole('GRANTS_OFFICER', ownerOrganisationId);
}

/** The councils whose funds the viewer runs; null means every council (a platform admin). */
export function councilsRunBy(viewer: Viewer): string[] | null {
  if (viewer.isAdmin) return null;
  return viewer.grants
    .filter((grant) => grant.role === 'GRANTS_OFFICER' && grant.organisationId !== null)
    .map((grant) => grant.organisationId as string);
}
