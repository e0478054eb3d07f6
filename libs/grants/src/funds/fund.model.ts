import { Field, GraphQLISODateTime, Int, ObjectType } from '@nestjs/graphql';
import { Node, PenceScalar, UuidField } from '@cohesion/common';

@ObjectType('ApplicationStatusCount', { description: 'How many of a fund’s applications are in one state.' })
export class ApplicationStatusCount {
  @Field(() => String, { description: 'An ApplicationStatus.' })
  status: string;

  @Field(() => Int)
  count: number;
}

@ObjectType('GrantFund', {
  implements: () => [Node],
  description:
    'A council’s grants budget for one financial year. Amounts are whole pence; committed is what live awards ' +
    'hold (less underspend returned at closure), paid what has gone out, remaining what can still be awarded.',
})
export class GrantFund extends Node {
  /** The uuid, for field resolvers. */
  @UuidField('/grants/360giving/funds/{id}')
  fundId: string;
  ownerOrganisationId: string;

  @Field()
  name: string;

  @Field({ description: 'The council’s code for the programme (the 360Giving grant programme code).' })
  programmeCode: string;

  @Field({ description: 'UK financial year, April to March, e.g. 2026-27.' })
  financialYear: string;

  @Field(() => String, { nullable: true })
  description: string | null;

  @Field(() => PenceScalar)
  budget: number;

  @Field(() => PenceScalar, { description: 'The sum of live and completed awards (completed ones at actual spend).' })
  committed: number;

  @Field(() => PenceScalar, { description: 'The sum of payments made.' })
  paid: number;

  @Field(() => PenceScalar, { description: 'Budget less committed: what can still be awarded.' })
  remaining: number;

  @Field({ description: 'The publisher prefix of this fund’s 360Giving grant identifiers.' })
  grantIdPrefix: string;

  @Field(() => GraphQLISODateTime)
  createdAt: Date;
}
