import {
  allOf,
  containsTextSql,
  keysetPage,
  SqlParams,
  type ConnectionShape,
  type Db,
  byNameSort,
} from '@cohesion/common';
import type { AreaEntity, AreaKindValue } from './area.entity.js';
import type { AreasFilter } from './dto/area.inputs.js';

/** An area as the area list reads it (alias `a`, snake_case). */
export interface AreaRow {
  id: string;
  parent_id: string | null;
  kind: AreaKindValue;
  name: string;
  code: string | null;
  path_ids: string[];
  sort_name: string;
}

/** An area linked to an owner (`linkedAreasSql`), with the owner's id. */
export type LinkedAreaRow = AreaEntity & { ownerId: string };

const AREA_SORT = byNameSort<AreaRow>('a.name', 'a.id', (row) => [row.sort_name, row.id]);

/** A page of the areas the filter selects, by name. */
export function areaPage<T>(
  db: Db,
  filter: AreasFilter | undefined,
  page: { first: number; after?: string },
  toNode: (row: AreaRow) => T,
): Promise<ConnectionShape<T>> {
  const params = new SqlParams();
  const where = allOf([
    filter?.kinds?.length && `a.kind = ANY(${params.add(filter.kinds)}::varchar[])`,
    filter?.parentId && `a.parent_id = ${params.add(filter.parentId)}`,
    filter?.within && `a.path_ids && ARRAY[${params.add(filter.within)}]::uuid[]`,
    filter?.rootsOnly && 'a.parent_id IS NULL',
    filter?.nameContains && containsTextSql('a.name', filter.nameContains, params),
    filter?.codes?.length && `a.code = ANY(${params.add(filter.codes)}::varchar[])`,
  ]);
  return keysetPage(db, {
    select: 'a.id, a.parent_id, a.kind, a.name, a.code, a.path_ids, lower(a.name) AS sort_name',
    from: 'areas a',
    where,
    params,
    sort: AREA_SORT,
    page,
    toNode,
  });
}

/** Which of `ids` are areas. */
export async function knownAreaIds(db: Db, ids: string[]): Promise<Set<string>> {
  const found = await db.query<{ id: string }[]>('SELECT id FROM areas WHERE id = ANY($1::uuid[])', [ids]);
  return new Set(found.map((row) => row.id));
}

/**
 * The areas linked to each owner of the uuid[] SQL expression `ownerIds` through the
 * link table `link` (owner column `ownerColumn`, area column area_id), by name, each row
 * with its "ownerId".
 */
export function linkedAreasSql(link: string, ownerColumn: string, ownerIds: string): string {
  return `SELECT x.${ownerColumn} AS "ownerId", a.id, a.parent_id AS "parentId", a.kind, a.name, a.code,
              a.path_ids AS "pathIds"
         FROM ${link} x JOIN areas a ON a.id = x.area_id
        WHERE x.${ownerColumn} = ANY(${ownerIds})
        ORDER BY a.name`;
}
