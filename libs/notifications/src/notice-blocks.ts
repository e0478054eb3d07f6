/**
 * How the notice path asks whether two people have blocked each other, provided by the
 * network (which owns blocks): a SQL predicate on two uuid expressions. A notice is
 * never created, shown or emailed between blocked people, whichever path made it.
 */
export abstract class NoticeBlocks {
  abstract blockedSql(one: string, other: string): string;
}

/** Whether notification alias `n`'s recipient and anyone it names have blocked each other. */
export function noticeBlockedSql(blocks: NoticeBlocks, recipient: string, about: string): string {
  return `EXISTS (SELECT 1 FROM unnest(${about}) AS named(id) WHERE ${blocks.blockedSql(recipient, 'named.id')})`;
}
