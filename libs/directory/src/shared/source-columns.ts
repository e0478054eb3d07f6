import { Column, Index } from 'typeorm';

/**
 * Records that arrive from another publisher (an Open Referral UK feed or a saved copy of
 * one) say where they came from; records made in this directory leave both columns null.
 */

/** The feed's address, or the file's name, the record was last imported from. */
export function SourceFeedColumn(): PropertyDecorator {
  return Column('varchar', { length: 500, nullable: true });
}

/** The record's id at its source (the publisher's uuid). */
export function SourceIdColumn(): PropertyDecorator {
  return Column('uuid', { nullable: true });
}

/** An imported record is found again by its source id: one row per source id. */
export function UniqueSourceId(table: string): ClassDecorator {
  return Index(`uq_${table}_source_id`, ['sourceId'], { unique: true, where: '"source_id" IS NOT NULL' });
}
