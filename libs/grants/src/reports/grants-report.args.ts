import { ArgsType, Field } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsOptional, ValidateNested } from 'class-validator';
import { GrantsReportFilter } from './grants-report.inputs.js';

@ArgsType()
export class GrantsReportArgs {
  @Field(() => GrantsReportFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => GrantsReportFilter)
  filter?: GrantsReportFilter;
}
