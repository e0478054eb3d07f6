import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';

export const MISUSE_REASONS = ['HARASSMENT', 'IMPERSONATION', 'FALSE_INFORMATION', 'SPAM', 'OTHER'] as const;
export type MisuseReasonValue = (typeof MISUSE_REASONS)[number];

export const MISUSE_REPORT_STATUSES = ['OPEN', 'RESOLVED'] as const;
export type MisuseReportStatusValue = (typeof MISUSE_REPORT_STATUSES)[number];

export const MISUSE_OUTCOMES = ['NO_ACTION', 'WARNING_GIVEN', 'CONTENT_REMOVED', 'ACCOUNT_SUSPENDED'] as const;
export type MisuseOutcomeValue = (typeof MISUSE_OUTCOMES)[number];

const oneOf = (column: string, values: readonly string[]) =>
  `"${column}" IN (${values.map((value) => `'${value}'`).join(', ')})`;

/**
 * A member's report that a profile or an organisation is being misused. Who reported it is
 * for platform admins only; the person or organisation reported is never told.
 */
@Entity('misuse_reports')
@Check('ck_misuse_reports_one_subject', `("practitioner_id" IS NULL) <> ("organisation_id" IS NULL)`)
@Check('ck_misuse_reports_reason', oneOf('reason', MISUSE_REASONS))
@Check('ck_misuse_reports_status', oneOf('status', MISUSE_REPORT_STATUSES))
@Check('ck_misuse_reports_outcome', `"outcome" IS NULL OR ${oneOf('outcome', MISUSE_OUTCOMES)}`)
@Check('ck_misuse_reports_resolved', `("status" = 'RESOLVED') = ("outcome" IS NOT NULL AND "resolved_at" IS NOT NULL)`)
@Check('ck_misuse_reports_details_length', `char_length("details") <= 2000`)
@Index('idx_misuse_reports_status_created_at', ['status', 'createdAt', 'id'])
@Index('idx_misuse_reports_created_at', ['createdAt', 'id'])
/** What the limits on reporting read: one reporter's recent reports. */
@Index('idx_misuse_reports_reporter_id_created_at', ['reporterId', 'createdAt'])
/** One open report per reporter and subject: reporting it again says it is already with the admins. */
@Index('uq_misuse_reports_open_practitioner', ['reporterId', 'practitionerId'], {
  unique: true,
  where: `"status" = 'OPEN' AND "practitioner_id" IS NOT NULL`,
})
@Index('uq_misuse_reports_open_organisation', ['reporterId', 'organisationId'], {
  unique: true,
  where: `"status" = 'OPEN' AND "organisation_id" IS NOT NULL`,
})
export class MisuseReportEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The account that reported it (kept, as a "Former member", if they later delete their account). */
  @Column('uuid')
  @ForeignKey('AccountEntity', { onDelete: 'CASCADE' })
  reporterId: string;

  @Column('uuid', { nullable: true })
  @ForeignKey('PractitionerEntity', { onDelete: 'CASCADE' })
  practitionerId: string | null;

  @Column('uuid', { nullable: true })
  @ForeignKey('OrganisationEntity', { onDelete: 'CASCADE' })
  organisationId: string | null;

  @Column('varchar', { length: 20 })
  reason: MisuseReasonValue;

  @Column('text', { nullable: true })
  details: string | null;

  @Column('varchar', { length: 10, default: 'OPEN' })
  status: MisuseReportStatusValue;

  @Column('varchar', { length: 20, nullable: true })
  outcome: MisuseOutcomeValue | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column('timestamptz', { nullable: true })
  resolvedAt: Date | null;

  @Column('uuid', { nullable: true })
  @ForeignKey('AccountEntity', { onDelete: 'SET NULL' })
  resolvedBy: string | null;
}
