import { Field, GraphQLISODateTime, ObjectType, registerEnumType } from '@nestjs/graphql';
import { LocalDateScalar, Node, PenceScalar } from '@cohesion/common';

export enum PaymentStatusEnum {
  SCHEDULED = 'SCHEDULED',
  PAID = 'PAID',
  CANCELLED = 'CANCELLED',
}
registerEnumType(PaymentStatusEnum, {
  name: 'PaymentStatus',
  description: 'CANCELLED: left unpaid when the award closed or was withdrawn.',
});

@ObjectType('GrantPayment', { implements: () => [Node], description: 'A tranche of an award.' })
export class GrantPayment extends Node {
  paymentId: string;
  applicationId: string;

  @Field(() => PenceScalar)
  amount: number;

  @Field(() => LocalDateScalar)
  dueDate: string;

  @Field(() => PaymentStatusEnum)
  status: PaymentStatusEnum;

  @Field(() => GraphQLISODateTime, { nullable: true })
  paidAt: Date | null;

  @Field(() => String, { nullable: true, description: 'The finance system’s reference.' })
  reference: string | null;
}
