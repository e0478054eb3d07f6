import { ArgsType, Field } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsOptional, ValidateNested } from 'class-validator';
import { ConnectionArgs } from '@cohesion/common';
import { AreasFilter } from './area.inputs.js';

@ArgsType()
export class AreasArgs extends ConnectionArgs {
  @Field(() => AreasFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => AreasFilter)
  filter?: AreasFilter;
}
