/**
 * The directory's services and their parts as read models for SQL: what another domain (the
 * Open Referral UK feed) embeds in its own statements instead of naming the tables itself.
 * Each lists the columns other domains may rely on; the rest of each table is the
 * directory's to change. Parts are keyed by `service_id`; with no alias, the bare relation.
 */

const relation = (table: string, alias?: string): string => (alias ? `${table} ${alias}` : table);

/**
 * Services as `services <alias>`: id, organisation_id, name, description, url, email, status,
 * fees, eligibility_description, minimum_age, maximum_age, languages, assured_date,
 * assurer_email, updated_at, search_document (`cohesion_english`), and term_path_ids (its
 * terms, each with everything above it). Who may see one: ask `DIRECTORY_POLICY.seeService`.
 */
export const servicesSql = (alias: string): string => relation('services', alias);

/**
 * Where services are delivered as `service_locations <alias>`: id (the service at the
 * location), service_id, location_id.
 */
export const servicesAtLocationsSql = (alias: string): string => relation('service_locations', alias);

/**
 * Places as `locations <alias>`: id, location_type, name, description, latitude, longitude,
 * geocode_precision (`OUTWARD_CODE` when placed only at its postcode district's centre),
 * address_id, attention, address_line1, address_line2, town, region, state_province,
 * postcode, country, address_type, area_id (the smallest area it lies in).
 */
export const locationsSql = (alias: string): string => relation('locations', alias);

/**
 * When services run as `service_schedules [alias]`: id, service_id, freq, interval, byday,
 * opens_at, closes_at (times), valid_from, valid_to (dates), description.
 */
export const serviceSchedulesSql = (alias?: string): string => relation('service_schedules', alias);

/** Whom to contact about a service as `service_contacts [alias]`: id, service_id, name, title, email, phone. */
export const serviceContactsSql = (alias?: string): string => relation('service_contacts', alias);

/**
 * What services cost as `service_cost_options [alias]`: id, service_id, option, amount_pence,
 * amount_description, valid_from, valid_to.
 */
export const serviceCostOptionsSql = (alias?: string): string => relation('service_cost_options', alias);

/** The areas a service covers as `service_areas <alias>`: service_id, area_id. */
export const serviceAreasSql = (alias: string): string => relation('service_areas', alias);

/** A service's own terms (not those above them) as `service_taxonomy_terms <alias>`: service_id, term_id. */
export const serviceTaxonomyTermsSql = (alias: string): string => relation('service_taxonomy_terms', alias);

/**
 * An organisation's registered identifiers as `organisation_identifiers [alias]`: id,
 * organisation_id, scheme (an org-id register such as `GB-CHC`), identifier. To identify an
 * organisation by one of them, see `orgIdentifiersLateral`.
 */
export const organisationIdentifiersSql = (alias?: string): string => relation('organisation_identifiers', alias);
