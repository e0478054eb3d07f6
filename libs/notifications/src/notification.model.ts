import { Field, GraphQLISODateTime, ObjectType } from '@nestjs/graphql';
import { Connection, Node } from '@cohesion/common';

@ObjectType({ implements: () => [Node], description: 'Something that happened that you should know about.' })
export class Notification extends Node {
  readonly __typename = 'Notification';

  /** The uuid, for the resolvers. */
  notificationId: string;

  @Field({ description: 'What kind of event, e.g. INTRODUCTION_REQUESTED.' })
  kind: string;

  @Field()
  subject: string;

  @Field()
  body: string;

  @Field(() => String, { nullable: true, description: 'Where in the product to act on it.' })
  link: string | null;

  @Field(() => GraphQLISODateTime)
  createdAt: Date;

  @Field(() => GraphQLISODateTime, { nullable: true })
  readAt: Date | null;

  @Field()
  read: boolean;
}

@ObjectType()
export class NotificationConnection extends Connection(Notification, 'Notification') {}
