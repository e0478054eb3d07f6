import { Field, ID, GraphQLISODateTime, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Node } from '@cohesion/common';

export enum ContactVisibility {
  PUBLIC = 'PUBLIC',
  MEMBERS = 'MEMBERS',
  CONNECTIONS = 'CONNECTIONS',
  HIDDEN = 'HIDDEN',
}
registerEnumType(ContactVisibility, {
  name: 'ContactVisibility',
  description:
    'Who sees a contact detail: PUBLIC anyone who can see the profile; MEMBERS signed-in members; ' +
    'CONNECTIONS people you are connected to after an accepted introduction; HIDDEN only you.',
});

@ObjectType({ description: 'Contact details; each is null unless its visibility lets you see it.' })
export class ContactDetails {
  @Field(() => String, { nullable: true })
  email: string | null;

  @Field(() => String, { nullable: true })
  phone: string | null;

  @Field(() => String, { nullable: true })
  mobile: string | null;

  @Field(() => String, { nullable: true })
  website: string | null;
}

@ObjectType({ description: 'Who may see each contact detail. Shown only to the profile’s owner.' })
export class ContactVisibilitySettings {
  @Field(() => ContactVisibility)
  email: ContactVisibility;

  @Field(() => ContactVisibility)
  phone: ContactVisibility;

  @Field(() => ContactVisibility)
  mobile: ContactVisibility;

  @Field(() => ContactVisibility)
  website: ContactVisibility;
}

@ObjectType('Practitioner', {
  implements: () => [Node],
  description: 'A person doing cohesion work: council officer, police, housing, community group, researcher.',
})
export class Practitioner implements Node {
  readonly __typename = 'Practitioner';

  @Field(() => ID)
  id: string;

  @Field()
  fullName: string;

  @Field(() => String, { nullable: true })
  jobTitle: string | null;

  @Field(() => String, { nullable: true })
  bio: string | null;

  @Field(() => String, { nullable: true })
  canHelpWith: string | null;

  @Field(() => String, { nullable: true })
  lookingFor: string | null;

  @Field(() => [String], { description: 'ISO 639 codes of languages they work in.' })
  languages: string[];

  @Field()
  openToIntroductions: boolean;

  @Field({ description: 'Whether you are connected with them (and so see what they share with connections).' })
  connectedToYou: boolean;

  @Field(() => ContactDetails)
  contact: ContactDetails;

  @Field(() => Boolean, { nullable: true, description: 'Only shown to the profile’s owner.' })
  discoverable: boolean | null;

  @Field(() => Int, { nullable: true, description: 'Most introduction requests a month; only shown to the owner.' })
  introductionsMonthlyCap: number | null;

  @Field(() => ContactVisibilitySettings, { nullable: true, description: 'Only shown to the owner.' })
  contactVisibility: ContactVisibilitySettings | null;

  @Field(() => Int, { nullable: true, description: 'Only shown to the owner: pass back as `version` when updating.' })
  version: number | null;

  @Field({ description: 'Part of the demo dataset.' })
  demo: boolean;

  @Field(() => GraphQLISODateTime)
  updatedAt: Date;

  practitionerId: string;
}
