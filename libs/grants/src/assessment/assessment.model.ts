import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { PenceScalar } from '@cohesion/common';
import { GrantApplication } from '../applications/application.model.js';

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
