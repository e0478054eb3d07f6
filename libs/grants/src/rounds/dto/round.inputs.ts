import { Field, GraphQLISODateTime, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsDate,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsGlobalIdOf, OptionalText, PenceScalar, Trim } from '@cohesion/common';
import { OrganisationKind } from '@cohesion/directory';

@InputType()
export class CriterionInput {
  @Field()
  @Trim()
  @IsString()
  @Length(2, 200)
  name: string;

  @Field(() => String, { nullable: true, description: 'What assessors look for.' })
  @OptionalText(2000)
  guidance?: string | null;

  @Field(() => Int, { description: '1 to 100, relative to the other criteria.' })
  @IsInt()
  @Min(1)
  @Max(100)
  weight: number;

  @Field(() => Int, { description: 'Scores run 0 to this (1 to 100).' })
  @IsInt()
  @Min(1)
  @Max(100)
  maxScore: number;
}

@InputType()
export class CreateRoundInput {
  @Field(() => ID)
  @IsGlobalIdOf('GrantFund')
  fundId: string;

  @Field()
  @Trim()
  @IsString()
  @Length(3, 200)
  name: string;

  @Field(() => GraphQLISODateTime)
  @IsDate()
  opensAt: Date;

  @Field(() => GraphQLISODateTime)
  @IsDate()
  closesAt: Date;

  @Field(() => PenceScalar)
  @IsInt()
  @Min(0)
  minAward: number;

  @Field(() => PenceScalar)
  @IsInt()
  @Min(1)
  maxAward: number;

  @Field(() => [CriterionInput], { description: '1 to 20 weighted criteria, in the order assessors see them.' })
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => CriterionInput)
  criteria: CriterionInput[];

  @Field(() => [OrganisationKind], { nullable: true, description: 'Kinds that may apply; leave out for any.' })
  @IsOptional()
  @ArrayMaxSize(10)
  @IsEnum(OrganisationKind, { each: true })
  eligibleKinds?: OrganisationKind[];

  @Field(() => [ID], {
    nullable: true,
    description: 'Beneficiaries must be in these areas (or places inside them); leave out for anywhere.',
  })
  @IsOptional()
  @ArrayMaxSize(50)
  @IsGlobalIdOf('Area', { each: true })
  eligibleAreaIds?: string[];

  @Field(() => PenceScalar, { nullable: true, description: 'Applicants must declare an annual income at most this.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  maxAnnualIncome?: number | null;
}
