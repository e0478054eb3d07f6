import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

/**
 * A council's grants budget for one financial year. Money is integer pence.
 * `committed` is the sum of live awards (less underspend returned on closure) and
 * `paid` the sum of payments made; both are kept in the transaction that changes them,
 * under a lock on this row, and the checks below refuse any overspend outright.
 */
@Entity('grant_funds')
@Check('ck_grant_funds_budget', `"budget_pence" >= 0`)
@Check('ck_grant_funds_committed', `"committed_pence" >= 0 AND "committed_pence" <= "budget_pence"`)
@Check('ck_grant_funds_paid', `"paid_pence" >= 0 AND "paid_pence" <= "committed_pence"`)
@Check('ck_grant_funds_financial_year', `"financial_year" ~ '^[0-9]{4}-[0-9]{2}$'`)
@Index('idx_grant_funds_owner_organisation_id', ['ownerOrganisationId', 'financialYear'])
export class GrantFundEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The council (an organisation of kind LOCAL_AUTHORITY) that runs the fund. */
  @Column('uuid')
  @ForeignKey('OrganisationEntity', { onDelete: 'RESTRICT' })
  ownerOrganisationId: string;

  @Column('varchar', { length: 200 })
  name: string;

  @Column('varchar', { length: 40 })
  programmeCode: string;

  /** UK financial year, April to March: "2026-27". */
  @Column('varchar', { length: 7 })
  financialYear: string;

  @Column('bigint')
  budgetPence: number;

  @Column('bigint', { default: 0 })
  committedPence: number;

  @Column('bigint', { default: 0 })
  paidPence: number;

  /** The publisher's 360Giving prefix; grant identifiers are `<prefix>-<award id>`. */
  @Column('varchar', { length: 60 })
  grantIdPrefix: string;

  @Column('text', { nullable: true })
  description: string | null;

  /**
   * A secret of the fund's own: the identifier a recipient whose name is withheld is
   * published under is keyed with it, so it links neither to the directory's organisation
   * nor to the same recipient's awards from other funds. Never published.
   */
  @Column('uuid', { generated: 'uuid', select: false })
  withheldRecipientKey: string;

  @Column('boolean', { default: false })
  isDemo: boolean;

  @Column('uuid', { nullable: true })
  @ForeignKey('AccountEntity', { onDelete: 'SET NULL' })
  createdBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

@Entity('grant_fund_areas')
@Index('idx_grant_fund_areas_area_id', ['areaId'])
export class GrantFundAreaEntity {
  @PrimaryColumn('uuid')
  @ForeignKey('GrantFundEntity', { onDelete: 'CASCADE' })
  fundId: string;

  @PrimaryColumn('uuid')
  @ForeignKey('AreaEntity', { onDelete: 'RESTRICT' })
  areaId: string;
}

@Entity('grant_fund_themes')
@Index('idx_grant_fund_themes_term_id', ['termId'])
export class GrantFundThemeEntity {
  @PrimaryColumn('uuid')
  @ForeignKey('GrantFundEntity', { onDelete: 'CASCADE' })
  fundId: string;

  @PrimaryColumn('uuid')
  @ForeignKey('TaxonomyTermEntity', { onDelete: 'RESTRICT' })
  termId: string;
}
