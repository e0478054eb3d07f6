import { Field, Float, GraphQLISODateTime, Int, ObjectType } from '@nestjs/graphql';
import { LocalDateScalar, Node } from '@cohesion/common';
import { GrantApplication } from '../applications/application.model.js';

@ObjectType('Ons4Scores', {
  description:
    'The ONS4 personal wellbeing items, each a mean on 0 to 10, kept separate and never summed. For anxiety, ' +
    'lower is better.',
})
export class Ons4Scores {
  @Field(() => Float, { nullable: true })
  lifeSatisfaction: number | null;

  @Field(() => Float, { nullable: true })
  worthwhile: number | null;

  @Field(() => Float, { nullable: true })
  happiness: number | null;

  @Field(() => Float, { nullable: true })
  anxiety: number | null;
}

@ObjectType('MonitoringReport', { implements: () => [Node], description: 'A report due on an award.' })
export class MonitoringReport extends Node {
  reportId: string;
  applicationId: string;

  @Field()
  title: string;

  @Field(() => LocalDateScalar)
  dueDate: string;

  @Field(() => GraphQLISODateTime, { nullable: true })
  submittedAt: Date | null;

  @Field({ description: 'Due before today and not submitted.' })
  overdue: boolean;

  @Field(() => Int, { nullable: true })
  participants: number | null;

  @Field(() => Int, { nullable: true })
  sessions: number | null;

  @Field(() => Int, { nullable: true })
  volunteers: number | null;

  @Field(() => Float, { nullable: true })
  volunteerHours: number | null;

  @Field(() => String, { nullable: true })
  narrative: string | null;

  @Field(() => Int, { nullable: true, description: 'How many people answered the wellbeing questions.' })
  wellbeingRespondents: number | null;

  @Field(() => Ons4Scores, { nullable: true })
  wellbeingBefore: Ons4Scores | null;

  @Field(() => Ons4Scores, { nullable: true })
  wellbeingAfter: Ons4Scores | null;
}

@ObjectType('OverdueReport')
export class OverdueReport {
  @Field(() => MonitoringReport)
  report: MonitoringReport;

  @Field(() => GrantApplication)
  award: GrantApplication;

  @Field(() => Int)
  daysOverdue: number;
}
