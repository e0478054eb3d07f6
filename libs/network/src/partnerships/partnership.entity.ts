import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';

export const PARTNERSHIP_KINDS = ['PARTNERS_WITH', 'MEMBER_OF'] as const;
export type PartnershipKind = (typeof PARTNERSHIP_KINDS)[number];

/**
 * A link between two organisations: `organisation` partners with `partner`, or is a
 * member of it (a network or partnership). Proposed by an admin of one side, it counts
 * once an admin of the other side confirms.
 */
@Entity('organisation_partnerships')
@Check('ck_organisation_partnerships_kind', `"kind" IN ('PARTNERS_WITH', 'MEMBER_OF')`)
@Check('ck_organisation_partnerships_not_self', `"organisation_id" <> "partner_id"`)
@Check('ck_organisation_partnerships_proposer', `"proposed_by_organisation_id" IN ("organisation_id", "partner_id")`)
@Index('idx_organisation_partnerships_partner_id', ['partnerId'])
// One link of a kind per pair (either way round for PARTNERS_WITH); made in the migration.
@Index('uq_organisation_partnerships_pair', { synchronize: false })
export class PartnershipEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  @ForeignKey('OrganisationEntity', { onDelete: 'CASCADE' })
  organisationId: string;

  @Column('uuid')
  @ForeignKey('OrganisationEntity', { onDelete: 'CASCADE' })
  partnerId: string;

  @Column('varchar', { length: 20 })
  kind: PartnershipKind;

  /** Which side proposed it: the other side confirms. */
  @Column('uuid')
  proposedByOrganisationId: string;

  @Column('uuid', { nullable: true })
  @ForeignKey('AccountEntity', { onDelete: 'SET NULL' })
  proposedBy: string | null;

  @Column('uuid', { nullable: true })
  @ForeignKey('AccountEntity', { onDelete: 'SET NULL' })
  confirmedBy: string | null;

  /** Set when the other side confirmed; until then the link does not count. */
  @Column('timestamptz', { nullable: true })
  confirmedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
