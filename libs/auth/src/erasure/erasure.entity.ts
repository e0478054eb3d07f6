import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The accounts that were erased, and when: nothing personal, only the id. Kept so that a
 * database restored from a backup taken before an erasure can be erased again
 * (`npm run erasures:reapply`). No foreign key: the list must outlive any row it names.
 */
@Entity('erasures')
@Index('idx_erasures_erased_at', ['erasedAt', 'accountId'])
export class ErasureEntity {
  @PrimaryColumn('uuid')
  accountId: string;

  @Column('timestamptz', { default: () => 'now()' })
  erasedAt: Date;
}
