import { ArgsType, Field } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsOptional, ValidateNested } from 'class-validator';
import { ConnectionArgs } from '@cohesion/common';
import { ServicesFilter } from './service.inputs.js';

@ArgsType()
export class ServicesArgs extends ConnectionArgs {
  @Field(() => ServicesFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => ServicesFilter)
  filter?: ServicesFilter;
}
