import { definePolicies, forbidden, type Viewer } from '@cohesion/common';
import { DIRECTORY_POLICY } from '@cohesion/directory';

/**
 * Who may see and do what in grants, by name. Resolvers declare the policy an operation
 * runs under (`@Access('member', GRANTS_POLICY.decideApplication)`), services enforce it
 * on the facts they load (`enforce(GRANTS_POLICY.decideApplication, viewer, facts)`), and
 * lists filter with `allows` or the policy's SQL predicate.
 *
 * Two roles carry every rule: a council's GRANTS_OFFICERs run its funds (platform ADMINs
 * run any), and an applicant's ORG_ADMINs act for the group that applies.
 */

/** A record of one council's funds: the fund itself, its rounds, its applications' money. */
export interface CouncilFacts {
  /** The council that owns the fund (`grant_funds.owner_organisation_id`). */
  councilId: string;
}

/** An application (or award): the council whose fund it is in, and the group applying. */
export interface ApplicationFacts extends CouncilFacts {
  applicantId: string;
}

/** An application, and what the viewer declared on it: a conflict (true), none (false), or nothing yet (null). */
export interface AssessorFacts extends ApplicationFacts {
  conflictDeclared: boolean | null;
}

/** How a recipient organisation is listed in the directory. */
export interface RecipientFacts {
  verified: boolean;
  visibility: string;
  namedInGrantsData: boolean;
}

function runsFundsOf(viewer: Viewer, councilId: string): boolean {
  return viewer.isAdmin || viewer.hasRole('GRANTS_OFFICER', councilId);
}

/** Those who run the applying organisation act for it: the directory's rule. */
function actsForApplicant(viewer: Viewer, applicantId: string): boolean {
  return DIRECTORY_POLICY.manageOrganisation.allows(viewer, { organisationId: applicantId });
}

/** The councils whose funds the viewer runs; null means every council (a platform admin). */
function councilsRunBy(viewer: Viewer): string[] | null {
  if (viewer.isAdmin) return null;
  return viewer.grants
    .filter((grant) => grant.role === 'GRANTS_OFFICER' && grant.organisationId !== null)
    .map((grant) => grant.organisationId as string);
}

function runsSomeFund(viewer: Viewer): boolean {
  const councils = councilsRunBy(viewer);
  return councils === null || councils.length > 0;
}

function seesApplication(viewer: Viewer, application: ApplicationFacts): boolean {
  return runsFundsOf(viewer, application.councilId) || actsForApplicant(viewer, application.applicantId);
}

const OFFICERS_ONLY = 'Only the council’s grants officers can do this';

function declaredConflict(doing: string) {
  return forbidden(`You declared a conflict of interest on this application, so you cannot ${doing} it`);
}

/** Published grants data locates a recipient (town, postcode) only when the public directory lists it. */
function locatedSql(organisation: string): string {
  return `(${organisation}.verified AND ${organisation}.visibility = 'PUBLIC')`;
}

export const GRANTS_POLICY = definePolicies('grants', {
  createFund: {
    sentence: 'a GRANTS_OFFICER of the owning council (or ADMIN)',
    allows: (viewer, fund: CouncilFacts) => runsFundsOf(viewer, fund.councilId),
    refuse: { forbidden: 'Only a grants officer of the council (or an admin) can create its funds' },
  },

  /** Changing a fund: opening rounds in it. Anyone else is told it does not exist. */
  runFund: {
    sentence: 'a GRANTS_OFFICER of the fund’s council (or ADMIN); NOT_FOUND for anyone else',
    allows: (viewer, fund: CouncilFacts) => runsFundsOf(viewer, fund.councilId),
    refuse: { notFound: 'That fund' },
  },

  /** A fund's figures; `councils` is the same rule for the SQL filter: null for every council, else the ids. */
  viewFund: {
    sentence: 'a GRANTS_OFFICER of the fund’s council (or ADMIN); NOT_FOUND for anyone else',
    allows: (viewer, fund: CouncilFacts) => runsFundsOf(viewer, fund.councilId),
    refuse: { notFound: 'That fund' },
    councils: councilsRunBy,
  },

  /**
   * The list of funds: officers see their councils' (optionally one council's, which they
   * must run), admins all. `councils` is the same rule for the SQL filter: null for every
   * council, else the ids.
   */
  listFunds: {
    sentence: 'GRANTS_OFFICERs see their councils’ funds, ADMIN all; FORBIDDEN for anyone else',
    allows: (viewer, filter: { councilId?: string | null }) =>
      runsSomeFund(viewer) && (!filter.councilId || runsFundsOf(viewer, filter.councilId)),
    refuse: (filter: { councilId?: string | null }) =>
      forbidden(
        filter.councilId ? 'You are not a grants officer of that council' : 'Only grants officers and admins see funds',
      ),
    councils: councilsRunBy,
  },

  /** A round: open ones to anyone signed in (so groups can apply), any to the council's officers. */
  viewRound: {
    sentence: 'open rounds for any member (so groups can apply); others for the council’s GRANTS_OFFICERs',
    allows: (viewer, round: CouncilFacts & { isOpen: boolean }) => round.isOpen || runsFundsOf(viewer, round.councilId),
    refuse: { notFound: 'That round' },
  },

  /** Applying, or an officer recording an application for a group (`recordedByOfficer` when not the group's admin). */
  submitApplication: {
    sentence:
      'an ORG_ADMIN of the applying organisation, or a GRANTS_OFFICER of the fund’s council recording it for them',
    allows: seesApplication,
    refuse: { forbidden: 'Only an admin of the applying group, or a grants officer of the council, can apply' },
    recordedByOfficer: (viewer: Viewer, application: ApplicationFacts) =>
      !actsForApplicant(viewer, application.applicantId),
  },

  /** Submitting a saved draft, withdrawing. */
  manageApplication: {
    sentence: 'the applicant’s ORG_ADMINs or the council’s GRANTS_OFFICERs; NOT_FOUND for anyone else',
    allows: seesApplication,
    refuse: { notFound: 'That application' },
  },

  viewApplication: {
    sentence: 'the applicant’s ORG_ADMINs and the council’s GRANTS_OFFICERs; NOT_FOUND for anyone else',
    allows: seesApplication,
    refuse: { notFound: 'That application' },
  },

  /**
   * An award's life after the decision: activating it, payments, closing it. Checked after
   * `viewApplication`, so the applicant's admins learn they may not, and others that it does not exist.
   */
  runAward: {
    sentence: 'a GRANTS_OFFICER of the fund’s council (or ADMIN)',
    allows: (viewer, application: ApplicationFacts) => runsFundsOf(viewer, application.councilId),
    refuse: { forbidden: OFFICERS_ONLY },
  },

  declareConflict: {
    sentence: 'a GRANTS_OFFICER of the fund’s council (or ADMIN), for themselves',
    allows: (viewer, application: ApplicationFacts) => runsFundsOf(viewer, application.councilId),
    refuse: { forbidden: OFFICERS_ONLY },
  },

  /** Scoring needs a declaration first, and one of no conflict. */
  scoreApplication: {
    sentence: 'a GRANTS_OFFICER of the fund’s council (or ADMIN) who declared no conflict of interest',
    allows: (viewer, application: AssessorFacts) =>
      runsFundsOf(viewer, application.councilId) && application.conflictDeclared === false,
    refuse: (application: AssessorFacts) => {
      if (application.conflictDeclared === true) return declaredConflict('score');
      if (application.conflictDeclared === null) {
        return forbidden('Declare whether you have a conflict of interest (declareConflictOfInterest) before scoring');
      }
      return forbidden(OFFICERS_ONLY);
    },
  },

  /** Who may award a grant (or decline it): the fund's officers, unless they declared a conflict on it. */
  decideApplication: {
    sentence: 'a GRANTS_OFFICER of the fund’s council (or ADMIN) without a declared conflict',
    allows: (viewer, application: AssessorFacts) =>
      runsFundsOf(viewer, application.councilId) && application.conflictDeclared !== true,
    refuse: (application: AssessorFacts) =>
      application.conflictDeclared === true ? declaredConflict('decide on') : forbidden(OFFICERS_ONLY),
  },

  /**
   * Assessments (colleagues' scores and justifications, and what is computed from or records
   * them: the panel's weighted score, the scores in the audit trail) are for the fund's
   * officers; an officer who declared a conflict of interest no longer sees them. `allows`
   * checks the council; `sql` is the declaration, per row: true when the account (the uuid
   * SQL expression `accountId`, null for nobody signed in) may see the assessments of the
   * application `applicationId` (a uuid SQL expression).
   */
  viewAssessments: {
    sentence: 'a GRANTS_OFFICER of the fund’s council (or ADMIN) who has not declared a conflict of interest on it',
    allows: (viewer, application: CouncilFacts) => runsFundsOf(viewer, application.councilId),
    sql: (applicationId: string, accountId: string): string =>
      `NOT EXISTS (SELECT 1 FROM grant_conflict_declarations d
                    WHERE d.application_id = ${applicationId} AND d.assessor_account_id = ${accountId}
                      AND d.has_conflict)`,
  },

  viewRoundPanel: {
    sentence: 'a GRANTS_OFFICER of the fund’s council (or ADMIN); NOT_FOUND for anyone else',
    allows: (viewer, round: CouncilFacts) => runsFundsOf(viewer, round.councilId),
    refuse: { notFound: 'That round' },
  },

  submitMonitoringReport: {
    sentence: 'the grantee’s ORG_ADMINs or the council’s GRANTS_OFFICERs; NOT_FOUND for anyone else',
    allows: seesApplication,
    refuse: { notFound: 'That award' },
  },

  /** Overdue monitoring across the funds the viewer runs; `councils` is the SQL filter (null: all). */
  viewMonitoring: {
    sentence: 'GRANTS_OFFICERs see their councils’ awards, ADMIN all; FORBIDDEN for anyone else',
    allows: (viewer) => runsSomeFund(viewer),
    refuse: { forbidden: 'Only grants officers and admins see monitoring' },
    councils: councilsRunBy,
  },

  /** The grants report, over the funds the viewer runs (any councils it names must be theirs). */
  viewReports: {
    sentence: 'a GRANTS_OFFICER sees their councils’ funds; ADMIN sees all',
    allows: (viewer, filter: { councilIds?: string[] }) =>
      runsSomeFund(viewer) && (filter.councilIds ?? []).every((id) => runsFundsOf(viewer, id)),
    refuse: (filter: { councilIds?: string[] }) =>
      forbidden(
        filter.councilIds?.length
          ? 'The filter names a council (or a fund of a council) you are not a grants officer of'
          : 'Grants reports are for the grants officers of a council and platform admins',
      ),
    councils: councilsRunBy,
  },

  viewAuditTrail: {
    sentence: 'a GRANTS_OFFICER of the council concerned (or ADMIN); NOT_FOUND for anyone else',
    allows: (viewer, record: CouncilFacts) => runsFundsOf(viewer, record.councilId),
    refuse: { notFound: 'That record' },
  },

  importAwards: {
    sentence: 'a GRANTS_OFFICER of the fund’s council, or ADMIN',
    allows: (viewer, fund: CouncilFacts) => runsFundsOf(viewer, fund.councilId),
    refuse: { forbidden: 'Only a grants officer of the fund’s council can import awards into it' },
  },

  publishGrants: {
    sentence: 'anyone: published grants are open data (awards only, organisations only, nothing about people)',
    allows: () => true,
  },

  /**
   * Published grants data locates a recipient (town, postcode) only when the public
   * directory lists it: verified and listed publicly. `sql` on an `organisations` alias.
   */
  recipientLocated: {
    sentence: 'recipients the public directory lists (verified and public) are located in published grants data',
    allows: (_viewer, recipient: RecipientFacts) => recipient.verified && recipient.visibility === 'PUBLIC',
    sql: locatedSql,
  },

  /**
   * Published grants data names a recipient (its name and registered identifiers) when the
   * public directory lists it, or when it consented (`namedInGrantsData`, off by default): a
   * group that chose not to be public, or is not verified, is otherwise "name withheld"
   * under an opaque identifier. `sql` on an `organisations` alias.
   */
  recipientNamed: {
    sentence: 'recipients the public directory lists, or that consented, are named in published grants data',
    allows: (_viewer, recipient: RecipientFacts) =>
      (recipient.verified && recipient.visibility === 'PUBLIC') || recipient.namedInGrantsData,
    sql: (organisation: string): string => `(${locatedSql(organisation)} OR ${organisation}.named_in_grants_data)`,
  },
});
