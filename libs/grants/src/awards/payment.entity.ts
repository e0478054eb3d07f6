import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';

export const PAYMENT_STATUSES = ['SCHEDULED', 'PAID', 'CANCELLED'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

/** A tranche of an award: scheduled with a due date, then paid (or cancelled when the award closes). */
@Entity('grant_payments')
@Check('ck_grant_payments_status', `"status" IN ('SCHEDULED', 'PAID', 'CANCELLED')`)
@Check('ck_grant_payments_amount', `"amount_pence" > 0`)
@Check('ck_grant_payments_paid', `("status" = 'PAID') = ("paid_at" IS NOT NULL)`)
@Index('idx_grant_payments_application_id', ['applicationId', 'dueDate'])
@Index('idx_grant_payments_fund_id', ['fundId', 'status'])
export class GrantPaymentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  @ForeignKey('GrantApplicationEntity', { onDelete: 'RESTRICT' })
  applicationId: string;

  @Column('uuid')
  @ForeignKey('GrantFundEntity', { onDelete: 'RESTRICT' })
  fundId: string;

  @Column('bigint')
  amountPence: number;

  @Column('date')
  dueDate: string;

  @Column('varchar', { length: 10, default: 'SCHEDULED' })
  status: PaymentStatus;

  @Column('timestamptz', { nullable: true })
  paidAt: Date | null;

  /** The finance system's reference for the payment. */
  @Column('varchar', { length: 100, nullable: true })
  reference: string | null;

  @Column('uuid', { nullable: true })
  @ForeignKey('AccountEntity', { onDelete: 'SET NULL' })
  createdBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
