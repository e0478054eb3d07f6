import { languageName, stableId } from '@cohesion/common';
import type { FeedQuery } from './feed.params.js';
import type {
  AttributeRow,
  ContactRow,
  CostOptionRow,
  IdentifierRow,
  LocationRow,
  MinimalServiceRow,
  OrganisationRow,
  ScheduleRow,
  ServiceAreaRow,
  ServiceAtLocationRow,
  ServiceParts,
  ServiceRow,
  TaxonomyRow,
  TermRow,
} from './feed.repository.js';

export type Json = Record<string, unknown>;

/** The paging envelope of every ORUK list. */
export interface FeedPage {
  total_items: number;
  total_pages: number;
  page_number: number;
  size: number;
  first_page: boolean;
  last_page: boolean;
  empty: boolean;
  contents: Json[];
}

export function pageOf(total: number, query: Pick<FeedQuery, 'page' | 'perPage'>, contents: Json[]): FeedPage {
  const totalPages = Math.ceil(total / query.perPage);
  return {
    total_items: total,
    total_pages: totalPages,
    page_number: query.page,
    size: contents.length,
    first_page: query.page === 1,
    last_page: query.page >= totalPages,
    empty: contents.length === 0,
    contents,
  };
}

/**
 * The id of a part the directory keeps without an id of its own (a service's language,
 * its place in an area, a location's address): the same inputs give the same id on
 * every request and in every copy of the data.
 */
export function derivedId(kind: string, ...parts: string[]): string {
  return stableId(`oruk-${kind}`, parts.join(':'));
}

/** ORUK's fields are optional but never null: absent values are left out. */
function compact(value: Json): Json {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== null && field !== undefined));
}

/** org-id.guide schemes, as a person reads them (ORUK requires `identifier_type`). */
const IDENTIFIER_TYPES: Record<string, string> = {
  'GB-CHC': 'Charity number (England and Wales)',
  'GB-SC': 'Charity number (Scotland)',
  'GB-NIC': 'Charity number (Northern Ireland)',
  'GB-COH': 'Company number',
  'GB-LAE': 'Local authority code (England)',
  'GB-LAS': 'Local authority code (Scotland)',
  'GB-PLA': 'Local authority code (Wales)',
  'GB-LANI': 'Local authority code (Northern Ireland)',
  'GB-EDU': 'School URN',
  'GB-NHS': 'NHS organisation code',
  'GB-MPR': 'Mutuals Public Register number',
  'GB-GOR': 'Government organisation code',
  'GB-UKPRN': 'UK provider reference number',
};

/** The ONS GSS codes (E08000030, E05...) that have a statistical-geography address. */
const GSS_CODE = /^[EKLMNSW]\d{8}$/;
const GEOGRAPHY = 'http://statistics.data.gov.uk/id/statistical-geography/';

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const id = key(row);
    const group = groups.get(id);
    if (group) group.push(row);
    else groups.set(id, [row]);
  }
  return groups;
}

export function organisation(row: OrganisationRow): Json {
  return compact({
    id: row.id,
    name: row.name,
    description: row.description ?? '',
    email: row.email,
    website: row.website,
  });
}

export function organisationIdentifier(row: IdentifierRow): Json {
  return {
    id: row.id,
    organization_id: row.organisation_id,
    identifier_scheme: row.scheme,
    identifier_type: IDENTIFIER_TYPES[row.scheme] ?? row.scheme,
    identifier: row.identifier,
  };
}

export function fullOrganisation(row: OrganisationRow, identifiers: IdentifierRow[], services?: Json[]): Json {
  return compact({
    ...organisation(row),
    organization_identifiers: identifiers.map(organisationIdentifier),
    services,
  });
}

/** A service's one-to-one fields and its organisation: what a list shows. */
export function service(row: ServiceRow): Json {
  return compact({
    id: row.id,
    organization_id: row.organisation_id,
    name: row.name,
    description: row.description,
    url: row.url,
    email: row.email,
    status: row.status,
    fees: row.fees,
    eligibility_description: row.eligibility_description,
    minimum_age: row.minimum_age,
    maximum_age: row.maximum_age,
    assured_date: row.assured_date,
    assurer_email: row.assurer_email,
    last_modified: new Date(row.last_modified).toISOString(),
    organization: organisation({
      id: row.organisation_id,
      name: row.org_name,
      description: row.org_description,
      email: row.org_email,
      website: row.org_website,
    }),
  });
}

/** What `minimal=true` lists: enough to tell what changed, and still a valid service item. */
export function minimalService(row: MinimalServiceRow): Json {
  return { id: row.id, name: row.name, status: row.status, last_modified: new Date(row.last_modified).toISOString() };
}

function schedule(row: ScheduleRow): Json {
  return compact({
    id: row.id,
    service_id: row.service_id,
    freq: row.freq,
    interval: row.interval,
    byday: row.byday,
    opens_at: row.opens_at,
    closes_at: row.closes_at,
    valid_from: row.valid_from,
    valid_to: row.valid_to,
    description: row.description,
  });
}

function contact(row: ContactRow): Json {
  return compact({
    id: row.id,
    service_id: row.service_id,
    name: row.name,
    title: row.title,
    email: row.email,
    phones: row.phone ? [{ id: derivedId('phone', row.id), contact_id: row.id, number: row.phone }] : undefined,
  });
}

function costOption(row: CostOptionRow): Json {
  return compact({
    id: row.id,
    service_id: row.service_id,
    option: row.option,
    amount: row.amount_pence === null ? undefined : row.amount_pence / 100,
    currency: row.amount_pence === null ? undefined : 'GBP',
    amount_description: row.amount_description,
    valid_from: row.valid_from,
    valid_to: row.valid_to,
  });
}

function serviceArea(row: ServiceAreaRow): Json {
  const gss = row.code && GSS_CODE.test(row.code) ? row.code : undefined;
  return compact({
    id: derivedId('service-area', row.service_id, row.code ?? row.id),
    service_id: row.service_id,
    name: row.name,
    uri: gss && `${GEOGRAPHY}${gss}`,
  });
}

export function location(row: LocationRow): Json {
  const hasAddress = row.location_type !== 'virtual' && Boolean(row.address_line1 || row.town || row.postcode);
  return compact({
    id: row.id,
    location_type: row.location_type,
    name: row.name,
    description: row.description,
    latitude: row.latitude,
    longitude: row.longitude,
    addresses: hasAddress
      ? [
          compact({
            id: row.address_id ?? derivedId('address', row.id),
            location_id: row.id,
            attention: row.attention,
            address_1: row.address_line1 ?? '',
            address_2: row.address_line2,
            city: row.town ?? '',
            region: row.region,
            // The directory's own places are in a local authority, which stands for the county.
            state_province: row.state_province ?? row.local_authority ?? '',
            postal_code: row.postcode ?? '',
            country: row.country,
            address_type: row.address_type,
          }),
        ]
      : undefined,
  });
}

export function term(row: TermRow): Json {
  return compact({
    id: row.id,
    name: row.name,
    description: row.description ?? '',
    parent_id: row.parent_id,
    taxonomy: row.taxonomy_name,
    taxonomy_id: row.taxonomy_id,
    term_uri: row.term_uri,
    term: row.code,
  });
}

function attribute(row: AttributeRow): Json {
  return {
    id: derivedId('attribute', row.service_id, row.id),
    link_id: row.service_id,
    link_type: 'service',
    taxonomy_term_id: row.id,
    taxonomy_term: term(row),
  };
}

export function taxonomy(row: TaxonomyRow, terms?: TermRow[]): Json {
  return compact({
    id: row.id,
    name: row.name,
    description: row.description ?? '',
    uri: row.uri,
    version: row.version,
    taxonomy_terms: terms?.map(term),
  });
}

/** Services fully nested, in the order given, from their rows and the parts loaded for all of them at once. */
export function fullServices(rows: ServiceRow[], parts: ServiceParts): Json[] {
  const byService = <T extends { service_id: string }>(list: T[]) => groupBy(list, (row) => row.service_id);
  const schedules = byService(parts.schedules);
  const contacts = byService(parts.contacts);
  const costOptions = byService(parts.costOptions);
  const areas = byService(parts.areas);
  const locations = byService(parts.locations);
  const attributes = byService(parts.attributes);
  const identifiers = groupBy(parts.identifiers, (row) => row.organisation_id);
  return rows.map((row) => {
    const basic = service(row);
    return {
      ...basic,
      organization: compact({
        ...(basic.organization as Json),
        organization_identifiers: (identifiers.get(row.organisation_id) ?? []).map(organisationIdentifier),
      }),
      schedules: (schedules.get(row.id) ?? []).map(schedule),
      service_areas: (areas.get(row.id) ?? []).map(serviceArea),
      service_at_locations: (locations.get(row.id) ?? []).map((place) => serviceAtLocation(place)),
      languages: row.languages.map((code) => ({
        id: derivedId('language', row.id, code),
        service_id: row.id,
        code,
        name: languageName(code),
      })),
      funding: [],
      cost_options: (costOptions.get(row.id) ?? []).map(costOption),
      contacts: (contacts.get(row.id) ?? []).map(contact),
      attributes: (attributes.get(row.id) ?? []).map(attribute),
    };
  });
}

export function serviceAtLocation(row: ServiceAtLocationRow, ofService?: Json): Json {
  return compact({
    id: row.service_at_location_id,
    service_id: row.service_id,
    location_id: row.id,
    location: location(row),
    service: ofService,
  });
}
