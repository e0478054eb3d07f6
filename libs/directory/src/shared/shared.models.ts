import { Field, Float, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum ListingVisibility {
  PUBLIC = 'PUBLIC',
  MEMBERS = 'MEMBERS',
}
registerEnumType(ListingVisibility, {
  name: 'ListingVisibility',
  description:
    'PUBLIC listings are open to everyone (organisations once verified); MEMBERS listings only to signed-in members.',
});

@ObjectType()
export class PostalAddress {
  @Field(() => String, { nullable: true })
  line1: string | null;

  @Field(() => String, { nullable: true })
  line2: string | null;

  @Field(() => String, { nullable: true })
  town: string | null;

  @Field(() => String, { nullable: true })
  postcode: string | null;
}

@ObjectType()
export class GeoPoint {
  @Field(() => Float)
  latitude: number;

  @Field(() => Float)
  longitude: number;
}

export function geoPoint(latitude: number | null, longitude: number | null): GeoPoint | null {
  return latitude === null || longitude === null ? null : { latitude, longitude };
}
