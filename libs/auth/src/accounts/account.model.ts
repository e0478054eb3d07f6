import { Field, ID, GraphQLISODateTime, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Node } from '@cohesion/common';

export enum Role {
  ORG_ADMIN = 'ORG_ADMIN',
  GRANTS_OFFICER = 'GRANTS_OFFICER',
  ADMIN = 'ADMIN',
}
registerEnumType(Role, {
  name: 'Role',
  description: 'Roles beyond membership: ORG_ADMIN and GRANTS_OFFICER are held for one organisation.',
});

@ObjectType('RoleGrant')
export class RoleGrantModel {
  @Field(() => Role)
  role: Role;

  /** Resolved by the directory into `organisation`. */
  organisationId: string | null;
}

@ObjectType('Account', { implements: () => [Node] })
export class AccountModel implements Node {
  readonly __typename = 'Account';

  @Field(() => ID)
  id: string;

  /** The account's own sign-in email; only ever shown to the account itself. */
  @Field()
  email: string;

  @Field({
    description:
      'Whether the link emailed to this address was followed. Until it is, the account can look after itself only: people, members-only listings and the network stay closed.',
  })
  emailVerified: boolean;

  @Field(() => [RoleGrantModel])
  roles: RoleGrantModel[];

  @Field(() => GraphQLISODateTime)
  createdAt: Date;

  /** Internal uuid, for the practitioner field resolver. */
  accountId: string;
}

@ObjectType('AuthPayload')
export class AuthPayloadModel {
  @Field({ description: 'Send as `Authorization: Bearer <token>`. Short-lived.' })
  accessToken: string;

  @Field(() => GraphQLISODateTime)
  accessTokenExpiresAt: Date;

  @Field({ description: 'Exchange for a new pair with refreshToken; each one works once.' })
  refreshToken: string;

  @Field(() => GraphQLISODateTime)
  refreshTokenExpiresAt: Date;

  @Field(() => AccountModel)
  account: AccountModel;
}

@ObjectType('Registration', {
  description: 'The same answer whether or not the address already had an account: the next step is in the email.',
})
export class RegistrationModel {
  @Field({ description: 'Where the email went.' })
  email: string;

  @Field()
  message: string;
}

@ObjectType('EmailAddressChange')
export class EmailAddressOutcomeModel {
  @Field({ description: 'The address verified, or waiting for its link to be followed.' })
  email: string;

  @Field()
  message: string;
}
