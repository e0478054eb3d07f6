import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum } from 'class-validator';
import { IsGlobalIdOf } from '@cohesion/common';
import { PartnershipKind } from '../partnership.model.js';

@InputType()
export class ProposePartnershipInput {
  @Field(() => ID, { description: 'Your organisation (you must be one of its admins).' })
  @IsGlobalIdOf('Organisation')
  organisationId: string;

  @Field(() => ID, { description: 'The other organisation, whose admins confirm.' })
  @IsGlobalIdOf('Organisation')
  partnerId: string;

  @Field(() => PartnershipKind, { description: 'MEMBER_OF: your organisation is a member of the partner.' })
  @IsEnum(PartnershipKind)
  kind: PartnershipKind;
}
