/**
 * The area a grant's area is published as (its name and ONS code): the area itself when it
 * has an ONS code, otherwise its nearest ancestor that has one, so a grant for a council's own
 * locality, or a ward whose code is not yet known, is located in its district rather than
 * nowhere. No row when no area up the chain has a code. `onsCode` is the bound pattern.
 */
export function publishedAreaLateral(areaId: string, onsCode: string): string {
  return `LATERAL (
    WITH RECURSIVE up AS (
      SELECT id, parent_id, name, code, 0 AS depth FROM areas WHERE id = ${areaId}
      UNION ALL
      SELECT p.id, p.parent_id, p.name, p.code, up.depth + 1
        FROM up JOIN areas p ON p.id = up.parent_id
       WHERE (up.code IS NULL OR up.code !~ ${onsCode}) AND up.depth < 8
    )
    SELECT name, code FROM up WHERE code ~ ${onsCode} ORDER BY depth LIMIT 1
  )`;
}
