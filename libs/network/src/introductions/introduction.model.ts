import { Field, GraphQLISODateTime, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Connection, Node } from '@cohesion/common';
import { ConnectionOrigin } from '../connections/connection-origin.js';

export enum IntroductionStatusView {
  PENDING_BROKER = 'PENDING_BROKER',
  PENDING_TARGET = 'PENDING_TARGET',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
  NOT_ACCEPTED = 'NOT_ACCEPTED',
  EXPIRED = 'EXPIRED',
  WITHDRAWN = 'WITHDRAWN',
}
registerEnumType(IntroductionStatusView, {
  name: 'IntroductionStatus',
  description:
    'PENDING_BROKER: waiting for the mutual connection asked to pass it on; PENDING_TARGET: waiting for the person ' +
    'asked. The person who asked sees a decline (by either) as NOT_ACCEPTED, never as DECLINED.',
});

export enum IntroductionRole {
  REQUESTER = 'REQUESTER',
  BROKER = 'BROKER',
  TARGET = 'TARGET',
}
registerEnumType(IntroductionRole, {
  name: 'IntroductionRole',
  description: 'REQUESTER asked; BROKER was asked to pass it on; TARGET is the person asked to connect.',
});

@ObjectType({ implements: () => [Node], description: 'A request to be introduced, seen by one of its people.' })
export class Introduction extends Node {
  readonly __typename = 'Introduction';

  introductionId: string;
  requesterId: string;
  targetId: string;
  brokerId: string | null;

  @Field(() => IntroductionStatusView)
  status: IntroductionStatusView;

  @Field(() => IntroductionRole, { description: 'Your part in it.' })
  viewerRole: IntroductionRole;

  @Field({ description: 'Why the person who asked wants to connect.' })
  message: string;

  @Field(() => ConnectionOrigin, { description: 'How they know each other, once connected.' })
  origin: ConnectionOrigin;

  @Field(() => String, {
    nullable: true,
    description: 'What the broker said when passing it on; shown to the broker and the person asked only.',
  })
  brokerNote: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'What the person asked said on answering; the person who asked sees it only on acceptance.',
  })
  responseNote: string | null;

  @Field(() => GraphQLISODateTime)
  createdAt: Date;

  @Field(() => GraphQLISODateTime, { description: 'When an unanswered request lapses.' })
  expiresAt: Date;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When it reached its final state.' })
  closedAt: Date | null;

  @Field({ description: 'Whether it waits for your answer (to pass it on, accept or decline).' })
  awaitingYou: boolean;

  @Field({ description: 'Whether you asked and it is still open, so you can withdraw it.' })
  canWithdraw: boolean;
}

@ObjectType()
export class IntroductionConnection extends Connection(Introduction, 'Introduction') {}
