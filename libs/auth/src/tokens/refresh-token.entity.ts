import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';

/**
 * An opaque refresh token, stored only as its SHA-256. Each use rotates it: the row
 * is marked used and a successor is issued in the same family. Presenting a used or
 * revoked token again revokes the whole family (the token was probably stolen).
 */
@Entity('refresh_tokens')
@Unique('uq_refresh_tokens_token_hash', ['tokenHash'])
@Index('idx_refresh_tokens_family_id', ['familyId'])
@Index('idx_refresh_tokens_account_id', ['accountId'])
export class RefreshTokenEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  @ForeignKey('AccountEntity', { onDelete: 'CASCADE' })
  accountId: string;

  /** All tokens descended from one sign-in share a family. */
  @Column('uuid')
  familyId: string;

  @Column('char', { length: 64 })
  tokenHash: string;

  @Column('timestamptz')
  expiresAt: Date;

  /** Set when the token was exchanged for its successor. */
  @Column('timestamptz', { nullable: true })
  usedAt: Date | null;

  @Column('timestamptz', { nullable: true })
  revokedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
