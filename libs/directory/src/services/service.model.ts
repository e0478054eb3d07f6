import { Field, ID, GraphQLISODateTime, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { LocalDateScalar, LocalTimeScalar, Node, UuidField } from '@cohesion/common';
import { GeocodePrecisionKind } from '../geo/geocode-precision.model.js';
import { GeoPoint, ListingVisibility, PostalAddress } from '../shared/shared.models.js';

export enum ServiceStatus {
  ACTIVE = 'active',
  INACTIVE = 'inactive',
  DEFUNCT = 'defunct',
  TEMPORARILY_CLOSED = 'temporarily closed',
}
registerEnumType(ServiceStatus, { name: 'ServiceStatus', description: 'As in Open Referral UK.' });

export enum ScheduleFrequency {
  WEEKLY = 'WEEKLY',
  MONTHLY = 'MONTHLY',
}
registerEnumType(ScheduleFrequency, { name: 'ScheduleFrequency' });

export enum LocationType {
  PHYSICAL = 'physical',
  POSTAL = 'postal',
  VIRTUAL = 'virtual',
}
registerEnumType(LocationType, { name: 'LocationType' });

@ObjectType()
export class CostOption {
  @Field(() => String, { nullable: true })
  option: string | null;

  @Field(() => Int, { nullable: true, description: 'Price in pence; 0 is free.' })
  amountPence: number | null;

  @Field(() => String, { nullable: true })
  amountDescription: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  validFrom: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  validTo: string | null;
}

@ObjectType()
export class Schedule {
  @Field(() => ScheduleFrequency, { nullable: true })
  freq: ScheduleFrequency | null;

  @Field(() => Int, { nullable: true, description: 'Every n weeks or months.' })
  interval: number | null;

  @Field(() => String, { nullable: true, description: 'iCal days, e.g. "MO,WE", or "2TU" monthly.' })
  byday: string | null;

  @Field(() => LocalTimeScalar, { nullable: true })
  opensAt: string | null;

  @Field(() => LocalTimeScalar, { nullable: true })
  closesAt: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  validFrom: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  validTo: string | null;

  @Field(() => String, { nullable: true })
  description: string | null;
}

@ObjectType('ServiceLocation', { description: 'A place where the service happens.' })
export class ServiceLocation {
  @Field(() => LocationType)
  locationType: LocationType;

  @Field(() => String, { nullable: true })
  name: string | null;

  @Field(() => String, { nullable: true })
  description: string | null;

  @Field(() => PostalAddress, { nullable: true })
  address: PostalAddress | null;

  @Field(() => GeoPoint, { nullable: true })
  location: GeoPoint | null;

  @Field(() => GeocodePrecisionKind, {
    nullable: true,
    description:
      'How exactly `location` is known: given with the place, found from its postcode, or only the centre of ' +
      'the postcode’s district (OUTWARD_CODE). Null when the place has no coordinates.',
  })
  geocodePrecision: GeocodePrecisionKind | null;

  areaId: string | null;
}

@ObjectType()
export class ServiceContact {
  @Field(() => String, { nullable: true })
  name: string | null;

  @Field(() => String, { nullable: true })
  title: string | null;

  @Field(() => String, { nullable: true })
  email: string | null;

  @Field(() => String, { nullable: true })
  phone: string | null;
}

@ObjectType('Service', {
  implements: () => [Node],
  description: 'Something an organisation offers: a class, drop-in, helpline or group. Shaped on Open Referral UK 3.0.',
})
export class Service implements Node {
  readonly __typename = 'Service';

  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => String, { nullable: true })
  description: string | null;

  @Field(() => ServiceStatus)
  status: ServiceStatus;

  @Field(() => String, { nullable: true })
  url: string | null;

  @Field(() => String, { nullable: true })
  email: string | null;

  @Field(() => String, { nullable: true, description: 'Free text about charges.' })
  fees: string | null;

  @Field(() => String, { nullable: true })
  eligibilityDescription: string | null;

  @Field(() => Int, { nullable: true })
  minimumAge: number | null;

  @Field(() => Int, { nullable: true })
  maximumAge: number | null;

  @Field(() => [String], { description: 'ISO 639 codes of languages the service is delivered in.' })
  languages: string[];

  @Field(() => LocalDateScalar, { nullable: true, description: 'When the listing was last checked as accurate.' })
  assuredDate: string | null;

  @Field(() => ListingVisibility)
  visibility: ListingVisibility;

  @Field()
  demo: boolean;

  @Field(() => Int, { description: 'Pass back as `version` when updating.' })
  version: number;

  @Field(() => GraphQLISODateTime)
  createdAt: Date;

  @Field(() => GraphQLISODateTime, { description: 'When anything about the listing last changed.' })
  lastModified: Date;

  @UuidField('/openreferral/v3/services/{id}')
  serviceId: string;
  organisationId: string;
}
