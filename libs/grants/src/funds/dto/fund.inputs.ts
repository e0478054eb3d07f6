import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { IsGlobalIdOf, OptionalText, PenceScalar, Trim } from '@cohesion/common';

@InputType()
export class CreateFundInput {
  @Field(() => ID, { description: 'The council that runs it (an organisation of kind LOCAL_AUTHORITY).' })
  @IsGlobalIdOf('Organisation')
  ownerOrganisationId: string;

  @Field()
  @Trim()
  @IsString()
  @Length(3, 200)
  name: string;

  @Field({ description: 'The council’s code for the programme, e.g. WAL-CMG.' })
  @Trim()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9/_.-]{0,39}$/, {
    message: 'must be 1 to 40 letters, digits, dots, slashes, hyphens or underscores',
  })
  programmeCode: string;

  @Field({ description: 'UK financial year, April to March, written 2026-27.' })
  @Matches(/^20\d{2}-\d{2}$/, { message: 'must be a financial year written like 2026-27' })
  financialYear: string;

  @Field(() => PenceScalar, { description: 'In whole pence: GBP 87,000 is 8700000.' })
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  budget: number;

  @Field(() => String, { nullable: true })
  @OptionalText(4000)
  description?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Cohesion themes the fund is for.' })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsGlobalIdOf('TaxonomyTerm', { each: true })
  themeIds?: string[];

  @Field(() => [ID], { nullable: true, description: 'Areas the fund covers.' })
  @IsOptional()
  @ArrayMaxSize(50)
  @IsGlobalIdOf('Area', { each: true })
  areaIds?: string[];

  @Field(() => String, {
    nullable: true,
    description: 'The council’s 360Giving publisher prefix (e.g. 360G-walsall); grant ids are <prefix>-<award id>.',
  })
  @IsOptional()
  @Matches(/^360G-[A-Za-z0-9][A-Za-z0-9-]{0,54}$/, { message: 'must be a 360Giving prefix such as 360G-walsall' })
  grantIdPrefix?: string | null;
}
