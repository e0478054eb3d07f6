import { Field, Float, GraphQLISODateTime, Int, ObjectType } from '@nestjs/graphql';
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

@ObjectType('CriterionScore')
export class CriterionScore {
  criterionId: string;

  @Field()
  criterion: string;

  @Field(() => Int)
  score: number;

  @Field(() => Int)
  maxScore: number;

  @Field()
  justification: string;
}

@ObjectType('Assessment', { description: 'One assessor’s scores for an application.' })
export class Assessment {
  @Field({ description: 'The assessor’s name.' })
  assessor: string;

  @Field(() => [CriterionScore])
  scores: CriterionScore[];

  @Field(() => Float, {
    nullable: true,
    description: 'Weighted total out of 100, once every criterion is scored.',
  })
  weightedTotal: number | null;
}

@ObjectType('PanelEntry')
export class PanelEntry {
  @Field(() => Int, { description: '1 for the highest weighted score.' })
  rank: number;

  @Field(() => GrantApplication)
  application: GrantApplication;

  @Field(() => Float, {
    nullable: true,
    description:
      'The mean of the assessors’ weighted totals (each out of 100); null until one has scored it all, and for an officer who declared a conflict of interest on it.',
  })
  weightedScore: number | null;

  @Field(() => Int, { description: 'Assessors who have scored every criterion.' })
  assessors: number;

  @Field(() => Int, { description: 'Assessors who declared a conflict of interest (and so may not score it).' })
  conflictsDeclared: number;

  @Field(() => PenceScalar)
  amountRequested: number;

  @Field(() => PenceScalar, { description: 'Requested by this and every application ranked above it.' })
  cumulativeRequested: number;

  @Field({ description: 'Whether funding everything down to this rank stays within the fund’s remaining budget.' })
  withinRemainingBudget: boolean;
}

@ObjectType('RoundPanel', { description: 'Applications in assessment, ranked, against the remaining budget.' })
export class RoundPanel {
  @Field(() => PenceScalar, { description: 'What the fund can still award.' })
  remainingBudget: number;

  @Field(() => PenceScalar, { description: 'The total requested by the applications ranked.' })
  totalRequested: number;

  @Field(() => [PanelEntry])
  entries: PanelEntry[];
}
