import { ArgsType, Field } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsOptional, ValidateNested } from 'class-validator';
import { ConnectionArgs } from '@cohesion/common';
import { OrganisationsFilter } from './organisation.inputs.js';

@ArgsType()
export class OrganisationsArgs extends ConnectionArgs {
  @Field(() => OrganisationsFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => OrganisationsFilter)
  filter?: OrganisationsFilter;
}
