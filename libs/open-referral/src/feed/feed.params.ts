import { badInput, isOutwardCode, normalisePostcode, outwardCodeOf } from '@cohesion/common';

/** Query parameters the feed understands, as Open Referral UK 3.0 names them (plus the UK profile's). */
export const FEED_PARAMETERS = [
  'search',
  'page',
  'per_page',
  'format',
  'taxonomy_term_id',
  'taxonomy_id',
  'organization_id',
  'modified_after',
  'minimal',
  'full',
  'full_service',
  'minimum_age',
  'maximum_age',
  'day',
  'start_time',
  'end_time',
  'top_only',
  'parent_id',
  'postcode',
  'proximity',
] as const;
export type FeedParameter = (typeof FEED_PARAMETERS)[number];

export const DEFAULT_PER_PAGE = 50;
export const MAX_PER_PAGE = 500;
/** `minimal` lists are meant to come in one call ("aim to return all services"): a far larger page. */
export const MAX_MINIMAL_PER_PAGE = 100_000;
const MAX_PAGE = 1_000_000;
/** 200 km: beyond that, "near" stops meaning anything for a local directory. */
export const MAX_PROXIMITY_METRES = 200_000;

export const DAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type Day = (typeof DAYS)[number];
const DAY_NAMES: Record<string, Day> = {
  monday: 'MO',
  tuesday: 'TU',
  wednesday: 'WE',
  thursday: 'TH',
  friday: 'FR',
  saturday: 'SA',
  sunday: 'SU',
};

/** The parameters of one request, checked and typed; absent ones are undefined. */
export interface FeedQuery {
  /** `ndjson` streams every result, one per line, without paging (on /services). */
  format: 'json' | 'ndjson';
  search?: string;
  page: number;
  perPage: number;
  taxonomyTermId?: string;
  taxonomyId?: string;
  organizationId?: string;
  modifiedAfter?: Date;
  minimal: boolean;
  full: boolean;
  fullService: boolean;
  minimumAge?: number;
  maximumAge?: number;
  day?: Day;
  startTime?: string;
  endTime?: string;
  topOnly: boolean;
  parentId?: string;
  postcode?: string;
  proximity?: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?$/;
const INTEGER = /^\d{1,9}$/;
const DATE_TIME =
  /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?:[T ]([01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,6})?)?(?:Z|[+-]([01]\d|2[0-3]):?[0-5]\d)?)?$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** A path id: malformed ones are reported as the parameter they are (never a database error). */
export function pathId(value: string): string {
  if (!isUuid(value)) throw badInput('id', 'must be a UUID');
  return value.toLowerCase();
}

/**
 * Reads the query string of a feed request: each parameter at most once, only those the
 * endpoint takes (a misspelt `organisation_id` would otherwise silently return
 * everything), each in its documented form. Problems are BAD_USER_INPUT naming the
 * parameter, answered 400.
 */
export function parseFeedQuery(raw: Record<string, unknown>, allowed: readonly FeedParameter[]): FeedQuery {
  const values = new Map<FeedParameter, string>();
  for (const [name, value] of Object.entries(raw)) {
    if (!(allowed as readonly string[]).includes(name)) {
      throw badInput(
        name,
        allowed.length
          ? `is not a parameter of this endpoint; it takes ${allowed.join(', ')}`
          : 'is not a parameter of this endpoint; it takes none',
      );
    }
    if (typeof value !== 'string') throw badInput(name, 'must be given once, as a single value');
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u001f\u007f]/.test(value)) throw badInput(name, 'must not contain control characters');
    values.set(name as FeedParameter, value.trim());
  }
  const text = (name: FeedParameter, max: number) => {
    const value = values.get(name);
    if (value === undefined || value === '') return undefined;
    if (value.length > max) throw badInput(name, `must be at most ${max} characters`);
    return value;
  };
  const integer = (name: FeedParameter, min: number, max: number) => {
    const value = values.get(name);
    if (value === undefined) return undefined;
    if (!INTEGER.test(value) || Number(value) < min || Number(value) > max) {
      throw badInput(name, `must be a whole number from ${min} to ${max}`);
    }
    return Number(value);
  };
  const flag = (name: FeedParameter) => {
    const value = values.get(name);
    if (value === undefined) return false;
    if (value !== 'true' && value !== 'false') throw badInput(name, 'must be true or false');
    return value === 'true';
  };
  const uuid = (name: FeedParameter) => {
    const value = text(name, 36);
    if (value === undefined) return undefined;
    if (!isUuid(value)) throw badInput(name, 'must be a UUID');
    return value.toLowerCase();
  };
  const time = (name: FeedParameter) => {
    const value = text(name, 8);
    if (value === undefined) return undefined;
    const match = TIME.exec(value);
    if (!match) throw badInput(name, 'must be a time of day written HH:MM or HH:MM:SS');
    return `${match[1]}:${match[2]}:${match[3] ?? '00'}`;
  };

  const format = (text('format', 10) ?? 'json').toLowerCase();
  if (format !== 'json' && format !== 'ndjson') throw badInput('format', 'must be json or ndjson');
  if (format === 'ndjson' && !allowed.includes('minimal')) {
    throw badInput('format', 'ndjson is offered on /services only; this list is paged as json');
  }
  if (format === 'ndjson' && (values.has('page') || values.has('per_page'))) {
    throw badInput(values.has('page') ? 'page' : 'per_page', 'ndjson streams every result, without pages');
  }
  const minimal = flag('minimal');
  const query: FeedQuery = {
    format,
    search: text('search', 200),
    page: integer('page', 1, MAX_PAGE) ?? 1,
    perPage:
      integer('per_page', 1, minimal ? MAX_MINIMAL_PER_PAGE : MAX_PER_PAGE) ??
      (minimal ? MAX_MINIMAL_PER_PAGE : DEFAULT_PER_PAGE),
    taxonomyTermId: uuid('taxonomy_term_id'),
    taxonomyId: uuid('taxonomy_id'),
    organizationId: uuid('organization_id'),
    minimal,
    full: flag('full'),
    fullService: flag('full_service'),
    minimumAge: integer('minimum_age', 0, 130),
    maximumAge: integer('maximum_age', 0, 130),
    startTime: time('start_time'),
    endTime: time('end_time'),
    topOnly: flag('top_only'),
    parentId: uuid('parent_id'),
  };
  if (query.minimal && query.full) throw badInput('minimal', 'cannot be combined with full');
  if (query.minimumAge !== undefined && query.maximumAge !== undefined && query.maximumAge < query.minimumAge) {
    throw badInput('maximum_age', 'must not be below minimum_age');
  }
  if (query.startTime && query.endTime && query.endTime <= query.startTime) {
    throw badInput('end_time', 'must be after start_time');
  }

  const modifiedAfter = text('modified_after', 40);
  if (modifiedAfter !== undefined) {
    const at = DATE_TIME.test(modifiedAfter) ? new Date(modifiedAfter) : undefined;
    if (!at || Number.isNaN(at.getTime())) {
      throw badInput('modified_after', 'must be a date or date-time in ISO 8601 form, e.g. 2026-11-01T09:00:00Z');
    }
    query.modifiedAfter = at;
  }

  const day = text('day', 10);
  if (day !== undefined) {
    const code = (DAYS as readonly string[]).includes(day.toUpperCase())
      ? (day.toUpperCase() as Day)
      : DAY_NAMES[day.toLowerCase()];
    if (!code) throw badInput('day', 'must be a day of the week: MO, TU, WE, TH, FR, SA, SU (or its name)');
    query.day = code;
  }

  const postcode = text('postcode', 10);
  if (postcode !== undefined) {
    const normalised = normalisePostcode(postcode) ?? (isOutwardCode(postcode) ? outwardCodeOf(postcode) : undefined);
    if (!normalised) throw badInput('postcode', 'must be a UK postcode, e.g. WS1 1TP, or its district, e.g. WS1');
    query.postcode = normalised;
  }
  const proximity = text('proximity', 12);
  if (proximity !== undefined) {
    const metres = Number(proximity);
    if (!/^\d+(\.\d+)?$/.test(proximity) || metres <= 0 || metres > MAX_PROXIMITY_METRES) {
      throw badInput('proximity', `must be a distance in metres above 0 and at most ${MAX_PROXIMITY_METRES}`);
    }
    if (!query.postcode) throw badInput('proximity', 'needs a postcode to measure from');
    query.proximity = metres;
  }
  return query;
}
