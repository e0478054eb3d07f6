/**
 * How an organisation is identified to other domains (360Giving data, reports): its
 * registered identifier in org-id form, preferring these registers in this order, then
 * any other register, then a 360G identifier. The directory owns `organisation_identifiers`;
 * other domains read it only through the fragments below.
 */
export const ORG_ID_PREFERENCE = [
  'GB-CHC',
  'GB-SC',
  'GB-NIC',
  'GB-COH',
  'GB-MPR',
  'GB-EDU',
  'GB-NHS',
  'GB-LAE',
] as const;

/** Registers whose identifiers are charity numbers, in the order one is chosen. */
export const CHARITY_SCHEMES = ['GB-CHC', 'GB-SC', 'GB-NIC'] as const;
export const COMPANY_SCHEME = 'GB-COH';
/** The scheme for groups without a registration; such a group is "unregistered". */
export const UNREGISTERED_SCHEME = '360G';

const literalArray = (values: readonly string[]) => `ARRAY[${values.map((value) => `'${value}'`).join(', ')}]::text[]`;

/** Rank of identifier `i` under ORG_ID_PREFERENCE: listed registers first, any other next, 360G last. */
const RANK = `COALESCE(array_position(${literalArray(ORG_ID_PREFERENCE)}, i.scheme::text),
  CASE WHEN i.scheme = '${UNREGISTERED_SCHEME}' THEN 1000 ELSE 100 END)`;

/**
 * A LATERAL subquery over the identifiers of the organisation whose id is
 * `organisationId` (a column reference such as `a.applicant_organisation_id`), giving
 * `<as>.identifier` (the preferred one, `SCHEME-ID`, or NULL when it has none),
 * `<as>.charity_number` and `<as>.company_number` (the bare numbers, or NULL). Join it
 * with `LEFT JOIN LATERAL (...) <as> ON TRUE`; it reads the organisation's identifiers once.
 */
export function orgIdentifiersLateral(organisationId: string): string {
  return `(SELECT (array_agg(i.scheme || '-' || i.identifier ORDER BY ${RANK}, i.scheme, i.identifier))[1] AS identifier,
                  (array_agg(i.identifier ORDER BY ${RANK}, i.identifier)
                     FILTER (WHERE i.scheme = ANY(${literalArray(CHARITY_SCHEMES)})))[1] AS charity_number,
                  (array_agg(i.identifier ORDER BY i.identifier)
                     FILTER (WHERE i.scheme = '${COMPANY_SCHEME}'))[1] AS company_number
             FROM organisation_identifiers i
            WHERE i.organisation_id = ${organisationId})`;
}

/**
 * True when the organisation whose id is `organisationId` (a column reference) has an
 * identifier from a register, that is any identifier other than a minted 360G one.
 */
export function hasRegisteredIdentifierSql(organisationId: string): string {
  return `EXISTS (SELECT 1 FROM organisation_identifiers oi
                           WHERE oi.organisation_id = ${organisationId} AND oi.scheme <> '${UNREGISTERED_SCHEME}')`;
}
