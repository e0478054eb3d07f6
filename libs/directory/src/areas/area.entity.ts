import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

export const AREA_KINDS = ['REGION', 'LOCAL_AUTHORITY', 'LOCALITY', 'WARD'] as const;
export type AreaKindValue = (typeof AREA_KINDS)[number];

/** A place in the tree region > local authority > locality > ward. */
@Entity('areas')
@Check('ck_areas_kind', `"kind" IN ('REGION', 'LOCAL_AUTHORITY', 'LOCALITY', 'WARD')`)
@Index('uq_areas_code', ['code'], { unique: true, where: `"code" IS NOT NULL` })
@Index('idx_areas_parent_id', ['parentId'])
export class AreaEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { nullable: true })
  @ForeignKey('AreaEntity', { onDelete: 'RESTRICT' })
  parentId: string | null;

  @Column('varchar', { length: 20 })
  kind: AreaKindValue;

  @Column('varchar', { length: 120 })
  name: string;

  /** ONS GSS code (E08000030 for Walsall, E05... for wards); council-defined for localities. */
  @Column('varchar', { length: 20, nullable: true })
  code: string | null;

  /** Ids from the root down to this area, kept by a trigger; GIN-indexed (see the migration). */
  @Index('idx_areas_path_ids', { synchronize: false })
  @Column({ type: 'uuid', array: true, insert: false, update: false })
  pathIds: string[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
