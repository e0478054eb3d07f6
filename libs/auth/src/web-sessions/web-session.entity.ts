import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';

/**
 * A signed-in browser on the website. The cookie holds a random id; only its SHA-256 is
 * stored. Each web session is also a session of the account (a refresh-token family), so
 * whatever ends the account's sessions (sign out everywhere, a password reset or change,
 * a suspension) ends it too, checked on every request.
 */
@Entity('web_sessions')
@Unique('uq_web_sessions_token_hash', ['tokenHash'])
@Index('idx_web_sessions_account_id', ['accountId'])
export class WebSessionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('char', { length: 64 })
  tokenHash: string;

  @Column('uuid')
  @ForeignKey('AccountEntity', { onDelete: 'CASCADE' })
  accountId: string;

  /** The refresh-token family this sign-in began: revoked, the web session ends. */
  @Column('uuid')
  familyId: string;

  /** The account's session epoch at sign-in; "sign out everywhere" moves it on. */
  @Column('int')
  sessionEpoch: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  /** Last request seen (written at most once a minute): the idle timeout counts from here. */
  @Column('timestamptz', { default: () => 'now()' })
  lastSeenAt: Date;

  /** The absolute end, however active the session is. */
  @Column('timestamptz')
  expiresAt: Date;
}
