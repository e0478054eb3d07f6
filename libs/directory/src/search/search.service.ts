import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { encodeCursor, languageName, toGlobalId, type Viewer } from '@cohesion/common';
import { Geocoder } from '../geo/geocoder.js';
import { PRACTITIONER_RELATIONSHIPS, type PractitionerRelationships } from '../practitioners/relationships.js';
import { SearchSort } from './search.inputs.js';
import type { SearchConnection, SearchEdge, SearchFacetCount, SearchFacets } from './search.model.js';
import { planSearch, type SearchPlan, type SearchRequest } from './search.plan.js';
import {
  markHighlight,
  NO_HITS,
  pageStatement,
  summaryStatement,
  type HitRow,
  type SummaryRow,
} from './search.statement.js';

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
    const plan = await planSearch(viewer, request, this.geocoder);
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
    plan: SearchPlan,
    request: SearchRequest,
    summary: 'count' | 'facets' | undefined,
  ): Promise<{ page: HitRow[] } & Partial<SummaryRow>> {
    // People asked for anonymously: no kind is left to search.
    if (plan.kinds.size === 0) return { page: [], ...NO_HITS };
    const { sql, params } = pageStatement(this.relationships, viewer, plan, request, summary);
    const [row] = await this.dataSource.query<({ page: HitRow[] } & Partial<SummaryRow>)[]>(sql, params);
    return row;
  }

  /** The query plan of a search (page, totals and facets), for tests that check indexes are used. */
  async explain(viewer: Viewer, request: SearchRequest): Promise<unknown> {
    const plan = await planSearch(viewer, request, this.geocoder);
    const { sql, params } = pageStatement(this.relationships, viewer, plan, request, 'facets');
    const [row] = await this.dataSource.query<{ 'QUERY PLAN': unknown }[]>(`EXPLAIN (FORMAT JSON) ${sql}`, params);
    return row['QUERY PLAN'];
  }

  /** Totals and facets on their own, for a caller that reads them without having asked. */
  private async summaryOnly(viewer: Viewer, plan: SearchPlan): Promise<SummaryRow> {
    const { sql, params } = summaryStatement(this.relationships, viewer, plan);
    const [row] = await this.dataSource.query<SummaryRow[]>(sql, params);
    return row;
  }
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
