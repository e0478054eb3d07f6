import { allOf, decodeCursor, pageLimit, SqlParams, type Viewer } from '@cohesion/common';
import { NAME_SIMILARITY } from '@cohesion/database';
import { circleSql, distanceSql, withinSql, type CircleSql } from '../geo/geo.sql.js';
import { DIRECTORY_POLICY, organisationVerifiedSql } from '../directory.policy.js';
import { practitionerPlacedAreasSql, practitionerPlacedInSql } from '../practitioners/practitioner.queries.js';
import { CURRENT_MEMBERSHIP } from '../shared/membership-standing.queries.js';
import type { PractitionerRelationships } from '../practitioners/relationships.js';
import { COHESION_THEMES } from '../taxonomy/taxonomy.model.js';
import { SearchKind, SearchSort, type SearchFilter } from './search.inputs.js';
import type { SearchPlan, SearchRequest } from './search.plan.js';

/*
 * The statements of a search: the hits the viewer may see (one SELECT per kind, UNION
 * ALL), the page ranked and cut from them with its highlights, and the totals and facets
 * over the same hits. What to search comes resolved from `planSearch` (search.plan.ts).
 */

/** Tie-break order between kinds with equal scores; also part of the cursor. */
export const KIND_ORDER: Record<SearchKind, number> = {
  [SearchKind.ORGANISATION]: 1,
  [SearchKind.PRACTITIONER]: 2,
  [SearchKind.SERVICE]: 3,
};

/** Marks ts_headline puts around matches; stripped from the source text first, then turned into <mark>. */
const MARK_START = '\u27e6';
const MARK_END = '\u27e7';
const HEADLINE_OPTIONS = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=24, MinWords=10, ShortWord=2, MaxFragments=2, FragmentDelimiter=" … "`;

export interface HitRow {
  kind: SearchKind;
  id: string;
  score: number;
  distance: number | null;
  kind_order: number;
  highlight: string | null;
}

export interface SummaryRow {
  total: number;
  kinds: { value: string; count: number }[];
  organisation_kinds: { value: string; count: number }[];
  themes: { id: string; label: string; count: number }[];
  areas: { id: string; label: string; count: number }[];
  languages: { value: string; count: number }[];
}

export const NO_HITS: SummaryRow = {
  total: 0,
  kinds: [],
  organisation_kinds: [],
  themes: [],
  areas: [],
  languages: [],
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** Turns ts_headline's markers into <mark> around matched words, with everything else escaped. */
export function markHighlight(headline: string | null): string | null {
  if (!headline) return null;
  return escapeHtml(headline).replaceAll(MARK_START, '<mark>').replaceAll(MARK_END, '</mark>');
}

/**
 * The hits are computed once (MATERIALIZED when the summary reads them too); the page
 * is ranked and cut from them, with highlights computed for its rows only.
 */
export function pageStatement(
  relationships: PractitionerRelationships,
  viewer: Viewer,
  plan: SearchPlan,
  request: SearchRequest,
  summary: 'count' | 'facets' | undefined,
): { sql: string; params: unknown[] } {
  const params = new SqlParams();
  const hits = hitsSql(relationships, viewer, plan, params, summary === 'facets');
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
  const highlight = plan.text ? highlightSql(params.add(plan.text)) : 'NULL::text';
  const sql = `
    WITH ${hits.ctes}hits AS ${summary ? 'MATERIALIZED ' : ''}(${hits.body}),
    page AS (SELECT kind, id, score, distance, kind_order FROM hits WHERE ${keyset}
              ORDER BY ${order} LIMIT ${pageLimit(request.first)})
    SELECT (SELECT coalesce(json_agg(json_build_object('kind', page.kind, 'id', page.id, 'score', page.score,
                     'distance', page.distance, 'kind_order', page.kind_order, 'highlight', ${highlight})
                   ORDER BY ${order.replaceAll(/(\w+) (ASC|DESC)/g, 'page.$1 $2')}), '[]') FROM page) AS page
           ${summary === 'facets' ? `, ${summaryColumns(params)}` : ''}
           ${summary === 'count' ? ', (SELECT count(*)::int FROM hits) AS total' : ''}`;
  return { sql, params: params.values };
}

/** Totals and facets on their own, over the same hits, for a caller that reads them without having asked. */
export function summaryStatement(
  relationships: PractitionerRelationships,
  viewer: Viewer,
  plan: SearchPlan,
): { sql: string; params: unknown[] } {
  const params = new SqlParams();
  const hits = hitsSql(relationships, viewer, plan, params, true);
  return {
    sql: `WITH ${hits.ctes}hits AS MATERIALIZED (${hits.body}) SELECT ${summaryColumns(params)}`,
    params: params.values,
  };
}

function highlightSql(text: string): string {
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
function summaryColumns(params: SqlParams): string {
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
function hitsSql(
  relationships: PractitionerRelationships,
  viewer: Viewer,
  plan: SearchPlan,
  params: SqlParams,
  withPaths = false,
): { ctes: string; body: string } {
  const parts: string[] = [];
  const ctes: string[] = [];
  const text = plan.text ? params.add(plan.text) : undefined;
  const origin = plan.origin ? circleSql(plan.origin, plan.radius as number, params) : undefined;
  const me = viewer.accountId && plan.kinds.has(SearchKind.PRACTITIONER) ? params.add(viewer.accountId) : undefined;
  const blocked = me ? relationships.blockedSql(me, 'p.id') : undefined;
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
    filter.organisationIds?.length && `${alias}.id = ANY(${params.add(filter.organisationIds)}::uuid[])`,
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

/** A session of the service on the day (iCal days) and overlapping the part of the day, when given. */
function sessionSql(params: SqlParams, day: string | undefined, window: SearchFilter['openBetween']): string {
  const conditions = allOf([
    day && `sc.byday ~ ${day}`,
    window && `sc.opens_at < ${params.add(window.to)}::time AND sc.closes_at > ${params.add(window.from)}::time`,
  ]);
  return `EXISTS (SELECT 1 FROM service_schedules sc WHERE sc.service_id = s.id AND ${conditions})`;
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
    (day || filter.openBetween) && sessionSql(params, day, filter.openBetween),
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
