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

/**
 * After declaring a conflict of interest on an application, an officer no longer sees its
 * assessments: the colleagues' scores and justifications, and what is computed from or
 * records them (the panel's weighted score, the scores in its audit trail). As SQL: true
 * when the account (the uuid SQL expression `accountId`, null for nobody signed in) may see
 * the assessments of the application `applicationId` (a uuid SQL expression).
 */
export function assessmentsVisibleSql(applicationId: string, accountId: string): string {
  return `NOT EXISTS (SELECT 1 FROM grant_conflict_declarations d
                       WHERE d.application_id = ${applicationId} AND d.assessor_account_id = ${accountId}
                         AND d.has_conflict)`;
}

/**
 * Published grants data locates a recipient (town, postcode) only when the public directory
 * lists it: verified and listed publicly. As SQL on an `organisations` alias.
 */
export function recipientLocatedSql(organisation: string): string {
  return `(${organisation}.verified AND ${organisation}.visibility = 'PUBLIC')`;
}

/**
 * Published grants data names a recipient (its name and registered identifiers) when the
 * public directory lists it, or when it consented (`namedInGrantsData`, off by default): a
 * group that chose not to be public, or is not verified, is otherwise "name withheld" under
 * an opaque identifier. As SQL on an `organisations` alias.
 */
export function recipientNamedSql(organisation: string): string {
  return `(${recipientLocatedSql(organisation)} OR ${organisation}.named_in_grants_data)`;
}
