import { Field, ID, InputType, Int, OmitType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsEnum,
  IsInt,
  IsNotEmpty,
  IsOptional,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  IsGlobalIdOf,
  IsLocalDate,
  LocalDateScalar,
  LocalTimeScalar,
  OptionalEmail,
  OptionalPhone,
  OptionalText,
  OptionalWebsite,
  Trim,
  UpdateInputType,
  OptionalIdsOf,
  OptionalLanguageCodes,
} from '@cohesion/common';
import { ListingVisibility } from '../../shared/shared.models.js';
import { GeoPointInput, PostalAddressInput } from '../../shared/shared.inputs.js';
import { LocationType, ScheduleFrequency, ServiceStatus } from '../service.model.js';

const DAY = '(-?[1-5])?(MO|TU|WE|TH|FR|SA|SU)';
export const BYDAY = new RegExp(`^${DAY}(,${DAY})*$`);

@InputType()
export class CostOptionInput {
  @Field(() => String, { nullable: true })
  @OptionalText(200)
  option?: string | null;

  @Field(() => Int, { nullable: true, description: 'Price in pence; 0 for free.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000_000)
  amountPence?: number | null;

  @Field(() => String, { nullable: true })
  @OptionalText(500)
  amountDescription?: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  @IsOptional()
  @IsLocalDate()
  validFrom?: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  @IsOptional()
  @IsLocalDate()
  validTo?: string | null;
}

@InputType()
export class ScheduleInput {
  @Field(() => ScheduleFrequency, { nullable: true })
  @IsOptional()
  @IsEnum(ScheduleFrequency)
  freq?: ScheduleFrequency | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(52)
  interval?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'iCal days: "MO,WE"; monthly may prefix an occurrence, "2TU", "-1FR".',
  })
  @Trim()
  @IsOptional()
  @Matches(BYDAY, { message: 'must be iCal days such as MO,WE or 2TU' })
  @MaxLength(60)
  byday?: string | null;

  @Field(() => LocalTimeScalar, { nullable: true })
  @IsOptional()
  opensAt?: string | null;

  @Field(() => LocalTimeScalar, { nullable: true })
  @IsOptional()
  closesAt?: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  @IsOptional()
  @IsLocalDate()
  validFrom?: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  @IsOptional()
  @IsLocalDate()
  validTo?: string | null;

  @Field(() => String, { nullable: true })
  @OptionalText(1000)
  description?: string | null;
}

@InputType()
export class ServiceLocationInput {
  @Field(() => LocationType, { nullable: true, defaultValue: LocationType.PHYSICAL })
  @IsOptional()
  @IsEnum(LocationType)
  locationType?: LocationType;

  @Field(() => String, { nullable: true })
  @OptionalText(200)
  name?: string | null;

  @Field(() => String, { nullable: true })
  @OptionalText(2000)
  description?: string | null;

  @Field(() => PostalAddressInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => PostalAddressInput)
  address?: PostalAddressInput | null;

  @Field(() => GeoPointInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => GeoPointInput)
  location?: GeoPointInput | null;

  @Field(() => ID, { nullable: true, description: 'The ward or locality the place is in.' })
  @IsOptional()
  @IsGlobalIdOf('Area')
  areaId?: string | null;
}

@InputType()
export class ServiceContactInput {
  @Field(() => String, { nullable: true })
  @OptionalText(120)
  name?: string | null;

  @Field(() => String, { nullable: true })
  @OptionalText(120)
  title?: string | null;

  @Field(() => String, { nullable: true })
  @OptionalEmail()
  email?: string | null;

  @Field(() => String, { nullable: true })
  @OptionalPhone()
  phone?: string | null;
}

@InputType()
export class CreateServiceInput {
  @Field(() => ID, { description: 'The organisation that delivers it; you must be one of its admins.' })
  @IsGlobalIdOf('Organisation')
  organisationId: string;

  @Field()
  @Trim()
  @IsNotEmpty({ message: 'is required' })
  @MaxLength(200)
  name: string;

  @Field(() => String, { nullable: true })
  @OptionalText(10_000)
  description?: string | null;

  @Field(() => ServiceStatus, { nullable: true, defaultValue: ServiceStatus.ACTIVE })
  @IsOptional()
  @IsEnum(ServiceStatus)
  status?: ServiceStatus;

  @Field(() => String, { nullable: true })
  @OptionalWebsite()
  url?: string | null;

  @Field(() => String, { nullable: true })
  @OptionalEmail()
  email?: string | null;

  @Field(() => String, { nullable: true })
  @OptionalText(2000)
  fees?: string | null;

  @Field(() => String, { nullable: true })
  @OptionalText(4000)
  eligibilityDescription?: string | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(130)
  minimumAge?: number | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(130)
  maximumAge?: number | null;

  @Field(() => [String], { nullable: true })
  @OptionalLanguageCodes()
  languages?: string[];

  @Field(() => LocalDateScalar, { nullable: true })
  @IsOptional()
  @IsLocalDate()
  assuredDate?: string | null;

  @Field(() => ListingVisibility, { nullable: true, defaultValue: ListingVisibility.PUBLIC })
  @IsOptional()
  @IsEnum(ListingVisibility)
  visibility?: ListingVisibility;

  @Field(() => [CostOptionInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => CostOptionInput)
  costOptions?: CostOptionInput[];

  @Field(() => [ScheduleInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => ScheduleInput)
  schedules?: ScheduleInput[];

  @Field(() => [ServiceLocationInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => ServiceLocationInput)
  locations?: ServiceLocationInput[];

  @Field(() => [ServiceContactInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => ServiceContactInput)
  contacts?: ServiceContactInput[];

  @Field(() => [ID], { nullable: true, description: 'Service types and cohesion themes.' })
  @OptionalIdsOf('TaxonomyTerm', 30)
  taxonomyTermIds?: string[];

  @Field(() => [ID], { nullable: true, description: 'Areas the service is for.' })
  @OptionalIdsOf('Area', 50)
  serviceAreaIds?: string[];
}

@InputType()
export class UpdateServiceInput extends UpdateInputType(OmitType(CreateServiceInput, ['organisationId'] as const)) {
  @Field(() => ID)
  @IsGlobalIdOf('Service')
  id: string;

  @Field(() => Int, { description: 'The version you read; a newer saved version makes the update fail with CONFLICT.' })
  @IsInt()
  @Min(1)
  version: number;
}

@InputType()
export class ServicesFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsGlobalIdOf('Organisation')
  organisationId?: string;

  @Field(() => [ID], {
    nullable: true,
    description: 'For any of these areas or an area inside them (service areas or locations).',
  })
  @OptionalIdsOf('Area', 50)
  areaIds?: string[];

  @Field(() => [ID], { nullable: true, description: 'Tagged with any of these terms or a narrower one.' })
  @OptionalIdsOf('TaxonomyTerm', 30)
  taxonomyTermIds?: string[];

  @Field(() => [ServiceStatus], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(4)
  @IsEnum(ServiceStatus, { each: true })
  statuses?: ServiceStatus[];

  @Field({ nullable: true })
  @OptionalText(200)
  nameContains?: string;
}
