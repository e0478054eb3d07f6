import { describe, expect, it } from '@jest/globals';
import { DomainError, enforce, Viewer, type Policy } from '@cohesion/common';
import { GRANTS_POLICY } from './grants.policy.js';

const WALSALL = 'walsall';
const GROUP = 'blakenall-mums';
const OFFICER = Viewer.member('a1', 'p1', [{ role: 'GRANTS_OFFICER', organisationId: WALSALL }]);
const OTHER_OFFICER = Viewer.member('a2', 'p2', [{ role: 'GRANTS_OFFICER', organisationId: 'sandwell' }]);
const GROUP_ADMIN = Viewer.member('a3', 'p3', [{ role: 'ORG_ADMIN', organisationId: GROUP }]);
const ADMIN = Viewer.member('a4', null, [{ role: 'ADMIN', organisationId: null }]);
const MEMBER = Viewer.member('a5', 'p5', []);

const FUND = { councilId: WALSALL };
const APPLICATION = { councilId: WALSALL, applicantId: GROUP };
const RECIPIENT = { verified: true, visibility: 'PUBLIC', namedInGrantsData: false };

/** The refusal `enforce` throws, or null when the policy allows. */
function refusal<F>(policy: Policy<F>, viewer: Viewer, facts: F): DomainError | null {
  try {
    enforce(policy, viewer, facts);
    return null;
  } catch (error) {
    return error as DomainError;
  }
}

describe('grants policies', () => {
  it('are named in the grants domain, each with its sentence', () => {
    for (const [key, policy] of Object.entries(GRANTS_POLICY)) {
      expect(policy.name).toBe(`grants.${key}`);
      expect(policy.sentence.length).toBeGreaterThan(10);
    }
  });

  it('createFund: the council’s officers and admins; FORBIDDEN for others', () => {
    expect(refusal(GRANTS_POLICY.createFund, OFFICER, FUND)).toBeNull();
    expect(refusal(GRANTS_POLICY.createFund, ADMIN, FUND)).toBeNull();
    expect(refusal(GRANTS_POLICY.createFund, OTHER_OFFICER, FUND)?.code).toBe('FORBIDDEN');
  });

  it('runFund and viewFund: the council’s officers; NOT_FOUND for others', () => {
    for (const policy of [GRANTS_POLICY.runFund, GRANTS_POLICY.viewFund]) {
      expect(refusal(policy, OFFICER, FUND)).toBeNull();
      expect(refusal(policy, OTHER_OFFICER, FUND)?.code).toBe('NOT_FOUND');
      expect(refusal(policy, GROUP_ADMIN, FUND)?.message).toBe('That fund was not found');
    }
    expect(GRANTS_POLICY.viewFund.councils(OFFICER)).toEqual([WALSALL]);
    expect(GRANTS_POLICY.viewFund.councils(ADMIN)).toBeNull();
  });

  it('listFunds: any council’s officers (one council only if theirs); FORBIDDEN for members', () => {
    expect(refusal(GRANTS_POLICY.listFunds, OFFICER, {})).toBeNull();
    expect(refusal(GRANTS_POLICY.listFunds, OFFICER, { councilId: WALSALL })).toBeNull();
    expect(refusal(GRANTS_POLICY.listFunds, OFFICER, { councilId: 'sandwell' })?.code).toBe('FORBIDDEN');
    expect(refusal(GRANTS_POLICY.listFunds, MEMBER, {})?.code).toBe('FORBIDDEN');
    expect(GRANTS_POLICY.listFunds.councils(MEMBER)).toEqual([]);
  });

  it('viewRound: open rounds to anyone, closed ones to the council’s officers', () => {
    expect(refusal(GRANTS_POLICY.viewRound, MEMBER, { ...FUND, isOpen: true })).toBeNull();
    expect(refusal(GRANTS_POLICY.viewRound, OFFICER, { ...FUND, isOpen: false })).toBeNull();
    expect(refusal(GRANTS_POLICY.viewRound, MEMBER, { ...FUND, isOpen: false })?.code).toBe('NOT_FOUND');
  });

  it('submitApplication: the group’s admins, or the council’s officers recording it for them', () => {
    expect(refusal(GRANTS_POLICY.submitApplication, GROUP_ADMIN, APPLICATION)).toBeNull();
    expect(refusal(GRANTS_POLICY.submitApplication, OFFICER, APPLICATION)).toBeNull();
    expect(GRANTS_POLICY.submitApplication.recordedByOfficer(OFFICER, APPLICATION)).toBe(true);
    expect(GRANTS_POLICY.submitApplication.recordedByOfficer(GROUP_ADMIN, APPLICATION)).toBe(false);
    expect(refusal(GRANTS_POLICY.submitApplication, MEMBER, APPLICATION)?.code).toBe('FORBIDDEN');
    expect(refusal(GRANTS_POLICY.submitApplication, OTHER_OFFICER, APPLICATION)?.code).toBe('FORBIDDEN');
  });

  it('viewApplication, manageApplication and submitMonitoringReport: the group and the council; NOT_FOUND else', () => {
    for (const policy of [
      GRANTS_POLICY.viewApplication,
      GRANTS_POLICY.manageApplication,
      GRANTS_POLICY.submitMonitoringReport,
    ]) {
      expect(refusal(policy, GROUP_ADMIN, APPLICATION)).toBeNull();
      expect(refusal(policy, OFFICER, APPLICATION)).toBeNull();
      expect(refusal(policy, ADMIN, APPLICATION)).toBeNull();
      expect(refusal(policy, OTHER_OFFICER, APPLICATION)?.code).toBe('NOT_FOUND');
      expect(refusal(policy, MEMBER, APPLICATION)?.code).toBe('NOT_FOUND');
    }
  });

  it('runAward and declareConflict: the council’s officers; FORBIDDEN for the group’s admins', () => {
    for (const policy of [GRANTS_POLICY.runAward, GRANTS_POLICY.declareConflict]) {
      expect(refusal(policy, OFFICER, APPLICATION)).toBeNull();
      expect(refusal(policy, GROUP_ADMIN, APPLICATION)?.message).toBe('Only the council’s grants officers can do this');
    }
  });

  it('scoreApplication: an officer who declared no conflict; else what is missing', () => {
    const scoring = (conflictDeclared: boolean | null) => ({ ...APPLICATION, conflictDeclared });
    expect(refusal(GRANTS_POLICY.scoreApplication, OFFICER, scoring(false))).toBeNull();
    expect(refusal(GRANTS_POLICY.scoreApplication, OFFICER, scoring(null))?.message).toMatch(
      /declareConflictOfInterest/,
    );
    expect(refusal(GRANTS_POLICY.scoreApplication, OFFICER, scoring(true))?.message).toBe(
      'You declared a conflict of interest on this application, so you cannot score it',
    );
    expect(refusal(GRANTS_POLICY.scoreApplication, GROUP_ADMIN, scoring(false))?.code).toBe('FORBIDDEN');
  });

  it('decideApplication: the council’s officers, unless they declared a conflict', () => {
    const deciding = (conflictDeclared: boolean | null) => ({ ...APPLICATION, conflictDeclared });
    expect(refusal(GRANTS_POLICY.decideApplication, OFFICER, deciding(null))).toBeNull();
    expect(refusal(GRANTS_POLICY.decideApplication, ADMIN, deciding(false))).toBeNull();
    expect(refusal(GRANTS_POLICY.decideApplication, OFFICER, deciding(true))?.message).toBe(
      'You declared a conflict of interest on this application, so you cannot decide on it',
    );
    expect(refusal(GRANTS_POLICY.decideApplication, GROUP_ADMIN, deciding(null))?.message).toBe(
      'Only the council’s grants officers can do this',
    );
  });

  it('viewAssessments: the council’s officers, and in SQL only without a declared conflict', () => {
    expect(GRANTS_POLICY.viewAssessments.allows(OFFICER, FUND)).toBe(true);
    expect(GRANTS_POLICY.viewAssessments.allows(GROUP_ADMIN, FUND)).toBe(false);
    const sql = GRANTS_POLICY.viewAssessments.sql('x.id', '$2::uuid');
    expect(sql).toMatch(/^NOT EXISTS/);
    expect(sql).toContain('d.application_id = x.id AND d.assessor_account_id = $2::uuid');
    expect(sql).toContain('d.has_conflict');
  });

  it('viewRoundPanel and viewAuditTrail: the council’s officers; NOT_FOUND for others', () => {
    expect(refusal(GRANTS_POLICY.viewRoundPanel, OFFICER, FUND)).toBeNull();
    expect(refusal(GRANTS_POLICY.viewRoundPanel, GROUP_ADMIN, FUND)?.message).toBe('That round was not found');
    expect(refusal(GRANTS_POLICY.viewAuditTrail, ADMIN, FUND)).toBeNull();
    expect(refusal(GRANTS_POLICY.viewAuditTrail, OTHER_OFFICER, FUND)?.message).toBe('That record was not found');
  });

  it('viewMonitoring: officers of any council and admins; FORBIDDEN for members', () => {
    expect(refusal(GRANTS_POLICY.viewMonitoring, OTHER_OFFICER, undefined)).toBeNull();
    expect(refusal(GRANTS_POLICY.viewMonitoring, GROUP_ADMIN, undefined)?.code).toBe('FORBIDDEN');
    expect(GRANTS_POLICY.viewMonitoring.councils(OTHER_OFFICER)).toEqual(['sandwell']);
  });

  it('viewReports: officers, over councils they run only', () => {
    expect(refusal(GRANTS_POLICY.viewReports, OFFICER, { councilIds: [WALSALL] })).toBeNull();
    expect(refusal(GRANTS_POLICY.viewReports, ADMIN, { councilIds: ['sandwell'] })).toBeNull();
    expect(refusal(GRANTS_POLICY.viewReports, OFFICER, { councilIds: ['sandwell'] })?.code).toBe('FORBIDDEN');
    expect(refusal(GRANTS_POLICY.viewReports, MEMBER, {})?.code).toBe('FORBIDDEN');
  });

  it('importAwards: the fund’s council’s officers; FORBIDDEN for others', () => {
    expect(refusal(GRANTS_POLICY.importAwards, OFFICER, FUND)).toBeNull();
    expect(refusal(GRANTS_POLICY.importAwards, OTHER_OFFICER, FUND)?.code).toBe('FORBIDDEN');
  });

  it('publishGrants: anyone, signed in or not', () => {
    expect(refusal(GRANTS_POLICY.publishGrants, Viewer.anonymous(), undefined)).toBeNull();
  });

  it('recipientLocated: publicly listed, verified recipients only', () => {
    expect(GRANTS_POLICY.recipientLocated.allows(MEMBER, RECIPIENT)).toBe(true);
    expect(
      GRANTS_POLICY.recipientLocated.allows(MEMBER, { ...RECIPIENT, namedInGrantsData: true, verified: false }),
    ).toBe(false);
    expect(GRANTS_POLICY.recipientLocated.sql('o')).toBe("(o.verified AND o.visibility = 'PUBLIC')");
  });

  it('recipientNamed: listed recipients, or those that consented', () => {
    expect(
      GRANTS_POLICY.recipientNamed.allows(MEMBER, { ...RECIPIENT, visibility: 'MEMBERS', namedInGrantsData: true }),
    ).toBe(true);
    expect(GRANTS_POLICY.recipientNamed.allows(MEMBER, { ...RECIPIENT, visibility: 'MEMBERS' })).toBe(false);
    expect(GRANTS_POLICY.recipientNamed.sql('o')).toBe(
      "((o.verified AND o.visibility = 'PUBLIC') OR o.named_in_grants_data)",
    );
  });
});
