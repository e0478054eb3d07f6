import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsEnum,
  IsInt,
  IsNotEmpty,
  IsOptional,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  IsGlobalIdOf,
  OptionalEmail,
  OptionalPhone,
  OptionalText,
  OptionalWebsite,
  Trim,
  UpdateInputType,
  OptionalIdsOf,
  OptionalLanguageCodes,
} from '@cohesion/common';
import { Role } from '@cohesion/auth';
import { ListingVisibility } from '../../shared/shared.models.js';
import { GeoPointInput, PostalAddressInput } from '../../shared/shared.inputs.js';
import { FaithTradition, OrganisationKind } from '../organisation.model.js';

@InputType()
export class CreateOrganisationInput {
  @Field()
  @Trim()
  @IsNotEmpty({ message: 'is required' })
  @MaxLength(200)
  name: string;

  @Field(() => OrganisationKind)
  @IsEnum(OrganisationKind)
  kind: OrganisationKind;

  @Field(() => String, { nullable: true })
  @OptionalText(5000)
  description?: string | null;

  @Field(() => [String], {
    nullable: true,
    description:
      'Registered identifiers in org-id form: GB-CHC-1234567, GB-COH-01234567, 360G-... for unregistered groups.',
  })
  @IsOptional()
  @ArrayMaxSize(10)
  @MaxLength(100, { each: true })
  identifiers?: string[];

  @Field(() => String, { nullable: true })
  @OptionalWebsite()
  website?: string | null;

  @Field(() => String, { nullable: true })
  @OptionalEmail()
  email?: string | null;

  @Field(() => String, { nullable: true })
  @OptionalPhone()
  phone?: string | null;

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

  @Field(() => FaithTradition, { nullable: true })
  @IsOptional()
  @IsEnum(FaithTradition)
  faithTradition?: FaithTradition | null;

  @Field(() => [String], { nullable: true, description: 'ISO 639 language codes, e.g. ["en", "pa", "ur"].' })
  @OptionalLanguageCodes()
  languages?: string[];

  @Field(() => [ID], { nullable: true, description: 'Areas the organisation serves.' })
  @OptionalIdsOf('Area', 50)
  areaIds?: string[];

  @Field(() => [ID], { nullable: true, description: 'Cohesion themes it works on.' })
  @OptionalIdsOf('TaxonomyTerm', 30)
  themeIds?: string[];

  @Field(() => ListingVisibility, { nullable: true, defaultValue: ListingVisibility.PUBLIC })
  @IsOptional()
  @IsEnum(ListingVisibility)
  visibility?: ListingVisibility;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'Consent to be named (with registered identifiers) in the 360Giving data of grants it receives while not listed publicly and verified; off by default. A verified public listing is always named.',
  })
  @IsOptional()
  @IsBoolean()
  namedInGrantsData?: boolean;
}

@InputType()
export class UpdateOrganisationInput extends UpdateInputType(CreateOrganisationInput) {
  @Field(() => ID)
  @IsGlobalIdOf('Organisation')
  id: string;

  @Field(() => Int, { description: 'The version you read; a newer saved version makes the update fail with CONFLICT.' })
  @IsInt()
  @Min(1)
  version: number;
}

@InputType()
export class OrganisationsFilter {
  @Field(() => [OrganisationKind], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(10)
  @IsEnum(OrganisationKind, { each: true })
  kinds?: OrganisationKind[];

  @Field(() => [ID], { nullable: true, description: 'Serving any of these areas or an area inside them.' })
  @OptionalIdsOf('Area', 50)
  areaIds?: string[];

  @Field(() => [ID], { nullable: true, description: 'Working on any of these themes or a narrower one.' })
  @OptionalIdsOf('TaxonomyTerm', 30)
  themeIds?: string[];

  @Field(() => [FaithTradition], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(11)
  @IsEnum(FaithTradition, { each: true })
  faithTraditions?: FaithTradition[];

  @Field(() => [String], { nullable: true })
  @OptionalLanguageCodes()
  languages?: string[];

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  verifiedOnly?: boolean;

  @Field({ nullable: true })
  @OptionalText(200)
  nameContains?: string;
}

@InputType()
export class VerifyOrganisationInput {
  @Field(() => ID)
  @IsGlobalIdOf('Organisation')
  id: string;

  @Field({ defaultValue: true })
  @IsBoolean()
  verified: boolean;
}

@InputType()
export class RoleGrantInput {
  @Field(() => ID, { description: 'The practitioner to give the role to (or take it from).' })
  @IsGlobalIdOf('Practitioner')
  practitionerId: string;

  @Field(() => Role)
  @IsEnum(Role)
  role: Role;

  @Field(() => ID, { nullable: true, description: 'Required for ORG_ADMIN and GRANTS_OFFICER; omitted for ADMIN.' })
  @IsOptional()
  @IsGlobalIdOf('Organisation')
  organisationId?: string | null;
}
