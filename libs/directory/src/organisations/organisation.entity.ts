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

export const ORGANISATION_KINDS = [
  'LOCAL_AUTHORITY',
  'POLICE',
  'FIRE',
  'NHS',
  'SCHOOL',
  'UNIVERSITY',
  'VCS',
  'FAITH_GROUP',
  'BUSINESS',
  'NETWORK',
] as const;
export type OrganisationKindValue = (typeof ORGANISATION_KINDS)[number];

export const FAITH_TRADITIONS = [
  'BAHAI',
  'BUDDHIST',
  'CHRISTIAN',
  'HINDU',
  'JAIN',
  'JEWISH',
  'MUSLIM',
  'SIKH',
  'ZOROASTRIAN',
  'MULTI_FAITH',
  'OTHER',
] as const;
export type FaithTraditionValue = (typeof FAITH_TRADITIONS)[number];

export const LISTING_VISIBILITIES = ['PUBLIC', 'MEMBERS'] as const;
export type ListingVisibilityValue = (typeof LISTING_VISIBILITIES)[number];

const list = (values: readonly string[]) => values.map((value) => `'${value}'`).join(', ');

@Entity('organisations')
@Check('ck_organisations_kind', `"kind" IN (${list(ORGANISATION_KINDS)})`)
@Check(
  'ck_organisations_faith_tradition',
  `"faith_tradition" IS NULL OR "faith_tradition" IN (${list(FAITH_TRADITIONS)})`,
)
@Check('ck_organisations_visibility', `"visibility" IN (${list(LISTING_VISIBILITIES)})`)
@Check('ck_organisations_coordinates', `("latitude" IS NULL) = ("longitude" IS NULL)`)
@Check('ck_organisations_version', `"version" > 0`)
@Index('idx_organisations_sort_name', { synchronize: false })
@Index('idx_organisations_search', { synchronize: false })
@Index('idx_organisations_search_name', { synchronize: false })
@Index('idx_organisations_area_path_ids', { synchronize: false })
@Index('idx_organisations_term_path_ids', { synchronize: false })
@Index('idx_organisations_position', ['latitude', 'longitude'], { where: `"latitude" IS NOT NULL` })
@Index('idx_organisations_kind', ['kind'])
@Index('idx_organisations_postcode', ['postcode'])
@Index('idx_organisations_updated_at', ['updatedAt', 'id'])
@Index('idx_organisations_published', { synchronize: false })
@UniqueSourceId('organisations')
export class OrganisationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('varchar', { length: 200 })
  name: string;

  @Column('varchar', { length: 20 })
  kind: OrganisationKindValue;

  @Column('text', { nullable: true })
  description: string | null;

  @Column('varchar', { length: 300, nullable: true })
  website: string | null;

  @Column('varchar', { length: 254, nullable: true })
  email: string | null;

  @Column('varchar', { length: 40, nullable: true })
  phone: string | null;

  @Column('varchar', { length: 200, nullable: true })
  addressLine1: string | null;

  @Column('varchar', { length: 200, nullable: true })
  addressLine2: string | null;

  @Column('varchar', { length: 100, nullable: true })
  town: string | null;

  /** Normalised, e.g. "WS1 1TP". */
  @Column('varchar', { length: 8, nullable: true })
  postcode: string | null;

  @Column('double precision', { nullable: true })
  latitude: number | null;

  @Column('double precision', { nullable: true })
  longitude: number | null;

  @Column('varchar', { length: 20, nullable: true })
  faithTradition: FaithTraditionValue | null;

  /** ISO 639 codes of languages the organisation works in. */
  @Column('varchar', { length: 3, array: true, default: () => "'{}'" })
  languages: string[];

  /**
   * Checked by a platform admin; the listing is published on it. Until checked again after
   * a change of name, kind or identifiers (`changedSinceVerificationAt`), it is published
   * but no longer counts as verified (`isOrganisationVerified`).
   */
  @Column('boolean', { default: false })
  verified: boolean;

  @Column('timestamptz', { nullable: true })
  verifiedAt: Date | null;

  @Column('uuid', { nullable: true })
  @ForeignKey('AccountEntity', { onDelete: 'SET NULL' })
  verifiedBy: string | null;

  /** When a change of name, kind or identifiers sent this verified organisation back for verification. */
  @Column('timestamptz', { nullable: true })
  changedSinceVerificationAt: Date | null;

  /** PUBLIC listings are shown to everyone (once verified); MEMBERS listings only to signed-in members. */
  @Column('varchar', { length: 10, default: 'PUBLIC' })
  visibility: ListingVisibilityValue;

  /** Consents to be named in published grants data though not listed publicly (see `recipientNamedSql`). */
  @Column('boolean', { default: false })
  namedInGrantsData: boolean;

  /** Own text weighted (name A; descriptions B to D) and the tags (C), for full-text search. */
  @SearchDocumentColumn(weighted('name', 'A'), weighted('description', 'B'), weighted('town', 'C'))
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

  /**
   * Stands for the organisation, not known, behind the services an Open Referral UK
   * publisher gave without one (the standard does not require it); one per source,
   * never verified, so those services are kept but not published again.
   */
  @Column('boolean', { default: false })
  unknownOwner: boolean;

  /** Optimistic concurrency: every update must name the version it read. */
  @Column('integer', { default: 1 })
  version: number;

  @Column('uuid', { nullable: true })
  @ForeignKey('AccountEntity', { onDelete: 'SET NULL' })
  createdBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

/** Registered identifiers in org-id.guide form: scheme `GB-CHC` + identifier `1234567`. */
@Entity('organisation_identifiers')
@Unique('uq_organisation_identifiers_scheme_identifier', ['scheme', 'identifier'])
@Index('idx_organisation_identifiers_organisation_id', ['organisationId'])
export class OrganisationIdentifierEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  @ForeignKey('OrganisationEntity', { onDelete: 'CASCADE' })
  organisationId: string;

  /** An org-id.guide register prefix (the longest, such as CA_BC-BRC_CBR, has 13 characters). */
  @Column('varchar', { length: 20 })
  scheme: string;

  @Column('varchar', { length: 80 })
  identifier: string;
}

@Entity('organisation_areas')
@Index('idx_organisation_areas_area_id', ['areaId'])
export class OrganisationAreaEntity {
  @PrimaryColumn('uuid')
  @ForeignKey('OrganisationEntity', { onDelete: 'CASCADE' })
  organisationId: string;

  @PrimaryColumn('uuid')
  @ForeignKey('AreaEntity', { onDelete: 'RESTRICT' })
  areaId: string;
}

@Entity('organisation_themes')
@Index('idx_organisation_themes_term_id', ['termId'])
export class OrganisationThemeEntity {
  @PrimaryColumn('uuid')
  @ForeignKey('OrganisationEntity', { onDelete: 'CASCADE' })
  organisationId: string;

  @PrimaryColumn('uuid')
  @ForeignKey('TaxonomyTermEntity', { onDelete: 'RESTRICT' })
  termId: string;
}
