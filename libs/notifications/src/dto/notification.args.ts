import { ArgsType, Field } from '@nestjs/graphql';
import { IsBoolean, IsOptional } from 'class-validator';
import { ConnectionArgs } from '@cohesion/common';

@ArgsType()
export class MyNotificationsArgs extends ConnectionArgs {
  @Field({ nullable: true, defaultValue: false, description: 'Only those not yet read.' })
  @IsOptional()
  @IsBoolean()
  unreadOnly: boolean = false;
}
