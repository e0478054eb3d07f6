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
  VersionColumn,
} from 'typeorm';

export const APPLICATION_STATUSES = [
  'DRAFT',
  'SUBMITTED',
  'INELIGIBLE',
  'IN_ASSESSMENT',
  'AWARDED',
  'DECLINED',
  'ACTIVE',
  'COMPLETED',
  'CLOSED_EARLY',
  'WITHDRAWN',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/**
 * An application to a round, and once awarded the award itself (amount, payments made,
 * closure). See application.state-machine.ts for its life. Money is integer pence.
 */
@Entity('grant_applications')
@Check('ck_grant_applications_status', `"status" IN (${APPLICATION_STATUSES.map((s) => `'${s}'`).join(', ')})`)
@Check('ck_grant_applications_requested', `"amount_requested_pence" > 0`)
@Check('ck_grant_applications_dates', `"planned_end" >= "planned_start"`)
@Check('ck_grant_applications_participants', `"expected_participants" IS NULL OR "expected_participants" >= 0`)
@Check(
  'ck_grant_applications_award',
  `("amount_awarded_pence" IS NULL OR "amount_awarded_pence" > 0) AND "paid_pence" >= 0 AND "paid_pence" <= COALESCE("amount_awarded_pence", 0)`,
)
@Check(
  'ck_grant_applications_awarded_status',
  `("amount_awarded_pence" IS NOT NULL) = ("status" IN ('AWARDED', 'ACTIVE', 'COMPLETED', 'CLOSED_EARLY') OR ("status" = 'WITHDRAWN' AND "awarded_at" IS NOT NULL))`,
)
@Check('ck_grant_applications_spend', `"actual_spend_pence" IS NULL OR "actual_spend_pence" >= 0`)
@Index('idx_grant_applications_round_id', ['roundId', 'status'])
@Index('idx_grant_applications_fund_id', ['fundId', 'status', 'id'])
@Index('idx_grant_applications_applicant', ['applicantOrganisationId'])
/** A grant identifier is one grant, in whichever fund it was recorded. */
@Index('uq_grant_applications_external_id', ['externalId'], {
  unique: true,
  where: `"external_id" IS NOT NULL`,
})
export class GrantApplicationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  @ForeignKey('GrantRoundEntity', { onDelete: 'RESTRICT' })
  roundId: string;

  /** The round's fund, kept here so the fund's awards are one index away. */
  @Column('uuid')
  @ForeignKey('GrantFundEntity', { onDelete: 'RESTRICT' })
  fundId: string;

  @Column('uuid')
  @ForeignKey('OrganisationEntity', { onDelete: 'RESTRICT' })
  applicantOrganisationId: string;

  @Column('varchar', { length: 20 })
  status: ApplicationStatus;

  @Column('varchar', { length: 200 })
  projectTitle: string;

  @Column('text')
  summary: string;

  @Column('bigint')
  amountRequestedPence: number;

  @Column('date')
  plannedStart: string;

  @Column('date')
  plannedEnd: string;

  /**
   * False for an imported grant whose file gave no planned dates: the dates above then stand
   * in (the actual dates, else the award date) for the award's timeline, and are not
   * republished as if the funder had planned them.
   */
  @Column('boolean', { default: true })
  plannedDatesGiven: boolean;

  @Column('integer', { nullable: true })
  expectedParticipants: number | null;

  /** The applicant's own statement of its annual income, checked against the round's limit. */
  @Column('bigint', { nullable: true })
  annualIncomePence: number | null;

  /** The eligibility rule that failed, in words, when INELIGIBLE. */
  @Column('text', { nullable: true })
  ineligibleReason: string | null;

  /** True when a grants officer recorded it on the group's behalf. */
  @Column('boolean', { default: false })
  recordedByOfficer: boolean;

  @Column('uuid', { nullable: true })
  @ForeignKey('AccountEntity', { onDelete: 'SET NULL' })
  createdBy: string | null;

  @Column('timestamptz', { nullable: true })
  submittedAt: Date | null;

  @Column('timestamptz', { nullable: true })
  decidedAt: Date | null;

  @Column('text', { nullable: true })
  decisionReason: string | null;

  @Column('bigint', { nullable: true })
  amountAwardedPence: number | null;

  /** The day the award was decided (the 360Giving award date). */
  @Column('date', { nullable: true })
  awardedAt: string | null;

  @Column('bigint', { default: 0 })
  paidPence: number;

  @Column('bigint', { nullable: true })
  actualSpendPence: number | null;

  @Column('timestamptz', { nullable: true })
  closedAt: Date | null;

  @Column('text', { nullable: true })
  closureNote: string | null;

  /** The grant's identifier in a 360Giving file it was imported from. */
  @Column('varchar', { length: 200, nullable: true })
  externalId: string | null;

  /** An imported grant's fromOpenCall (Yes true, No false), null when the file did not say. */
  @Column('boolean', { nullable: true })
  fromOpenCall: boolean | null;

  @Column('boolean', { default: false })
  isDemo: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn({ default: 1 })
  version: number;
}

@Entity('grant_application_areas')
@Index('idx_grant_application_areas_area_id', ['areaId'])
export class GrantApplicationAreaEntity {
  @PrimaryColumn('uuid')
  @ForeignKey('GrantApplicationEntity', { onDelete: 'CASCADE' })
  applicationId: string;

  @PrimaryColumn('uuid')
  @ForeignKey('AreaEntity', { onDelete: 'RESTRICT' })
  areaId: string;
}

@Entity('grant_application_themes')
@Index('idx_grant_application_themes_term_id', ['termId'])
export class GrantApplicationThemeEntity {
  @PrimaryColumn('uuid')
  @ForeignKey('GrantApplicationEntity', { onDelete: 'CASCADE' })
  applicationId: string;

  @PrimaryColumn('uuid')
  @ForeignKey('TaxonomyTermEntity', { onDelete: 'RESTRICT' })
  termId: string;
}
