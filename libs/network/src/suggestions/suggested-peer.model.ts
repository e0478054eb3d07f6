import { Field, Float, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'Someone you are not connected with yet whom you might want to know.' })
export class SuggestedPeer {
  practitionerId: string;

  @Field(() => Float, { description: 'Higher is a better match; only meaningful within one list.' })
  score: number;

  @Field(() => Int, { description: 'People you both know.' })
  mutualConnections: number;

  @Field(() => [String], {
    description: 'Why, in words: "3 mutual connections", "Also works on hate crime in Walsall".',
  })
  reasons: string[];
}
