import type { EntityManager } from 'typeorm';

type Row = Record<string, unknown>;

/** An application with its fund's owner and the names of the areas it serves. */
export const APPLICATION_SQL = `
  SELECT a.*, f.owner_organisation_id,
         COALESCE((SELECT array_agg(ar.name ORDER BY ar.name) FROM grant_application_areas x
                     JOIN areas ar ON ar.id = x.area_id WHERE x.application_id = a.id), '{}') AS beneficiary_areas
    FROM grant_applications a JOIN grant_funds f ON f.id = a.fund_id`;

/** An application with its fund's owner, locked (FOR UPDATE) when asked. */
export async function loadApplication(manager: EntityManager, id: string, lock = false): Promise<Row | undefined> {
  const [row] = await manager.query<Row[]>(`${APPLICATION_SQL} WHERE a.id = $1${lock ? ' FOR UPDATE OF a' : ''}`, [id]);
  return row;
}
