import { Column } from 'typeorm';

/** `setweight(to_tsvector(...))` of one column, for a search vector expression. */
export function weighted(column: string, weight: 'A' | 'B' | 'C' | 'D'): string {
  return `setweight(to_tsvector('cohesion_english', coalesce("${column}", '')), '${weight}')`;
}

/** The record's own text, weighted, kept by PostgreSQL as a generated column (never written by the app). */
export function SearchVectorColumn(...parts: string[]): PropertyDecorator {
  return Column({
    type: 'tsvector',
    select: false,
    insert: false,
    update: false,
    generatedType: 'STORED',
    asExpression: parts.join(' || '),
  });
}

/** Names of what the record is linked to (weight C), kept by triggers on the link tables. */
export function SearchTagsColumn(): PropertyDecorator {
  return Column({ type: 'tsvector', select: false, insert: false, update: false, default: '' });
}

/** Lower-cased, accent-free copy of a name column, for trigram matching of misspellings. */
export function SearchNameColumn(column: string): PropertyDecorator {
  return Column({
    type: 'text',
    select: false,
    insert: false,
    update: false,
    generatedType: 'STORED',
    asExpression: `search_normalise("${column}")`,
  });
}
