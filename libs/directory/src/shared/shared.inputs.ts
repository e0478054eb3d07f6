import { Field, Float, InputType } from '@nestjs/graphql';
import { IsLatitude, IsLongitude, IsOptional, Max, Min } from 'class-validator';
import { IsUkPostcode, OptionalText, Trim } from '@cohesion/common';

@InputType()
export class PostalAddressInput {
  @Field(() => String, { nullable: true })
  @OptionalText(200)
  line1?: string | null;

  @Field(() => String, { nullable: true })
  @OptionalText(200)
  line2?: string | null;

  @Field(() => String, { nullable: true })
  @OptionalText(100)
  town?: string | null;

  @Field(() => String, { nullable: true, description: 'A full UK postcode; stored normalised (WS1 1TP).' })
  @Trim()
  @IsOptional()
  @IsUkPostcode()
  postcode?: string | null;
}

/** Coordinates in WGS84; bounded to the UK and its waters. */
@InputType()
export class GeoPointInput {
  @Field(() => Float)
  @IsLatitude()
  @Min(49.8, { message: 'must be inside the UK (latitude 49.8 to 60.9)' })
  @Max(60.9, { message: 'must be inside the UK (latitude 49.8 to 60.9)' })
  latitude: number;

  @Field(() => Float)
  @IsLongitude()
  @Min(-8.7, { message: 'must be inside the UK (longitude -8.7 to 1.8)' })
  @Max(1.8, { message: 'must be inside the UK (longitude -8.7 to 1.8)' })
  longitude: number;
}
