import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  allOf,
  badInput,
  decodeCursor,
  encodeCursor,
  isUkPostcode,
  isOutwardCode,
  SqlParams,
  toGlobalId,
  type Viewer,
} from '@cohesion/common';
import { Geocoder } from '../geo/geocoder.js';
import { organisationVisibleSql } from '../organisations/organisation.policy.js';
import { CURRENT_MEMBERSHIP } from '../practitioners/practitioners.service.js';
import { serviceVisibleSql } from '../services/service.policy.js';
import { COHESION_THEMES } from '../taxonomy/taxonomy.model.js';
import { SearchKind, SearchSort, type SearchArgs, type SearchFilter } from './search.inputs.js';
import {
  GeocodePrecisionKind,
  type SearchConnection,
  type SearchEdge,
  type SearchFacetCount,
  type SearchFacets,
  type SearchOrigin,
} from './search.model.js';

/** Tie-break order between kinds with equal scores; also part of the cursor. */
const KIND_ORDER: Record<SearchKind, number> = {
  [SearchKind.ORGANISATION]: 1,
  [SearchKind.PRACTITIONER]: 2,
  [SearchKind.SERVICE]: 3,
};

/** Marks ts_headline puts around matches; stripped from the source text first, then turned into <mark>. */
const MARK_START = '\u27e6';
const MARK_END = '\u27e7';
const HEADLINE_OPTIONS = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=24, MinWords=10, ShortWord=2, MaxFragments=2, FragmentDelimiter=" … "`;

interface HitRow {
  kind: SearchKind;
  id: string;
  score: number;
  distance: number | null;
  kind_order: number;
  highlight: string | null;
}

interface SummaryRow {
  total: number;
  kinds: { value: string; count: number }[];
  organisation_kinds: { value: string; count: number }[];
  themes: { id: string; label: string; count: number }[];
  areas: { id: string; label: string; count: number }[];
  languages: { value: string; count: number }[];
}

export interface SearchRequest extends Omit<SearchArgs, 'sort'> {
  sort?: SearchSort;
}

/** Everything a search needs, resolved once: the text, the origin of distances and which kinds can match. */
interface Plan {
  text: string | undefined;
  filter: SearchFilter;
  origin: SearchOrigin | null;
  radius: number | null;
  kinds: Set<SearchKind>;
  sort: SearchSort;
}

const languageNames = new Intl.DisplayNames(['en'], { type: 'language' });

function languageName(code: string): string {
  try {
    return languageNames.of(code) ?? code;
  } catch {
    return code;
  }
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** Turns ts_headline's markers into <mark> around matched words, with everything else escaped. */
export function markHighlight(headline: string | null): string | null {
  if (!headline) return null;
  return escapeHtml(headline).replaceAll(MARK_START, '<mark>').replaceAll(MARK_END, '</mark>');
}

/**
 * Directory search over practitioners, organisations and services in one ranked list.
 *
 * Text: weighted full-text search (stored, GIN-indexed vectors; English stemming,
 * accents ignored; websearch syntax) OR trigram similarity of the name (misspellings,
 * partial words). Ranking: an exact name match first, then text rank blended with name
 * similarity, then freshness. Every term of the score is computed from stored values
 * only, so the order is the same on every request and cursors never skip or repeat.
 */
@Injectable()
export class SearchService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly geocoder: Geocoder,
  ) {}

  async search(viewer: Viewer, request: SearchRequest): Promise<SearchConnection> {
    const plan = await this.plan(viewer, request);
    const { sql, params } = this.pageSql(viewer, plan, request.first, request.after);
    const rows = await this.dataSource.query<HitRow[]>(sql, params);
    const edges: SearchEdge[] = rows.slice(0, request.first).map((row) => ({
      cursor: encodeCursor([plan.sort === SearchSort.NEAREST ? row.distance : row.score, row.kind_order, row.id]),
      score: row.score,
      highlight: markHighlight(row.highlight),
      distanceMetres: row.distance === null ? null : Math.round(row.distance),
      kind: row.kind,
      entityId: row.id,
    }));
    let summary: Promise<SummaryRow> | undefined;
    const summarise = () => (summary ??= this.summary(viewer, plan));
    return {
      edges,
      pageInfo: {
        hasNextPage: rows.length > request.first,
        hasPreviousPage: request.after !== undefined,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges[edges.length - 1]?.cursor ?? null,
      },
      // Counted only when asked for, in one query for both.
      get totalCount() {
        return summarise().then((row) => row.total);
      },
      get facets() {
        return summarise().then(toFacets);
      },
      origin: plan.origin,
    };
  }

  /** The query plan of a search's page, for tests that check indexes are used. */
  async explain(viewer: Viewer, request: SearchRequest): Promise<unknown> {
    const plan = await this.plan(viewer, request);
    const { sql, params } = this.pageSql(viewer, plan, request.first, request.after);
    const [row] = await this.dataSource.query<{ 'QUERY PLAN': unknown }[]>(`EXPLAIN (FORMAT JSON) ${sql}`, params);
    return row['QUERY PLAN'];
  }

  private async plan(viewer: Viewer, request: SearchRequest): Promise<Plan> {
    const filter = request.filter ?? {};
    const sort = request.sort ?? SearchSort.RELEVANCE;
    const text = request.query?.trim() || undefined;
    const origin = filter.near ? await this.resolveOrigin(filter) : null;
    if (sort === SearchSort.NEAREST && !origin) throw badInput('sort', 'NEAREST needs filter.near');

    const serviceOnly =
      filter.age !== undefined ||
      filter.dayOfWeek !== undefined ||
      filter.freeOnly !== undefined ||
      filter.activeOnly !== undefined ||
      Boolean(filter.serviceTypeIds?.length);
    const practitionerOnly = filter.openToIntroductions !== undefined;
    const requested = new Set(filter.kinds?.length ? filter.kinds : Object.values(SearchKind));
    const kinds = new Set<SearchKind>();
    if (requested.has(SearchKind.ORGANISATION) && !serviceOnly && !practitionerOnly) kinds.add(SearchKind.ORGANISATION);
    // People are for signed-in members only.
    if (requested.has(SearchKind.PRACTITIONER) && !serviceOnly && viewer.isAuthenticated)
      kinds.add(SearchKind.PRACTITIONER);
    if (requested.has(SearchKind.SERVICE) && !practitionerOnly) kinds.add(SearchKind.SERVICE);
    return { text, filter, origin, radius: filter.near?.withinMetres ?? null, kinds, sort };
  }

  private async resolveOrigin(filter: SearchFilter): Promise<SearchOrigin> {
    const near = filter.near;
    const postcode = near?.postcode?.trim();
    const point = near?.point;
    if (postcode && point) throw badInput('filter.near', 'give a postcode or a point, not both');
    if (point) {
      return {
        latitude: point.latitude,
        longitude: point.longitude,
        precision: GeocodePrecisionKind.COORDINATES,
        postcode: null,
      };
    }
    if (!postcode) throw badInput('filter.near', 'needs a postcode or a point');
    if (!isUkPostcode(postcode) && !isOutwardCode(postcode)) {
      throw badInput('filter.near.postcode', 'is not a UK postcode (e.g. WS1 1TP, or a district such as WS1)');
    }
    const found = await this.geocoder.geocode(postcode);
    if (!found) throw badInput('filter.near.postcode', 'is not a postcode we know');
    return {
      latitude: found.latitude,
      longitude: found.longitude,
      precision: found.precision === 'POSTCODE' ? GeocodePrecisionKind.POSTCODE : GeocodePrecisionKind.OUTWARD_CODE,
      postcode: found.postcode,
    };
  }

  /** One page, ranked, with highlights computed for the page's rows only. */
  private pageSql(viewer: Viewer, plan: Plan, first: number, after: string | undefined) {
    const params = new SqlParams();
    const hits = this.hitsSql(viewer, plan, params);
    const byDistance = plan.sort === SearchSort.NEAREST;
    const order = byDistance ? 'distance ASC, kind_order ASC, id ASC' : 'score DESC, kind_order ASC, id ASC';
    let keyset = 'TRUE';
    if (after !== undefined) {
      const [value, kindOrder, id] = decodeCursor(after, 3);
      if (typeof value !== 'number' || typeof kindOrder !== 'number' || typeof id !== 'string') {
        throw badInput('after', 'is not a cursor from this search');
      }
      const v = params.add(value);
      const rest = `(kind_order, id) > (${params.add(kindOrder)}::int, ${params.add(id)}::uuid)`;
      keyset = byDistance
        ? `(distance > ${v}::float8 OR (distance = ${v}::float8 AND ${rest}))`
        : `(score < ${v}::float8 OR (score = ${v}::float8 AND ${rest}))`;
    }
    const highlight = plan.text ? this.highlightSql(params.add(plan.text)) : 'NULL::text';
    const sql = `
      WITH hits AS (${hits})
      SELECT page.kind, page.id, page.score, page.distance, page.kind_order, ${highlight} AS highlight
        FROM (SELECT * FROM hits WHERE ${keyset} ORDER BY ${order} LIMIT ${first + 1}) page
       ORDER BY ${order}`;
    return { sql, params: params.values };
  }

  private highlightSql(text: string): string {
    const query = `websearch_to_tsquery('cohesion_english', ${text})`;
    const strip = (expression: string) => `translate(${expression}, '${MARK_START}${MARK_END}', '')`;
    const headline = (expression: string) =>
      `ts_headline('cohesion_english', ${strip(expression)}, ${query}, '${HEADLINE_OPTIONS}')`;
    return `CASE page.kind
      WHEN 'ORGANISATION' THEN (SELECT ${headline(`coalesce(x.description, x.name)`)} FROM organisations x WHERE x.id = page.id)
      WHEN 'PRACTITIONER' THEN (SELECT ${headline(`concat_ws(' · ', x.job_title, x.can_help_with, x.bio, x.looking_for)`)}
                                  FROM practitioners x WHERE x.id = page.id)
      WHEN 'SERVICE' THEN (SELECT ${headline(`coalesce(x.description, x.name)`)} FROM services x WHERE x.id = page.id)
    END`;
  }

  /** Totals and facets over every hit (not just the page), only of what the viewer may see. */
  private async summary(viewer: Viewer, plan: Plan): Promise<SummaryRow> {
    const params = new SqlParams();
    const hits = this.hitsSql(viewer, plan, params);
    const themes = params.add(COHESION_THEMES);
    const [row] = await this.dataSource.query<SummaryRow[]>(
      `WITH hits AS MATERIALIZED (${hits}),
       tagged AS (
         SELECT h.kind, h.id, x.term_id FROM hits h JOIN organisation_themes x ON h.kind = 'ORGANISATION' AND x.organisation_id = h.id
         UNION ALL
         SELECT h.kind, h.id, x.term_id FROM hits h JOIN practitioner_themes x ON h.kind = 'PRACTITIONER' AND x.practitioner_id = h.id
         UNION ALL
         SELECT h.kind, h.id, x.term_id FROM hits h JOIN service_taxonomy_terms x ON h.kind = 'SERVICE' AND x.service_id = h.id),
       placed AS (
         SELECT h.kind, h.id, x.area_id FROM hits h JOIN organisation_areas x ON h.kind = 'ORGANISATION' AND x.organisation_id = h.id
         UNION ALL
         SELECT h.kind, h.id, x.area_id FROM hits h JOIN practitioner_areas x ON h.kind = 'PRACTITIONER' AND x.practitioner_id = h.id
         UNION ALL
         SELECT h.kind, h.id, x.area_id FROM hits h JOIN service_areas x ON h.kind = 'SERVICE' AND x.service_id = h.id
         UNION ALL
         SELECT h.kind, h.id, l.area_id FROM hits h JOIN service_locations sl ON h.kind = 'SERVICE' AND sl.service_id = h.id
           JOIN locations l ON l.id = sl.location_id WHERE l.area_id IS NOT NULL)
       SELECT
         (SELECT count(*)::int FROM hits) AS total,
         (SELECT coalesce(json_agg(json_build_object('value', kind, 'count', n) ORDER BY n DESC, kind), '[]')
            FROM (SELECT kind, count(*)::int AS n FROM hits GROUP BY kind) k) AS kinds,
         (SELECT coalesce(json_agg(json_build_object('value', kind, 'count', n) ORDER BY n DESC, kind), '[]')
            FROM (SELECT o.kind, count(*)::int AS n FROM hits h JOIN organisations o ON o.id = h.id
                   WHERE h.kind = 'ORGANISATION' GROUP BY o.kind) k) AS organisation_kinds,
         (SELECT coalesce(json_agg(json_build_object('id', id, 'label', name, 'count', n) ORDER BY n DESC, name), '[]')
            FROM (SELECT t.id, t.name, count(DISTINCT (tg.kind, tg.id))::int AS n
                    FROM tagged tg JOIN taxonomy_terms t ON t.id = tg.term_id
                    JOIN taxonomies x ON x.id = t.taxonomy_id AND x.code = ${themes}
                   GROUP BY t.id, t.name ORDER BY n DESC, t.name LIMIT 10) top) AS themes,
         (SELECT coalesce(json_agg(json_build_object('id', id, 'label', name, 'count', n) ORDER BY n DESC, name), '[]')
            FROM (SELECT la.id, la.name, count(DISTINCT (p.kind, p.id))::int AS n
                    FROM placed p JOIN areas a ON a.id = p.area_id
                    JOIN areas la ON la.id = ANY(a.path_ids) AND la.kind = 'LOCAL_AUTHORITY'
                   GROUP BY la.id, la.name) councils) AS areas,
         (SELECT coalesce(json_agg(json_build_object('value', language, 'count', n) ORDER BY n DESC, language), '[]')
            FROM (SELECT language, count(*)::int AS n FROM hits, unnest(hits.languages) AS language GROUP BY language) l)
           AS languages`,
      params.values,
    );
    return row;
  }

  /** The full, unordered set of hits the viewer may see: one SELECT per kind, UNION ALL. */
  private hitsSql(viewer: Viewer, plan: Plan, params: SqlParams): string {
    const parts: string[] = [];
    const text = plan.text ? params.add(plan.text) : undefined;
    const origin = plan.origin
      ? {
          point: `ll_to_earth(${params.add(plan.origin.latitude)}::float8, ${params.add(plan.origin.longitude)}::float8)`,
          radius: `${params.add(plan.radius)}::float8`,
        }
      : undefined;
    const context: KindContext = { viewer, params, text, origin, filter: plan.filter };
    if (plan.kinds.has(SearchKind.ORGANISATION)) parts.push(organisationHits(context));
    if (plan.kinds.has(SearchKind.PRACTITIONER)) parts.push(practitionerHits(context));
    if (plan.kinds.has(SearchKind.SERVICE)) parts.push(serviceHits(context));
    if (parts.length === 0) {
      return `SELECT NULL::text AS kind, NULL::int AS kind_order, NULL::uuid AS id, NULL::float8 AS score,
                     NULL::float8 AS distance, NULL::varchar[] AS languages WHERE FALSE`;
    }
    return parts.join('\nUNION ALL\n');
  }
}

interface KindContext {
  viewer: Viewer;
  params: SqlParams;
  /** Placeholder of the search text, when there is one. */
  text: string | undefined;
  origin: { point: string; radius: string } | undefined;
  filter: SearchFilter;
}

function tsquery(text: string): string {
  return `websearch_to_tsquery('cohesion_english', ${text})`;
}

/**
 * How close a misspelt or partial name must be (pg_trgm word similarity). Measured:
 * "Wolverhamton" 0.69, "alum rok" 0.78, "Smart Women Comunity" 0.87 match; words that
 * merely share a syllable with a name ("servicecheck" ~ "areacheck held service", 0.61) do not.
 */
const NAME_SIMILARITY = 0.65;

/** Matches on the stored vector (own text and tags) or, for misspellings and partial words, on the name. */
function textMatch(alias: string, text: string): string {
  const name = `search_normalise(${text})`;
  return `((${alias}.search_vector || ${alias}.search_tags) @@ ${tsquery(text)}
           OR (${name} <% ${alias}.search_name AND word_similarity(${name}, ${alias}.search_name) >= ${NAME_SIMILARITY}))`;
}

/**
 * Exact name first (+10), then text rank (0..2) and name similarity (0..1), then
 * freshness (0..0.05, from a fixed epoch so it does not drift between requests).
 */
function score(alias: string, text: string | undefined, freshAt: string): string {
  const freshness = `0.05 * least(1, greatest(0, (extract(epoch FROM ${freshAt})::float8 - 1577836800) / 315360000))`;
  if (!text) return `(${freshness})::float8`;
  return `((CASE WHEN ${alias}.search_name = search_normalise(${text}) THEN 10 ELSE 0 END)
            + 2 * ts_rank_cd(${alias}.search_vector || ${alias}.search_tags, ${tsquery(text)}, 32)
            + word_similarity(search_normalise(${text}), ${alias}.search_name)
            + ${freshness})::float8`;
}

function within(origin: { point: string; radius: string }, latitude: string, longitude: string): string {
  return `${latitude} IS NOT NULL
          AND earth_box(${origin.point}, ${origin.radius}) @> ll_to_earth(${latitude}, ${longitude})
          AND earth_distance(${origin.point}, ll_to_earth(${latitude}, ${longitude})) <= ${origin.radius}`;
}

function underAny(
  linkTable: string,
  ownerColumn: string,
  owner: string,
  joinTable: string,
  linkColumn: string,
  ids: string,
): string {
  return `EXISTS (SELECT 1 FROM ${linkTable} x JOIN ${joinTable} t ON t.id = x.${linkColumn}
                   WHERE x.${ownerColumn} = ${owner} AND t.path_ids && ${ids}::uuid[])`;
}

/** Conditions on an organisation `o` shared by organisations themselves and by the services and people attached to them. */
function organisationConditions(context: KindContext, alias: string): (string | false | undefined | 0)[] {
  const { filter, params } = context;
  return [
    filter.organisationKinds?.length && `${alias}.kind = ANY(${params.add(filter.organisationKinds)}::varchar[])`,
    filter.faithTraditions?.length &&
      `${alias}.faith_tradition = ANY(${params.add(filter.faithTraditions)}::varchar[])`,
    filter.verifiedOnly && `${alias}.verified`,
  ];
}

function organisationHits(context: KindContext): string {
  const { viewer, params, text, origin, filter } = context;
  const where = allOf([
    organisationVisibleSql(viewer, 'o'),
    text && textMatch('o', text),
    ...organisationConditions(context, 'o'),
    filter.themeIds?.length &&
      underAny(
        'organisation_themes',
        'organisation_id',
        'o.id',
        'taxonomy_terms',
        'term_id',
        params.add(filter.themeIds),
      ),
    filter.areaIds?.length &&
      underAny('organisation_areas', 'organisation_id', 'o.id', 'areas', 'area_id', params.add(filter.areaIds)),
    filter.languages?.length && `o.languages && ${params.add(filter.languages)}::varchar[]`,
    origin && within(origin, 'o.latitude', 'o.longitude'),
  ]);
  const distance = origin ? `earth_distance(${origin.point}, ll_to_earth(o.latitude, o.longitude))` : 'NULL::float8';
  return `SELECT 'ORGANISATION'::text AS kind, ${KIND_ORDER.ORGANISATION} AS kind_order, o.id,
                 ${score('o', text, 'o.updated_at')} AS score, ${distance} AS distance, o.languages
            FROM organisations o WHERE ${where}`;
}

function practitionerHits(context: KindContext): string {
  const { params, text, origin, filter } = context;
  const organisationFilter = allOf(organisationConditions(context, 'o'));
  const where = allOf([
    // Search never shows a profile its owner made undiscoverable.
    'p.discoverable',
    text && textMatch('p', text),
    organisationFilter !== 'TRUE' &&
      `EXISTS (SELECT 1 FROM practitioner_memberships m JOIN organisations o ON o.id = m.organisation_id
                WHERE m.practitioner_id = p.id AND ${CURRENT_MEMBERSHIP} AND ${organisationFilter})`,
    filter.themeIds?.length &&
      underAny(
        'practitioner_themes',
        'practitioner_id',
        'p.id',
        'taxonomy_terms',
        'term_id',
        params.add(filter.themeIds),
      ),
    filter.areaIds?.length &&
      underAny('practitioner_areas', 'practitioner_id', 'p.id', 'areas', 'area_id', params.add(filter.areaIds)),
    filter.languages?.length && `p.languages && ${params.add(filter.languages)}::varchar[]`,
    filter.openToIntroductions !== undefined && `p.open_to_introductions = ${params.add(filter.openToIntroductions)}`,
    // People are placed where the organisations they work at are.
    origin &&
      `p.id IN (SELECT m.practitioner_id FROM organisations o JOIN practitioner_memberships m ON m.organisation_id = o.id
                 WHERE ${CURRENT_MEMBERSHIP} AND ${within(origin, 'o.latitude', 'o.longitude')})`,
  ]);
  const distance = origin
    ? `(SELECT min(earth_distance(${origin.point}, ll_to_earth(o.latitude, o.longitude)))
          FROM practitioner_memberships m JOIN organisations o ON o.id = m.organisation_id
         WHERE m.practitioner_id = p.id AND ${CURRENT_MEMBERSHIP} AND o.latitude IS NOT NULL)`
    : 'NULL::float8';
  return `SELECT 'PRACTITIONER'::text AS kind, ${KIND_ORDER.PRACTITIONER} AS kind_order, p.id,
                 ${score('p', text, 'p.updated_at')} AS score, ${distance} AS distance, p.languages
            FROM practitioners p WHERE ${where}`;
}

function serviceHits(context: KindContext): string {
  const { viewer, params, text, origin, filter } = context;
  const terms = (ids: string[]) =>
    underAny('service_taxonomy_terms', 'service_id', 's.id', 'taxonomy_terms', 'term_id', params.add(ids));
  const day = filter.dayOfWeek ? params.add(`(^|,)(-?[1-5])?${filter.dayOfWeek}(,|$)`) : undefined;
  const where = allOf([
    serviceVisibleSql(viewer, 's', 'o'),
    text && textMatch('s', text),
    ...organisationConditions(context, 'o'),
    filter.themeIds?.length && terms(filter.themeIds),
    filter.serviceTypeIds?.length && terms(filter.serviceTypeIds),
    filter.areaIds?.length &&
      (() => {
        const ids = params.add(filter.areaIds);
        return `(${underAny('service_areas', 'service_id', 's.id', 'areas', 'area_id', ids)}
                 OR EXISTS (SELECT 1 FROM service_locations sl JOIN locations l ON l.id = sl.location_id
                             JOIN areas a ON a.id = l.area_id WHERE sl.service_id = s.id AND a.path_ids && ${ids}::uuid[]))`;
      })(),
    filter.languages?.length && `s.languages && ${params.add(filter.languages)}::varchar[]`,
    filter.age !== undefined &&
      (() => {
        const age = params.add(filter.age);
        return `(s.minimum_age IS NULL OR s.minimum_age <= ${age}) AND (s.maximum_age IS NULL OR s.maximum_age >= ${age})`;
      })(),
    day && `EXISTS (SELECT 1 FROM service_schedules sc WHERE sc.service_id = s.id AND sc.byday ~ ${day})`,
    filter.freeOnly &&
      `EXISTS (SELECT 1 FROM service_cost_options c WHERE c.service_id = s.id AND c.amount_pence = 0)
       AND NOT EXISTS (SELECT 1 FROM service_cost_options c WHERE c.service_id = s.id AND c.amount_pence > 0)`,
    filter.activeOnly && `s.status = 'active'`,
    origin &&
      `s.id IN (SELECT sl.service_id FROM locations l JOIN service_locations sl ON sl.location_id = l.id
                 WHERE ${within(origin, 'l.latitude', 'l.longitude')})`,
  ]);
  const distance = origin
    ? `(SELECT min(earth_distance(${origin.point}, ll_to_earth(l.latitude, l.longitude)))
          FROM service_locations sl JOIN locations l ON l.id = sl.location_id
         WHERE sl.service_id = s.id AND l.latitude IS NOT NULL)`
    : 'NULL::float8';
  return `SELECT 'SERVICE'::text AS kind, ${KIND_ORDER.SERVICE} AS kind_order, s.id,
                 ${score('s', text, 'coalesce(s.assured_date::timestamptz, s.updated_at)')} AS score,
                 ${distance} AS distance, s.languages
            FROM services s JOIN organisations o ON o.id = s.organisation_id WHERE ${where}`;
}

function toFacets(row: SummaryRow): SearchFacets {
  const plain = (items: { value: string; count: number }[], label: (value: string) => string): SearchFacetCount[] =>
    items.map((item) => ({ value: item.value, label: label(item.value), count: item.count }));
  const named = (type: string, items: { id: string; label: string; count: number }[]): SearchFacetCount[] =>
    items.map((item) => ({ value: toGlobalId(type, item.id), label: item.label, count: item.count }));
  const title = (value: string) => value.charAt(0) + value.slice(1).toLowerCase().replaceAll('_', ' ');
  return {
    kinds: plain(row.kinds, title),
    organisationKinds: plain(row.organisation_kinds, title),
    themes: named('TaxonomyTerm', row.themes),
    areas: named('Area', row.areas),
    languages: plain(row.languages, languageName),
  };
}
