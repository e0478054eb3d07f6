import { describe, expect, it } from '@jest/globals';
import { allows, refusalOf, Viewer } from '@cohesion/common';
import { changeNeedsVerification, DIRECTORY_POLICY, relationshipOf, visibleValue } from './directory.policy.js';

const ANONYMOUS = Viewer.anonymous();
const MEMBER = Viewer.member('p1', 'p1', []);
/** Signed in, email not yet verified: sees what anonymous visitors see, plus their own profile. */
const UNVERIFIED = Viewer.unverified('p4', 'p4', []);
const AWAITING = Viewer.awaitingMembership('p5', 'p5', []);
const ORG_ADMIN = Viewer.member('p2', 'p2', [{ role: 'ORG_ADMIN', organisationId: 'o1' }]);
const ADMIN = Viewer.member('p3', 'p3', [{ role: 'ADMIN', organisationId: null }]);

const PUBLISHED = { verified: true, visibility: 'PUBLIC' };
const UNCHECKED = { verified: false, visibility: 'PUBLIC' };
const MEMBERS_ONLY = { verified: true, visibility: 'MEMBERS' };

describe('DIRECTORY_POLICY', () => {
  it('seeOrganisation: anyone sees verified public listings, members every listing; NOT_FOUND otherwise', () => {
    const policy = DIRECTORY_POLICY.seeOrganisation;
    expect(allows(policy, ANONYMOUS, PUBLISHED)).toBe(true);
    expect(allows(policy, ANONYMOUS, UNCHECKED)).toBe(false);
    expect(allows(policy, ANONYMOUS, MEMBERS_ONLY)).toBe(false);
    expect(allows(policy, MEMBER, UNCHECKED)).toBe(true);
    expect(allows(policy, MEMBER, MEMBERS_ONLY)).toBe(true);
    expect(refusalOf(policy, ANONYMOUS, MEMBERS_ONLY)?.code).toBe('NOT_FOUND');
    expect(policy.sql(ANONYMOUS, 'o')).toBe(`o.verified AND o.visibility = 'PUBLIC'`);
    expect(policy.sql(MEMBER, 'o')).toBe('TRUE');
    expect(allows(policy, UNVERIFIED, PUBLISHED)).toBe(true);
    expect(allows(policy, UNVERIFIED, MEMBERS_ONLY)).toBe(false);
    expect(allows(policy, UNVERIFIED, UNCHECKED)).toBe(false);
    expect(policy.sql(UNVERIFIED, 'o')).toBe(`o.verified AND o.visibility = 'PUBLIC'`);
  });

  it('seeService: public services of organisations anyone may see; members see all', () => {
    const policy = DIRECTORY_POLICY.seeService;
    expect(allows(policy, ANONYMOUS, { visibility: 'PUBLIC', organisation: PUBLISHED })).toBe(true);
    expect(allows(policy, ANONYMOUS, { visibility: 'MEMBERS', organisation: PUBLISHED })).toBe(false);
    expect(allows(policy, ANONYMOUS, { visibility: 'PUBLIC', organisation: UNCHECKED })).toBe(false);
    expect(allows(policy, MEMBER, { visibility: 'MEMBERS', organisation: UNCHECKED })).toBe(true);
    expect(refusalOf(policy, ANONYMOUS, { visibility: 'MEMBERS', organisation: PUBLISHED })?.message).toBe(
      'That service was not found',
    );
    expect(policy.sql(ANONYMOUS, 's', 'o')).toBe(`s.visibility = 'PUBLIC' AND o.verified AND o.visibility = 'PUBLIC'`);
    expect(policy.sql(MEMBER, 's', 'o')).toBe('TRUE');
    expect(allows(policy, UNVERIFIED, { visibility: 'MEMBERS', organisation: PUBLISHED })).toBe(false);
    expect(policy.sql(UNVERIFIED, 's', 'o')).toBe(`s.visibility = 'PUBLIC' AND o.verified AND o.visibility = 'PUBLIC'`);
  });

  it('seePractitioner: verified members see discoverable profiles and their own; unverified their own; anonymous none', () => {
    const policy = DIRECTORY_POLICY.seePractitioner;
    expect(allows(policy, MEMBER, { id: 'p9', discoverable: true, verifiedMember: true })).toBe(true);
    expect(allows(policy, MEMBER, { id: 'p9', discoverable: false, verifiedMember: true })).toBe(false);
    expect(allows(policy, MEMBER, { id: 'p1', discoverable: false, verifiedMember: true })).toBe(true);
    expect(allows(policy, ANONYMOUS, { id: 'p9', discoverable: true, verifiedMember: true })).toBe(false);
    expect(refusalOf(policy, MEMBER, { id: 'p9', discoverable: false, verifiedMember: true })?.message).toBe(
      'That practitioner was not found',
    );
    expect(allows(policy, UNVERIFIED, { id: 'p9', discoverable: true, verifiedMember: true })).toBe(false);
    expect(allows(policy, UNVERIFIED, { id: 'p4', discoverable: true, verifiedMember: true })).toBe(true);
    // Someone outside the tier (no confirmed membership of a verified organisation) is not found,
    // and a viewer outside it finds nobody but themselves.
    expect(allows(policy, MEMBER, { id: 'p9', discoverable: true, verifiedMember: false })).toBe(false);
    expect(allows(policy, AWAITING, { id: 'p9', discoverable: true, verifiedMember: true })).toBe(false);
    expect(allows(policy, AWAITING, { id: 'p5', discoverable: true, verifiedMember: false })).toBe(true);
    expect(policy.sql(MEMBER, 'p', '$1')).toBe('((p.discoverable AND p.verified_member) OR p.id = $1::uuid)');
    expect(policy.sql(UNVERIFIED, 'p', '$1')).toBe('p.id = $1::uuid');
    expect(policy.sql(AWAITING, 'p', '$1')).toBe('p.id = $1::uuid');
    expect(policy.sql(ANONYMOUS, 'p', undefined)).toBe('FALSE');
    expect(policy.discoverableSql('u')).toBe('(u.discoverable AND u.verified_member)');
  });

  it('the verified-member tier: a verified address and a confirmed membership (admins need the address only)', () => {
    expect(MEMBER.isVerifiedMember).toBe(true);
    expect(AWAITING.isVerifiedMember).toBe(false);
    expect(UNVERIFIED.isVerifiedMember).toBe(false);
    expect(Viewer.awaitingMembership('a1', 'a1', [{ role: 'ADMIN', organisationId: null }]).isVerifiedMember).toBe(
      true,
    );
    expect(Viewer.unverified('a1', 'a1', [{ role: 'ADMIN', organisationId: null }]).isVerifiedMember).toBe(false);
    expect(Viewer.signedIn('a1', [], { emailVerified: false, verifiedMember: true }).isVerifiedMember).toBe(false);
    expect(allows(DIRECTORY_POLICY.findPeople, AWAITING, undefined)).toBe(false);
    expect(relationshipOf(AWAITING, { id: 'p9', connected: true })).toBe('ANONYMOUS');
    expect(DIRECTORY_POLICY.seeOrganisation.sql(AWAITING, 'o')).toBe(`o.verified AND o.visibility = 'PUBLIC'`);
  });

  it('memberships: claimed with a verified address, decided and invited by the organisation’s admins', () => {
    const membership = { practitionerId: 'p9', organisationId: 'o1' };
    expect(allows(DIRECTORY_POLICY.claimMembership, AWAITING, undefined)).toBe(true);
    expect(refusalOf(DIRECTORY_POLICY.claimMembership, UNVERIFIED, undefined)?.code).toBe('FORBIDDEN');
    expect(allows(DIRECTORY_POLICY.reviewMemberships, ORG_ADMIN, membership)).toBe(true);
    expect(allows(DIRECTORY_POLICY.reviewMemberships, ADMIN, membership)).toBe(true);
    expect(allows(DIRECTORY_POLICY.reviewMemberships, MEMBER, membership)).toBe(false);
    expect(allows(DIRECTORY_POLICY.endMembership, Viewer.member('p9', 'p9', []), membership)).toBe(true);
    expect(allows(DIRECTORY_POLICY.endMembership, ORG_ADMIN, membership)).toBe(true);
    expect(refusalOf(DIRECTORY_POLICY.endMembership, MEMBER, membership)?.code).toBe('NOT_FOUND');
    const history = { ...membership, open: false, profileVisible: true };
    expect(allows(DIRECTORY_POLICY.seeMembership, MEMBER, history)).toBe(false);
    expect(allows(DIRECTORY_POLICY.seeMembership, MEMBER, { ...history, open: true })).toBe(true);
    expect(allows(DIRECTORY_POLICY.seeMembership, ORG_ADMIN, history)).toBe(true);
    expect(allows(DIRECTORY_POLICY.inviteMembers, ORG_ADMIN, { organisationId: 'o1' })).toBe(true);
    expect(allows(DIRECTORY_POLICY.inviteMembers, MEMBER, { organisationId: 'o1' })).toBe(false);
    expect(allows(DIRECTORY_POLICY.acceptInvitation, UNVERIFIED, { sentToViewer: true })).toBe(true);
    expect(refusalOf(DIRECTORY_POLICY.acceptInvitation, MEMBER, { sentToViewer: false })?.code).toBe('FORBIDDEN');
    expect(allows(DIRECTORY_POLICY.verifyEmailDomain, ORG_ADMIN, undefined)).toBe(false);
    expect(allows(DIRECTORY_POLICY.verifyEmailDomain, ADMIN, undefined)).toBe(true);
    expect(allows(DIRECTORY_POLICY.seeEmailDomain, MEMBER, { organisationId: 'o1', verified: false })).toBe(false);
    expect(allows(DIRECTORY_POLICY.seeEmailDomain, ORG_ADMIN, { organisationId: 'o1', verified: false })).toBe(true);
    expect(allows(DIRECTORY_POLICY.seeEmailDomain, ANONYMOUS, { organisationId: 'o1', verified: true })).toBe(true);
  });

  it('seeContactDetail: each detail by its visibility and how the viewer stands to the person', () => {
    expect(relationshipOf(ANONYMOUS, { id: 'p1', connected: false })).toBe('ANONYMOUS');
    expect(relationshipOf(MEMBER, { id: 'p1', connected: false })).toBe('SELF');
    expect(relationshipOf(MEMBER, { id: 'p9', connected: true })).toBe('CONNECTION');
    expect(relationshipOf(MEMBER, { id: 'p9', connected: false })).toBe('MEMBER');
    expect(relationshipOf(UNVERIFIED, { id: 'p4', connected: false })).toBe('SELF');
    expect(relationshipOf(UNVERIFIED, { id: 'p9', connected: true })).toBe('ANONYMOUS');
    expect(visibleValue('a@b', 'PUBLIC', 'ANONYMOUS')).toBe('a@b');
    expect(visibleValue('a@b', 'MEMBERS', 'ANONYMOUS')).toBeNull();
    expect(visibleValue('a@b', 'CONNECTIONS', 'MEMBER')).toBeNull();
    expect(visibleValue('a@b', 'CONNECTIONS', 'CONNECTION')).toBe('a@b');
    expect(visibleValue('a@b', 'HIDDEN', 'CONNECTION')).toBeNull();
    expect(visibleValue('a@b', 'HIDDEN', 'SELF')).toBe('a@b');
    expect(allows(DIRECTORY_POLICY.seeContactDetail, MEMBER, { visibility: 'MEMBERS', relationship: 'MEMBER' })).toBe(
      true,
    );
    expect(allows(DIRECTORY_POLICY.seeContactDetail, MEMBER, { visibility: 'HIDDEN', relationship: 'MEMBER' })).toBe(
      false,
    );
  });

  it('updateMyProfile: only someone with a profile', () => {
    expect(allows(DIRECTORY_POLICY.updateMyProfile, MEMBER, undefined)).toBe(true);
    expect(refusalOf(DIRECTORY_POLICY.updateMyProfile, ANONYMOUS, undefined)?.message).toBe(
      'Only a signed-in practitioner has a profile',
    );
  });

  it('manageOrganisation: its ORG_ADMINs and platform admins', () => {
    const policy = DIRECTORY_POLICY.manageOrganisation;
    expect(allows(policy, ORG_ADMIN, { organisationId: 'o1' })).toBe(true);
    expect(allows(policy, ADMIN, { organisationId: 'o1' })).toBe(true);
    expect(allows(policy, ORG_ADMIN, { organisationId: 'o2' })).toBe(false);
    expect(allows(policy, MEMBER, { organisationId: 'o1' })).toBe(false);
    const refused = refusalOf(policy, MEMBER, { organisationId: 'o1' });
    expect([refused?.code, refused?.message]).toEqual(['FORBIDDEN', 'Only the organisation’s admins can change it']);
  });

  it('manageService: the delivering organisation’s admins, refused in words for adding or changing', () => {
    const policy = DIRECTORY_POLICY.manageService;
    expect(allows(policy, ORG_ADMIN, { organisationId: 'o1', adding: true })).toBe(true);
    expect(allows(policy, ORG_ADMIN, { organisationId: 'o2', adding: true })).toBe(false);
    expect(refusalOf(policy, MEMBER, { organisationId: 'o1', adding: true })?.message).toBe(
      'Only the organisation’s admins can add its services',
    );
    expect(refusalOf(policy, MEMBER, { organisationId: 'o1', adding: false })?.message).toBe(
      'Only the organisation’s admins can change its services',
    );
  });

  it('createOrganisation, verifyOrganisation and reference data: members create, platform admins verify and curate', () => {
    expect(allows(DIRECTORY_POLICY.createOrganisation, MEMBER, undefined)).toBe(true);
    expect(allows(DIRECTORY_POLICY.createOrganisation, ANONYMOUS, undefined)).toBe(false);
    expect(allows(DIRECTORY_POLICY.createOrganisation, UNVERIFIED, undefined)).toBe(false);
    expect(allows(DIRECTORY_POLICY.createOrganisation, AWAITING, undefined)).toBe(true);
    expect(allows(DIRECTORY_POLICY.verifyOrganisation, ADMIN, undefined)).toBe(true);
    expect(allows(DIRECTORY_POLICY.verifyOrganisation, ORG_ADMIN, undefined)).toBe(false);
    expect(allows(DIRECTORY_POLICY.manageReferenceData, ADMIN, undefined)).toBe(true);
    expect(allows(DIRECTORY_POLICY.manageReferenceData, MEMBER, undefined)).toBe(false);
    expect(allows(DIRECTORY_POLICY.seeAreas, ANONYMOUS, undefined)).toBe(true);
    expect(allows(DIRECTORY_POLICY.seeTaxonomies, ANONYMOUS, undefined)).toBe(true);
    expect(allows(DIRECTORY_POLICY.search, ANONYMOUS, undefined)).toBe(true);
    expect(allows(DIRECTORY_POLICY.findPeople, MEMBER, undefined)).toBe(true);
    expect(allows(DIRECTORY_POLICY.findPeople, ANONYMOUS, undefined)).toBe(false);
    expect(allows(DIRECTORY_POLICY.findPeople, UNVERIFIED, undefined)).toBe(false);
  });

  it('a change of what verification vouched for sends an organisation back, unless a platform admin made it', () => {
    const current = {
      name: 'A',
      kind: 'CHARITY',
      identifiers: ['GB-CHC-1'],
      verified: true,
      changedSinceVerificationAt: null,
    };
    expect(changeNeedsVerification(ORG_ADMIN, current, { name: 'B' })).toBe(true);
    expect(changeNeedsVerification(ORG_ADMIN, current, { name: 'A', identifiers: ['GB-CHC-1'] })).toBe(false);
    expect(changeNeedsVerification(ADMIN, current, { name: 'B' })).toBe(false);
  });
});
