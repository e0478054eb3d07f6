import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsEnum, IsOptional, ValidateBy } from 'class-validator';
import type { ValidationOptions } from 'class-validator';
import { IsGlobalIdOf } from '@cohesion/common';
import { OrganisationKind } from '@cohesion/directory';
import type { ApplicationStatus } from '../applications/application.entity.js';
import { ApplicationStatusEnum } from '../applications/application-status.model.js';

/** "2026-27": a UK financial year, April to March, its second year the first plus one. */
export function isFinancialYear(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = /^(\d{4})-(\d{2})$/.exec(value);
  return match !== null && (Number(match[1]) + 1) % 100 === Number(match[2]);
}

export function IsFinancialYear(options: ValidationOptions = {}): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isFinancialYear',
      validator: {
        validate: (value: unknown) => isFinancialYear(value),
        defaultMessage: () => 'must be a financial year written like 2026-27',
      },
    },
    options,
  );
}

export const REPORT_FILTER_LIMITS = { funds: 100, councils: 50, financialYears: 20 } as const;

@InputType('GrantsReportFilter', {
  description:
    'Every filter narrows the report; an absent or empty list means no limit. Drafts are left out unless ' +
    'statuses names DRAFT.',
})
export class GrantsReportFilter {
  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(REPORT_FILTER_LIMITS.funds)
  @IsGlobalIdOf('GrantFund', { each: true })
  fundIds?: string[];

  @Field(() => [ID], {
    nullable: true,
    description:
      'Councils whose funds to report on; each must be one you are a grants officer of (FORBIDDEN otherwise).',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(REPORT_FILTER_LIMITS.councils)
  @IsGlobalIdOf('Organisation', { each: true })
  councilIds?: string[];

  @Field(() => [String], { nullable: true, description: 'Funds of these financial years, written like 2026-27.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(REPORT_FILTER_LIMITS.financialYears)
  @IsFinancialYear({ each: true })
  financialYears?: string[];

  @Field(() => ID, {
    nullable: true,
    description: 'Applications with a beneficiary area in this area or anywhere inside it.',
  })
  @IsOptional()
  @IsGlobalIdOf('Area')
  areaId?: string;

  @Field(() => ID, { nullable: true, description: 'Applications with this theme or any narrower one.' })
  @IsOptional()
  @IsGlobalIdOf('TaxonomyTerm')
  themeId?: string;

  @Field(() => [OrganisationKind], { nullable: true, description: 'Applicants of these kinds.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(Object.keys(OrganisationKind).length)
  @IsEnum(OrganisationKind, { each: true })
  organisationKinds?: OrganisationKind[];

  @Field(() => [ApplicationStatusEnum], { nullable: true, description: 'Applications in these states.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(Object.keys(ApplicationStatusEnum).length)
  @IsEnum(ApplicationStatusEnum, { each: true })
  statuses?: ApplicationStatus[];
}
