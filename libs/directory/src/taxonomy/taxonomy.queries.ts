import type { KeysetSort } from '@cohesion/common';

/** A term as the term list reads it (alias `t`, snake_case). */
export interface TermRow {
  id: string;
  taxonomy_id: string;
  parent_id: string | null;
  code: string;
  name: string;
  description: string | null;
  term_uri: string | null;
  path_ids: string[];
  sort_name: string;
}

/** Term columns camel-cased (alias `t`), for joins that return whole terms. */
export const TERM_COLUMNS = `t.id, t.taxonomy_id AS "taxonomyId", t.parent_id AS "parentId", t.code, t.name,
  t.description, t.term_uri AS "termUri", t.path_ids AS "pathIds"`;

/**
 * The terms linked to each owner of the uuid[] SQL expression `ownerIds` through the
 * link table `link` (owner column `ownerColumn`, term column term_id), by name, each
 * row with its "ownerId".
 */
export function linkedTermsSql(link: string, ownerColumn: string, ownerIds: string): string {
  return `SELECT x.${ownerColumn} AS "ownerId", ${TERM_COLUMNS}
         FROM ${link} x JOIN taxonomy_terms t ON t.id = x.term_id
        WHERE x.${ownerColumn} = ANY(${ownerIds})
        ORDER BY t.name`;
}

export const TERM_SORT: KeysetSort<TermRow> = {
  expressions: ['lower(t.name)', 't.id'],
  parts: ['text', 'uuid'],
  valuesOf: (row) => [row.sort_name, row.id],
};
