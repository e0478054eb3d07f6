import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { Trim } from '@cohesion/common';

@ArgsType()
export class LiftSuspensionArgs {
  @Field(() => ID, { description: 'The Account id, or the Practitioner id of the same person.' })
  @IsString()
  @MaxLength(120)
  accountId: string;
}

@ArgsType()
export class SuspendAccountArgs extends LiftSuspensionArgs {
  @Field({ description: 'Why: kept in the audit trail, never shown to the person.' })
  @Trim()
  @IsNotEmpty({ message: 'is required' })
  @MaxLength(500)
  reason: string;
}
