import {
  allOf,
  containsTextSql,
  keysetPage,
  SqlParams,
  type ConnectionShape,
  type Db,
  byNameSort,
} from '@cohesion/common';
import type { TaxonomyTermsFilter } from './dto/taxonomy.inputs.js';
import type { TaxonomyTermEntity } from './taxonomy.entity.js';

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

/** A term linked to an owner (`linkedTermsSql`), with the owner's id. */
export type LinkedTermRow = TaxonomyTermEntity & { ownerId: string };

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

export const TERM_SORT = byNameSort<TermRow>('t.name', 't.id', (row) => [row.sort_name, row.id]);

/** A page of the terms the filter selects, by name. */
export function termPage<T>(
  db: Db,
  filter: TaxonomyTermsFilter | undefined,
  page: { first: number; after?: string },
  toNode: (row: TermRow) => T,
): Promise<ConnectionShape<T>> {
  const params = new SqlParams();
  const where = allOf([
    filter?.taxonomy && `t.taxonomy_id = (SELECT id FROM taxonomies WHERE code = ${params.add(filter.taxonomy)})`,
    filter?.parentId && `t.parent_id = ${params.add(filter.parentId)}`,
    filter?.topOnly && 't.parent_id IS NULL',
    filter?.nameContains && containsTextSql('t.name', filter.nameContains, params),
  ]);
  return keysetPage(db, {
    select:
      't.id, t.taxonomy_id, t.parent_id, t.code, t.name, t.description, t.term_uri, t.path_ids, lower(t.name) AS sort_name',
    from: 'taxonomy_terms t',
    where,
    params,
    sort: TERM_SORT,
    page,
    toNode,
  });
}

/** A term found by its vocabulary's code and its own. */
export interface TermByCodeRow {
  id: string;
  vocabulary: string;
  code: string;
}

/** The terms named by vocabulary code and term code, in one statement. */
export function termsByCode(db: Db, wanted: { vocabulary: string; code: string }[]): Promise<TermByCodeRow[]> {
  return db.query<TermByCodeRow[]>(
    `SELECT t.id, x.code AS vocabulary, t.code FROM taxonomy_terms t JOIN taxonomies x ON x.id = t.taxonomy_id
      WHERE (x.code, t.code) IN (SELECT * FROM unnest($1::text[], $2::text[]))`,
    [wanted.map((item) => item.vocabulary), wanted.map((item) => item.code)],
  );
}

/** A term with the code of its taxonomy. */
export interface TermTaxonomyRow {
  id: string;
  taxonomy: string;
}

/** The terms among `ids`, each with its taxonomy's code. */
export function termTaxonomies(db: Db, ids: string[]): Promise<TermTaxonomyRow[]> {
  return db.query<TermTaxonomyRow[]>(
    `SELECT t.id, x.code AS taxonomy FROM taxonomy_terms t JOIN taxonomies x ON x.id = t.taxonomy_id
      WHERE t.id = ANY($1::uuid[])`,
    [ids],
  );
}
