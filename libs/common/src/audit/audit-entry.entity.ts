import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Append-only record of a change: who, what, before, after, when. A database trigger
 * refuses UPDATE and DELETE on this table, so history cannot be rewritten by the app.
 */
@Entity('audit_entries')
@Index('idx_audit_entries_entity', ['entityType', 'entityId', 'at'])
@Index('idx_audit_entries_at', ['at'])
export class AuditEntryEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @CreateDateColumn({ type: 'timestamptz' })
  at: Date;

  /** The account that made the change; null for system work such as imports and seeding. */
  @Column('uuid', { nullable: true })
  actorAccountId: string | null;

  @Column('varchar', { length: 40 })
  entityType: string;

  @Column('uuid')
  entityId: string;

  @Column('varchar', { length: 40 })
  action: string;

  @Column('jsonb', { nullable: true })
  before: Record<string, unknown> | null;

  @Column('jsonb', { nullable: true })
  after: Record<string, unknown> | null;

  @Column('varchar', { length: 64, nullable: true })
  requestId: string | null;
}
