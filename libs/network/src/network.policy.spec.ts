import { describe, expect, it } from '@jest/globals';
import { allows, refusalOf, Viewer } from '@cohesion/common';
import { NETWORK_POLICY } from './network.policy.js';

const ANONYMOUS = Viewer.anonymous();
const ACCOUNT_ONLY = Viewer.member('a0', null, []);
const PRACTITIONER = Viewer.member('p1', 'p1', []);
const ORG_ADMIN = Viewer.member('p2', 'p2', [{ role: 'ORG_ADMIN', organisationId: 'o1' }]);
const ADMIN = Viewer.member('p3', 'p3', [{ role: 'ADMIN', organisationId: null }]);
const AWAITING = Viewer.awaitingMembership('p4', 'p4', []);

const FINDABLE = { discoverable: true, blocked: false };
const HIDDEN = { discoverable: false, blocked: false };
const BLOCKED = { discoverable: true, blocked: true };

describe('NETWORK_POLICY', () => {
  it('takePart: verified members with a profile only, and the others are told what to do', () => {
    expect(allows(NETWORK_POLICY.takePart, PRACTITIONER, undefined)).toBe(true);
    expect(allows(NETWORK_POLICY.takePart, ACCOUNT_ONLY, undefined)).toBe(false);
    const refused = refusalOf(NETWORK_POLICY.takePart, AWAITING, undefined);
    expect(refused?.code).toBe('FORBIDDEN');
    expect(refused?.message).toMatch(
      /^You can search people and take part in the network once an organisation confirms/,
    );
  });

  it('seePeer: someone discoverable, never anyone blocked either way; the rest answer as missing', () => {
    const policy = NETWORK_POLICY.seePeer;
    expect(allows(policy, PRACTITIONER, FINDABLE)).toBe(true);
    expect(allows(policy, PRACTITIONER, HIDDEN)).toBe(false);
    expect(allows(policy, PRACTITIONER, BLOCKED)).toBe(false);
    expect(allows(policy, PRACTITIONER, undefined)).toBe(false);
    expect(allows(policy, ANONYMOUS, FINDABLE)).toBe(false);
    expect(refusalOf(policy, PRACTITIONER, BLOCKED)?.message).toBe('That practitioner was not found');
    const sql = policy.sql('p', '$1');
    expect(sql).toContain('p.discoverable');
    expect(sql).toContain(policy.blockedSql('$1', 'p.id'));
    expect(policy.blockedSql('$1', '$2')).toMatch(/b.blocker_id = \$1 AND b.blocked_id = \$2/);
    expect(policy.blockedSql('$1', '$2')).toMatch(/b.blocker_id = \$2 AND b.blocked_id = \$1/);
    expect(policy.blockedPeopleSql('$1')).toMatch(/blocked_id FROM practitioner_blocks WHERE blocker_id = \$1/);
    expect(policy.blockedPeopleSql('$1')).toMatch(/blocker_id FROM practitioner_blocks WHERE blocked_id = \$1/);
  });

  it('block: anyone you may see, or someone you already blocked', () => {
    expect(allows(NETWORK_POLICY.block, PRACTITIONER, { blockable: true })).toBe(true);
    expect(refusalOf(NETWORK_POLICY.block, PRACTITIONER, { blockable: false })?.code).toBe('NOT_FOUND');
    const sql = NETWORK_POLICY.block.sql('p', '$2::uuid');
    expect(sql).toContain(NETWORK_POLICY.seePeer.sql('p', '$2::uuid'));
    expect(sql).toContain('mine.blocker_id = $2::uuid AND mine.blocked_id = p.id');
  });

  it('requestIntroduction: a findable requester asking someone they may see', () => {
    const policy = NETWORK_POLICY.requestIntroduction;
    expect(allows(policy, PRACTITIONER, { requester: FINDABLE, target: FINDABLE })).toBe(true);
    const hiddenRequester = refusalOf(policy, PRACTITIONER, { requester: HIDDEN, target: FINDABLE });
    expect([hiddenRequester?.code, hiddenRequester?.message]).toEqual([
      'FORBIDDEN',
      'Make your profile discoverable to ask for introductions',
    ]);
    for (const target of [HIDDEN, BLOCKED, undefined]) {
      const refused = refusalOf(policy, PRACTITIONER, { requester: FINDABLE, target });
      expect([refused?.code, refused?.message]).toEqual(['NOT_FOUND', 'That practitioner was not found']);
    }
  });

  it('askPerson: someone open to introductions, refused by name', () => {
    expect(allows(NETWORK_POLICY.askPerson, PRACTITIONER, { name: 'Ann', openToIntroductions: true })).toBe(true);
    expect(
      refusalOf(NETWORK_POLICY.askPerson, PRACTITIONER, { name: 'Ann', openToIntroductions: false })?.message,
    ).toBe('Ann is not taking introductions');
  });

  it('respond, withdraw and see introductions: only their people, NOT_FOUND for anyone else', () => {
    for (const policy of [
      NETWORK_POLICY.respondToIntroduction,
      NETWORK_POLICY.withdrawIntroduction,
      NETWORK_POLICY.seeIntroductions,
    ]) {
      expect(allows(policy, PRACTITIONER, { role: 'BROKER' })).toBe(true);
      expect(refusalOf(policy, PRACTITIONER, { role: null })?.message).toBe('That introduction was not found');
    }
    expect(NETWORK_POLICY.seeIntroductions.sql('$1', 'TARGET')).toBe(
      '(i.target_id = $1 AND i.reached_target_at IS NOT NULL)',
    );
    expect(NETWORK_POLICY.seeIntroductions.sql('$1')).toContain('i.requester_id = $1 OR i.broker_id = $1');
  });

  it('partnerships: admins of the proposing side propose, of the other confirm, of either end', () => {
    expect(allows(NETWORK_POLICY.proposePartnership, ORG_ADMIN, { organisationId: 'o1' })).toBe(true);
    expect(allows(NETWORK_POLICY.proposePartnership, ADMIN, { organisationId: 'o9' })).toBe(true);
    expect(refusalOf(NETWORK_POLICY.proposePartnership, ORG_ADMIN, { organisationId: 'o2' })?.message).toBe(
      'Only an admin of the organisation can propose its partnerships',
    );
    expect(allows(NETWORK_POLICY.confirmPartnership, ORG_ADMIN, { otherSide: 'o1' })).toBe(true);
    expect(refusalOf(NETWORK_POLICY.confirmPartnership, ORG_ADMIN, { otherSide: 'o2' })?.message).toBe(
      'An admin of the other organisation confirms a partnership',
    );
    const link = { organisationId: 'o2', partnerId: 'o1' };
    expect(allows(NETWORK_POLICY.managePartnership, ORG_ADMIN, link)).toBe(true);
    expect(allows(NETWORK_POLICY.managePartnership, PRACTITIONER, link)).toBe(false);
    expect(refusalOf(NETWORK_POLICY.managePartnership, ORG_ADMIN, null)?.code).toBe('NOT_FOUND');
    expect(allows(NETWORK_POLICY.seePartnership, PRACTITIONER, { ...link, confirmed: true })).toBe(true);
    expect(allows(NETWORK_POLICY.seePartnership, PRACTITIONER, { ...link, confirmed: false })).toBe(false);
    expect(allows(NETWORK_POLICY.seePartnership, ORG_ADMIN, { ...link, confirmed: false })).toBe(true);
  });

  it('the network’s own lists: practitioners only', () => {
    for (const policy of [
      NETWORK_POLICY.suggestPeers,
      NETWORK_POLICY.findIntroductionPath,
      NETWORK_POLICY.seeNetwork,
      NETWORK_POLICY.unblock,
      NETWORK_POLICY.seeBlocks,
      NETWORK_POLICY.seeConnections,
      NETWORK_POLICY.removeConnection,
    ]) {
      expect(allows(policy, PRACTITIONER, undefined)).toBe(true);
      expect(allows(policy, ACCOUNT_ONLY, undefined)).toBe(false);
    }
    // Suggestions, paths and the graph open to verified members only.
    for (const policy of [
      NETWORK_POLICY.suggestPeers,
      NETWORK_POLICY.findIntroductionPath,
      NETWORK_POLICY.seeNetwork,
    ]) {
      expect(allows(policy, AWAITING, undefined)).toBe(false);
    }
  });
});
