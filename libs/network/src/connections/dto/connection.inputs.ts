import { Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional } from 'class-validator';
import { IsGlobalIdOf, OptionalText, OptionalIdsOf } from '@cohesion/common';

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
  @OptionalIdsOf('Area', 50)
  areaIds?: string[];

  @Field(() => [ID], { nullable: true, description: 'People with expertise in these themes (or narrower ones).' })
  @OptionalIdsOf('TaxonomyTerm', 50)
  themeIds?: string[];

  @Field({ nullable: true })
  @OptionalText(120)
  nameContains?: string;
}
