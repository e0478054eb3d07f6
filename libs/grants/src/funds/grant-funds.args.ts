import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsOptional } from 'class-validator';
import { IsGlobalIdOf } from '@cohesion/common';

@ArgsType()
export class GrantFundsArgs {
  @Field(() => ID, { nullable: true, description: 'Only this council’s funds.' })
  @IsOptional()
  @IsGlobalIdOf('Organisation')
  councilId?: string;
}
