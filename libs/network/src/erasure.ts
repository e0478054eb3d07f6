import type { Db, PersonalDataEraser } from '@cohesion/common';
import { deleteBlocksInvolving } from './blocks/block.queries.js';
import { deleteConnectionsOf } from './connections/connection.queries.js';
import { moveIntroduction, pendingInvolving, stripWordsOf } from './introductions/introduction.queries.js';
import { nextStatus, type IntroductionActor } from './introductions/introduction.state-machine.js';

/**
 * Closes the open requests a leaving person is part of, by the state machine's own moves:
 * withdrawn where they asked; declined by the system for them where they were asked or
 * asked to pass it on (which the person who asked sees as "not accepted"). Then takes out
 * their words from every introduction. Nobody is notified: the notices naming them go too.
 */
async function eraseIntroductions(db: Db, me: string): Promise<number> {
  const open = await pendingInvolving(db, me);
  for (const row of open) {
    const asked = row.requesterId === me;
    const part: IntroductionActor = asked ? 'REQUESTER' : row.brokerId === me ? 'BROKER' : 'TARGET';
    const next = nextStatus(row.status, asked ? 'WITHDRAW' : 'DECLINE', asked ? 'REQUESTER' : 'SYSTEM');
    await moveIntroduction(db, row.id, next, { closed_at: 'now()', ...(asked ? {} : { declined_by: part }) });
  }
  const stripped = await stripWordsOf(db, me);
  return open.length + stripped;
}

/** What the network holds about a person, erased when they delete their account. Proposals are the organisations'. */
export const NETWORK_ERASERS: PersonalDataEraser[] = [
  { name: 'introductions', erase: eraseIntroductions },
  { name: 'connections', erase: deleteConnectionsOf },
  { name: 'blocks', erase: deleteBlocksInvolving },
];
