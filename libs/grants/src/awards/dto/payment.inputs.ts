import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsInt, Min, ValidateNested } from 'class-validator';
import { IsGlobalIdOf, IsLocalDate, LocalDateScalar, OptionalText, PenceScalar } from '@cohesion/common';

@InputType()
export class TrancheInput {
  @Field(() => PenceScalar)
  @IsInt()
  @Min(1)
  amount: number;

  @Field(() => LocalDateScalar)
  @IsLocalDate()
  dueDate: string;
}

@InputType()
export class SchedulePaymentInput {
  @Field(() => ID)
  @IsGlobalIdOf('GrantApplication')
  applicationId: string;

  @Field(() => [TrancheInput], { description: '1 to 12 tranches; with earlier ones they may not exceed the award.' })
  @ArrayMinSize(1)
  @ArrayMaxSize(12)
  @ValidateNested({ each: true })
  @Type(() => TrancheInput)
  tranches: TrancheInput[];
}

@InputType()
export class MarkPaymentPaidInput {
  @Field(() => ID)
  @IsGlobalIdOf('GrantPayment')
  paymentId: string;

  @Field(() => String, { nullable: true, description: 'The finance system’s reference.' })
  @OptionalText(100)
  reference?: string | null;
}
