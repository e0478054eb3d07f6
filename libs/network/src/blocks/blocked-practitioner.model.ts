import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'Someone you blocked: neither of you sees the other until you unblock them.' })
export class BlockedPractitioner {
  @Field(() => ID, { description: 'Their practitioner id, to unblock them.' })
  practitionerId: string;

  @Field()
  fullName: string;

  @Field(() => GraphQLISODateTime)
  blockedAt: Date;
}
