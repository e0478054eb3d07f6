import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsOptional, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { ConnectionArgs, IsGlobalIdOf, OptionalText } from '@cohesion/common';

@InputType()
export class MyConnectionsFilter {
  @Field(() => ID, { nullable: true, description: 'People currently working there.' })
  @IsOptional()
  @IsGlobalIdOf('Organisation')
  organisationId?: string;

  @Field(() => [ID], {
    nullable: true,
    description:
      'People placed in these areas (or places inside them): covering them, or working now at an organisation that serves them.',
  })
  @IsOptional()
  @ArrayMaxSize(50)
  @IsGlobalIdOf('Area', { each: true })
  areaIds?: string[];

  @Field(() => [ID], { nullable: true, description: 'People with expertise in these themes (or narrower ones).' })
  @IsOptional()
  @ArrayMaxSize(50)
  @IsGlobalIdOf('TaxonomyTerm', { each: true })
  themeIds?: string[];

  @Field({ nullable: true })
  @OptionalText(120)
  nameContains?: string;
}

@ArgsType()
export class MyConnectionsArgs extends ConnectionArgs {
  @Field(() => MyConnectionsFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => MyConnectionsFilter)
  filter?: MyConnectionsFilter;
}
