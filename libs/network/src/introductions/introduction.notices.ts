import type { Notice } from '@cohesion/notifications';

/** Names (and the job title of the person asking) for the words of a notice. Never contact details. */
export interface People {
  requester: { id: string; name: string; jobTitle: string | null };
  target: { id: string; name: string };
  broker?: { id: string; name: string } | null;
}

/** Where an introduction's notices point: also how a withdrawal finds the notice it cancels. */
export const introductionLink = (introductionId: string) => `/introductions/${introductionId}`;
const link = introductionLink;

/** Everyone an introduction involves: each notice names them, so a block between any of them and its recipient stops it. */
function involved(people: People): string[] {
  return [people.requester.id, people.target.id, ...(people.broker ? [people.broker.id] : [])];
}

function asking(people: People): string {
  const title = people.requester.jobTitle ? ` (${people.requester.jobTitle})` : '';
  return `${people.requester.name}${title}`;
}

/** What each person is told as an introduction moves. A decline is only ever "not accepted", with no reason. */
export const introductionNotices = {
  askedToBroker(id: string, people: People, message: string): Notice {
    const broker = people.broker as { id: string; name: string };
    return {
      recipientId: broker.id,
      kind: 'INTRODUCTION_BROKER_REQUESTED',
      subject: `${people.requester.name} asks you to introduce them to ${people.target.name}`,
      body:
        `${asking(people)} would like you to introduce them to ${people.target.name}, whom you both know.\n\n` +
        `Their message:\n${message}\n\n` +
        `Pass it on with a note, or decline; they will only see that it was not accepted.`,
      link: link(id),
      about: involved(people),
    };
  },

  askedToConnect(id: string, people: People, message: string, brokerNote: string | null): Notice {
    const via = people.broker ? `\n\n${people.broker.name} passed this on${brokerNote ? `: ${brokerNote}` : '.'}` : '';
    return {
      recipientId: people.target.id,
      kind: 'INTRODUCTION_REQUESTED',
      subject: `${people.requester.name} would like to connect with you`,
      body:
        `${asking(people)} would like to connect with you.\n\nTheir message:\n${message}${via}\n\n` +
        'Accept to become connected and see each other’s details shared with connections, or decline; ' +
        'they will only see that it was not accepted.',
      link: link(id),
      about: involved(people),
    };
  },

  passedOn(id: string, people: People): Notice {
    const broker = people.broker as { id: string; name: string };
    return {
      recipientId: people.requester.id,
      kind: 'INTRODUCTION_PASSED_ON',
      subject: `${broker.name} passed your request on to ${people.target.name}`,
      body: `${broker.name} passed your request to be introduced on to ${people.target.name}, who can now answer it.`,
      link: link(id),
      about: involved(people),
    };
  },

  connected(id: string, people: People): Notice[] {
    const body = (other: string) =>
      `You and ${other} are now connected. You can each see the details the other shares with connections.`;
    return [
      {
        recipientId: people.requester.id,
        kind: 'INTRODUCTION_ACCEPTED',
        subject: `${people.target.name} accepted: you are now connected`,
        body: body(people.target.name),
        link: link(id),
        about: involved(people),
      },
      {
        recipientId: people.target.id,
        kind: 'CONNECTION_MADE',
        subject: `You are now connected with ${people.requester.name}`,
        body: body(people.requester.name),
        link: link(id),
        about: involved(people),
      },
    ];
  },

  notAccepted(id: string, people: People): Notice {
    return {
      recipientId: people.requester.id,
      kind: 'INTRODUCTION_NOT_ACCEPTED',
      subject: `Your request to connect with ${people.target.name} was not accepted`,
      body: `Your request to connect with ${people.target.name} was not accepted.`,
      link: link(id),
      about: involved(people),
    };
  },

  expired(id: string, people: People): Notice {
    return {
      recipientId: people.requester.id,
      kind: 'INTRODUCTION_EXPIRED',
      subject: `Your request to connect with ${people.target.name} expired`,
      body: `Your request to connect with ${people.target.name} was not answered in time and has lapsed.`,
      link: link(id),
      about: involved(people),
    };
  },
};
