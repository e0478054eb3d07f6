import { ArgsType, Field } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsEnum, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { ConnectionArgs } from '@cohesion/common';
import { SearchFilter, SearchSort } from './search.inputs.js';

@ArgsType()
export class SearchArgs extends ConnectionArgs {
  @Field(() => String, {
    nullable: true,
    description: 'Words to look for. Quotes keep a phrase, "or" allows either, a leading "-" excludes a word.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  query?: string | null;

  @Field(() => SearchFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => SearchFilter)
  filter?: SearchFilter;

  @Field(() => SearchSort, { nullable: true, defaultValue: SearchSort.RELEVANCE })
  @IsOptional()
  @IsEnum(SearchSort)
  sort?: SearchSort;
}
