import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'The shortest chain of connections from you to someone.' })
export class IntroductionPath {
  @Field(() => Int, { description: 'Connections between you and them (1: you are connected).' })
  hops: number;

  /** Practitioner ids from the viewer to the target, both included. */
  practitionerIds: string[];
}
