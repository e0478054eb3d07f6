import { Field, GraphQLISODateTime, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Node } from '@cohesion/common';

export enum PartnershipKind {
  PARTNERS_WITH = 'PARTNERS_WITH',
  MEMBER_OF = 'MEMBER_OF',
}
registerEnumType(PartnershipKind, {
  name: 'PartnershipKind',
  description: 'PARTNERS_WITH: working together; MEMBER_OF: the organisation belongs to the partner (a network).',
});

@ObjectType({ implements: () => [Node], description: 'A link between two organisations, counted once both agree.' })
export class Partnership extends Node {
  readonly __typename = 'Partnership';

  partnershipId: string;
  organisationId: string;
  partnerId: string;
  proposedByOrganisationId: string;

  @Field(() => PartnershipKind)
  kind: PartnershipKind;

  @Field({ description: 'False until an admin of the other organisation confirms it.' })
  confirmed: boolean;

  @Field(() => GraphQLISODateTime)
  createdAt: Date;

  @Field(() => GraphQLISODateTime, { nullable: true })
  confirmedAt: Date | null;
}
