import { Field, ID, InputType } from '@nestjs/graphql';
import { IsBoolean, IsOptional } from 'class-validator';
import { OptionalIdsOf } from '@cohesion/common';

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
