import { Field, ID, InputType, Int, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Max,
  Min,
} from 'class-validator';
import { IsGlobalIdOf, IsLocalDate, LocalDateScalar, OptionalText, PenceScalar, Trim } from '@cohesion/common';

@InputType()
export class SubmitApplicationInput {
  @Field(() => ID)
  @IsGlobalIdOf('GrantRound')
  roundId: string;

  @Field(() => ID, { description: 'The group applying. Its admins apply; a grants officer may record it for them.' })
  @IsGlobalIdOf('Organisation')
  applicantOrganisationId: string;

  @Field()
  @Trim()
  @IsString()
  @Length(3, 200)
  projectTitle: string;

  @Field({ description: 'What the project will do, for whom (20 to 4,000 characters).' })
  @Trim()
  @IsString()
  @Length(20, 4000, { message: 'must be 20 to 4,000 characters' })
  summary: string;

  @Field(() => PenceScalar)
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  amountRequested: number;

  @Field(() => LocalDateScalar)
  @IsLocalDate()
  plannedStart: string;

  @Field(() => LocalDateScalar)
  @IsLocalDate()
  plannedEnd: string;

  @Field(() => [ID], { description: 'Where the people who benefit live: 1 to 20 areas.' })
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsGlobalIdOf('Area', { each: true })
  beneficiaryAreaIds: string[];

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(10)
  @IsGlobalIdOf('TaxonomyTerm', { each: true })
  themeIds?: string[];

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  expectedParticipants?: number | null;

  @Field(() => PenceScalar, { nullable: true, description: 'The group’s income over its last year.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  annualIncome?: number | null;

  @Field({ nullable: true, defaultValue: false, description: 'Save as a DRAFT instead of submitting now.' })
  @IsOptional()
  @IsBoolean()
  draft?: boolean;
}

export enum Decision {
  AWARD = 'AWARD',
  DECLINE = 'DECLINE',
}
registerEnumType(Decision, { name: 'Decision' });

@InputType()
export class DecideApplicationInput {
  @Field(() => ID)
  @IsGlobalIdOf('GrantApplication')
  applicationId: string;

  @Field(() => Decision)
  @IsEnum(Decision)
  decision: Decision;

  @Field(() => PenceScalar, {
    nullable: true,
    description: 'For AWARD: the amount, up to the amount requested (a partial award); defaults to all of it.',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  amount?: number | null;

  @Field(() => String, { nullable: true, description: 'The reason; required to decline.' })
  @OptionalText(2000)
  reason?: string | null;

  @Field(() => [LocalDateScalar], {
    nullable: true,
    description:
      'For AWARD: when monitoring reports are due. Defaults to a final report 30 days after the planned end, ' +
      'and a mid-point report too for projects over six months.',
  })
  @IsOptional()
  @ArrayMaxSize(12)
  @IsLocalDate({ each: true })
  @Type(() => String)
  reportDueDates?: string[] | null;
}

@InputType()
export class WithdrawApplicationInput {
  @Field(() => ID)
  @IsGlobalIdOf('GrantApplication')
  applicationId: string;

  @Field(() => String, { nullable: true })
  @OptionalText(2000)
  reason?: string | null;
}
