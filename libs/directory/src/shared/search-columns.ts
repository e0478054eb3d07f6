import { Column } from 'typeorm';

/** `setweight(to_tsvector(...))` of one column, for a search vector expression. */
export function weighted(column: string, weight: 'A' | 'B' | 'C' | 'D'): string {
  return `setweight(to_tsvector('cohesion_english', coalesce("${column}", '')), '${weight}')`;
}

/**
 * What search matches and ranks: the record's own text, weighted, and its tags, kept by
 * PostgreSQL as a generated column (never written by the app) and GIN-indexed.
 */
export function SearchDocumentColumn(...parts: string[]): PropertyDecorator {
  return Column({
    type: 'tsvector',
    select: false,
    insert: false,
    update: false,
    generatedType: 'STORED',
    asExpression: [...parts, '"search_tags"'].join(' || '),
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

/**
 * Ids of the areas (or taxonomy terms) a record is linked to and everything above
 * them, kept by the same triggers as the tags and GIN-indexed, so a place or theme
 * filter is an index lookup on the searched row itself and combines with text search.
 */
export function SearchPathColumn(): PropertyDecorator {
  return Column({ type: 'uuid', array: true, select: false, insert: false, update: false, default: () => "'{}'" });
}
