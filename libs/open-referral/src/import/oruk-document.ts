import { isObject, textOf, uuidOf, type Json } from './oruk-records.js';

/** What a record of an Open Referral document is. */
export type OrukRecordType = 'service' | 'organisation' | 'taxonomy' | 'taxonomy_term';

/**
 * One record to import, with where it is: its place in the file (`contents[3]`, empty
 * for a file that is the record itself) or its address in a feed (`services/{id}`).
 */
export interface OrukRecord {
  type: OrukRecordType | 'unknown';
  at: string;
  json: unknown;
  /** Set when the record could not be fetched; `json` is then empty. */
  fetchProblem?: string;
}

/** A record of the ORUK schema an object looks like, from the fields only that one of them has. */
export function recordTypeOf(record: Json): OrukRecordType | 'service_at_location' | 'unknown' {
  if (isObject(record.location) && (isObject(record.service) || 'service_id' in record)) return 'service_at_location';
  if (
    ['status', 'schedules', 'service_at_locations', 'organization', 'organization_id', 'cost_options'].some(
      (key) => key in record,
    )
  ) {
    return 'service';
  }
  if (['term', 'taxonomy', 'taxonomy_id', 'parent_id', 'term_uri'].some((key) => key in record)) return 'taxonomy_term';
  if (['taxonomy_terms', 'version'].some((key) => key in record)) return 'taxonomy';
  if (
    ['organization_identifiers', 'services', 'website', 'logo', 'parent_organization_id', 'uri'].some(
      (key) => key in record,
    )
  ) {
    return 'organisation';
  }
  return 'unknown';
}

/**
 * The document a feed's address answers (ORUK's api_details: its version, profile and
 * openapi_url): it describes the feed and holds no records. Told apart from a taxonomy,
 * which also has a version, by the fields only api_details has, and by having no id.
 */
export function isApiDetails(document: unknown): boolean {
  return isObject(document) && !('id' in document) && ('openapi_url' in document || 'profile' in document);
}

/** Where an item of a document is: `contents[3]`, `[3]`, `services[0]` under its parent. */
function join(base: string, key: string | number): string {
  if (typeof key === 'number') return `${base}[${key}]`;
  return base ? `${base}.${key}` : key;
}

/**
 * The records of a saved ORUK document: a single record (service_full.json,
 * organization_full.json with its services, service_at_location_full.json,
 * taxonomy.json with its terms, taxonomy_term.json), a list page (`{contents: [...]}`)
 * of any of them, or a plain array. Taxonomies come first, then terms, organisations and
 * services, so a service finds the terms and organisation the same file lists. Services
 * reached through service_at_locations are gathered into one service each, with all
 * their locations. Returns null when the document is none of these.
 */
export function recordsOfDocument(document: unknown): OrukRecord[] | null {
  let items: [unknown, string][];
  if (Array.isArray(document)) items = document.map((item, index) => [item, join('', index)]);
  else if (isObject(document) && Array.isArray(document.contents)) {
    items = document.contents.map((item, index) => [item, join('contents', index)]);
  } else if (isObject(document)) items = [[document, '']];
  else return null;

  const taxonomies: OrukRecord[] = [];
  const terms: OrukRecord[] = [];
  const organisations: OrukRecord[] = [];
  const services: OrukRecord[] = [];
  const unknown: OrukRecord[] = [];
  /** Services gathered from service_at_location records, by service id. */
  const gathered = new Map<string, Json>();

  for (const [item, at] of items) {
    if (!isObject(item)) {
      unknown.push({ type: 'unknown', at, json: item });
      continue;
    }
    const type = recordTypeOf(item);
    if (type === 'service') services.push({ type, at, json: item });
    else if (type === 'taxonomy_term') terms.push({ type, at, json: item });
    else if (type === 'taxonomy') {
      const { taxonomy_terms: list, ...taxonomy } = item;
      taxonomies.push({ type, at, json: taxonomy });
      if (Array.isArray(list)) {
        list.forEach((term, index) => {
          // A term listed in its taxonomy belongs to it, whether or not it says so.
          const placed = isObject(term)
            ? { ...term, taxonomy_id: term.taxonomy_id ?? taxonomy.id, taxonomy: term.taxonomy ?? taxonomy.name }
            : term;
          terms.push({ type: 'taxonomy_term', at: join(join(at, 'taxonomy_terms'), index), json: placed });
        });
      }
    } else if (type === 'organisation') {
      const { services: list, ...organisation } = item;
      organisations.push({ type, at, json: organisation });
      if (Array.isArray(list)) {
        list.forEach((service, index) => {
          // A service listed under its organisation belongs to it.
          const placed =
            isObject(service) && !isObject(service.organization) ? { ...service, organization: organisation } : service;
          services.push({ type: 'service', at: join(join(at, 'services'), index), json: placed });
        });
      }
    } else if (type === 'service_at_location') {
      const service = isObject(item.service) ? item.service : null;
      const serviceId = uuidOf(service?.id ?? item.service_id);
      if (!service || !serviceId) {
        unknown.push({ type: 'unknown', at, json: item });
        continue;
      }
      let merged = gathered.get(serviceId);
      if (!merged) {
        const own = Array.isArray(service.service_at_locations) ? service.service_at_locations : [];
        merged = { ...service, service_at_locations: [...own] };
        gathered.set(serviceId, merged);
        services.push({ type: 'service', at: join(at, 'service'), json: merged });
      }
      const links = merged.service_at_locations as unknown[];
      if (!links.some((link) => isObject(link) && link.id === item.id))
        links.push({ id: item.id, location: item.location });
    } else unknown.push({ type: 'unknown', at, json: item });
  }
  return [...taxonomies, ...parentsFirst(terms), ...organisations, ...services, ...unknown];
}

/** Terms ordered so that each comes after its parent when the parent is among them. */
function parentsFirst(terms: OrukRecord[]): OrukRecord[] {
  const byId = new Map(terms.flatMap((record) => (isObject(record.json) ? [[uuidOf(record.json.id), record]] : [])));
  const placed = new Set<OrukRecord>();
  const ordered: OrukRecord[] = [];
  const place = (record: OrukRecord, path: Set<OrukRecord>) => {
    if (placed.has(record) || path.has(record)) return;
    path.add(record);
    const parent = isObject(record.json) ? byId.get(uuidOf(record.json.parent_id)) : undefined;
    if (parent) place(parent, path);
    placed.add(record);
    ordered.push(record);
  };
  for (const record of terms) place(record, new Set());
  return ordered;
}

/** A name to show for a record in a report. */
export function recordName(json: unknown): string | null {
  return isObject(json) ? textOf(json.name) : null;
}
