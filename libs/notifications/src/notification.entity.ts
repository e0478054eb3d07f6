import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Something that happened that a person should know about, shown in the app
 * (`myNotifications`) and, through its delivery, by email. Written in the same
 * transaction as the event it reports.
 */
@Entity('notifications')
@Check('ck_notifications_recipient', `"recipient_id" IS NOT NULL OR NOT "shown_in_app"`)
@Index('idx_notifications_recipient_id_created_at', ['recipientId', 'createdAt', 'id'])
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /**
   * The account (and practitioner) it is for; null for an email to an address that has no
   * account yet (an invitation), which is never shown in the app.
   */
  @Column('uuid', { nullable: true })
  @ForeignKey('AccountEntity', { onDelete: 'CASCADE' })
  recipientId: string | null;

  @Column('varchar', { length: 60 })
  kind: string;

  @Column('varchar', { length: 200 })
  subject: string;

  @Column('text')
  body: string;

  /** Where in the product to act on it (a path below PUBLIC_URL). */
  @Column('varchar', { length: 300, nullable: true })
  link: string | null;

  /** The people it names or comes from: between blocked people it is neither shown nor emailed. */
  @Column('uuid', { array: true, default: () => "'{}'" })
  aboutIds: string[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  /** Held until then (something its sender may still take back): not shown, not emailed. */
  @Column('timestamptz', { default: () => 'now()' })
  deliverAt: Date;

  @Column('timestamptz', { nullable: true })
  readAt: Date | null;

  /**
   * False for an email that carries a link acting for the person (verify an address, reset
   * a password): email only, and its text is cleared once the email is sent or given up.
   */
  @Column('boolean', { default: true })
  shownInApp: boolean;
}

/** CANCELLED: not sent, because its people blocked each other before it went. */
export const DELIVERY_STATUSES = ['PENDING', 'SENT', 'FAILED', 'CANCELLED'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/**
 * The outbox: one email to send for a notification. Workers claim due rows with
 * FOR UPDATE SKIP LOCKED and hold them for a lease; a worker that dies mid-send leaves
 * the lease to run out and the row to be claimed again. Its id is the stable part of
 * the email's Message-ID, so a resend is recognisable as the same message.
 */
@Entity('notification_deliveries')
@Check('ck_notification_deliveries_status', `"status" IN ('PENDING', 'SENT', 'FAILED', 'CANCELLED')`)
@Check('ck_notification_deliveries_attempts', `"attempts" >= 0`)
@Index('idx_notification_deliveries_due', ['nextAttemptAt'], { where: `"status" = 'PENDING'` })
export class NotificationDeliveryEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  @ForeignKey('NotificationEntity', { onDelete: 'CASCADE' })
  @Index('idx_notification_deliveries_notification_id')
  notificationId: string;

  /** The address at the time of the event. */
  @Column('varchar', { length: 254 })
  recipientAddress: string;

  @Column('varchar', { length: 10, default: 'PENDING' })
  status: DeliveryStatus;

  @Column('int', { default: 0 })
  attempts: number;

  @Column('timestamptz', { default: () => 'now()' })
  nextAttemptAt: Date;

  /** Claimed by a worker until then. */
  @Column('timestamptz', { nullable: true })
  lockedUntil: Date | null;

  @Column('timestamptz', { nullable: true })
  sentAt: Date | null;

  /** Why the last attempt failed (the transport's message, never the message body). */
  @Column('varchar', { length: 500, nullable: true })
  lastError: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
