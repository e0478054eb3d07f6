import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';
import {
  SearchDocumentColumn,
  SearchNameColumn,
  SearchPathColumn,
  SearchTagsColumn,
  weighted,
} from '../shared/search-columns.js';
import { CONTACT_VISIBILITIES, type ContactVisibilityValue } from '../directory.policy.js';

const visibilityCheck = (column: string) =>
  `"${column}" IN (${CONTACT_VISIBILITIES.map((value) => `'${value}'`).join(', ')})`;

/**
 * A practitioner's profile. It shares its id with the account: one person, one profile.
 * Each contact detail carries its own visibility.
 */
@Entity('practitioners')
@Check('ck_practitioners_email_visibility', visibilityCheck('contact_email_visibility'))
@Check('ck_practitioners_phone_visibility', visibilityCheck('contact_phone_visibility'))
@Check('ck_practitioners_mobile_visibility', visibilityCheck('contact_mobile_visibility'))
@Check('ck_practitioners_website_visibility', visibilityCheck('website_visibility'))
@Check('ck_practitioners_introductions_monthly_cap', `"introductions_monthly_cap" BETWEEN 0 AND 100`)
@Check('ck_practitioners_version', `"version" > 0`)
@Index('idx_practitioners_sort_name', { synchronize: false })
@Index('idx_practitioners_search', { synchronize: false })
@Index('idx_practitioners_search_name', { synchronize: false })
@Index('idx_practitioners_area_path_ids', { synchronize: false })
@Index('idx_practitioners_term_path_ids', { synchronize: false })
@Index('idx_practitioners_undiscoverable', ['id'], { where: 'NOT "discoverable"' })
@Index('idx_practitioners_outside_network', ['id'], { where: 'NOT "verified_member"' })
export class PractitionerEntity {
  @PrimaryColumn('uuid')
  @ForeignKey('AccountEntity', { onDelete: 'CASCADE' })
  id: string;

  @Column('varchar', { length: 120 })
  fullName: string;

  @Column('varchar', { length: 120, nullable: true })
  jobTitle: string | null;

  @Column('text', { nullable: true })
  bio: string | null;

  @Column('text', { nullable: true })
  canHelpWith: string | null;

  @Column('text', { nullable: true })
  lookingFor: string | null;

  @Column('varchar', { length: 3, array: true, default: () => "'{}'" })
  languages: string[];

  /** Off: the profile is seen by nobody but its owner (and never appears in search). */
  @Column('boolean', { default: true })
  discoverable: boolean;

  /**
   * In the network's tier: a verified email, not suspended, and a confirmed membership of a
   * verified organisation now. Kept by `refreshStanding` in every transaction that changes
   * one of those, and by a daily sweep as membership dates pass.
   */
  @Column('boolean', { default: false })
  verifiedMember: boolean;

  @Column('boolean', { default: true })
  openToIntroductions: boolean;

  @Column('smallint', { default: 5 })
  introductionsMonthlyCap: number;

  @Column('varchar', { length: 254, nullable: true })
  contactEmail: string | null;

  @Column('varchar', { length: 12, default: 'CONNECTIONS' })
  contactEmailVisibility: ContactVisibilityValue;

  @Column('varchar', { length: 40, nullable: true })
  contactPhone: string | null;

  @Column('varchar', { length: 12, default: 'CONNECTIONS' })
  contactPhoneVisibility: ContactVisibilityValue;

  @Column('varchar', { length: 40, nullable: true })
  contactMobile: string | null;

  @Column('varchar', { length: 12, default: 'HIDDEN' })
  contactMobileVisibility: ContactVisibilityValue;

  @Column('varchar', { length: 300, nullable: true })
  website: string | null;

  @Column('varchar', { length: 12, default: 'MEMBERS' })
  websiteVisibility: ContactVisibilityValue;

  /** Own text weighted (name A; descriptions B to D) and the tags (C), for full-text search. */
  @SearchDocumentColumn(
    weighted('full_name', 'A'),
    weighted('job_title', 'A'),
    weighted('can_help_with', 'B'),
    weighted('bio', 'C'),
    weighted('looking_for', 'C'),
  )
  searchDocument: string;

  @SearchTagsColumn()
  searchTags: string;

  @SearchNameColumn('full_name')
  searchName: string;

  @SearchPathColumn()
  areaPathIds: string[];

  @SearchPathColumn()
  termPathIds: string[];

  @Column('boolean', { default: false })
  isDemo: boolean;

  @Column('integer', { default: 1 })
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

@Entity('practitioner_areas')
@Index('idx_practitioner_areas_area_id', ['areaId'])
export class PractitionerAreaEntity {
  @PrimaryColumn('uuid')
  @ForeignKey('PractitionerEntity', { onDelete: 'CASCADE' })
  practitionerId: string;

  @PrimaryColumn('uuid')
  @ForeignKey('AreaEntity', { onDelete: 'RESTRICT' })
  areaId: string;
}

@Entity('practitioner_themes')
@Index('idx_practitioner_themes_term_id', ['termId'])
export class PractitionerThemeEntity {
  @PrimaryColumn('uuid')
  @ForeignKey('PractitionerEntity', { onDelete: 'CASCADE' })
  practitionerId: string;

  @PrimaryColumn('uuid')
  @ForeignKey('TaxonomyTermEntity', { onDelete: 'RESTRICT' })
  termId: string;
}
