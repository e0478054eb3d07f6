import { IntroductionRole, IntroductionStatusView, type Introduction } from '@cohesion/network';

/**
 * How the introduction pages say things in words. Only wording: what each person may
 * see of an introduction (a decline is "not accepted" to the person who asked) is already
 * decided by the API's mapper, and these words only ever receive what it returned.
 */

/** A status as a tag: words (never colour alone) and the GOV.UK tag colour beside them. */
export const STATUS_TAGS: Record<IntroductionStatusView, { text: string; classes: string }> = {
  PENDING_BROKER: { text: 'Waiting to be passed on', classes: 'govuk-tag--yellow' },
  PENDING_TARGET: { text: 'Waiting for an answer', classes: 'govuk-tag--blue' },
  ACCEPTED: { text: 'Accepted', classes: 'govuk-tag--green' },
  DECLINED: { text: 'Declined', classes: 'govuk-tag--red' },
  NOT_ACCEPTED: { text: 'Not accepted', classes: 'govuk-tag--grey' },
  EXPIRED: { text: 'Expired', classes: 'govuk-tag--grey' },
  WITHDRAWN: { text: 'Withdrawn', classes: 'govuk-tag--grey' },
};

/** How two people came to be connected (the API's ConnectionOrigin values). */
export const ORIGIN_WORDS: Record<string, string> = {
  INTRODUCTION: 'Through an introduction',
  MET_AT_EVENT: 'Met at an event',
  WORKED_TOGETHER: 'Worked together',
};

/** What the last step of a closed introduction is called on its timeline. */
const CLOSED_WORDS: Partial<Record<IntroductionStatusView, string>> = {
  ACCEPTED: 'Accepted: now connected',
  DECLINED: 'Declined',
  NOT_ACCEPTED: 'Not accepted',
  EXPIRED: 'Lapsed without an answer',
  WITHDRAWN: 'Withdrawn',
};

/** The inbox's boxes, each one of the viewer's parts in an introduction, at its own address. */
export const BOXES = [
  { box: 'received', role: IntroductionRole.TARGET, text: 'Received' },
  { box: 'sent', role: IntroductionRole.REQUESTER, text: 'Sent' },
  { box: 'to-pass-on', role: IntroductionRole.BROKER, text: 'To pass on' },
] as const;

export type Box = (typeof BOXES)[number];

export function boxOf(value: unknown): Box {
  return BOXES.find((candidate) => candidate.box === value) ?? BOXES[0];
}

export interface TimelineItem {
  label: { text: string };
  text: string;
  datetime: { timestamp: string; type: 'datetime' };
  byline?: { text: string };
}

/** The introduction's history as far as the API shows it: when it was sent and, once closed, how it ended. Newest first. */
export function timelineOf(introduction: Introduction, names: { requester: string; broker?: string }): TimelineItem[] {
  const items: TimelineItem[] = [];
  const closed = CLOSED_WORDS[introduction.status];
  if (closed && introduction.closedAt) {
    items.push({
      label: { text: closed },
      text: '',
      datetime: { timestamp: introduction.closedAt.toISOString(), type: 'datetime' },
      ...(introduction.status === IntroductionStatusView.WITHDRAWN ? { byline: { text: names.requester } } : {}),
    });
  }
  items.push({
    label: { text: 'Request sent' },
    text: names.broker ? `Through ${names.broker}` : 'Asked directly',
    datetime: { timestamp: introduction.createdAt.toISOString(), type: 'datetime' },
    byline: { text: names.requester },
  });
  return items;
}
