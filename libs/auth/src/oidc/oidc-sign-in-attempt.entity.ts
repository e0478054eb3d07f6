import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';

export const OIDC_OUTCOMES = ['SIGNED_IN', 'LINK_REQUIRED', 'REFUSED'] as const;
export type OidcOutcome = (typeof OIDC_OUTCOMES)[number];

/**
 * One council sign-in, from leaving for the provider to the tokens being handed over
 * (see oidc-sign-in.state-machine.ts). The state, the nonce and the PKCE verifier stay on
 * the server; only hashes of the state, of the browser's cookie and of the one-time code
 * handed back are kept, so a copy of this table signs nobody in.
 */
@Entity('oidc_sign_in_attempts')
@Index('uq_oidc_sign_in_attempts_state_hash', ['stateHash'], { unique: true })
@Index('uq_oidc_sign_in_attempts_code_hash', ['codeHash'], { unique: true, where: `"code_hash" IS NOT NULL` })
@Index('idx_oidc_sign_in_attempts_created_at', ['createdAt'])
@Index('idx_oidc_sign_in_attempts_account_link_id', ['accountLinkId'], { where: `"account_link_id" IS NOT NULL` })
@Check(
  'ck_oidc_sign_in_attempts_outcome',
  `"outcome" IS NULL OR "outcome" IN ('SIGNED_IN', 'LINK_REQUIRED', 'REFUSED')`,
)
export class OidcSignInAttemptEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  @ForeignKey('OidcConnectionEntity', { onDelete: 'CASCADE' })
  connectionId: string;

  @Column('char', { length: 64 })
  stateHash: string;

  /** SHA-256 of the random value in the cookie of the browser that started: the callback must come from it. */
  @Column('char', { length: 64 })
  browserHash: string;

  @Column('varchar', { length: 64 })
  nonce: string;

  @Column('varchar', { length: 128 })
  codeVerifier: string;

  /** Until when the provider may send the person back. */
  @Column('timestamptz')
  expiresAt: Date;

  /** When the provider sent the person back: the state is spent from then on. */
  @Column('timestamptz', { nullable: true })
  calledBackAt: Date | null;

  @Column('varchar', { length: 20, nullable: true })
  outcome: OidcOutcome | null;

  /** Why a sign-in was refused (a code from `OidcRefusal`), for the person and the logs. */
  @Column('varchar', { length: 40, nullable: true })
  refusal: string | null;

  /** The account signed in, or the one that must be proven before it is linked. */
  @Column('uuid', { nullable: true })
  @ForeignKey('AccountEntity', { onDelete: 'CASCADE' })
  accountId: string | null;

  /** The identity to link once the person proves they hold `accountId` (LINK_REQUIRED). */
  @Column('varchar', { length: 500, nullable: true })
  issuer: string | null;

  @Column('varchar', { length: 255, nullable: true })
  subject: string | null;

  @Column('varchar', { length: 64, nullable: true })
  tenantId: string | null;

  /** The emailed link that can prove the account instead of its password. */
  @Column('uuid', { nullable: true })
  @ForeignKey('AccountLinkEntity', { onDelete: 'SET NULL' })
  accountLinkId: string | null;

  /** SHA-256 of the one-time code handed back to the client, and until when it works. */
  @Column('char', { length: 64, nullable: true })
  codeHash: string | null;

  @Column('timestamptz', { nullable: true })
  codeExpiresAt: Date | null;

  /** When the code was exchanged for tokens: nothing more happens after. */
  @Column('timestamptz', { nullable: true })
  completedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
