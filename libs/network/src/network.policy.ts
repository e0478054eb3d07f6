import { DIRECTORY_POLICY, NOT_IN_NETWORK } from '@cohesion/directory';
import { definePolicies, forbidden, notFound, type Viewer } from '@cohesion/common';

/**
 * Who in the network may appear to whom, and who may ask, answer, block and link. Every
 * list, count, reason, path, graph and notice that shows one person to another goes
 * through `seePeer`, so what a count says always matches what the matching list shows.
 * How long requests last and how often one may ask: `INTRODUCTION_RULES` (network.rules.ts).
 */

/** Whether either of practitioners `one` and `other` (SQL expressions) has blocked the other. */
function blockedSql(one: string, other: string): string {
  return `EXISTS (SELECT 1 FROM practitioner_blocks b
                   WHERE (b.blocker_id = ${one} AND b.blocked_id = ${other})
                      OR (b.blocker_id = ${other} AND b.blocked_id = ${one}))`;
}

/** What the network knows about a person when deciding whether the viewer may see them. */
export interface PeerFacts {
  /** Whether their profile can be found (see `DIRECTORY_POLICY.seePractitioner`). */
  discoverable: boolean;
  /** Whether either of them has blocked the other. */
  blocked: boolean;
}

/** `seePeer` as SQL: practitioner alias `alias` may appear to the viewer (an SQL expression). */
function peerSql(alias: string, viewer: string): string {
  return `(${DIRECTORY_POLICY.seePractitioner.discoverableSql(alias)} AND NOT ${blockedSql(viewer, `${alias}.id`)})`;
}

function seesPeer(viewer: Viewer, peer: PeerFacts | undefined): peer is PeerFacts {
  return viewer.practitionerId !== null && peer !== undefined && peer.discoverable && !peer.blocked;
}

/** Which introductions a practitioner (SQL expression) is part of and may see; a target only once it reached them. */
function partOfSql(me: string, role?: 'REQUESTER' | 'BROKER' | 'TARGET'): string {
  const as = {
    REQUESTER: `i.requester_id = ${me}`,
    BROKER: `i.broker_id = ${me}`,
    TARGET: `(i.target_id = ${me} AND i.reached_target_at IS NOT NULL)`,
  };
  return role ? as[role] : `(${Object.values(as).join(' OR ')})`;
}

/** The viewer's part in an introduction, as loaded with `partOfSql` (null: none). */
interface PartFacts {
  role: string | null;
}

/** A verified member with a profile: who takes part in the network. */
function inNetwork(viewer: Viewer): boolean {
  return viewer.practitionerId !== null && viewer.isVerifiedMember;
}

function canManage(viewer: Viewer, organisationId: string): boolean {
  return DIRECTORY_POLICY.manageOrganisation.allows(viewer, { organisationId });
}

/** Either side of a partnership. */
interface PartnershipSides {
  organisationId: string;
  partnerId: string;
}

export const NETWORK_POLICY = definePolicies('network', {
  /** Only verified members take part in the network (see `Viewer.isVerifiedMember`). */
  takePart: {
    sentence: 'verified members only: a verified email and a confirmed membership of a verified organisation',
    allows: inNetwork,
    refuse: { forbidden: NOT_IN_NETWORK },
  },
  /**
   * Who can see this person in the network (search, suggestions, paths, the graph,
   * connections, notices): someone discoverable, and neither has blocked the other. Anyone
   * else answers as an id that does not exist would.
   */
  seePeer: {
    sentence: 'a discoverable practitioner, never anyone blocked either way',
    allows: (viewer, peer: PeerFacts | undefined) => seesPeer(viewer, peer),
    refuse: { notFound: 'That practitioner' },
    /** The same rule as SQL: practitioner alias `alias` may appear to the viewer (an SQL expression). */
    sql: peerSql,
    /** The blocking half on its own: whether either of `one` and `other` (SQL expressions) has blocked the other. */
    blockedSql,
    /** Everyone the viewer (an SQL expression) has blocked or been blocked by, as rows: for walks that skip them. */
    blockedPeopleSql: (viewer: string): string =>
      `SELECT blocked_id FROM practitioner_blocks WHERE blocker_id = ${viewer}
       UNION SELECT blocker_id FROM practitioner_blocks WHERE blocked_id = ${viewer}`,
  },
  suggestPeers: {
    sentence: 'verified members only; never anyone undiscoverable or blocked either way',
    allows: inNetwork,
    refuse: { forbidden: NOT_IN_NETWORK },
  },
  findIntroductionPath: {
    sentence: 'verified members only; steps only through people you may see, never anyone blocked either way',
    allows: inNetwork,
    refuse: { forbidden: NOT_IN_NETWORK },
  },
  seeNetwork: {
    sentence: 'verified members only; people appear only if you may see them in the directory',
    allows: inNetwork,
    refuse: { forbidden: NOT_IN_NETWORK },
  },
  /**
   * Whom the viewer may block: a peer they may see, or someone they already blocked
   * (blocking again changes nothing). Anyone else (an undiscoverable profile, someone who
   * blocked them) answers as an id that does not exist would.
   */
  block: {
    sentence: 'you block for yourself, anyone you may see',
    allows: (viewer, target: { blockable: boolean }) => viewer.practitionerId !== null && target.blockable,
    refuse: { notFound: 'That practitioner' },
    /** The same rule as SQL on a `practitioners` alias, for the viewer (an SQL expression). */
    sql: (alias: string, viewer: string): string =>
      `(${peerSql(alias, viewer)}
           OR EXISTS (SELECT 1 FROM practitioner_blocks mine WHERE mine.blocker_id = ${viewer} AND mine.blocked_id = ${alias}.id))`,
  },
  unblock: {
    sentence: 'only blocks you placed',
    allows: (viewer) => viewer.practitionerId !== null,
  },
  seeBlocks: {
    sentence: 'your own blocks only',
    allows: (viewer) => viewer.practitionerId !== null,
  },
  seeConnections: {
    sentence: 'your own connections only',
    allows: (viewer) => viewer.practitionerId !== null,
  },
  removeConnection: {
    sentence: 'either side of the connection',
    allows: (viewer) => viewer.practitionerId !== null,
  },
  /**
   * Asking for an introduction: the person who asks must be findable themselves, and the
   * person asked someone they may see (`seePeer`). Whether the person asked takes
   * introductions, limits and cooldowns come after (see `INTRODUCTION_RULES`).
   */
  requestIntroduction: {
    sentence: 'you ask for yourself; the person asked must be discoverable, open to introductions and under their cap',
    allows: (viewer, request: { requester: PeerFacts; target: PeerFacts | undefined }) =>
      request.requester.discoverable && seesPeer(viewer, request.target),
    refuse: (request: { requester: PeerFacts; target: PeerFacts | undefined }) =>
      request.requester.discoverable
        ? notFound('That practitioner')
        : forbidden('Make your profile discoverable to ask for introductions'),
  },
  /** The person asked must take introductions; checked after the conflicts that would say more. */
  askPerson: {
    sentence: 'someone open to introductions',
    allows: (_viewer, target: { name: string; openToIntroductions: boolean }) => target.openToIntroductions,
    refuse: (target: { name: string; openToIntroductions: boolean }) =>
      forbidden(`${target.name} is not taking introductions`),
  },
  /** Which turn is whose comes from the state machine (introduction.state-machine.ts). */
  respondToIntroduction: {
    sentence: 'the broker, then the person asked, each in turn; NOT_FOUND for anyone else',
    allows: (_viewer, part: PartFacts) => part.role !== null,
    refuse: { notFound: 'That introduction' },
  },
  withdrawIntroduction: {
    sentence: 'the person who asked; NOT_FOUND for anyone not part of it',
    allows: (_viewer, part: PartFacts) => part.role !== null,
    refuse: { notFound: 'That introduction' },
  },
  seeIntroductions: {
    sentence: 'your own introductions only; a request reaches the person asked only once passed on',
    allows: (_viewer, part: PartFacts) => part.role !== null,
    refuse: { notFound: 'That introduction' },
    /** The same rule as SQL on an `introductions` alias `i`, for practitioner `me` (an SQL expression), in one role or any. */
    sql: partOfSql,
  },
  proposePartnership: {
    sentence: 'an ORG_ADMIN of the proposing organisation (or ADMIN); the partner’s admins are told',
    allows: (viewer, proposal: { organisationId: string }) => canManage(viewer, proposal.organisationId),
    refuse: { forbidden: 'Only an admin of the organisation can propose its partnerships' },
  },
  confirmPartnership: {
    sentence: 'an ORG_ADMIN of the organisation that did not propose it (or ADMIN)',
    allows: (viewer, partnership: { otherSide: string }) => canManage(viewer, partnership.otherSide),
    refuse: { forbidden: 'An admin of the other organisation confirms a partnership' },
  },
  managePartnership: {
    sentence: 'an ORG_ADMIN of either organisation (or ADMIN); NOT_FOUND for anyone else',
    allows: (viewer, partnership: PartnershipSides | null) =>
      partnership !== null &&
      (canManage(viewer, partnership.organisationId) || canManage(viewer, partnership.partnerId)),
    refuse: { notFound: 'That partnership' },
  },
  /** Confirmed partnerships are public; proposals only to the admins of either side. */
  seePartnership: {
    sentence: 'anyone for confirmed partnerships; proposals only for an ORG_ADMIN of either organisation (or ADMIN)',
    allows: (viewer, partnership: PartnershipSides & { confirmed: boolean }) =>
      partnership.confirmed ||
      canManage(viewer, partnership.organisationId) ||
      canManage(viewer, partnership.partnerId),
  },
});
