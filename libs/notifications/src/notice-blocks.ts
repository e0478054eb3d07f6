/**
 * How the notice path asks whether two people have blocked each other, provided by the
 * network (which owns blocks): a SQL predicate on two uuid expressions. A notice is
 * never created, shown or emailed between blocked people, whichever path made it
 * (`noticeBlockedSql` in the notifications policy).
 */
export abstract class NoticeBlocks {
  abstract blockedSql(one: string, other: string): string;
}
