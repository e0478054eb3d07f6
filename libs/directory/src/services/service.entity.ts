import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import {
  SearchDocumentColumn,
  SearchNameColumn,
  SearchPathColumn,
  SearchTagsColumn,
  weighted,
} from '../shared/search-columns.js';
import { SourceFeedColumn, SourceIdColumn, UniqueSourceId } from '../shared/source-columns.js';
import type { ListingVisibilityValue } from '../organisations/organisation.entity.js';

/** Open Referral UK service statuses, spelt as the standard spells them. */
export const SERVICE_STATUSES = ['active', 'inactive', 'defunct', 'temporarily closed'] as const;
export type ServiceStatusValue = (typeof SERVICE_STATUSES)[number];

/** What an organisation offers: a class, a drop-in, a helpline, a group. Shaped on Open Referral UK 3.0. */
@Entity('services')
@Check('ck_services_status', `"status" IN ('active', 'inactive', 'defunct', 'temporarily closed')`)
@Check('ck_services_visibility', `"visibility" IN ('PUBLIC', 'MEMBERS')`)
@Check(
  'ck_services_ages',
  `("minimum_age" IS NULL OR "minimum_age" BETWEEN 0 AND 130) AND ("maximum_age" IS NULL OR "maximum_age" BETWEEN 0 AND 130)
   AND ("minimum_age" IS NULL OR "maximum_age" IS NULL OR "minimum_age" <= "maximum_age")`,
)
@Check('ck_services_version', `"version" > 0`)
@Index('idx_services_organisation_id', ['organisationId'])
@Index('idx_services_sort_name', { synchronize: false })
@Index('idx_services_search', { synchronize: false })
@Index('idx_services_search_name', { synchronize: false })
@Index('idx_services_area_path_ids', { synchronize: false })
@Index('idx_services_term_path_ids', { synchronize: false })
@Index('idx_services_updated_at', ['updatedAt', 'id'])
@Index('idx_services_published', { synchronize: false })
@Index('idx_services_published_sort', { synchronize: false })
@UniqueSourceId('services')
export class ServiceEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  @ForeignKey('OrganisationEntity', { onDelete: 'CASCADE' })
  organisationId: string;

  @Column('varchar', { length: 200 })
  name: string;

  @Column('text', { nullable: true })
  description: string | null;

  @Column('varchar', { length: 300, nullable: true })
  url: string | null;

  @Column('varchar', { length: 254, nullable: true })
  email: string | null;

  @Column('varchar', { length: 20, default: 'active' })
  status: ServiceStatusValue;

  /** Free text about charges; structured prices are cost options. */
  @Column('text', { nullable: true })
  fees: string | null;

  @Column('text', { nullable: true })
  eligibilityDescription: string | null;

  @Column('smallint', { nullable: true })
  minimumAge: number | null;

  @Column('smallint', { nullable: true })
  maximumAge: number | null;

  @Column('varchar', { length: 3, array: true, default: () => "'{}'" })
  languages: string[];

  /** When the listing was last checked as accurate. */
  @Column('date', { nullable: true })
  assuredDate: string | null;

  @Column('varchar', { length: 254, nullable: true })
  assurerEmail: string | null;

  @Column('varchar', { length: 10, default: 'PUBLIC' })
  visibility: ListingVisibilityValue;

  /** Own text weighted (name A; descriptions B to D) and the tags (C), for full-text search. */
  @SearchDocumentColumn(
    weighted('name', 'A'),
    weighted('description', 'B'),
    weighted('eligibility_description', 'C'),
    weighted('fees', 'D'),
  )
  searchDocument: string;

  @SearchTagsColumn()
  searchTags: string;

  @SearchNameColumn('name')
  searchName: string;

  @SearchPathColumn()
  areaPathIds: string[];

  @SearchPathColumn()
  termPathIds: string[];

  @Column('boolean', { default: false })
  isDemo: boolean;

  @SourceFeedColumn()
  sourceFeed: string | null;

  @SourceIdColumn()
  sourceId: string | null;

  @Column('integer', { default: 1 })
  version: number;

  @Column('uuid', { nullable: true })
  @ForeignKey('AccountEntity', { onDelete: 'SET NULL' })
  createdBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  /** Open Referral's last_modified. */
  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

@Entity('service_cost_options')
@Check('ck_service_cost_options_amount', `"amount_pence" IS NULL OR "amount_pence" >= 0`)
@Index('idx_service_cost_options_service_id', ['serviceId'])
export class ServiceCostOptionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  @ForeignKey('ServiceEntity', { onDelete: 'CASCADE' })
  serviceId: string;

  @Column('varchar', { length: 200, nullable: true })
  option: string | null;

  /** Money is integer pence. Zero means free. */
  @Column('integer', { nullable: true })
  amountPence: number | null;

  @Column('text', { nullable: true })
  amountDescription: string | null;

  @Column('date', { nullable: true })
  validFrom: string | null;

  @Column('date', { nullable: true })
  validTo: string | null;
}

/** When a service runs, in the iCal terms Open Referral uses (freq, interval, byday). */
@Entity('service_schedules')
@Check('ck_service_schedules_freq', `"freq" IS NULL OR "freq" IN ('WEEKLY', 'MONTHLY')`)
@Check('ck_service_schedules_interval', `"interval" IS NULL OR "interval" BETWEEN 1 AND 52`)
@Index('idx_service_schedules_service_id', ['serviceId'])
export class ServiceScheduleEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  @ForeignKey('ServiceEntity', { onDelete: 'CASCADE' })
  serviceId: string;

  @Column('varchar', { length: 7, nullable: true })
  freq: 'WEEKLY' | 'MONTHLY' | null;

  @Column('smallint', { nullable: true })
  interval: number | null;

  /** e.g. "MO,WE" or, monthly, "2TU" (second Tuesday). */
  @Column('varchar', { length: 60, nullable: true })
  byday: string | null;

  @Column('time', { nullable: true })
  opensAt: string | null;

  @Column('time', { nullable: true })
  closesAt: string | null;

  @Column('date', { nullable: true })
  validFrom: string | null;

  @Column('date', { nullable: true })
  validTo: string | null;

  @Column('text', { nullable: true })
  description: string | null;
}

export const LOCATION_TYPES = ['physical', 'postal', 'virtual'] as const;
export type LocationTypeValue = (typeof LOCATION_TYPES)[number];

export const GEOCODE_PRECISIONS = ['COORDINATES', 'POSTCODE', 'OUTWARD_CODE'] as const;
export type GeocodePrecisionValue = (typeof GEOCODE_PRECISIONS)[number];

/** A place where services happen. */
@Entity('locations')
@Check('ck_locations_location_type', `"location_type" IN ('physical', 'postal', 'virtual')`)
@Check('ck_locations_coordinates', `("latitude" IS NULL) = ("longitude" IS NULL)`)
@Check(
  'ck_locations_geocode_precision',
  `("latitude" IS NULL) = ("geocode_precision" IS NULL) AND "geocode_precision" IN ('COORDINATES', 'POSTCODE', 'OUTWARD_CODE')`,
)
@Check('ck_locations_address_type', `"address_type" IN ('physical', 'postal', 'virtual')`)
@Index('idx_locations_organisation_id', ['organisationId'])
@Index('idx_locations_area_id', ['areaId'])
@Index('idx_locations_position', ['latitude', 'longitude'], { where: `"latitude" IS NOT NULL` })
@Index('idx_locations_postcode', ['postcode'])
@UniqueSourceId('locations')
export class LocationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  @ForeignKey('OrganisationEntity', { onDelete: 'CASCADE' })
  organisationId: string;

  @Column('varchar', { length: 10, default: 'physical' })
  locationType: LocationTypeValue;

  @Column('varchar', { length: 200, nullable: true })
  name: string | null;

  @Column('text', { nullable: true })
  description: string | null;

  /** The publisher's id for the address, when it came from an Open Referral feed. */
  @Column('uuid', { nullable: true })
  addressId: string | null;

  /** Whose attention the address is for ("care of"). */
  @Column('varchar', { length: 200, nullable: true })
  attention: string | null;

  @Column('varchar', { length: 200, nullable: true })
  addressLine1: string | null;

  @Column('varchar', { length: 200, nullable: true })
  addressLine2: string | null;

  @Column('varchar', { length: 100, nullable: true })
  town: string | null;

  @Column('varchar', { length: 100, nullable: true })
  region: string | null;

  /** The county or state; null for the directory's own places, whose local authority stands for it. */
  @Column('varchar', { length: 100, nullable: true })
  stateProvince: string | null;

  /** A UK postcode, normalised, for a place in GB; the postal code as its publisher wrote it elsewhere. */
  @Column('varchar', { length: 20, nullable: true })
  postcode: string | null;

  /** ISO 3166-1 two-letter code. */
  @Column('varchar', { length: 2, default: 'GB' })
  country: string;

  @Column('varchar', { length: 10, default: 'physical' })
  addressType: LocationTypeValue;

  @Column('double precision', { nullable: true })
  latitude: number | null;

  @Column('double precision', { nullable: true })
  longitude: number | null;

  /**
   * How the coordinates were found: given with the place, from its postcode, or only
   * from its postcode's district (OUTWARD_CODE: the district's centre). Null without
   * coordinates.
   */
  @Column('varchar', { length: 12, nullable: true })
  geocodePrecision: GeocodePrecisionValue | null;

  /** The ward or locality the place is in, when known. */
  @Column('uuid', { nullable: true })
  @ForeignKey('AreaEntity', { onDelete: 'SET NULL' })
  areaId: string | null;

  @SourceFeedColumn()
  sourceFeed: string | null;

  @SourceIdColumn()
  sourceId: string | null;
}

/** Open Referral's service_at_location. */
@Entity('service_locations')
@Unique('uq_service_locations_service_id_location_id', ['serviceId', 'locationId'])
@Index('idx_service_locations_location_id', ['locationId'])
export class ServiceLocationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  @ForeignKey('ServiceEntity', { onDelete: 'CASCADE' })
  serviceId: string;

  @Column('uuid')
  @ForeignKey('LocationEntity', { onDelete: 'CASCADE' })
  locationId: string;

  @Column('text', { nullable: true })
  description: string | null;
}

/** A named contact for a service, as the organisation publishes it. */
@Entity('service_contacts')
@Index('idx_service_contacts_service_id', ['serviceId'])
export class ServiceContactEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  @ForeignKey('ServiceEntity', { onDelete: 'CASCADE' })
  serviceId: string;

  @Column('varchar', { length: 120, nullable: true })
  name: string | null;

  @Column('varchar', { length: 120, nullable: true })
  title: string | null;

  @Column('varchar', { length: 254, nullable: true })
  email: string | null;

  @Column('varchar', { length: 40, nullable: true })
  phone: string | null;
}

@Entity('service_taxonomy_terms')
@Index('idx_service_taxonomy_terms_term_id', ['termId'])
export class ServiceTaxonomyTermEntity {
  @PrimaryColumn('uuid')
  @ForeignKey('ServiceEntity', { onDelete: 'CASCADE' })
  serviceId: string;

  @PrimaryColumn('uuid')
  @ForeignKey('TaxonomyTermEntity', { onDelete: 'RESTRICT' })
  termId: string;
}

@Entity('service_areas')
@Index('idx_service_areas_area_id', ['areaId'])
export class ServiceAreaEntity {
  @PrimaryColumn('uuid')
  @ForeignKey('ServiceEntity', { onDelete: 'CASCADE' })
  serviceId: string;

  @PrimaryColumn('uuid')
  @ForeignKey('AreaEntity', { onDelete: 'RESTRICT' })
  areaId: string;
}
