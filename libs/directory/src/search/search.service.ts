import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  allOf,
  badInput,
  decodeCursor,
  encodeCursor,
  pageLimit,
  isUkPostcode,
  isOutwardCode,
  languageName,
  SqlParams,
  toGlobalId,
  type Viewer,
} from '@cohesion/common';
import { NAME_SIMILARITY } from '@cohesion/database';
import { GeocodePrecisionKind } from '../geo/geocode-precision.model.js';
import { Geocoder } from '../geo/geocoder.js';
import { circleSql, distanceSql, withinSql, type CircleSql } from '../geo/geo.sql.js';
import { DIRECTORY_POLICY, organisationVerifiedSql } from '../directory.policy.js';
import {
  CURRENT_MEMBERSHIP,
  practitionerPlacedAreasSql,
  practitionerPlacedInSql,
} from '../practitioners/practitioner.queries.js';
import { PRACTITIONER_RELATIONSHIPS, type PractitionerRelationships } from '../practitioners/relationships.js';
import { COHESION_THEMES } from '../taxonomy/taxonomy.model.js';
import { SearchKind, SearchSort, type SearchArgs, type SearchFilter } from './search.inputs.js';
import {
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

const NO_HITS: SummaryRow = { total: 0, kinds: [], organisation_kinds: [], themes: [], areas: [], languages: [] };

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
    @Inject(PRACTITIONER_RELATIONSHIPS) private readonly relationships: PractitionerRelationships,
  ) {}

  /**
   * One page of results. With `summary` the total (`count`), or the total and the facets
   * (`facets`), come from the same statement, over the same set of hits; whatever was not
   * asked for is computed only if read.
   */
  async search(
    viewer: Viewer,
    request: SearchRequest,
    options: { summary?: 'count' | 'facets' } = {},
  ): Promise<SearchConnection> {
    const plan = await this.plan(viewer, request);
    const row = await this.firstPage(viewer, plan, request, options.summary);
    const rows = row.page;
    const edges: SearchEdge[] = rows.slice(0, request.first).map((hit) => ({
      cursor: encodeCursor([plan.sort === SearchSort.NEAREST ? hit.distance : hit.score, hit.kind_order, hit.id]),
      score: hit.score,
      highlight: markHighlight(hit.highlight),
      distanceMetres: hit.distance === null ? null : Math.round(hit.distance),
      kind: hit.kind,
      entityId: hit.id,
    }));
    let summary: Promise<SummaryRow> | undefined =
      options.summary === 'facets' ? Promise.resolve(row as SummaryRow) : undefined;
    const summarise = () => (summary ??= plan.kinds.size ? this.summaryOnly(viewer, plan) : Promise.resolve(NO_HITS));
    const total = options.summary ? Promise.resolve(row.total as number) : undefined;
    return {
      edges,
      pageInfo: {
        hasNextPage: rows.length > request.first,
        hasPreviousPage: request.after !== undefined,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges[edges.length - 1]?.cursor ?? null,
      },
      get totalCount() {
        return total ?? summarise().then((summed) => summed.total);
      },
      get facets() {
        return summarise().then(toFacets);
      },
      origin: plan.origin,
    };
  }

  /** The page (and the summary asked for), from one statement; none when nothing the viewer may see can match. */
  private async firstPage(
    viewer: Viewer,
    plan: Plan,
    request: SearchRequest,
    summary: 'count' | 'facets' | undefined,
  ): Promise<{ page: HitRow[] } & Partial<SummaryRow>> {
    // People asked for anonymously: no kind is left to search.
    if (plan.kinds.size === 0) return { page: [], ...NO_HITS };
    const { sql, params } = this.statement(viewer, plan, request, summary);
    const [row] = await this.dataSource.query<({ page: HitRow[] } & Partial<SummaryRow>)[]>(sql, params);
    return row;
  }

  /** The query plan of a search (page, totals and facets), for tests that check indexes are used. */
  async explain(viewer: Viewer, request: SearchRequest): Promise<unknown> {
    const plan = await this.plan(viewer, request);
    const { sql, params } = this.statement(viewer, plan, request, 'facets');
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
      precision: GeocodePrecisionKind[found.precision],
      postcode: found.postcode,
    };
  }

  /**
   * The hits are computed once (MATERIALIZED when the summary reads them too); the page
   * is ranked and cut from them, with highlights computed for its rows only.
   */
  private statement(viewer: Viewer, plan: Plan, request: SearchRequest, summary: 'count' | 'facets' | undefined) {
    const params = new SqlParams();
    const hits = this.hitsSql(viewer, plan, params, summary === 'facets');
    const byDistance = plan.sort === SearchSort.NEAREST;
    const order = byDistance ? 'distance ASC, kind_order ASC, id ASC' : 'score DESC, kind_order ASC, id ASC';
    let keyset = 'TRUE';
    if (request.after !== undefined) {
      const [value, kindOrder, id] = decodeCursor(request.after, ['number', 'integer', 'uuid']);
      const v = params.add(value);
      const rest = `(kind_order, id) > (${params.add(kindOrder)}::int, ${params.add(id)}::uuid)`;
      keyset = byDistance
        ? `(distance > ${v}::float8 OR (distance = ${v}::float8 AND ${rest}))`
        : `(score < ${v}::float8 OR (score = ${v}::float8 AND ${rest}))`;
    }
    const highlight = plan.text ? this.highlightSql(params.add(plan.text)) : 'NULL::text';
    const sql = `
      WITH ${hits.ctes}hits AS ${summary ? 'MATERIALIZED ' : ''}(${hits.body}),
      page AS (SELECT kind, id, score, distance, kind_order FROM hits WHERE ${keyset}
                ORDER BY ${order} LIMIT ${pageLimit(request.first)})
      SELECT (SELECT coalesce(json_agg(json_build_object('kind', page.kind, 'id', page.id, 'score', page.score,
                       'distance', page.distance, 'kind_order', page.kind_order, 'highlight', ${highlight})
                     ORDER BY ${order.replaceAll(/(\w+) (ASC|DESC)/g, 'page.$1 $2')}), '[]') FROM page) AS page
             ${summary === 'facets' ? `, ${this.summaryColumns(params)}` : ''}
             ${summary === 'count' ? ', (SELECT count(*)::int FROM hits) AS total' : ''}`;
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

  /** Totals and facets on their own, for a caller that reads them without having asked. */
  private async summaryOnly(viewer: Viewer, plan: Plan): Promise<SummaryRow> {
    const params = new SqlParams();
    const hits = this.hitsSql(viewer, plan, params, true);
    const [row] = await this.dataSource.query<SummaryRow[]>(
      `WITH ${hits.ctes}hits AS MATERIALIZED (${hits.body}) SELECT ${this.summaryColumns(params)}`,
      params.values,
    );
    return row;
  }

  /** Totals and facets over every hit (not just the page), only of what the viewer may see. */
  private summaryColumns(params: SqlParams): string {
    const themes = params.add(COHESION_THEMES);
    return `
         (SELECT count(*)::int FROM hits) AS total,
         (SELECT coalesce(json_agg(json_build_object('value', kind, 'count', n) ORDER BY n DESC, kind), '[]')
            FROM (SELECT kind, count(*)::int AS n FROM hits GROUP BY kind) k) AS kinds,
         (SELECT coalesce(json_agg(json_build_object('value', kind, 'count', n) ORDER BY n DESC, kind), '[]')
            FROM (SELECT o.kind, count(*)::int AS n FROM hits h JOIN organisations o ON o.id = h.id
                   WHERE h.kind = 'ORGANISATION' GROUP BY o.kind) k) AS organisation_kinds,
         (SELECT coalesce(json_agg(json_build_object('id', id, 'label', name, 'count', n) ORDER BY n DESC, name), '[]')
            FROM (SELECT t.id, t.name, count(*)::int AS n
                    FROM hits, unnest(hits.term_path_ids) AS term_id
                    JOIN taxonomy_terms t ON t.id = term_id
                    JOIN taxonomies x ON x.id = t.taxonomy_id AND x.code = ${themes}
                   GROUP BY t.id, t.name ORDER BY n DESC, t.name LIMIT 10) top) AS themes,
         (SELECT coalesce(json_agg(json_build_object('id', id, 'label', name, 'count', n) ORDER BY n DESC, name), '[]')
            FROM (SELECT la.id, la.name, count(*)::int AS n
                    FROM hits, unnest(hits.area_path_ids) AS area_id
                    JOIN areas la ON la.id = area_id AND la.kind = 'LOCAL_AUTHORITY'
                   GROUP BY la.id, la.name) councils) AS areas,
         (SELECT coalesce(json_agg(json_build_object('value', language, 'count', n) ORDER BY n DESC, language), '[]')
            FROM (SELECT language, count(*)::int AS n FROM hits, unnest(hits.languages) AS language GROUP BY language) l)
           AS languages`;
  }

  /**
   * The full, unordered set of hits the viewer may see: one SELECT per kind, UNION ALL.
   * With a distance filter, the people and services near the origin (and how near) are
   * found once, in CTEs that every text branch joins.
   */
  private hitsSql(viewer: Viewer, plan: Plan, params: SqlParams, withPaths = false): { ctes: string; body: string } {
    const parts: string[] = [];
    const ctes: string[] = [];
    const text = plan.text ? params.add(plan.text) : undefined;
    const origin = plan.origin ? circleSql(plan.origin, plan.radius as number, params) : undefined;
    const me = viewer.accountId && plan.kinds.has(SearchKind.PRACTITIONER) ? params.add(viewer.accountId) : undefined;
    const blocked = me ? this.relationships.blockedSql(me, 'p.id') : undefined;
    const context: KindContext = { viewer, params, text, origin, filter: plan.filter, withPaths, blocked };
    if (plan.kinds.has(SearchKind.ORGANISATION)) parts.push(organisationHits(context));
    if (plan.kinds.has(SearchKind.PRACTITIONER)) {
      if (origin) ctes.push(`near_practitioners AS MATERIALIZED (${nearPractitionersSql(origin)})`);
      parts.push(practitionerHits(context));
    }
    if (plan.kinds.has(SearchKind.SERVICE)) {
      if (origin) ctes.push(`near_services AS MATERIALIZED (${nearServicesSql(origin)})`);
      parts.push(serviceHits(context));
    }
    const prefix = ctes.map((cte) => `${cte},\n`).join('');
    return { ctes: prefix, body: parts.join('\nUNION ALL\n') };
  }
}

interface KindContext {
  viewer: Viewer;
  /** Also select the area and term path arrays (the facets need them; a page does not). */
  withPaths: boolean;
  params: SqlParams;
  /** Placeholder of the search text, when there is one. */
  text: string | undefined;
  origin: CircleSql | undefined;
  filter: SearchFilter;
  /** True when the viewer and the practitioner `p` have blocked each other (either way); undefined when anonymous. */
  blocked: string | undefined;
}

function tsquery(text: string): string {
  return `websearch_to_tsquery('cohesion_english', ${text})`;
}

/** Each way a row can match the text: its stored document, or (misspellings, partial words) its name. */
const TEXT_MATCHES = [
  (alias: string, text: string) => `${alias}.search_document @@ ${tsquery(text)}`,
  (alias: string, text: string) => {
    const name = `search_normalise(${text})`;
    return `${name} <% ${alias}.search_name AND word_similarity(${name}, ${alias}.search_name) >= ${NAME_SIMILARITY}`;
  },
];

/**
 * A kind's hits: with text, one complete SELECT per way of matching, joined by UNION.
 * Each branch is driven by its own index (full-text or trigram); written as one SELECT
 * with an OR, the planner prices both matches as cheap per row and reads the whole table.
 */
function branches(alias: string, text: string | undefined, select: (match: string) => string): string {
  if (!text) return select('TRUE');
  return TEXT_MATCHES.map((match) => `(${select(match(alias, text))})`).join('\n UNION\n');
}

/**
 * Exact name first (+10), then text rank (0..2) and name similarity (0..1), then
 * freshness (0..0.05, from a fixed epoch so it does not drift between requests).
 */
function score(alias: string, text: string | undefined, freshAt: string): string {
  const freshness = `0.05 * least(1, greatest(0, (extract(epoch FROM ${freshAt})::float8 - 1577836800) / 315360000))`;
  if (!text) return `(${freshness})::float8`;
  return `((CASE WHEN ${alias}.search_name = search_normalise(${text}) THEN 10 ELSE 0 END)
            + 2 * ts_rank(${alias}.search_document, ${tsquery(text)}, 32)
            + word_similarity(search_normalise(${text}), ${alias}.search_name)
            + ${freshness})::float8`;
}

/** People within the radius, placed where the organisations they work at now are; the nearest counts. */
function nearPractitionersSql(origin: CircleSql): string {
  return `SELECT m.practitioner_id AS id, min(${distanceSql(origin, 'o.latitude', 'o.longitude')}) AS distance
            FROM organisations o JOIN practitioner_memberships m ON m.organisation_id = o.id
           WHERE ${CURRENT_MEMBERSHIP} AND ${withinSql(origin, 'o.latitude', 'o.longitude')}
           GROUP BY m.practitioner_id`;
}

/** Services with a venue within the radius; the nearest venue counts. */
function nearServicesSql(origin: CircleSql): string {
  return `SELECT sl.service_id AS id, min(${distanceSql(origin, 'l.latitude', 'l.longitude')}) AS distance
            FROM locations l JOIN service_locations sl ON sl.location_id = l.id
           WHERE ${withinSql(origin, 'l.latitude', 'l.longitude')}
           GROUP BY sl.service_id`;
}

/** The area and term paths of a hit, for the facets; people by where they are placed. */
function paths(context: KindContext, alias: string, areaPaths = `${alias}.area_path_ids`): string {
  return context.withPaths ? `, ${areaPaths} AS area_path_ids, ${alias}.term_path_ids` : '';
}

/** Conditions on an organisation `o` shared by organisations themselves and by the services and people attached to them. */
function organisationConditions(context: KindContext, alias: string): (string | false | undefined | 0)[] {
  const { filter, params } = context;
  return [
    filter.organisationKinds?.length && `${alias}.kind = ANY(${params.add(filter.organisationKinds)}::varchar[])`,
    filter.faithTraditions?.length &&
      `${alias}.faith_tradition = ANY(${params.add(filter.faithTraditions)}::varchar[])`,
    filter.verifiedOnly && organisationVerifiedSql(alias),
  ];
}

function organisationHits(context: KindContext): string {
  const { viewer, params, text, origin, filter } = context;
  const where = allOf([
    DIRECTORY_POLICY.seeOrganisation.sql(viewer, 'o'),
    ...organisationConditions(context, 'o'),
    filter.themeIds?.length && `o.term_path_ids && ${params.add(filter.themeIds)}::uuid[]`,
    filter.areaIds?.length && `o.area_path_ids && ${params.add(filter.areaIds)}::uuid[]`,
    filter.languages?.length && `o.languages && ${params.add(filter.languages)}::varchar[]`,
    origin && withinSql(origin, 'o.latitude', 'o.longitude'),
  ]);
  const distance = origin ? distanceSql(origin, 'o.latitude', 'o.longitude') : 'NULL::float8';
  return branches(
    'o',
    text,
    (match) => `SELECT 'ORGANISATION'::text AS kind, ${KIND_ORDER.ORGANISATION} AS kind_order, o.id,
                       ${score('o', text, 'o.updated_at')} AS score, ${distance} AS distance, o.languages${paths(context, 'o')}
                  FROM organisations o WHERE ${match} AND ${where}`,
  );
}

function practitionerHits(context: KindContext): string {
  const { params, text, origin, filter } = context;
  const organisationFilter = allOf(organisationConditions(context, 'o'));
  const where = allOf([
    // Search never shows a profile its owner made undiscoverable, nor anyone either side blocked.
    DIRECTORY_POLICY.seePractitioner.discoverableSql('p'),
    context.blocked && `NOT ${context.blocked}`,
    organisationFilter !== 'TRUE' &&
      `EXISTS (SELECT 1 FROM practitioner_memberships m JOIN organisations o ON o.id = m.organisation_id
                WHERE m.practitioner_id = p.id AND ${CURRENT_MEMBERSHIP} AND ${organisationFilter})`,
    filter.themeIds?.length && `p.term_path_ids && ${params.add(filter.themeIds)}::uuid[]`,
    filter.areaIds?.length && practitionerPlacedInSql('p', `${params.add(filter.areaIds)}::uuid[]`),
    filter.languages?.length && `p.languages && ${params.add(filter.languages)}::varchar[]`,
    filter.openToIntroductions !== undefined && `p.open_to_introductions = ${params.add(filter.openToIntroductions)}`,
  ]);
  const near = origin ? 'JOIN near_practitioners near ON near.id = p.id' : '';
  return branches(
    'p',
    text,
    (match) => `SELECT 'PRACTITIONER'::text AS kind, ${KIND_ORDER.PRACTITIONER} AS kind_order, p.id,
                       ${score('p', text, 'p.updated_at')} AS score, ${origin ? 'near.distance' : 'NULL::float8'} AS distance,
                       p.languages${paths(context, 'p', practitionerPlacedAreasSql('p'))}
                  FROM practitioners p ${near} WHERE ${match} AND ${where}`,
  );
}

function serviceHits(context: KindContext): string {
  const { viewer, params, text, origin, filter } = context;
  const day = filter.dayOfWeek ? params.add(`(^|,)(-?[1-5])?${filter.dayOfWeek}(,|$)`) : undefined;
  const where = allOf([
    DIRECTORY_POLICY.seeService.sql(viewer, 's', 'o'),
    ...organisationConditions(context, 'o'),
    filter.themeIds?.length && `s.term_path_ids && ${params.add(filter.themeIds)}::uuid[]`,
    filter.serviceTypeIds?.length && `s.term_path_ids && ${params.add(filter.serviceTypeIds)}::uuid[]`,
    // Service areas and the areas of its venues, with everything above them.
    filter.areaIds?.length && `s.area_path_ids && ${params.add(filter.areaIds)}::uuid[]`,
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
  ]);
  const near = origin ? 'JOIN near_services near ON near.id = s.id' : '';
  return branches(
    's',
    text,
    (match) => `SELECT 'SERVICE'::text AS kind, ${KIND_ORDER.SERVICE} AS kind_order, s.id,
                       ${score('s', text, 'coalesce(s.assured_date::timestamptz, s.updated_at)')} AS score,
                       ${origin ? 'near.distance' : 'NULL::float8'} AS distance, s.languages${paths(context, 's')}
                  FROM services s JOIN organisations o ON o.id = s.organisation_id ${near} WHERE ${match} AND ${where}`,
  );
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
