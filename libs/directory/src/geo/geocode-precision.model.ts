import { registerEnumType } from '@nestjs/graphql';

/** How exactly a point is known: as given, from the postcode itself, or only from its district. */
export enum GeocodePrecisionKind {
  POSTCODE = 'POSTCODE',
  OUTWARD_CODE = 'OUTWARD_CODE',
  COORDINATES = 'COORDINATES',
}
registerEnumType(GeocodePrecisionKind, {
  name: 'GeocodePrecision',
  description:
    'POSTCODE: the postcode itself; OUTWARD_CODE: the centre of its district (less exact); COORDINATES: as given.',
});
