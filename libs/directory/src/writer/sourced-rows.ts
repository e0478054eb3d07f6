import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * Where a record came from: the feed's address or the file's name (`source`, kept in
 * `source_feed`) and its id there (`sourceId`, kept in `source_id`). The directory's
 * writer finds imported records again by it.
 */
export interface SourceKey {
  source: string;
  sourceId: string;
}

/** The rows of `table` imported with this source id, or listed here with it as their id; locked. */
export async function rowsBySourceId(
  manager: EntityManager,
  table: 'organisations' | 'services',
  sourceId: string,
): Promise<{ id: string; sourceId: string | null; name: string }[]> {
  return manager.query(
    `SELECT id, source_id AS "sourceId", name FROM ${table} WHERE source_id = $1 OR id = $1 FOR UPDATE`,
    [sourceId],
  );
}

/** The tables whose rows may keep a publisher's id as their own. */
export type IdTable = 'service_schedules' | 'service_contacts' | 'service_cost_options' | 'service_locations';

/** Which of `ids` no row of `table` has yet. */
export async function freeIds(manager: EntityManager, table: IdTable, ids: (string | null)[]): Promise<Set<string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Set();
  const taken = await manager.query<{ id: string }[]>(`SELECT id FROM ${table} WHERE id = ANY($1::uuid[])`, [wanted]);
  return new Set(wanted.filter((id) => !taken.some((row) => row.id === id)));
}

/** `base`, or `base-2`, `base-3`...: the first code no row of `table` (in the taxonomy) has. */
export async function freeCode(
  manager: EntityManager,
  table: 'taxonomies' | 'taxonomy_terms',
  base: string,
  taxonomyId?: string,
): Promise<string> {
  const stem = base.slice(0, 55).replace(/-+$/, '');
  const rows = await manager.query<{ code: string }[]>(
    `SELECT code FROM ${table} WHERE (code = $1 OR code LIKE $1 || '-%')${taxonomyId ? ' AND taxonomy_id = $2' : ''}`,
    taxonomyId ? [stem, taxonomyId] : [stem],
  );
  const taken = new Set(rows.map((row) => row.code));
  if (!taken.has(stem)) return stem;
  for (let n = 2; ; n++) if (!taken.has(`${stem}-${n}`)) return `${stem}-${n}`;
}

/** Inserts the rows, when there are any (a seeded record's links, parts...). */
export async function insertRows<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  rows: Partial<T>[],
): Promise<void> {
  if (rows.length) await manager.insert(entity, rows);
}
