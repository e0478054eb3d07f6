import { Get, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Access } from '@cohesion/auth';
import { allows, decodeGlobalId, DomainError, languageName, toGlobalId, type Viewer } from '@cohesion/common';
import {
  AreasService,
  DIRECTORY_POLICY,
  OrganisationKind,
  OrganisationsService,
  SearchArgs,
  SearchKind,
  SearchService,
  TaxonomyService,
} from '@cohesion/directory';
import { formErrors, listOf, textOf, validated } from '../platform/forms.js';
import { humanise } from '../platform/view-filters.js';
import { PageViewer, WebController } from '../platform/web-controller.js';
import { PeopleReader } from './people.reader.js';
import { renderStanding } from './standing.js';

type SearchFacets = Awaited<Awaited<ReturnType<SearchService['search']>>['facets']>;

const VIEW = 'people/views/search.njk';

/** Kinds of organisation in words (the enum's own spelling reads badly for NHS and VCS). */
const KIND_WORDS: Record<string, string> = {
  NHS: 'NHS',
  VCS: 'Voluntary or community group',
  NETWORK: 'Network or partnership',
};
const kindName = (value: string) => KIND_WORDS[value] ?? humanise(value);
export const PEOPLE_PAGE_SIZE = 20;
/** How many earlier pages the address remembers, for "Previous". */
const MAX_TRAIL = 20;

/** What the search form sends, as the address keeps it. */
interface SearchQuery {
  q: string;
  theme: string[];
  area: string[];
  organisation: string;
  kind: string[];
  language: string[];
  open: boolean;
  after?: string;
  trail: string[];
}

function readQuery(query: Record<string, unknown>): SearchQuery {
  const after = textOf(query.after);
  return {
    q: textOf(query.q).slice(0, 200),
    theme: listOf(query.theme),
    area: listOf(query.area),
    organisation: textOf(query.organisation),
    kind: listOf(query.kind),
    language: listOf(query.language),
    open: textOf(query.open) === 'yes',
    after: after || undefined,
    trail: after ? listOf(textOf(query.trail).split(',')).slice(-MAX_TRAIL) : [],
  };
}

/** The address of a search: the same filters, changed by `change`, on its first page unless a cursor is given. */
function searchHref(search: SearchQuery, change: Partial<SearchQuery> = {}): string {
  const next = { ...search, after: undefined, trail: [], ...change };
  const params = new URLSearchParams();
  if (next.q) params.append('q', next.q);
  for (const value of next.theme) params.append('theme', value);
  for (const value of next.area) params.append('area', value);
  if (next.organisation) params.append('organisation', next.organisation);
  for (const value of next.kind) params.append('kind', value);
  for (const value of next.language) params.append('language', value);
  if (next.open) params.append('open', 'yes');
  if (next.after) {
    params.append('after', next.after);
    if (next.trail.length) params.append('trail', next.trail.join(','));
  }
  const text = params.toString();
  return text ? `/people?${text}` : '/people';
}

/** A facet's options: what the results have (with counts), and what is chosen even if nothing has it now. */
function facetOptions(
  counts: { value: string; label: string; count: number }[],
  chosen: string[],
  labelOf: (value: string) => string,
): { value: string; text: string; checked: boolean }[] {
  const options = counts.map((item) => ({
    value: item.value,
    text: `${item.label} (${item.count.toLocaleString('en-GB')})`,
    checked: chosen.includes(item.value),
  }));
  for (const value of chosen) {
    if (!counts.some((item) => item.value === value))
      options.push({ value, text: `${labelOf(value)} (0)`, checked: true });
  }
  return options;
}

/** Finding people across councils: the people search of the API's `search` query, for verified members. */
@WebController()
export class PeopleSearchController {
  constructor(
    private readonly search: SearchService,
    private readonly people: PeopleReader,
    private readonly taxonomy: TaxonomyService,
    private readonly areas: AreasService,
    private readonly organisations: OrganisationsService,
  ) {}

  @Get('people')
  @Access('account', DIRECTORY_POLICY.findPeople)
  async find(
    @Query() query: Record<string, unknown>,
    @PageViewer() viewer: Viewer,
    @Res() response: Response,
  ): Promise<void> {
    if (!allows(DIRECTORY_POLICY.findPeople, viewer, undefined)) {
      return renderStanding(response, this.people, viewer, 'Find people');
    }
    const search = readQuery(query);
    let args: SearchArgs;
    try {
      args = await validated(
        SearchArgs,
        {
          query: search.q || undefined,
          first: PEOPLE_PAGE_SIZE,
          after: search.after,
          filter: {
            kinds: [SearchKind.PRACTITIONER],
            themeIds: search.theme.length ? search.theme : undefined,
            areaIds: search.area.length ? search.area : undefined,
            organisationIds: search.organisation ? [search.organisation] : undefined,
            organisationKinds: search.kind.length ? search.kind : undefined,
            languages: search.language.length ? search.language : undefined,
            openToIntroductions: search.open ? true : undefined,
          },
        },
        'search',
      );
    } catch (error) {
      if (!(error instanceof DomainError) || error.code !== 'BAD_USER_INPUT') throw error;
      const errors = formErrors(error.details.fields ?? [], {}, 'search');
      // A filter no form offers (an address edited by hand): said once, linking to the filters.
      errors.list = [{ text: 'Choose filters from the lists', href: '#filters' }];
      response.status(400).render(VIEW, { ...(await this.options(viewer, search, undefined)), errors });
      return;
    }
    const found = await this.search.search(viewer, args, { summary: 'facets' });
    const people = await this.people.people(
      viewer,
      found.edges.map((edge) => edge.entityId),
    );
    const highlights = new Map(found.edges.map((edge) => [edge.entityId, edge.highlight]));
    const total = await found.totalCount;
    const facets = await found.facets;
    const pageNumber = search.after ? search.trail.length + 2 : 1;
    const previous =
      pageNumber > 1
        ? searchHref(search, {
            after: search.trail.length ? search.trail[search.trail.length - 1] || undefined : undefined,
            trail: search.trail.slice(0, -1),
          })
        : null;
    const next =
      found.pageInfo.hasNextPage && found.pageInfo.endCursor
        ? searchHref(search, {
            after: found.pageInfo.endCursor,
            trail: search.after ? [...search.trail, search.after] : [],
          })
        : null;
    response.render(VIEW, {
      ...(await this.options(viewer, search, facets)),
      results: people.map((person) => ({ ...person, highlight: highlights.get(person.record.id) ?? null })),
      total,
      pageNumber,
      pagination: { previous, next },
    });
  }

  /** The filter panel: each choice with how many results have it, and the filters chosen, each removable. */
  private async options(viewer: Viewer, search: SearchQuery, facets: SearchFacets | undefined) {
    const [themes, areas, organisations] = await Promise.all([
      search.theme.length
        ? this.taxonomy.termsByIds(search.theme.map((id) => decode(id, 'TaxonomyTerm')).filter(isString))
        : Promise.resolve([]),
      search.area.length
        ? this.areas.byIds(search.area.map((id) => decode(id, 'Area')).filter(isString))
        : Promise.resolve([]),
      this.organisations.list(viewer, undefined, { first: 100 }),
    ]);
    const themeName = (value: string) =>
      themes.find((term) => toGlobalId('TaxonomyTerm', term.id) === value)?.name ?? 'Theme';
    const areaName = (value: string) => areas.find((area) => toGlobalId('Area', area.id) === value)?.name ?? 'Area';
    const organisationName = organisations.edges.find((edge) => edge.node.id === search.organisation)?.node.name;
    const remove = (change: Partial<SearchQuery>) => searchHref(search, change);
    const categories = [
      {
        heading: { text: 'Expertise' },
        items: search.theme.map((value) => ({
          text: themeName(value),
          href: remove({ theme: search.theme.filter((item) => item !== value) }),
        })),
      },
      {
        heading: { text: 'Area' },
        items: search.area.map((value) => ({
          text: areaName(value),
          href: remove({ area: search.area.filter((item) => item !== value) }),
        })),
      },
      {
        heading: { text: 'Organisation' },
        items: search.organisation
          ? [{ text: organisationName ?? 'Organisation', href: remove({ organisation: '' }) }]
          : [],
      },
      {
        heading: { text: 'Kind of organisation' },
        items: search.kind.map((value) => ({
          text: kindName(value),
          href: remove({ kind: search.kind.filter((item) => item !== value) }),
        })),
      },
      {
        heading: { text: 'Language' },
        items: search.language.map((value) => ({
          text: languageName(value),
          href: remove({ language: search.language.filter((item) => item !== value) }),
        })),
      },
      {
        heading: { text: 'Introductions' },
        items: search.open ? [{ text: 'Open to introductions', href: remove({ open: false }) }] : [],
      },
    ].filter((category) => category.items.length > 0);
    return {
      search,
      selectedFilters: categories.length
        ? {
            heading: { text: 'Selected filters' },
            clearLink: {
              text: 'Clear filters',
              href: search.q ? searchHref({ ...readQuery({}), q: search.q }) : '/people',
            },
            categories,
          }
        : null,
      themeOptions: facetOptions(facets?.themes ?? [], search.theme, themeName),
      areaOptions: facetOptions(facets?.areas ?? [], search.area, areaName),
      languageOptions: facetOptions(facets?.languages ?? [], search.language, languageName),
      kindOptions: Object.values(OrganisationKind).map((value) => ({
        value,
        text: kindName(value),
        checked: search.kind.includes(value),
      })),
      organisationOptions: [
        { value: '', text: 'Any organisation', selected: !search.organisation },
        ...organisations.edges.map((edge) => ({
          value: edge.node.id,
          text: edge.node.name,
          selected: edge.node.id === search.organisation,
        })),
      ],
    };
  }
}

function decode(globalId: string, type: string): string | undefined {
  const decoded = decodeGlobalId(globalId);
  return decoded?.type === type ? decoded.id : undefined;
}

function isString(value: string | undefined): value is string {
  return typeof value === 'string';
}
