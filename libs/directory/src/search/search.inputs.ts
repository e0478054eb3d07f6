import { Field, ID, InputType, Int, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsBoolean, IsEnum, IsInt, IsOptional, Matches, Max, Min, ValidateNested } from 'class-validator';
import { LocalTimeScalar, OptionalText, OptionalIdsOf, OptionalLanguageCodes } from '@cohesion/common';
import { GeoPointInput } from '../shared/shared.inputs.js';
import { FaithTradition, OrganisationKind } from '../organisations/organisation.model.js';

export enum SearchKind {
  PRACTITIONER = 'PRACTITIONER',
  ORGANISATION = 'ORGANISATION',
  SERVICE = 'SERVICE',
}
registerEnumType(SearchKind, { name: 'SearchKind' });

export enum SearchSort {
  RELEVANCE = 'RELEVANCE',
  NEAREST = 'NEAREST',
}
registerEnumType(SearchSort, {
  name: 'SearchSort',
  description:
    'RELEVANCE: exact name matches, then text and spelling similarity, then freshness. NEAREST needs filter.near.',
});

export enum DayOfWeek {
  MONDAY = 'MO',
  TUESDAY = 'TU',
  WEDNESDAY = 'WE',
  THURSDAY = 'TH',
  FRIDAY = 'FR',
  SATURDAY = 'SA',
  SUNDAY = 'SU',
}
registerEnumType(DayOfWeek, { name: 'DayOfWeek' });

export const MAX_RADIUS_METRES = 100_000;

@InputType({ description: 'Near a place: a UK postcode (full, or a district such as WS1), or coordinates.' })
export class NearInput {
  @Field(() => String, { nullable: true })
  @OptionalText(10)
  postcode?: string | null;

  @Field(() => GeoPointInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => GeoPointInput)
  point?: GeoPointInput | null;

  @Field(() => Int, { defaultValue: 5000, description: `Radius in metres (at most ${MAX_RADIUS_METRES}).` })
  @IsInt()
  @Min(1)
  @Max(MAX_RADIUS_METRES)
  withinMetres: number = 5000;
}

const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d$/;

@InputType({ description: 'A part of the day, from one time to another (HH:MM, 24-hour, UK time).' })
export class TimeWindowInput {
  @Field(() => LocalTimeScalar)
  @Matches(TIME_OF_DAY, { message: 'must be a time written HH:MM' })
  from: string;

  @Field(() => LocalTimeScalar)
  @Matches(TIME_OF_DAY, { message: 'must be a time written HH:MM' })
  to: string;
}

@InputType({
  description:
    'Every filter narrows the results. A filter that only applies to one kind (openToIntroductions for people; ' +
    'age, dayOfWeek, openBetween, freeOnly, activeOnly and serviceTypeIds for services) limits the results to that kind.',
})
export class SearchFilter {
  @Field(() => [SearchKind], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(3)
  @IsEnum(SearchKind, { each: true })
  kinds?: SearchKind[];

  @Field(() => [OrganisationKind], {
    nullable: true,
    description: 'Organisations of these kinds, services they deliver, people who work there.',
  })
  @IsOptional()
  @ArrayMaxSize(10)
  @IsEnum(OrganisationKind, { each: true })
  organisationKinds?: OrganisationKind[];

  @Field(() => [ID], {
    nullable: true,
    description: 'These organisations, services they deliver, people who work there now.',
  })
  @OptionalIdsOf('Organisation', 20)
  organisationIds?: string[];

  @Field(() => [ID], { nullable: true, description: 'Cohesion themes (a theme includes its narrower themes).' })
  @OptionalIdsOf('TaxonomyTerm', 30)
  themeIds?: string[];

  @Field(() => [ID], { nullable: true, description: 'Service types (a type includes its narrower types).' })
  @OptionalIdsOf('TaxonomyTerm', 30)
  serviceTypeIds?: string[];

  @Field(() => [ID], {
    nullable: true,
    description:
      'Places (a place includes everything inside it): areas a person covers, an organisation serves, a service is for or is held in.',
  })
  @OptionalIdsOf('Area', 50)
  areaIds?: string[];

  @Field(() => [String], { nullable: true, description: 'ISO 639 codes; any of them.' })
  @OptionalLanguageCodes()
  languages?: string[];

  @Field(() => [FaithTradition], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(11)
  @IsEnum(FaithTradition, { each: true })
  faithTraditions?: FaithTradition[];

  @Field({ nullable: true, description: 'Only verified organisations (and their services and people).' })
  @IsOptional()
  @IsBoolean()
  verifiedOnly?: boolean;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  openToIntroductions?: boolean;

  @Field(() => Int, { nullable: true, description: 'Services open to someone of this age.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(130)
  age?: number;

  @Field(() => DayOfWeek, { nullable: true, description: 'Services that run on this day.' })
  @IsOptional()
  @IsEnum(DayOfWeek)
  dayOfWeek?: DayOfWeek;

  @Field(() => TimeWindowInput, {
    nullable: true,
    description: 'Services with a session that overlaps this part of the day (on dayOfWeek, when that is given too).',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => TimeWindowInput)
  openBetween?: TimeWindowInput;

  @Field({ nullable: true, description: 'Services with a free option and no charged one.' })
  @IsOptional()
  @IsBoolean()
  freeOnly?: boolean;

  @Field({ nullable: true, description: 'Services that are running (status active).' })
  @IsOptional()
  @IsBoolean()
  activeOnly?: boolean;

  @Field(() => NearInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => NearInput)
  near?: NearInput;
}
