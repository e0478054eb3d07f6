import { ArgsType, Field } from '@nestjs/graphql';
import { IsOptional, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { ConnectionArgs } from '@cohesion/common';
import { MyConnectionsFilter } from './connection.inputs.js';

@ArgsType()
export class MyConnectionsArgs extends ConnectionArgs {
  @Field(() => MyConnectionsFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => MyConnectionsFilter)
  filter?: MyConnectionsFilter;
}
