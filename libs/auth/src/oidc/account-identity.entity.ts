import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * An account's sign-in at an identity provider: the provider's issuer and its subject
 * (`sub`) for the person, and the Entra tenant (`tid`) it came from. One provider identity
 * belongs to one account at most; an account may have several.
 */
@Entity('account_identities')
@Index('uq_account_identities_issuer_subject', ['issuer', 'subject'], { unique: true })
@Index('idx_account_identities_account_id', ['accountId'])
export class AccountIdentityEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  @ForeignKey('AccountEntity', { onDelete: 'CASCADE' })
  accountId: string;

  /** The `iss` of the id tokens (for Entra, the tenant's own issuer). */
  @Column('varchar', { length: 500 })
  issuer: string;

  @Column('varchar', { length: 255 })
  subject: string;

  @Column('varchar', { length: 64, nullable: true })
  tenantId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column('timestamptz', { nullable: true })
  lastSignInAt: Date | null;
}
