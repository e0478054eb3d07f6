import { Field, GraphQLISODateTime, Int, ObjectType } from '@nestjs/graphql';
import { Node, PenceScalar } from '@cohesion/common';
import { OrganisationKind } from '@cohesion/directory';

@ObjectType('GrantCriterion', { description: 'A weighted assessment criterion; scores run 0 to maxScore.' })
export class GrantCriterion extends Node {
  criterionId: string;

  @Field(() => Int)
  position: number;

  @Field()
  name: string;

  @Field(() => String, { nullable: true })
  guidance: string | null;

  @Field(() => Int, { description: 'Its weight in the weighted total, relative to the other criteria.' })
  weight: number;

  @Field(() => Int)
  maxScore: number;
}

@ObjectType('GrantRound', {
  implements: () => [Node],
  description: 'A call for applications within a fund: dates, award limits, criteria and eligibility rules.',
})
export class GrantRound extends Node {
  roundId: string;
  fundId: string;

  @Field()
  name: string;

  @Field(() => GraphQLISODateTime)
  opensAt: Date;

  @Field(() => GraphQLISODateTime)
  closesAt: Date;

  @Field(() => PenceScalar)
  minAward: number;

  @Field(() => PenceScalar)
  maxAward: number;

  @Field(() => [OrganisationKind], { description: 'Kinds of organisation that may apply; empty means any.' })
  eligibleKinds: OrganisationKind[];

  @Field(() => [String], { description: 'Names of the areas applicants’ beneficiaries must be in; empty means any.' })
  eligibleAreas: string[];

  @Field(() => PenceScalar, { nullable: true, description: 'The most an applicant may earn in a year, when set.' })
  maxAnnualIncome: number | null;

  @Field(() => [GrantCriterion])
  criteria: GrantCriterion[];

  @Field({ description: 'Whether it is taking applications now.' })
  isOpen: boolean;
}
