import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsEnum,
  IsInt,
  IsNotEmpty,
  IsOptional,
  Max,
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
  OptionalIdsOf,
  OptionalLanguageCodes,
} from '@cohesion/common';
import { MembershipInput } from '../../memberships/dto/membership.inputs.js';
import { ContactVisibility } from '../practitioner.model.js';

@InputType()
export class ContactDetailsInput {
  @Field(() => String, { nullable: true })
  @OptionalEmail()
  email?: string | null;

  @Field(() => String, { nullable: true })
  @OptionalPhone()
  phone?: string | null;

  @Field(() => String, { nullable: true })
  @OptionalPhone()
  mobile?: string | null;

  @Field(() => String, { nullable: true })
  @OptionalWebsite()
  website?: string | null;
}

@InputType()
export class ContactVisibilityInput {
  @Field(() => ContactVisibility, { nullable: true })
  @IsOptional()
  @IsEnum(ContactVisibility)
  email?: ContactVisibility;

  @Field(() => ContactVisibility, { nullable: true })
  @IsOptional()
  @IsEnum(ContactVisibility)
  phone?: ContactVisibility;

  @Field(() => ContactVisibility, { nullable: true })
  @IsOptional()
  @IsEnum(ContactVisibility)
  mobile?: ContactVisibility;

  @Field(() => ContactVisibility, { nullable: true })
  @IsOptional()
  @IsEnum(ContactVisibility)
  website?: ContactVisibility;
}

@InputType()
export class UpdateMyProfileInput {
  @Field(() => Int, {
    description: 'The version you read (Practitioner.version); a newer one makes this fail with CONFLICT.',
  })
  @IsInt()
  @Min(1)
  version: number;

  @Field({ nullable: true })
  @Trim()
  @IsOptional()
  @IsNotEmpty({ message: 'cannot be blank' })
  @MaxLength(120)
  fullName?: string;

  @Field(() => String, { nullable: true })
  @OptionalText(120)
  jobTitle?: string | null;

  @Field(() => String, { nullable: true })
  @OptionalText(4000)
  bio?: string | null;

  @Field(() => String, { nullable: true })
  @OptionalText(2000)
  canHelpWith?: string | null;

  @Field(() => String, { nullable: true })
  @OptionalText(2000)
  lookingFor?: string | null;

  @Field(() => [String], { nullable: true })
  @OptionalLanguageCodes()
  languages?: string[];

  @Field({ nullable: true, description: 'Off hides your profile from everyone else, including search.' })
  @IsOptional()
  @IsBoolean()
  discoverable?: boolean;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  openToIntroductions?: boolean;

  @Field(() => Int, {
    nullable: true,
    description: 'Most introduction requests you accept being sent each month (0 to 100).',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  introductionsMonthlyCap?: number;

  @Field(() => ContactDetailsInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => ContactDetailsInput)
  contact?: ContactDetailsInput;

  @Field(() => ContactVisibilityInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => ContactVisibilityInput)
  contactVisibility?: ContactVisibilityInput;

  @Field(() => [ID], { nullable: true, description: 'Areas you cover (replaces the list).' })
  @OptionalIdsOf('Area', 50)
  areaIds?: string[];

  @Field(() => [ID], { nullable: true, description: 'Cohesion themes you have expertise in (replaces the list).' })
  @OptionalIdsOf('TaxonomyTerm', 30)
  expertiseIds?: string[];

  @Field(() => [MembershipInput], {
    nullable: true,
    description:
      'Where you work: organisations listed keep their membership or are claimed (pending until confirmed); ' +
      'open memberships of organisations left out end.',
  })
  @IsOptional()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => MembershipInput)
  memberships?: MembershipInput[];
}

@InputType()
export class PractitionersFilter {
  @Field(() => ID, { nullable: true, description: 'Currently working at this organisation.' })
  @IsOptional()
  @IsGlobalIdOf('Organisation')
  organisationId?: string;

  @Field(() => [ID], {
    nullable: true,
    description:
      'Placed in any of these areas or an area inside them: covering it, or working now at an organisation that serves it.',
  })
  @OptionalIdsOf('Area', 50)
  areaIds?: string[];

  @Field(() => [ID], { nullable: true, description: 'With expertise in any of these themes or a narrower one.' })
  @OptionalIdsOf('TaxonomyTerm', 30)
  themeIds?: string[];

  @Field(() => [String], { nullable: true })
  @OptionalLanguageCodes()
  languages?: string[];

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  openToIntroductions?: boolean;

  @Field({ nullable: true })
  @OptionalText(120)
  nameContains?: string;
}
