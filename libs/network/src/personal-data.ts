import type { Db, PersonalDataSection } from '@cohesion/common';
import { blocksBy } from './blocks/block.queries.js';
import { connectionsOf } from './connections/connection.queries.js';
import { roleOf, toIntroduction } from './introductions/introduction.mapper.js';
import { IntroductionRole } from './introductions/introduction.model.js';
import { introductionsOf, type NamedIntroductionRow } from './introductions/introduction.queries.js';
import { proposalsBy } from './partnerships/partnership.queries.js';

/** An introduction as the person sees it in the app: the notes they may read, the status as shown to them. */
function introductionAsSeen(row: NamedIntroductionRow, role: IntroductionRole) {
  const seen = toIntroduction(row, role);
  return {
    requester: row.requesterName,
    target: row.targetName,
    broker: row.brokerName,
    status: seen.status,
    origin: seen.origin,
    message: seen.message,
    brokerNote: seen.brokerNote,
    responseNote: seen.responseNote,
    createdAt: seen.createdAt,
    expiresAt: seen.expiresAt,
    closedAt: seen.closedAt,
  };
}

/** The introductions they asked for, were asked about, and passed on. */
async function introductionsData(db: Db, me: string) {
  const sent = [];
  const received = [];
  const brokered = [];
  for (const row of await introductionsOf(db, me)) {
    const role = roleOf(row, me);
    if (role === IntroductionRole.REQUESTER) sent.push(introductionAsSeen(row, role));
    else if (role === IntroductionRole.BROKER) brokered.push(introductionAsSeen(row, role));
    else if (role === IntroductionRole.TARGET) received.push(introductionAsSeen(row, role));
  }
  return { sent, received, brokered };
}

/** The people they blocked. Blocks placed on them are not theirs to see: that would say who blocked them. */
async function blocksData(db: Db, me: string) {
  const rows = await blocksBy(db, me);
  return rows.map((row) => ({ name: row.fullName, blockedAt: row.blockedAt }));
}

/** What the network holds about one person, for a copy of their data. */
export const NETWORK_PERSONAL_DATA: PersonalDataSection[] = [
  { name: 'connections', read: connectionsOf },
  { name: 'introductions', read: introductionsData },
  { name: 'blocksPlaced', read: blocksData },
  { name: 'partnershipProposals', read: proposalsBy },
];
