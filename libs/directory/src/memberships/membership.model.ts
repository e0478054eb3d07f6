import { Field, GraphQLISODateTime, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Connection, LocalDateScalar, Node } from '@cohesion/common';

export enum MembershipStatusValue {
  PENDING = 'PENDING',
  CONFIRMED = 'CONFIRMED',
  DECLINED = 'DECLINED',
  ENDED = 'ENDED',
}
registerEnumType(MembershipStatusValue, {
  name: 'MembershipStatus',
  description:
    'PENDING: the person says they work there; CONFIRMED: the organisation agrees (only confirmed memberships ' +
    'place a person at an organisation and open the network); DECLINED and ENDED: history, shown to the person only.',
});

export enum ConfirmationRouteValue {
  ORG_ADMIN = 'ORG_ADMIN',
  EMAIL_DOMAIN = 'EMAIL_DOMAIN',
  INVITATION = 'INVITATION',
  SIGN_IN = 'SIGN_IN',
}
registerEnumType(ConfirmationRouteValue, {
  name: 'ConfirmationRoute',
  description:
    'How a membership was confirmed: by one of the organisation’s admins, by a verified email domain, by an ' +
    'invitation, or by council sign-in.',
});

export enum InvitationStateValue {
  PENDING = 'PENDING',
  ACCEPTED = 'ACCEPTED',
  REVOKED = 'REVOKED',
  EXPIRED = 'EXPIRED',
}
registerEnumType(InvitationStateValue, { name: 'InvitationState' });

@ObjectType('MembershipClaimant', {
  description: 'Who claims a membership, as the organisation’s admins see them to decide.',
})
export class MembershipClaimant {
  @Field()
  fullName: string;

  @Field(() => String, { nullable: true })
  jobTitle: string | null;

  @Field({ description: 'The address they signed up with.' })
  email: string;

  @Field({ description: 'Whether they have followed the link sent to that address.' })
  emailVerified: boolean;
}

@ObjectType('Membership', { implements: () => [Node], description: 'A practitioner works at an organisation.' })
export class Membership implements Node {
  readonly __typename = 'Membership';

  @Field(() => ID)
  id: string;

  @Field(() => String, { nullable: true, description: 'Their role there.' })
  role: string | null;

  @Field(() => String, { nullable: true })
  team: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  startDate: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  endDate: string | null;

  @Field({ description: 'True while the membership is confirmed and its dates include today.' })
  current: boolean;

  @Field(() => MembershipStatusValue)
  status: MembershipStatusValue;

  @Field({ description: 'Whether the organisation has confirmed it.' })
  confirmed: boolean;

  @Field(() => ConfirmationRouteValue, { nullable: true })
  confirmedVia: ConfirmationRouteValue | null;

  @Field(() => GraphQLISODateTime, { description: 'When it was claimed.' })
  createdAt: Date;

  membershipId: string;
  organisationId: string;
  practitionerId: string;
}

@ObjectType()
export class MembershipConnection extends Connection(Membership, 'Membership') {}

@ObjectType('OrganisationEmailDomain', {
  implements: () => [Node],
  description: 'A domain an organisation’s staff addresses are on; once verified by a platform admin it confirms them.',
})
export class OrganisationEmailDomain implements Node {
  readonly __typename = 'OrganisationEmailDomain';

  @Field(() => ID)
  id: string;

  @Field()
  domain: string;

  @Field()
  verified: boolean;

  @Field(() => GraphQLISODateTime, { nullable: true })
  verifiedAt: Date | null;

  organisationId: string;
}

@ObjectType('MembershipInvitation', {
  implements: () => [Node],
  description: 'An organisation admin’s invitation to join, sent by email.',
})
export class MembershipInvitation implements Node {
  readonly __typename = 'MembershipInvitation';

  @Field(() => ID)
  id: string;

  @Field()
  email: string;

  @Field(() => String, { nullable: true })
  role: string | null;

  @Field(() => String, { nullable: true })
  team: string | null;

  @Field(() => InvitationStateValue)
  state: InvitationStateValue;

  @Field(() => GraphQLISODateTime)
  expiresAt: Date;

  @Field(() => GraphQLISODateTime)
  createdAt: Date;

  organisationId: string;
}

@ObjectType()
export class MembershipInvitationConnection extends Connection(MembershipInvitation, 'MembershipInvitation') {}

export enum NetworkStandingValue {
  EMAIL_NOT_VERIFIED = 'EMAIL_NOT_VERIFIED',
  AWAITING_CONFIRMED_MEMBERSHIP = 'AWAITING_CONFIRMED_MEMBERSHIP',
  VERIFIED_MEMBER = 'VERIFIED_MEMBER',
}
registerEnumType(NetworkStandingValue, {
  name: 'NetworkStanding',
  description:
    'Where an account stands: VERIFIED_MEMBER (a verified email and a confirmed membership of a verified ' +
    'organisation) searches people, sees members-only details and takes part in the network.',
});

@ObjectType('NetworkAccess', { description: 'What the account may do in the network, and what to do next if not.' })
export class NetworkAccess {
  @Field(() => NetworkStandingValue)
  standing: NetworkStandingValue;

  @Field({ description: 'In words: why, and what to do next.' })
  message: string;
}
