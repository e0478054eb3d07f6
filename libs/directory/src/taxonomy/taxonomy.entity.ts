import {
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import { SourceFeedColumn, SourceIdColumn, UniqueSourceId } from '../shared/source-columns.js';

/** A vocabulary: cohesion themes, service types. */
@Entity('taxonomies')
@Unique('uq_taxonomies_code', ['code'])
@UniqueSourceId('taxonomies')
export class TaxonomyEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stable machine name, e.g. `cohesion-themes`. */
  @Column('varchar', { length: 60 })
  code: string;

  @Column('varchar', { length: 120 })
  name: string;

  @Column('text', { nullable: true })
  description: string | null;

  @Column('varchar', { length: 300, nullable: true })
  uri: string | null;

  @Column('varchar', { length: 20, nullable: true })
  version: string | null;

  @SourceFeedColumn()
  sourceFeed: string | null;

  @SourceIdColumn()
  sourceId: string | null;
}

/** A term in a vocabulary; terms form a tree and a filter by a term includes its descendants. */
@Entity('taxonomy_terms')
@Unique('uq_taxonomy_terms_taxonomy_id_code', ['taxonomyId', 'code'])
@Index('idx_taxonomy_terms_parent_id', ['parentId'])
@Index('idx_taxonomy_terms_parent_source_id', ['parentSourceId'], { where: '"parent_source_id" IS NOT NULL' })
@UniqueSourceId('taxonomy_terms')
export class TaxonomyTermEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  @ForeignKey('TaxonomyEntity', { onDelete: 'RESTRICT' })
  taxonomyId: string;

  @Column('uuid', { nullable: true })
  @ForeignKey('TaxonomyTermEntity', { onDelete: 'RESTRICT' })
  parentId: string | null;

  /** Stable machine name within its taxonomy, e.g. `hate-crime`. */
  @Column('varchar', { length: 60 })
  code: string;

  @Column('varchar', { length: 120 })
  name: string;

  @Column('text', { nullable: true })
  description: string | null;

  @Column('varchar', { length: 300, nullable: true })
  termUri: string | null;

  @SourceFeedColumn()
  sourceFeed: string | null;

  @SourceIdColumn()
  sourceId: string | null;

  /**
   * An imported term's parent as its publisher names it (the publisher's id); the term
   * goes under that parent as soon as an import brings it, whatever the order.
   */
  @Column('uuid', { nullable: true })
  parentSourceId: string | null;

  /** Ids from the root term down to this one, kept by a trigger; GIN-indexed (see the migration). */
  @Index('idx_taxonomy_terms_path_ids', { synchronize: false })
  @Column({ type: 'uuid', array: true, insert: false, update: false })
  pathIds: string[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

/**
 * The id a publisher gives a taxonomy that an import matched by name to one already
 * here, so its terms that name the taxonomy only by taxonomy_id find it.
 */
@Entity('taxonomy_sources')
@Index('idx_taxonomy_sources_taxonomy_id', ['taxonomyId'])
export class TaxonomySourceEntity {
  /** The publisher's id for the taxonomy. */
  @PrimaryColumn('uuid')
  sourceId: string;

  @Column('uuid')
  @ForeignKey('TaxonomyEntity', { onDelete: 'CASCADE' })
  taxonomyId: string;

  @SourceFeedColumn()
  sourceFeed: string | null;
}

/**
 * The id a publisher gives a term that an import matched to one already here (one of
 * this directory's vocabularies, or a term another feed brought), so a term naming it as
 * its parent finds it. A term the import created keeps the publisher's id as its source_id.
 */
@Entity('taxonomy_term_sources')
@Index('idx_taxonomy_term_sources_term_id', ['termId'])
export class TaxonomyTermSourceEntity {
  /** The publisher's id for the term. */
  @PrimaryColumn('uuid')
  sourceId: string;

  @Column('uuid')
  @ForeignKey('TaxonomyTermEntity', { onDelete: 'CASCADE' })
  termId: string;

  @SourceFeedColumn()
  sourceFeed: string | null;
}
