import { Check, CreateDateColumn, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';

/**
 * One practitioner blocking another. Either direction hides each from the other in
 * search, suggestions, introduction paths and the network graph, and stops requests.
 */
@Entity('practitioner_blocks')
@Check('ck_practitioner_blocks_not_self', `"blocker_id" <> "blocked_id"`)
@Index('idx_practitioner_blocks_blocked_id_blocker_id', ['blockedId', 'blockerId'])
export class BlockEntity {
  @PrimaryColumn('uuid')
  @ForeignKey('PractitionerEntity', { onDelete: 'CASCADE' })
  blockerId: string;

  @PrimaryColumn('uuid')
  @ForeignKey('PractitionerEntity', { onDelete: 'CASCADE' })
  blockedId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
