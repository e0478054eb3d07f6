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
