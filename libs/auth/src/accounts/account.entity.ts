import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';

/** A person's sign-in. Their practitioner profile shares this id. */
@Entity('accounts')
@Unique('uq_accounts_email', ['email'])
@Check('ck_accounts_email_lowercase', `"email" = lower("email")`)
/** What the worker's purge of never-verified accounts reads. */
@Index('idx_accounts_never_verified', ['createdAt'], { where: `"email_verified_at" IS NULL` })
export class AccountEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stored trimmed and lower-cased: emails are case-insensitive and unique. */
  @Column('varchar', { length: 254 })
  email: string;

  /**
   * argon2id hash; never leaves the auth module. Null for an account made by a council
   * sign-in, until the person sets a password through a reset link.
   */
  @Column('varchar', { length: 255, nullable: true })
  passwordHash: string | null;

  /**
   * When the person followed the link sent to `email`; null until then. Until it is set the
   * account may look after itself and nothing else (see AccessLevel `account`).
   */
  @Column('timestamptz', { nullable: true })
  emailVerifiedAt: Date | null;

  /** Bumped by "sign out everywhere": access tokens carry the epoch they were issued in. */
  @Column('integer', { default: 0 })
  sessionEpoch: number;

  @Column('timestamptz', { nullable: true })
  disabledAt: Date | null;

  @Column('timestamptz', { nullable: true })
  lastLoginAt: Date | null;

  /** Part of the demo dataset loaded on first start. */
  @Column('boolean', { default: false })
  isDemo: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
