import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsOptional } from 'class-validator';
import { IsGlobalIdOf } from '@cohesion/common';

@ArgsType()
export class OverdueReportsArgs {
  @Field(() => ID, { nullable: true, description: 'Only this fund’s awards.' })
  @IsOptional()
  @IsGlobalIdOf('GrantFund')
  fundId?: string;
}
