import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Length, Max, Min, ValidateNested } from 'class-validator';
import { IsDecimal, IsGlobalIdOf, Trim } from '@cohesion/common';

@InputType({ description: 'Mean scores on 0 to 10 for each ONS4 item; for anxiety, lower is better.' })
export class Ons4Input {
  @Field(() => Float)
  @IsDecimal(2)
  @Min(0)
  @Max(10)
  lifeSatisfaction: number;

  @Field(() => Float)
  @IsDecimal(2)
  @Min(0)
  @Max(10)
  worthwhile: number;

  @Field(() => Float)
  @IsDecimal(2)
  @Min(0)
  @Max(10)
  happiness: number;

  @Field(() => Float)
  @IsDecimal(2)
  @Min(0)
  @Max(10)
  anxiety: number;
}

@InputType()
export class WellbeingInput {
  @Field(() => Int, { description: 'How many people answered both times.' })
  @IsInt()
  @Min(1)
  respondents: number;

  @Field(() => Ons4Input)
  @ValidateNested()
  @Type(() => Ons4Input)
  before: Ons4Input;

  @Field(() => Ons4Input)
  @ValidateNested()
  @Type(() => Ons4Input)
  after: Ons4Input;
}

@InputType()
export class SubmitMonitoringReportInput {
  @Field(() => ID)
  @IsGlobalIdOf('GrantApplication')
  applicationId: string;

  @Field(() => ID, { nullable: true, description: 'Which due report; defaults to the earliest not yet submitted.' })
  @IsOptional()
  @IsGlobalIdOf('MonitoringReport')
  reportId?: string | null;

  @Field(() => Int)
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  participants: number;

  @Field(() => Int)
  @IsInt()
  @Min(0)
  @Max(100_000)
  sessions: number;

  @Field(() => Int)
  @IsInt()
  @Min(0)
  @Max(100_000)
  volunteers: number;

  @Field(() => Float)
  @IsDecimal(1)
  @Min(0)
  @Max(1_000_000)
  volunteerHours: number;

  @Field({ description: 'What happened and what changed (20 to 10,000 characters).' })
  @Trim()
  @IsString()
  @Length(20, 10_000, { message: 'must be 20 to 10,000 characters' })
  narrative: string;

  @Field(() => WellbeingInput, { nullable: true, description: 'ONS4 personal wellbeing before and after, if asked.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => WellbeingInput)
  wellbeing?: WellbeingInput | null;
}
