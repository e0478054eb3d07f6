import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsInt,
  IsString,
  Length,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsGlobalIdOf, OptionalText, Trim } from '@cohesion/common';

@InputType()
export class DeclareConflictInput {
  @Field(() => ID)
  @IsGlobalIdOf('GrantApplication')
  applicationId: string;

  @Field({ description: 'True if you have a conflict of interest; you then may not score this application.' })
  @IsBoolean()
  hasConflict: boolean;

  @Field(() => String, { nullable: true, description: 'What the conflict is; required when there is one.' })
  @OptionalText(2000)
  details?: string | null;
}

@InputType()
export class CriterionScoreInput {
  @Field(() => ID)
  @IsGlobalIdOf('GrantCriterion')
  criterionId: string;

  @Field(() => Int, { description: '0 to the criterion’s maxScore.' })
  @IsInt()
  @Min(0)
  @Max(100)
  score: number;

  @Field({ description: 'Why this score (10 to 2,000 characters).' })
  @Trim()
  @IsString()
  @Length(10, 2000, { message: 'must be 10 to 2,000 characters' })
  justification: string;
}

@InputType()
export class ScoreApplicationInput {
  @Field(() => ID)
  @IsGlobalIdOf('GrantApplication')
  applicationId: string;

  @Field(() => [CriterionScoreInput], {
    description: 'Scores for some or all criteria; each replaces your earlier one.',
  })
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => CriterionScoreInput)
  scores: CriterionScoreInput[];
}
