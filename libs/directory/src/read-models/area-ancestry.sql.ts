/**
 * A LATERAL subquery giving the name and code of the area whose id is `areaId` (a column
 * reference) when its code matches the bound pattern `codePattern`, otherwise of its nearest
 * ancestor whose code does (at most eight levels up): so a council's own locality, or a ward
 * whose code is not yet known, is placed in its district rather than nowhere. No row when no
 * area up the chain has such a code. Join it with `JOIN ${nearestCodedAreaLateral(...)} pa ON TRUE`.
 */
export function nearestCodedAreaLateral(areaId: string, codePattern: string): string {
  return `LATERAL (
    WITH RECURSIVE up AS (
      SELECT id, parent_id, name, code, 0 AS depth FROM areas WHERE id = ${areaId}
      UNION ALL
      SELECT p.id, p.parent_id, p.name, p.code, up.depth + 1
        FROM up JOIN areas p ON p.id = up.parent_id
       WHERE (up.code IS NULL OR up.code !~ ${codePattern}) AND up.depth < 8
    )
    SELECT name, code FROM up WHERE code ~ ${codePattern} ORDER BY depth LIMIT 1
  )`;
}
