import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('SignInConnection', {
  description:
    'How an organisation’s staff sign in with their own identity provider (OpenID Connect). Never carries the client secret.',
})
export class SignInConnectionModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  organisationId: string;

  @Field()
  label: string;

  @Field()
  issuer: string;

  @Field()
  clientId: string;

  @Field({ description: 'The environment variable that holds the client secret (its name, not its value).' })
  clientSecretName: string;

  @Field({ description: 'Whether that variable is set on this server.' })
  clientSecretSet: boolean;

  @Field(() => [String])
  allowedTenantIds: string[];

  @Field(() => [String])
  emailDomains: string[];

  @Field({ description: 'Where a person starts signing in this way (open it in the browser).' })
  signInUrl: string;

  @Field({ description: 'The redirect URI to register with the provider.' })
  redirectUri: string;

  @Field(() => GraphQLISODateTime)
  updatedAt: Date;
}

@ObjectType('SignInLinkOutcome')
export class SignInLinkOutcomeModel {
  @Field()
  email: string;

  @Field()
  message: string;
}
