import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryGeneratedColumn,
  VersionColumn,
} from 'typeorm';

export const INTRODUCTION_STATUSES = [
  'PENDING_BROKER',
  'PENDING_TARGET',
  'ACCEPTED',
  'DECLINED',
  'EXPIRED',
  'WITHDRAWN',
] as const;
export type IntroductionStatus = (typeof INTRODUCTION_STATUSES)[number];

/**
 * A request from one practitioner to be introduced to another, directly or through a
 * mutual connection who brokers it. See introduction.state-machine.ts for its life.
 */
@Entity('introductions')
@Check(
  'ck_introductions_status',
  `"status" IN ('PENDING_BROKER', 'PENDING_TARGET', 'ACCEPTED', 'DECLINED', 'EXPIRED', 'WITHDRAWN')`,
)
@Check('ck_introductions_not_self', `"requester_id" <> "target_id"`)
@Check('ck_introductions_broker', `"broker_id" IS NULL OR "broker_id" NOT IN ("requester_id", "target_id")`)
@Check('ck_introductions_pending_broker', `"status" <> 'PENDING_BROKER' OR "broker_id" IS NOT NULL`)
@Check('ck_introductions_message_length', `char_length("message") BETWEEN 20 AND 1000`)
@Check('ck_introductions_notes_length', `char_length("broker_note") <= 1000 AND char_length("response_note") <= 1000`)
@Check('ck_introductions_declined_by', `"declined_by" IN ('BROKER', 'TARGET')`)
@Check('ck_introductions_origin', `"origin" IN ('INTRODUCTION', 'MET_AT_EVENT', 'WORKED_TOGETHER')`)
@Index('idx_introductions_requester_id_created_at', ['requesterId', 'createdAt', 'id'])
@Index('idx_introductions_target_id_created_at', ['targetId', 'createdAt', 'id'])
@Index('idx_introductions_broker_id_created_at', ['brokerId', 'createdAt', 'id'], { where: '"broker_id" IS NOT NULL' })
// At most one open request between two people, whoever asked; made in the migration.
@Index('uq_introductions_open_pair', { synchronize: false })
@Index('idx_introductions_expires_at', ['expiresAt'], { where: `"status" IN ('PENDING_BROKER', 'PENDING_TARGET')` })
export class IntroductionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  @ForeignKey('PractitionerEntity', { onDelete: 'CASCADE' })
  requesterId: string;

  @Column('uuid')
  @ForeignKey('PractitionerEntity', { onDelete: 'CASCADE' })
  targetId: string;

  /** The mutual connection asked to pass the request on; null for a direct request. */
  @Column('uuid', { nullable: true })
  @ForeignKey('PractitionerEntity', { onDelete: 'CASCADE' })
  brokerId: string | null;

  @Column('text')
  message: string;

  /** How the requester knows the target (a direct request), or INTRODUCTION. */
  @Column('varchar', { length: 20, default: 'INTRODUCTION' })
  origin: string;

  @Column('varchar', { length: 20 })
  status: IntroductionStatus;

  /** The broker's words to the target when passing it on; never shown to the requester. */
  @Column('text', { nullable: true })
  brokerNote: string | null;

  /** The target's words on accepting (shown to the requester) or declining (shown to nobody else). */
  @Column('text', { nullable: true })
  responseNote: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column('timestamptz')
  expiresAt: Date;

  /** When the target was first asked (at once for a direct request, when passed on for a brokered one). */
  @Column('timestamptz', { nullable: true })
  reachedTargetAt: Date | null;

  @Column('timestamptz', { nullable: true })
  brokerRespondedAt: Date | null;

  /**
   * Who declined it: the broker (the person asked never saw it) or the person asked.
   * Only the person asked saying no holds the requester back from asking them again.
   */
  @Column('varchar', { length: 10, nullable: true })
  declinedBy: 'BROKER' | 'TARGET' | null;

  /** When it reached its final state. */
  @Column('timestamptz', { nullable: true })
  closedAt: Date | null;

  @VersionColumn({ default: 1 })
  version: number;
}
