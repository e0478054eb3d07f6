import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';

/** What following a link does. */
export const ACCOUNT_LINK_PURPOSES = ['VERIFY_EMAIL', 'RESET_PASSWORD', 'LINK_SIGN_IN'] as const;
export type AccountLinkPurpose = (typeof ACCOUNT_LINK_PURPOSES)[number];

/**
 * A single-use link emailed to a person: to verify an address (the account's own, or the
 * new one it asked to change to), to reset a password, or to link a council sign-in to
 * the account (LINK_SIGN_IN). Only the SHA-256 of its token is
 * kept. It works once, before `expiresAt`, and not after a newer link of the same purpose
 * replaced it (see account-link.state-machine.ts).
 */
@Entity('account_links')
@Unique('uq_account_links_token_hash', ['tokenHash'])
@Index('idx_account_links_account_id_purpose', ['accountId', 'purpose', 'createdAt'])
@Check('ck_account_links_purpose', `"purpose" IN ('VERIFY_EMAIL', 'RESET_PASSWORD', 'LINK_SIGN_IN')`)
@Check('ck_account_links_email_lowercase', `"email" = lower("email")`)
export class AccountLinkEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  @ForeignKey('AccountEntity', { onDelete: 'CASCADE' })
  accountId: string;

  @Column('varchar', { length: 20 })
  purpose: AccountLinkPurpose;

  /** The address the link was sent to: for VERIFY_EMAIL, the address it verifies (maybe a new one). */
  @Column('varchar', { length: 254 })
  email: string;

  @Column('char', { length: 64 })
  tokenHash: string;

  @Column('timestamptz')
  expiresAt: Date;

  @Column('timestamptz', { nullable: true })
  usedAt: Date | null;

  /** Set when a newer link of the same purpose was sent, or the account changed so the link no longer holds. */
  @Column('timestamptz', { nullable: true })
  supersededAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
