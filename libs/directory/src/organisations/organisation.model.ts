import { Field, ID, GraphQLISODateTime, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Node, UuidField } from '@cohesion/common';
import { GeoPoint, ListingVisibility, PostalAddress } from '../shared/shared.models.js';

export enum OrganisationKind {
  LOCAL_AUTHORITY = 'LOCAL_AUTHORITY',
  POLICE = 'POLICE',
  FIRE = 'FIRE',
  NHS = 'NHS',
  SCHOOL = 'SCHOOL',
  UNIVERSITY = 'UNIVERSITY',
  VCS = 'VCS',
  FAITH_GROUP = 'FAITH_GROUP',
  BUSINESS = 'BUSINESS',
  NETWORK = 'NETWORK',
}
registerEnumType(OrganisationKind, {
  name: 'OrganisationKind',
  description: 'VCS is a voluntary or community group; NETWORK a network or partnership.',
});

export enum FaithTradition {
  BAHAI = 'BAHAI',
  BUDDHIST = 'BUDDHIST',
  CHRISTIAN = 'CHRISTIAN',
  HINDU = 'HINDU',
  JAIN = 'JAIN',
  JEWISH = 'JEWISH',
  MUSLIM = 'MUSLIM',
  SIKH = 'SIKH',
  ZOROASTRIAN = 'ZOROASTRIAN',
  MULTI_FAITH = 'MULTI_FAITH',
  OTHER = 'OTHER',
}
registerEnumType(FaithTradition, { name: 'FaithTradition' });

@ObjectType('Organisation', {
  implements: () => [Node],
  description: 'A council team, police, NHS body, school, university, voluntary or faith group, business or network.',
})
export class Organisation implements Node {
  readonly __typename = 'Organisation';

  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => OrganisationKind)
  kind: OrganisationKind;

  @Field(() => String, { nullable: true })
  description: string | null;

  @Field(() => [String], { description: 'Registered identifiers in org-id form, e.g. GB-CHC-1234567.' })
  identifiers: string[];

  @Field(() => String, { nullable: true })
  website: string | null;

  @Field(() => String, { nullable: true, description: 'The organisation’s public contact email.' })
  email: string | null;

  @Field(() => String, { nullable: true })
  phone: string | null;

  @Field(() => PostalAddress, { nullable: true })
  address: PostalAddress | null;

  @Field(() => GeoPoint, { nullable: true })
  location: GeoPoint | null;

  @Field(() => FaithTradition, { nullable: true })
  faithTradition: FaithTradition | null;

  @Field(() => [String], { description: 'ISO 639 codes of the languages it works in.' })
  languages: string[];

  @Field({
    description:
      'Checked by a platform admin, and not changed in name, kind or identifiers since (see changedSinceVerification).',
  })
  verified: boolean;

  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description:
      'When a change of name, kind or identifiers sent this verified organisation back for verification; null otherwise. The listing stays up meanwhile.',
  })
  changedSinceVerification: Date | null;

  @Field(() => ListingVisibility)
  visibility: ListingVisibility;

  @Field({
    description:
      'Named (with registered identifiers) in published 360Giving data though not listed publicly and verified.',
  })
  namedInGrantsData: boolean;

  @Field({ description: 'Part of the demo dataset.' })
  demo: boolean;

  @Field(() => Int, { description: 'Pass back as `version` when updating.' })
  version: number;

  @Field(() => GraphQLISODateTime)
  createdAt: Date;

  @Field(() => GraphQLISODateTime)
  updatedAt: Date;

  /** Internal uuid for field resolvers. */
  @UuidField('/openreferral/v3/organizations/{id} and /grants/360giving/councils/{id}')
  organisationId: string;
}
