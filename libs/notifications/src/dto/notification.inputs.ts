import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { IsBoolean, IsOptional } from 'class-validator';
import { ConnectionArgs, OptionalIdsOf } from '@cohesion/common';

@ArgsType()
export class MyNotificationsArgs extends ConnectionArgs {
  @Field({ nullable: true, defaultValue: false, description: 'Only those not yet read.' })
  @IsOptional()
  @IsBoolean()
  unreadOnly: boolean = false;
}

@InputType()
export class MarkNotificationsReadInput {
  @Field(() => [ID], { nullable: true, description: 'These notifications.' })
  @OptionalIdsOf('Notification', 100)
  ids?: string[];

  @Field({ nullable: true, description: 'Every notification you have.' })
  @IsOptional()
  @IsBoolean()
  all?: boolean;
}
