import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsEmail, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { ConnectionArgs, IsGlobalIdOf, IsLocalDate, LocalDateScalar, OptionalText, Trim } from '@cohesion/common';

@InputType({ description: 'Where you work: an organisation, your role and team there, with dates.' })
export class MembershipInput {
  @Field(() => ID)
  @IsGlobalIdOf('Organisation')
  organisationId: string;

  @Field(() => String, { nullable: true })
  @OptionalText(120)
  role?: string | null;

  @Field(() => String, { nullable: true })
  @OptionalText(120)
  team?: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  @IsOptional()
  @IsLocalDate()
  startDate?: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  @IsOptional()
  @IsLocalDate()
  endDate?: string | null;
}

@InputType({ description: 'Say you work at an organisation: its admins confirm it (or a verified email domain does at once).' })
export class ClaimMembershipInput extends MembershipInput {}

@InputType()
export class MembershipIdsInput {
  @Field(() => [ID], { description: 'Pending memberships, at most 100; all change or none do.' })
  @IsGlobalIdOf('Membership', { each: true })
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  ids: string[];
}

@InputType()
export class InviteMemberInput {
  @Field(() => ID)
  @IsGlobalIdOf('Organisation')
  organisationId: string;

  @Field({ description: 'Where the invitation goes; whoever registers or signs in with it joins.' })
  @Trim()
  @IsEmail({}, { message: 'must be an email address' })
  @MaxLength(254)
  email: string;

  @Field(() => String, { nullable: true })
  @Trim()
  @IsOptional()
  @MaxLength(120)
  role?: string | null;

  @Field(() => String, { nullable: true })
  @Trim()
  @IsOptional()
  @MaxLength(120)
  team?: string | null;
}

@InputType()
export class AcceptInvitationInput {
  @Field({ description: 'The token from the invitation link.' })
  @IsString()
  @IsNotEmpty({ message: 'cannot be blank' })
  @MaxLength(200)
  token: string;
}

@InputType()
export class AddEmailDomainInput {
  @Field(() => ID)
  @IsGlobalIdOf('Organisation')
  organisationId: string;

  @Field({ description: 'A domain the organisation’s staff addresses are on, such as walsall.gov.uk.' })
  @IsString()
  @IsNotEmpty({ message: 'cannot be blank' })
  @MaxLength(253)
  domain: string;
}

@InputType()
export class VerifyEmailDomainInput {
  @Field(() => ID)
  @IsGlobalIdOf('OrganisationEmailDomain')
  id: string;

  @Field({ description: 'True to verify (pending claims from addresses on it are confirmed), false to withdraw it.' })
  @IsBoolean()
  verified: boolean;
}

@ArgsType()
export class OrganisationMembershipsArgs extends ConnectionArgs {
  @Field(() => ID)
  @IsGlobalIdOf('Organisation')
  organisationId: string;
}

@ArgsType()
export class InvitationsArgs extends OrganisationMembershipsArgs {
  @Field({ defaultValue: true, description: 'Only invitations that can still be accepted.' })
  @IsBoolean()
  openOnly: boolean;
}
