import { CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn, Column } from 'typeorm';

/**
 * Every partnership proposal made, kept after the proposal itself is confirmed, turned
 * down or withdrawn: proposing tells the other side's admins, so proposals are limited
 * per pair of organisations and per person proposing (see PARTNERSHIP_RULES).
 */
@Entity('partnership_proposals')
@Index('idx_partnership_proposals_pair', ['organisationId', 'partnerId', 'createdAt'])
@Index('idx_partnership_proposals_proposed_by', ['proposedBy', 'createdAt'])
export class PartnershipProposalEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  @ForeignKey('OrganisationEntity', { onDelete: 'CASCADE' })
  organisationId: string;

  @Column('uuid')
  @ForeignKey('OrganisationEntity', { onDelete: 'CASCADE' })
  partnerId: string;

  /** The account that proposed it. */
  @Column('uuid')
  @ForeignKey('AccountEntity', { onDelete: 'CASCADE' })
  proposedBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
