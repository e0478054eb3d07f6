import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString, MaxLength } from 'class-validator';
import { ConnectionArgs, OptionalText } from '@cohesion/common';
import { MisuseOutcome, MisuseReason, MisuseReportStatus } from '../misuse-report.model.js';

export const MISUSE_DETAILS_MAX_LENGTH = 2000;

@InputType()
export class ReportMisuseInput {
  @Field(() => ID, { nullable: true, description: 'The profile reported (give this or organisationId).' })
  @IsOptional()
  @IsString()
  @MaxLength(120)
  practitionerId?: string;

  @Field(() => ID, { nullable: true, description: 'The organisation reported (give this or the profile’s id).' })
  @IsOptional()
  @IsString()
  @MaxLength(120)
  organisationId?: string;

  @Field(() => MisuseReason)
  @IsEnum(MisuseReason, { message: 'is not a reason we know' })
  reason: MisuseReason;

  @Field(() => String, {
    nullable: true,
    description: `What happened, up to ${MISUSE_DETAILS_MAX_LENGTH} characters; needed when the reason is OTHER.`,
  })
  @OptionalText(MISUSE_DETAILS_MAX_LENGTH)
  details?: string;
}

@ArgsType()
export class MisuseReportsArgs extends ConnectionArgs {
  @Field(() => MisuseReportStatus, { nullable: true, description: 'Only reports in this state.' })
  @IsOptional()
  @IsEnum(MisuseReportStatus)
  status?: MisuseReportStatus;
}

@ArgsType()
export class ResolveMisuseReportArgs {
  @Field(() => ID)
  @IsString()
  @MaxLength(120)
  id: string;

  @Field(() => MisuseOutcome)
  @IsEnum(MisuseOutcome, { message: 'is not an outcome we know' })
  outcome: MisuseOutcome;
}
