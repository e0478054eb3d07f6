import { isLocalDate, normalisePostcode, type FieldProblem } from '@cohesion/common';
import {
  LOCATION_TYPES,
  formatOrgId,
  parseOrgId,
  SERVICE_STATUSES,
  type LocationTypeValue,
  type OrganisationKindValue,
  type OrgId,
  type ServiceStatusValue,
  type SourcedLocation,
} from '@cohesion/directory';

/**
 * Reading Open Referral UK 3.0 records (already checked against the ORUK schema) into
 * what the directory holds. A value the directory cannot hold (a postcode outside the
 * UK, a latitude of 100, an age of 140, text longer than its column) is left out, or
 * cut, with a warning naming the field; only what a record cannot stand without (its
 * id, a service's name and status) makes it invalid.
 */

export type Json = Record<string, unknown>;

export const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** ORUK ids are uuids; `urn:uuid:` prefixes and capitals are allowed by the schema's format and dropped here. */
export function uuidOf(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const id = value
    .trim()
    .replace(/^urn:uuid:/i, '')
    .toLowerCase();
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id) ? id : null;
}

/** Text, trimmed; empty strings mean absent. */
export function textOf(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/** A machine name such as `hate-crime`, from any text. */
export function slugOf(value: string, max = 60): string {
  return value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/, '');
}

export interface OrganisationFromOruk {
  sourceId: string;
  name: string;
  description: string | null;
  email: string | null;
  website: string | null;
  /** Null when the record has no organization_identifiers list (a summary): the directory's stay as they are. */
  identifiers: SourcedOrgId[] | null;
  /** What the identifiers say the organisation is; null when they say nothing (it is then a VCS group). */
  kind: OrganisationKindValue | null;
}

export interface ScheduleFromOruk {
  sourceId: string | null;
  freq: 'WEEKLY' | 'MONTHLY' | null;
  interval: number | null;
  byday: string | null;
  opensAt: string | null;
  closesAt: string | null;
  validFrom: string | null;
  validTo: string | null;
  description: string | null;
}

export interface ContactFromOruk {
  sourceId: string | null;
  name: string | null;
  title: string | null;
  email: string | null;
  phone: string | null;
}

export interface CostOptionFromOruk {
  sourceId: string | null;
  option: string | null;
  amountPence: number | null;
  amountDescription: string | null;
  validFrom: string | null;
  validTo: string | null;
}

/**
 * A place as read from ORUK: the address (every field ORUK's address has, its attributes
 * aside; a UK postcode normalised, elsewhere the postal code as written; the country's
 * ISO 3166-1 code, GB when none is given) and the position (COORDINATES when the
 * publisher gave them; placed from the postcode before writing otherwise).
 */
export interface LocationFromOruk extends SourcedLocation {
  /** False when the location has no addresses list (a summary): the address the directory has stays. */
  addressGiven: boolean;
}

export interface ServiceLocationFromOruk {
  /** The service_at_location id. */
  sourceId: string | null;
  location: LocationFromOruk;
}

export interface TaxonomyFromOruk {
  sourceId: string | null;
  name: string;
  description: string | null;
  uri: string | null;
  version: string | null;
}

export interface TermFromOruk {
  /** Where it is in the record, for warnings: `attributes[0].taxonomy_term`. */
  field: string;
  sourceId: string;
  name: string;
  description: string | null;
  /** ORUK's `term`: the code the publisher gives it (this directory's feed sends its term codes here). */
  code: string | null;
  termUri: string | null;
  parentSourceId: string | null;
  taxonomy: { sourceId: string | null; name: string | null };
}

/** A service area as published: the ONS code at the end of its uri, or its name. */
export interface AreaReference {
  field: string;
  code: string | null;
  name: string | null;
}

export interface ServiceFromOruk {
  sourceId: string;
  /** The nested organization; null when only organization_id is given, or neither (the schema requires none). */
  organisation: OrganisationFromOruk | null;
  /** What was left out of the nested organization, its fields named from it (reported once per organisation). */
  organisationWarnings: FieldProblem[];
  organisationSourceId: string | null;
  name: string;
  description: string | null;
  url: string | null;
  email: string | null;
  status: ServiceStatusValue;
  fees: string | null;
  eligibilityDescription: string | null;
  minimumAge: number | null;
  maximumAge: number | null;
  assuredDate: string | null;
  assurerEmail: string | null;
  lastModified: Date | null;
  /*
   * The lists are null when the record does not have them at all (a summary, as list
   * pages give): what the directory has stays. An empty list empties it.
   */
  languages: string[] | null;
  schedules: ScheduleFromOruk[] | null;
  contacts: ContactFromOruk[] | null;
  costOptions: CostOptionFromOruk[] | null;
  serviceLocations: ServiceLocationFromOruk[] | null;
  terms: TermFromOruk[] | null;
  areas: AreaReference[] | null;
}

export interface Reading<T> {
  /** Set when the record has no problems. */
  value: T | null;
  /** Why the record cannot be imported, field by field. */
  problems: FieldProblem[];
  /** Parts left out or changed to fit; the record still loads. */
  warnings: FieldProblem[];
}

/** Column sizes of the directory's tables. */
const MAX = {
  name: 200,
  url: 300,
  email: 254,
  contactName: 120,
  contactTitle: 120,
  phone: 40,
  option: 200,
  addressLine: 200,
  town: 100,
  postalCode: 20,
  byday: 60,
  taxonomyName: 120,
  termName: 120,
  version: 20,
} as const;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const BYDAY = /^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)(,([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU))*$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.\d+)?)?(Z|[+-](?:[01]\d|2[0-3]):?[0-5]\d)?$/;
const ONS_CODE = /^[EKNSW]\d{8}$/;
const MAX_AGE = 130;
const MAX_PENCE = 2_147_483_647;

/** Field readers that collect warnings against a record, each field named from `base`. */
class FieldReader {
  /** Children share their parent's lists, so a record's warnings and problems gather in one place. */
  constructor(
    private readonly base: string,
    readonly warnings: FieldProblem[] = [],
    readonly problems: FieldProblem[] = [],
  ) {}

  at(name: string): string {
    if (!name) return this.base;
    return this.base ? `${this.base}.${name}` : name;
  }

  child(name: string): FieldReader {
    return new FieldReader(this.at(name), this.warnings, this.problems);
  }

  warn(name: string, message: string): void {
    this.warnings.push({ field: this.at(name), message });
  }

  problem(name: string, message: string): void {
    this.problems.push({ field: this.at(name), message });
  }

  /** Text cut to `max` characters (with a warning). */
  text(record: Json, name: string, max?: number): string | null {
    const value = textOf(record[name]);
    if (value === null || max === undefined || value.length <= max) return value;
    this.warn(name, `is longer than ${max} characters; cut to ${max}`);
    return value.slice(0, max).trimEnd();
  }

  email(record: Json, name: string): string | null {
    const value = textOf(record[name]);
    if (value === null) return null;
    if (value.length > MAX.email || !EMAIL.test(value)) {
      this.warn(name, `"${clip(value)}" is not an email address the directory can hold; left out`);
      return null;
    }
    return value.toLowerCase();
  }

  webAddress(record: Json, name: string): string | null {
    const value = textOf(record[name]);
    if (value === null) return null;
    let ok = false;
    try {
      ok = ['http:', 'https:'].includes(new URL(value).protocol);
    } catch {
      ok = false;
    }
    if (!ok) {
      this.warn(name, `"${clip(value)}" is not a web address starting http:// or https://; left out`);
      return null;
    }
    if (value.length > MAX.url) {
      this.warn(name, `is longer than ${MAX.url} characters; left out`);
      return null;
    }
    return value;
  }

  /** A date (YYYY-MM-DD, or the date of a date-time). */
  date(record: Json, name: string): string | null {
    const value = textOf(record[name]);
    if (value === null) return null;
    const day = /^(\d{4}-\d{2}-\d{2})(T.*)?$/.exec(value)?.[1];
    if (!day || !isLocalDate(day)) {
      this.warn(name, `"${clip(value)}" is not a date written YYYY-MM-DD; left out`);
      return null;
    }
    return day;
  }

  /** valid_from and valid_to, the second left out when it comes before the first. */
  period(record: Json): { validFrom: string | null; validTo: string | null } {
    const validFrom = this.date(record, 'valid_from');
    const validTo = this.date(record, 'valid_to');
    if (validFrom && validTo && validTo < validFrom) {
      this.warn('valid_to', `${validTo} is before valid_from (${validFrom}); left out`);
      return { validFrom, validTo: null };
    }
    return { validFrom, validTo };
  }

  /** A time of day as HH:MM:SS; a zone suffix is dropped (with a warning unless it is UTC). */
  time(record: Json, name: string): string | null {
    const value = textOf(record[name]);
    if (value === null) return null;
    const match = TIME.exec(value);
    if (!match) {
      this.warn(name, `"${clip(value)}" is not a time written HH:MM; left out`);
      return null;
    }
    const zone = match[4];
    if (zone && !/^(Z|[+-]00:?00)$/.test(zone)) {
      this.warn(name, `the offset ${zone} is dropped; kept as ${match[1]}:${match[2]} local time`);
    }
    return `${match[1]}:${match[2]}:${match[3] ?? '00'}`;
  }

  /** A whole number from `min` to `max`. */
  whole(record: Json, name: string, min: number, max: number, what: string): number | null {
    const value = record[name];
    if (value === undefined || value === null || value === '') return null;
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      this.warn(name, `must be a number; left out`);
      return null;
    }
    if (value < min || value > max) {
      this.warn(name, `${value} is not ${what} (${min} to ${max}); left out`);
      return null;
    }
    if (!Number.isInteger(value)) {
      this.warn(name, `${value} is not a whole number; read as ${Math.floor(value)}`);
      return Math.floor(value);
    }
    return value;
  }
}

function clip(value: string): string {
  return value.length > 60 ? `${value.slice(0, 57)}...` : value;
}

function listOf(record: Json, name: string): unknown[] {
  const value = record[name];
  return Array.isArray(value) ? value : [];
}

/**
 * Reads one record: an object with a uuid id and a name (cut to `maxName`); `build` reads
 * the rest and may find more problems. The value is kept only when there are none.
 */
function readRecord<T>(
  record: unknown,
  base: string,
  maxName: number,
  build: (record: Json, reader: FieldReader, head: { sourceId: string; name: string }) => T,
): Reading<T> {
  const reader = new FieldReader(base);
  if (!isObject(record)) {
    reader.problem('', 'must be an object');
    return { value: null, problems: reader.problems, warnings: reader.warnings };
  }
  const sourceId = uuidOf(record.id);
  if (!sourceId) reader.problem('id', 'must be a uuid');
  const name = reader.text(record, 'name', maxName);
  if (!name) reader.problem('name', 'is required');
  const value = build(record, reader, { sourceId: sourceId ?? '', name: name ?? '' });
  return { value: reader.problems.length === 0 ? value : null, problems: reader.problems, warnings: reader.warnings };
}

/** `items` when the record has the list `name` (even empty), else null. */
function given<T>(record: Json, name: string, items: T[]): T[] | null {
  return Array.isArray(record[name]) ? items : null;
}

/** Local authority and public-body registers tell what kind of organisation it is. */
const KIND_BY_SCHEME: Record<string, OrganisationKindValue> = {
  'GB-LAE': 'LOCAL_AUTHORITY',
  'GB-LAS': 'LOCAL_AUTHORITY',
  'GB-PLA': 'LOCAL_AUTHORITY',
  'GB-LANI': 'LOCAL_AUTHORITY',
  'GB-NHS': 'NHS',
  'GB-EDU': 'SCHOOL',
};

/**
 * One organization_identifiers entry in org-id form. The scheme may be given apart
 * (identifier_scheme GB-CHC + identifier 1234567) or inside the identifier; `parseOrgId`
 * reads it as the 360Giving import does (a short Companies House number is padded).
 */
function readIdentifier(entry: unknown, reader: FieldReader, index: number): SourcedOrgId | null {
  const field = `organization_identifiers[${index}]`;
  if (!isObject(entry)) return null;
  const scheme = textOf(entry.identifier_scheme)?.toUpperCase() ?? null;
  let identifier = textOf(entry.identifier);
  if (identifier === null) return null;
  if (scheme && identifier.toUpperCase().startsWith(`${scheme}-`)) identifier = identifier.slice(scheme.length + 1);
  const written = scheme ? `${scheme}-${identifier}` : identifier;
  const parsed = parseOrgId(written);
  if (!parsed.ok) {
    reader.warn(`${field}.identifier`, `"${clip(written)}" ${parsed.problem}; left out`);
    return null;
  }
  if (parsed.note) reader.warn(`${field}.identifier`, parsed.note);
  return { ...parsed.value, sourceId: uuidOf(entry.id) };
}

/** An org-id with the publisher's id for the entry, kept as ours where it is free. */
export interface SourcedOrgId extends OrgId {
  sourceId: string | null;
}

/** An ORUK organization (with or without its services); `base` names it in messages. */
export function readOrganisation(record: unknown, base = ''): Reading<OrganisationFromOruk> {
  return readRecord(record, base, MAX.name, (entry, reader, { sourceId, name }) => {
    const identifiers: SourcedOrgId[] = [];
    listOf(entry, 'organization_identifiers').forEach((item, index) => {
      const identifier = readIdentifier(item, reader, index);
      if (identifier && !identifiers.some((known) => formatOrgId(known) === formatOrgId(identifier))) {
        identifiers.push(identifier);
      }
    });
    return {
      sourceId,
      name,
      description: reader.text(entry, 'description'),
      email: reader.email(entry, 'email'),
      website: reader.webAddress(entry, 'website'),
      identifiers: given(entry, 'organization_identifiers', identifiers),
      kind: identifiers.map((identifier) => KIND_BY_SCHEME[identifier.scheme]).find(Boolean) ?? null,
    };
  });
}

function readSchedule(entry: Json, reader: FieldReader): ScheduleFromOruk {
  const freq = textOf(entry.freq)?.toUpperCase() ?? null;
  let byday = textOf(entry.byday)?.toUpperCase().replace(/\s+/g, '') ?? null;
  if (byday !== null && (byday.length > MAX.byday || !BYDAY.test(byday))) {
    reader.warn('byday', `"${clip(byday)}" is not a list of iCal days such as MO,WE or 2TU; left out`);
    byday = null;
  }
  if (byday !== null && freq === 'WEEKLY' && /\d/.test(byday)) {
    reader.warn('byday', `"${byday}" numbers days, which a WEEKLY schedule cannot; left out`);
    byday = null;
  }
  const opensAt = reader.time(entry, 'opens_at');
  let closesAt = reader.time(entry, 'closes_at');
  if (opensAt && closesAt && closesAt <= opensAt) {
    reader.warn('closes_at', `${closesAt} is not after opens_at (${opensAt}); left out`);
    closesAt = null;
  }
  const { validFrom, validTo } = reader.period(entry);
  return {
    sourceId: uuidOf(entry.id),
    freq: freq === 'WEEKLY' || freq === 'MONTHLY' ? freq : null,
    interval: reader.whole(entry, 'interval', 1, 52, 'an interval the directory holds'),
    byday,
    opensAt,
    closesAt,
    validFrom,
    validTo,
    description: reader.text(entry, 'description'),
  };
}

function readContact(entry: Json, reader: FieldReader): ContactFromOruk {
  const phones = listOf(entry, 'phones').filter(isObject);
  let phone = phones.map((item) => textOf(item.number)).find((number) => number !== null) ?? null;
  if (phone !== null && phone.length > MAX.phone) {
    reader.warn('phones[0].number', `is longer than ${MAX.phone} characters; left out`);
    phone = null;
  }
  if (phones.length > 1) reader.warn('phones', `only the first of ${phones.length} phone numbers is kept`);
  return {
    sourceId: uuidOf(entry.id),
    name: reader.text(entry, 'name', MAX.contactName),
    title: reader.text(entry, 'title', MAX.contactTitle),
    email: reader.email(entry, 'email'),
    phone,
  };
}

/** Pounds (a number) as whole pence. */
function penceOf(entry: Json, reader: FieldReader): number | null {
  const amount = entry.amount;
  if (amount === undefined || amount === null || amount === '') return null;
  if (typeof amount !== 'number' || !Number.isFinite(amount) || amount < 0) {
    reader.warn('amount', `${JSON.stringify(amount)} is not an amount in pounds; left out`);
    return null;
  }
  const pence = Math.round(amount * 100);
  if (pence > MAX_PENCE) {
    reader.warn('amount', `${amount} is more than the directory holds; left out`);
    return null;
  }
  if (Math.abs(pence - amount * 100) > 1e-6) reader.warn('amount', `${amount} is rounded to whole pence`);
  return pence;
}

function readCostOption(entry: Json, reader: FieldReader): CostOptionFromOruk {
  const { validFrom, validTo } = reader.period(entry);
  return {
    sourceId: uuidOf(entry.id),
    option: reader.text(entry, 'option', MAX.option),
    amountPence: penceOf(entry, reader),
    amountDescription: reader.text(entry, 'amount_description'),
    validFrom,
    validTo,
  };
}

function readLocation(entry: Json, reader: FieldReader): LocationFromOruk | null {
  const sourceId = uuidOf(entry.id);
  if (!sourceId) {
    reader.warn('id', 'must be a uuid; the location is left out');
    return null;
  }
  const type = textOf(entry.location_type);
  const locationType = (LOCATION_TYPES as readonly string[]).includes(type ?? '')
    ? (type as LocationTypeValue)
    : 'physical';
  const addresses = listOf(entry, 'addresses').filter(isObject);
  if (addresses.length > 1) reader.warn('addresses', `only the first of ${addresses.length} addresses is kept`);
  const address = addresses[0] ?? {};
  const addressReader = reader.child('addresses[0]');
  const country = countryOf(address, addressReader);
  let postcode: string | null = null;
  const postalCode = textOf(address.postal_code);
  if (postalCode !== null && country === 'GB') {
    postcode = normalisePostcode(postalCode) ?? null;
    if (!postcode) addressReader.warn('postal_code', `"${clip(postalCode)}" is not a UK postcode; left out`);
  } else if (postalCode !== null) {
    postcode = postalCode.length <= MAX.postalCode ? postalCode : null;
    if (!postcode) addressReader.warn('postal_code', `is longer than ${MAX.postalCode} characters; left out`);
  }
  const addressType = textOf(address.address_type);
  let latitude = typeof entry.latitude === 'number' ? entry.latitude : null;
  let longitude = typeof entry.longitude === 'number' ? entry.longitude : null;
  if (latitude !== null && (latitude < -90 || latitude > 90)) {
    reader.warn('latitude', `${latitude} is not a latitude (-90 to 90); the position is left out`);
    latitude = null;
  }
  if (longitude !== null && (longitude < -180 || longitude > 180)) {
    reader.warn('longitude', `${longitude} is not a longitude (-180 to 180); the position is left out`);
    longitude = null;
  }
  if ((latitude === null) !== (longitude === null)) {
    if (latitude !== null && entry.longitude === undefined)
      reader.warn('longitude', 'is missing; the position is left out');
    if (longitude !== null && entry.latitude === undefined)
      reader.warn('latitude', 'is missing; the position is left out');
    latitude = null;
    longitude = null;
  }
  return {
    sourceId,
    addressGiven: Array.isArray(entry.addresses),
    locationType,
    name: reader.text(entry, 'name', MAX.name),
    description: reader.text(entry, 'description'),
    addressId: uuidOf(address.id),
    attention: addressReader.text(address, 'attention', MAX.addressLine),
    addressLine1: addressReader.text(address, 'address_1', MAX.addressLine),
    addressLine2: addressReader.text(address, 'address_2', MAX.addressLine),
    town: addressReader.text(address, 'city', MAX.town),
    region: addressReader.text(address, 'region', MAX.town),
    stateProvince: addressReader.text(address, 'state_province', MAX.town),
    postcode,
    country,
    addressType: (LOCATION_TYPES as readonly string[]).includes(addressType ?? '')
      ? (addressType as LocationTypeValue)
      : 'physical',
    latitude,
    longitude,
    geocodePrecision: latitude === null ? null : 'COORDINATES',
  };
}

/** Country names in English (`France`, `United Kingdom`) to their ISO 3166-1 codes, for publishers who write the name. */
let countryCodes: Map<string, string> | undefined;

/** Codes ICU names that ISO 3166-1 gives no country (unions, pseudo-regions, UK for GB). */
const NOT_COUNTRIES = new Set(['EU', 'EZ', 'UN', 'UK', 'QO', 'XA', 'XB', 'ZZ']);

function countryCodeNamed(name: string): string | undefined {
  if (!countryCodes) {
    countryCodes = new Map();
    const names = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
    for (let first = 65; first <= 90; first++) {
      for (let second = 65; second <= 90; second++) {
        const code = String.fromCharCode(first, second);
        const known = NOT_COUNTRIES.has(code) ? undefined : names.of(code);
        if (known && known !== code && !countryCodes.has(known.toLowerCase())) {
          countryCodes.set(known.toLowerCase(), code);
        }
      }
    }
    for (const nation of ['great britain', 'england', 'scotland', 'wales', 'northern ireland']) {
      countryCodes.set(nation, 'GB');
    }
  }
  return countryCodes.get(name.toLowerCase());
}

/**
 * An address's country as an ISO 3166-1 two-letter code (ORUK asks for one): GB when
 * none is given; a name or `UK` is read as its code with a warning.
 */
function countryOf(address: Json, reader: FieldReader): string {
  const given = textOf(address.country);
  if (given === null) return 'GB';
  if (/^[A-Za-z]{2}$/.test(given) && given.toUpperCase() !== 'UK') return given.toUpperCase();
  const code = given.toUpperCase() === 'UK' ? 'GB' : countryCodeNamed(given);
  if (code) {
    reader.warn('country', `"${clip(given)}" is read as ${code} (countries are ISO 3166-1 two-letter codes)`);
    return code;
  }
  reader.warn('country', `"${clip(given)}" is not an ISO 3166-1 two-letter country code; read as GB`);
  return 'GB';
}

/** An ORUK taxonomy_term, as an attribute carries it or a taxonomy lists it. */
export function readTerm(
  record: unknown,
  base: string,
  taxonomy?: { sourceId: string | null; name: string | null },
): Reading<TermFromOruk> {
  return readRecord(record, base, MAX.termName, (entry, reader, { sourceId, name }) => {
    const taxonomyOf = {
      sourceId: uuidOf(entry.taxonomy_id) ?? taxonomy?.sourceId ?? null,
      name: textOf(entry.taxonomy) ?? taxonomy?.name ?? null,
    };
    if (sourceId && name && !taxonomyOf.sourceId && !taxonomyOf.name) {
      reader.problem('taxonomy', 'is required: a term is placed in its taxonomy, named by taxonomy or taxonomy_id');
    }
    return {
      field: base,
      sourceId,
      name,
      description: reader.text(entry, 'description'),
      code: textOf(entry.term),
      termUri: reader.webAddress(entry, 'term_uri'),
      parentSourceId: uuidOf(entry.parent_id),
      taxonomy: taxonomyOf,
    };
  });
}

/** An ORUK taxonomy (its terms are read apart, with readTerm). */
export function readTaxonomy(record: unknown, base = ''): Reading<TaxonomyFromOruk> {
  return readRecord(record, base, MAX.taxonomyName, (entry, reader, { sourceId, name }) => ({
    sourceId,
    name,
    description: reader.text(entry, 'description'),
    uri: reader.webAddress(entry, 'uri'),
    version: reader.text(entry, 'version', MAX.version),
  }));
}

function readAreaReference(entry: Json, field: string): AreaReference | null {
  const uri = textOf(entry.uri);
  const last = uri
    ?.replace(/[?#].*$/, '')
    .replace(/\/+$/, '')
    .split('/')
    .pop();
  const code = last && ONS_CODE.test(last.toUpperCase()) ? last.toUpperCase() : null;
  const name = textOf(entry.name) ?? textOf(entry.service_area);
  return code || name ? { field, code, name } : null;
}

/** Each present entry of a list field, as objects, with the reader for its position. */
function eachEntry(record: Json, name: string, reader: FieldReader): [Json, FieldReader, string][] {
  return listOf(record, name).flatMap((entry, index) =>
    isObject(entry)
      ? [[entry, reader.child(`${name}[${index}]`), reader.at(`${name}[${index}]`)] as [Json, FieldReader, string]]
      : [],
  );
}

/** A fully nested ORUK service, as `GET /services/{id}` gives it. */
export function readService(document: unknown, base = ''): Reading<ServiceFromOruk> {
  return readRecord(document, base, MAX.name, readServiceFields);
}

function readServiceFields(
  record: Json,
  reader: FieldReader,
  { sourceId, name }: { sourceId: string; name: string },
): ServiceFromOruk {
  const status = textOf(record.status);
  if (!(SERVICE_STATUSES as readonly string[]).includes(status ?? '')) {
    reader.problem('status', `must be one of ${SERVICE_STATUSES.join(', ')}`);
  }

  let organisation: OrganisationFromOruk | null = null;
  let organisationWarnings: FieldProblem[] = [];
  if (isObject(record.organization)) {
    const reading = readOrganisation(record.organization);
    reader.problems.push(
      ...reading.problems.map((problem) => ({ ...problem, field: reader.at(`organization.${problem.field}`) })),
    );
    organisationWarnings = reading.warnings;
    organisation = reading.value;
  }
  const organisationSourceId = organisation?.sourceId ?? uuidOf(record.organization_id);
  if (organisation && uuidOf(record.organization_id) && uuidOf(record.organization_id) !== organisation.sourceId) {
    reader.problem('organization_id', 'names another organization than the one nested in organization');
  }

  let minimumAge = reader.whole(record, 'minimum_age', 0, MAX_AGE, 'an age');
  let maximumAge = reader.whole(record, 'maximum_age', 0, MAX_AGE, 'an age');
  if (minimumAge !== null && maximumAge !== null && minimumAge > maximumAge) {
    reader.warn('maximum_age', `${maximumAge} is below minimum_age (${minimumAge}); both are left out`);
    minimumAge = null;
    maximumAge = null;
  }

  const languages: string[] = [];
  for (const [entry, at] of eachEntry(record, 'languages', reader)) {
    const code = textOf(entry.code)?.toLowerCase() ?? null;
    if (code === null) continue;
    if (!/^[a-z]{2,3}$/.test(code)) at.warn('code', `"${clip(code)}" is not an ISO 639 language code; left out`);
    else if (!languages.includes(code)) languages.push(code);
  }

  const serviceLocations: ServiceLocationFromOruk[] = [];
  for (const [entry, at] of eachEntry(record, 'service_at_locations', reader)) {
    if (!isObject(entry.location)) {
      at.warn('location', 'is missing; left out');
      continue;
    }
    const location = readLocation(entry.location, at.child('location'));
    if (!location) continue;
    if (serviceLocations.some((known) => known.location.sourceId === location.sourceId)) {
      at.warn('location.id', 'names a location given earlier in this service; left out');
      continue;
    }
    serviceLocations.push({ sourceId: uuidOf(entry.id), location });
  }

  const terms: TermFromOruk[] = [];
  for (const [entry, at, field] of eachEntry(record, 'attributes', reader)) {
    if (!isObject(entry.taxonomy_term)) {
      if (entry.taxonomy_term_id !== undefined)
        at.warn('taxonomy_term', 'is missing (only taxonomy_term_id is given); not linked');
      continue;
    }
    const reading = readTerm(entry.taxonomy_term, `${field}.taxonomy_term`);
    if (reading.value) {
      reader.warnings.push(...reading.warnings);
      terms.push(reading.value);
    } else {
      reader.warnings.push(
        ...reading.problems.map((problem) => ({ ...problem, message: `${problem.message}; not linked` })),
      );
    }
  }

  const areas = eachEntry(record, 'service_areas', reader).flatMap(
    ([entry, , field]) => readAreaReference(entry, field) ?? [],
  );

  const lastModified = textOf(record.last_modified);
  const modifiedAt = lastModified ? new Date(lastModified) : null;
  if (modifiedAt && Number.isNaN(modifiedAt.getTime())) reader.warn('last_modified', 'is not a date-time; left out');

  return {
    sourceId,
    organisation,
    organisationWarnings,
    organisationSourceId,
    name,
    description: reader.text(record, 'description'),
    url: reader.webAddress(record, 'url'),
    email: reader.email(record, 'email'),
    status: status as ServiceStatusValue,
    fees: reader.text(record, 'fees'),
    eligibilityDescription: reader.text(record, 'eligibility_description'),
    minimumAge,
    maximumAge,
    languages: given(record, 'languages', languages),
    assuredDate: reader.date(record, 'assured_date'),
    assurerEmail: reader.email(record, 'assurer_email'),
    lastModified: modifiedAt && !Number.isNaN(modifiedAt.getTime()) ? modifiedAt : null,
    schedules: given(
      record,
      'schedules',
      eachEntry(record, 'schedules', reader).map(([entry, at]) => readSchedule(entry, at)),
    ),
    contacts: given(
      record,
      'contacts',
      eachEntry(record, 'contacts', reader).map(([entry, at]) => readContact(entry, at)),
    ),
    costOptions: given(
      record,
      'cost_options',
      eachEntry(record, 'cost_options', reader).map(([entry, at]) => readCostOption(entry, at)),
    ),
    serviceLocations: given(record, 'service_at_locations', serviceLocations),
    terms: given(record, 'attributes', terms),
    areas: given(record, 'service_areas', areas),
  };
}
