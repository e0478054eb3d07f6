import { ArgsType, Field } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsOptional, ValidateNested } from 'class-validator';
import { ConnectionArgs } from '@cohesion/common';
import { TaxonomyTermsFilter } from './taxonomy.inputs.js';

@ArgsType()
export class TaxonomyTermsArgs extends ConnectionArgs {
  @Field(() => TaxonomyTermsFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => TaxonomyTermsFilter)
  filter?: TaxonomyTermsFilter;
}
