import { Field, ID, InputType } from '@nestjs/graphql';
import { IsNotEmpty, IsOptional, Matches, MaxLength } from 'class-validator';
import { IsGlobalIdOf, OptionalText, Trim } from '@cohesion/common';

const CODE = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const CODE_MESSAGE = 'must be lower-case words joined by hyphens, e.g. hate-crime';

@InputType()
export class TaxonomyTermsFilter {
  @Field({ nullable: true, description: 'Code of the taxonomy, e.g. cohesion-themes or service-types.' })
  @IsOptional()
  @MaxLength(60)
  taxonomy?: string;

  @Field(() => ID, { nullable: true, description: 'Only the direct children of this term.' })
  @IsOptional()
  @IsGlobalIdOf('TaxonomyTerm')
  parentId?: string;

  @Field({ nullable: true, description: 'Only top-level terms.' })
  @IsOptional()
  topOnly?: boolean;

  @Field({ nullable: true })
  @OptionalText(120)
  nameContains?: string;
}

@InputType()
export class CreateTaxonomyTermInput {
  @Field({ description: 'Code of the taxonomy the term belongs to.' })
  @IsNotEmpty({ message: 'is required' })
  @MaxLength(60)
  taxonomy: string;

  @Field()
  @Trim()
  @Matches(CODE, { message: CODE_MESSAGE })
  @MaxLength(60)
  code: string;

  @Field()
  @Trim()
  @IsNotEmpty({ message: 'is required' })
  @MaxLength(120)
  name: string;

  @Field(() => String, { nullable: true })
  @OptionalText(2000)
  description?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsGlobalIdOf('TaxonomyTerm')
  parentId?: string | null;
}

@InputType()
export class UpdateTaxonomyTermInput {
  @Field(() => ID)
  @IsGlobalIdOf('TaxonomyTerm')
  id: string;

  @Field({ nullable: true })
  @Trim()
  @IsOptional()
  @IsNotEmpty({ message: 'cannot be blank' })
  @MaxLength(120)
  name?: string;

  @Field(() => String, { nullable: true })
  @OptionalText(2000)
  description?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsGlobalIdOf('TaxonomyTerm')
  parentId?: string | null;
}
