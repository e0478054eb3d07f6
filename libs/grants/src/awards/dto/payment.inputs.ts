import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsInt, IsOptional, Min, ValidateNested } from 'class-validator';
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

@InputType()
export class CloseAwardInput {
  @Field(() => ID)
  @IsGlobalIdOf('GrantApplication')
  applicationId: string;

  @Field(() => PenceScalar, { description: 'What the group spent, at most what it has been paid.' })
  @IsInt()
  @Min(0)
  actualSpend: number;

  @Field({ nullable: true, defaultValue: false, description: 'CLOSED_EARLY rather than COMPLETED.' })
  @IsOptional()
  @IsBoolean()
  early?: boolean;

  @Field(() => String, { nullable: true })
  @OptionalText(2000)
  note?: string | null;
}
