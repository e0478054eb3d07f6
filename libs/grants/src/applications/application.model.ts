import { Field, GraphQLISODateTime, Int, ObjectType } from '@nestjs/graphql';
import { LocalDateScalar, Node, PenceScalar } from '@cohesion/common';
import { ApplicationStatusEnum } from './application-status.model.js';

@ObjectType('GrantApplication', {
  implements: () => [Node],
  description:
    'An application to a round and, once awarded, the award: amounts in whole pence. Seen by the applicant ' +
    'organisation’s admins and the council’s grants officers; scores only by the officers.',
})
export class GrantApplication extends Node {
  applicationId: string;
  roundId: string;
  fundId: string;
  ownerOrganisationId: string;
  applicantOrganisationId: string;

  @Field(() => ApplicationStatusEnum)
  status: string;

  @Field()
  projectTitle: string;

  @Field()
  summary: string;

  @Field(() => PenceScalar)
  amountRequested: number;

  @Field(() => LocalDateScalar)
  plannedStart: string;

  @Field(() => LocalDateScalar)
  plannedEnd: string;

  @Field(() => Int, { nullable: true })
  expectedParticipants: number | null;

  @Field(() => PenceScalar, { nullable: true, description: 'The applicant’s declared annual income.' })
  annualIncome: number | null;

  @Field(() => String, { nullable: true, description: 'When INELIGIBLE: the round rule it failed, in words.' })
  ineligibleReason: string | null;

  @Field({ description: 'Recorded by a grants officer on the group’s behalf.' })
  recordedByOfficer: boolean;

  @Field(() => GraphQLISODateTime, { nullable: true })
  submittedAt: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  decidedAt: Date | null;

  @Field(() => String, { nullable: true })
  decisionReason: string | null;

  @Field(() => PenceScalar, { nullable: true })
  amountAwarded: number | null;

  @Field(() => LocalDateScalar, { nullable: true })
  awardedAt: string | null;

  @Field(() => PenceScalar, { description: 'Payments made so far.' })
  paid: number;

  @Field(() => PenceScalar, { nullable: true, description: 'Recorded when the award is closed.' })
  actualSpend: number | null;

  @Field(() => PenceScalar, {
    nullable: true,
    description: 'At closure: the part of the award never paid out, returned to the fund.',
  })
  underspendReturned: number | null;

  @Field(() => PenceScalar, {
    nullable: true,
    description: 'At closure: paid out but not spent, to be recovered from the group.',
  })
  repaymentDue: number | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  closedAt: Date | null;

  @Field(() => String, { nullable: true })
  closureNote: string | null;

  @Field(() => [String], { description: 'Beneficiary area names.' })
  beneficiaryAreas: string[];

  @Field(() => GraphQLISODateTime)
  updatedAt: Date;
}
