import type { EntityManager } from 'typeorm';

/** Every column, camel-cased, plus the identifiers, so one query yields a whole organisation. */
export const ORGANISATION_COLUMNS = `
  o.id, o.name, o.kind, o.description, o.website, o.email, o.phone,
  o.address_line1 AS "addressLine1", o.address_line2 AS "addressLine2", o.town, o.postcode,
  o.latitude, o.longitude, o.faith_tradition AS "faithTradition", o.languages, o.verified,
  o.verified_at AS "verifiedAt", o.verified_by AS "verifiedBy",
  o.changed_since_verification_at AS "changedSinceVerificationAt", o.visibility,
  o.named_in_grants_data AS "namedInGrantsData", o.is_demo AS "isDemo",
  o.version, o.created_by AS "createdBy", o.created_at AS "createdAt", o.updated_at AS "updatedAt",
  lower(o.name) AS "sortName",
  ARRAY(SELECT i.scheme || '-' || i.identifier FROM organisation_identifiers i
         WHERE i.organisation_id = o.id ORDER BY i.scheme, i.identifier) AS identifiers`;

/** The state the directory's audit rows record of an organisation: its own fields and its links. */
export async function organisationSnapshot(
  manager: Pick<EntityManager, 'query'>,
  id: string,
): Promise<Record<string, unknown>> {
  const [row] = await manager.query<Record<string, unknown>[]>(
    `SELECT ${ORGANISATION_COLUMNS},
            ARRAY(SELECT area_id FROM organisation_areas WHERE organisation_id = o.id ORDER BY area_id) AS "areaIds",
            ARRAY(SELECT term_id FROM organisation_themes WHERE organisation_id = o.id ORDER BY term_id) AS "themeIds"
       FROM organisations o WHERE o.id = $1`,
    [id],
  );
  const { sortName: _sortName, createdAt: _createdAt, updatedAt: _updatedAt, ...state } = row;
  return state;
}
