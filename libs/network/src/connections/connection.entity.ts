import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';

export const CONNECTION_ORIGINS = ['INTRODUCTION', 'MET_AT_EVENT', 'WORKED_TOGETHER'] as const;
export type ConnectionOrigin = (typeof CONNECTION_ORIGINS)[number];

/**
 * Two practitioners who know each other. Undirected: stored once, with the smaller id
 * first, so "are A and B connected" is one index lookup whichever way it is asked.
 */
@Entity('connections')
@Unique('uq_connections_pair', ['practitionerAId', 'practitionerBId'])
@Check('ck_connections_ordered_pair', `"practitioner_a_id" < "practitioner_b_id"`)
@Check('ck_connections_origin', `"origin" IN ('INTRODUCTION', 'MET_AT_EVENT', 'WORKED_TOGETHER')`)
// With the pair's unique index (a, b), every neighbour list is an index-only scan either way round.
@Index('idx_connections_practitioner_b_id_practitioner_a_id', ['practitionerBId', 'practitionerAId'])
export class ConnectionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  @ForeignKey('PractitionerEntity', { onDelete: 'CASCADE' })
  practitionerAId: string;

  @Column('uuid')
  @ForeignKey('PractitionerEntity', { onDelete: 'CASCADE' })
  practitionerBId: string;

  @Column('varchar', { length: 20 })
  origin: ConnectionOrigin;

  /** When they became connected. */
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** The stored order of a pair. */
export function orderedPair(one: string, other: string): [string, string] {
  return one < other ? [one, other] : [other, one];
}
