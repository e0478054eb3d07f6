import { ArgsType, Field } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsOptional, ValidateNested } from 'class-validator';
import { ConnectionArgs } from '@cohesion/common';
import { PractitionersFilter } from './practitioner.inputs.js';

@ArgsType()
export class PractitionersArgs extends ConnectionArgs {
  @Field(() => PractitionersFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => PractitionersFilter)
  filter?: PractitionersFilter;
}
