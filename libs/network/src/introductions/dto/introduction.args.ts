import { ArgsType, Field } from '@nestjs/graphql';
import { IsEnum, IsOptional } from 'class-validator';
import { ConnectionArgs } from '@cohesion/common';
import { IntroductionRole, IntroductionStatusView } from '../introduction.model.js';

@ArgsType()
export class MyIntroductionsArgs extends ConnectionArgs {
  @Field(() => IntroductionRole, { nullable: true, description: 'Only those where you have this part.' })
  @IsOptional()
  @IsEnum(IntroductionRole)
  role?: IntroductionRole;

  @Field(() => IntroductionStatusView, { nullable: true, description: 'Only those in this state (as you see it).' })
  @IsOptional()
  @IsEnum(IntroductionStatusView)
  status?: IntroductionStatusView;
}
