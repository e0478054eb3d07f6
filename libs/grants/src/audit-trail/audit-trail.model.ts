import { Field, GraphQLISODateTime, ObjectType } from '@nestjs/graphql';

@ObjectType('AuditTrailEntry', { description: 'One change: who, what, before and after (as JSON text), when.' })
export class AuditTrailEntry {
  @Field(() => GraphQLISODateTime)
  at: Date;

  @Field({ description: 'What kind of record changed: GrantFund, GrantRound, GrantApplication or GrantPayment.' })
  entityType: string;

  @Field()
  action: string;

  @Field(() => String, { nullable: true, description: 'The name of the person who made it; null for the system.' })
  actor: string | null;

  @Field(() => String, { nullable: true })
  before: string | null;

  @Field(() => String, { nullable: true })
  after: string | null;
}
