import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';

/** A person's sign-in. Their practitioner profile shares this id. */
@Entity('accounts')
@Unique('uq_accounts_email', ['email'])
@Check('ck_accounts_email_lowercase', `"email" = lower("email")`)
/** Only an erased account (a tombstone kept so records about its work stay true) has no address. */
@Check('ck_accounts_email_unless_erased', `"email" IS NOT NULL OR "erased_at" IS NOT NULL`)
/** What the worker's purge of never-verified accounts reads. */
@Index('idx_accounts_never_verified', ['createdAt'], { where: `"email_verified_at" IS NULL` })
export class AccountEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stored trimmed and lower-cased: emails are case-insensitive and unique. Null once erased, so the address is free. */
  @Column('varchar', { length: 254, nullable: true })
  email: string | null;

  /**
   * argon2id hash; never leaves the auth module. Null for an account made by a council
   * sign-in (until the person sets a password through a reset link), and once erased.
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

  /** Set by a platform ADMIN: the account cannot sign in and its profile is out of the network until lifted. */
  @Column('timestamptz', { nullable: true })
  suspendedAt: Date | null;

  /** The ADMIN who suspended it. */
  @Column('uuid', { nullable: true })
  @ForeignKey('AccountEntity', { onDelete: 'SET NULL' })
  suspendedBy: string | null;

  /**
   * When the person deleted their account. The row stays as a tombstone (every personal
   * column cleared) so grant records and audit entries that name it stay true, attributed
   * to this id as a "Former member"; it can never sign in or be found again.
   */
  @Column('timestamptz', { nullable: true })
  erasedAt: Date | null;

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

/** An account that has not been erased: it still has its address. */
export type LiveAccount = AccountEntity & { email: string };
