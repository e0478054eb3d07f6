import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, IsNotEmpty, IsOptional, Matches, MaxLength } from 'class-validator';
import { IsGlobalIdOf, Trim } from '@cohesion/common';
import { MAX_PASSWORD_LENGTH } from '../passwords/password-policy.js';

@InputType()
export class ConfigureSignInInput {
  @Field(() => ID, { description: 'The organisation whose staff sign in this way.' })
  @IsGlobalIdOf('Organisation')
  organisationId: string;

  @Field({ description: 'What the sign-in button says, e.g. "Walsall Council staff".' })
  @Trim()
  @IsNotEmpty({ message: 'is required' })
  @MaxLength(120)
  label: string;

  @Field({
    description:
      'The issuer as the provider names itself, e.g. https://login.microsoftonline.com/<tenant id>/v2.0, or Entra’s multi-tenant https://login.microsoftonline.com/{tenantid}/v2.0 (then allowedTenantIds is required). One connection per organisation and issuer: configuring the same again replaces it.',
  })
  @Trim()
  @IsNotEmpty({ message: 'is required' })
  @MaxLength(500)
  issuer: string;

  @Field({ description: 'The client (application) id registered with the provider.' })
  @Trim()
  @IsNotEmpty({ message: 'is required' })
  @MaxLength(255)
  clientId: string;

  @Field({
    description:
      'The name of the environment variable that holds the client secret on the API servers (OIDC_CLIENT_SECRET_...). The secret itself is never sent here nor stored.',
  })
  @Trim()
  @Matches(/^OIDC_CLIENT_SECRET_[A-Z0-9_]{1,60}$/, {
    message: 'must be the name of a variable starting OIDC_CLIENT_SECRET_ (capitals, digits and _)',
  })
  clientSecretName: string;

  @Field(() => [String], {
    nullable: true,
    description: 'Entra tenant ids (tid) allowed to sign in. Required for the multi-tenant issuer.',
  })
  @IsOptional()
  @ArrayMaxSize(20)
  @Matches(/^[A-Za-z0-9][A-Za-z0-9-]{0,63}$/, { each: true, message: 'must be a tenant id' })
  allowedTenantIds?: string[];

  @Field(() => [String], {
    description:
      'The email domains this provider vouches for (walsall.gov.uk). A person is signed in only on a domain the organisation has also had verified.',
  })
  @ArrayMinSize(1, { message: 'must name at least one domain' })
  @ArrayMaxSize(20)
  @MaxLength(253, { each: true })
  @Matches(/^[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)+$/, {
    each: true,
    message: 'must be a domain such as walsall.gov.uk',
  })
  emailDomains: string[];
}

@InputType()
export class LinkSignInInput {
  @Field({ description: 'The code the sign-in callback handed back with outcome LINK_REQUIRED.' })
  @IsNotEmpty({ message: 'is required' })
  @MaxLength(200)
  code: string;

  @Field({ description: 'The password of the existing account of that address.' })
  @IsNotEmpty({ message: 'is required' })
  @MaxLength(MAX_PASSWORD_LENGTH)
  password: string;
}

@InputType()
export class ConfirmSignInLinkInput {
  @Field({ description: 'The token from the link in the email.' })
  @IsNotEmpty({ message: 'is required' })
  @MaxLength(200)
  token: string;
}
