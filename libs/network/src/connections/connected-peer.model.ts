import { Field, GraphQLISODateTime, ObjectType } from '@nestjs/graphql';
import { Connection } from '@cohesion/common';
import { ConnectionOrigin } from './connection-origin.js';

@ObjectType({ description: 'Someone you are connected with.' })
export class ConnectedPeer {
  practitionerId: string;

  @Field(() => ConnectionOrigin, { description: 'How you came to be connected.' })
  origin: ConnectionOrigin;

  @Field(() => GraphQLISODateTime, { description: 'Connected since.' })
  since: Date;
}

@ObjectType()
export class ConnectedPeerConnection extends Connection(ConnectedPeer, 'ConnectedPeer') {}
