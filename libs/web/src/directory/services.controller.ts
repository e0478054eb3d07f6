import { Get, Param, Query, Render, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Public } from '@cohesion/auth';
import { DomainError, languageName, notFound, toGlobalId, type Viewer } from '@cohesion/common';
import {
  DIRECTORY_POLICY,
  OrganisationsService,
  recordToOrganisation,
  SearchKind,
  SearchService,
  ServicesService,
  toCostOption,
  toSchedule,
  toService,
  toServiceContact,
  toServiceLocation,
  type SearchArgs,
} from '@cohesion/directory';

/** A facet of the search: an option's value and how many results have it. */
interface SearchFacetCount {
  value: string;
  count: number;
}
import { formErrors } from '../platform/forms.js';
import { recordId } from '../platform/ids.js';
import { PageViewer, WebController } from '../platform/web-controller.js';
import { DirectoryChoices, type Choice } from './directory-choices.js';
import {
  DAYS,
  formProblems,
  hasFilters,
  MAX_MILES,
  PAGE_SIZE,
  searchArgsOf,
  searchFormOf,
  searchHref,
  TIMES,
  type SearchForm,
} from './search-form.js';
import { serviceJsonLd } from './service-json-ld.js';
import { agesInWords, costInWords, isFree, milesInWords, safeHighlight, scheduleInWords } from './service-words.js';

const SEARCH_VIEW = 'directory/views/services.njk';
const SERVICE_VIEW = 'directory/views/service.njk';
/** Organisations matching the words, beside the services. */
const ORGANISATION_MATCHES = 5;

/** A select's items, with the facet count beside each option the results have. */
function selectItems(choices: Choice[], selected: string, empty: string, counts?: SearchFacetCount[]) {
  const countOf = new Map((counts ?? []).map((facet) => [facet.value, facet.count]));
  return [
    { value: '', text: empty },
    ...choices.map((choice) => {
      const count = countOf.get(choice.value);
      return {
        value: choice.value,
        text: count === undefined ? choice.text : `${choice.text} (${count})`,
        selected: choice.value === selected,
      };
    }),
  ];
}

/** The public service directory: the search, and each service's page. */
@WebController('services')
export class ServicesController {
  constructor(
    private readonly search: SearchService,
    private readonly services: ServicesService,
    private readonly organisations: OrganisationsService,
    private readonly choices: DirectoryChoices,
  ) {}

  @Get()
  @Public(DIRECTORY_POLICY.search)
  @Render(SEARCH_VIEW)
  async find(
    @Query() query: Record<string, unknown>,
    @PageViewer() viewer: Viewer,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Record<string, unknown>> {
    const form = searchFormOf(query);
    const [areas, themes, types] = await Promise.all([
      this.choices.areaChoices(),
      this.choices.themeChoices(),
      this.choices.serviceTypeChoices(),
    ]);
    const page = { form, areas, themes, types, days: DAYS, times: TIMES, maxMiles: MAX_MILES };
    let args: SearchArgs;
    try {
      args = await searchArgsOf(form, form.after[form.after.length - 1]);
      return { ...page, ...(await this.results(viewer, form, args, { areas, themes, types })) };
    } catch (error) {
      const problems = error instanceof DomainError ? formProblems(error, form) : undefined;
      if (!problems) throw error;
      response.status(400);
      return { ...page, ...this.panel(form, { areas, themes, types }), errors: formErrors(problems) };
    }
  }

  @Get(':id')
  @Public(DIRECTORY_POLICY.seeService)
  @Render(SERVICE_VIEW)
  async service(@Param('id') segment: string, @PageViewer() viewer: Viewer): Promise<Record<string, unknown>> {
    const id = recordId(segment, 'Service');
    // The same read as the API's `service(id)`: only a service the viewer may see (NOT_FOUND otherwise).
    const [record] = await this.services.visibleByIds(viewer, [id]);
    if (!record) throw notFound('That service');
    const service = toService(record);
    const [costs, schedules, contacts, locations, terms, areas, [organisationRecord]] = await Promise.all([
      this.services.costOptionsOf([id]),
      this.services.schedulesOf([id]),
      this.services.contactsOf([id]),
      this.services.locationsOf([id]),
      this.services.termsOf([id]),
      this.services.areasOf([id]),
      this.organisations.visibleByIds(viewer, [service.organisationId]),
    ]);
    const organisation = organisationRecord ? recordToOrganisation(organisationRecord) : null;
    const costOptions = costs.map(toCostOption);
    const timetable = schedules.map(toSchedule);
    const places = locations.map(toServiceLocation);
    const people = contacts.map(toServiceContact);
    return {
      service,
      organisation,
      ages: agesInWords(service.minimumAge, service.maximumAge),
      schedules: timetable.map(scheduleInWords).filter(Boolean),
      costs: costOptions.map(costInWords).filter(Boolean),
      free: isFree(costOptions),
      places,
      contacts: people,
      languages: service.languages.map(languageName),
      topics: terms.map((term) => term.name),
      areasServed: areas.map((area) => area.name),
      jsonLd: serviceJsonLd({
        service,
        organisation,
        costs: costOptions,
        schedules: timetable,
        places,
        contacts: people,
        areas: areas.map((area) => area.name),
      }),
    };
  }

  /**
   * One page of services (the page, its total and facets in one statement), then what the
   * page shows of them in one statement per kind of data, whatever the page's length.
   */
  private async results(
    viewer: Viewer,
    form: SearchForm,
    args: SearchArgs,
    choices: { areas: Choice[]; themes: Choice[]; types: Choice[] },
  ): Promise<Record<string, unknown>> {
    const found = await this.search.search(viewer, args, { summary: 'facets' });
    const ids = found.edges.map((edge) => edge.entityId);
    const [records, locations, costs] = ids.length
      ? await Promise.all([
          this.services.visibleByIds(viewer, ids),
          this.services.locationsOf(ids),
          this.services.costOptionsOf(ids),
        ])
      : [[], [], []];
    const organisationIds = [...new Set(records.map((record) => record.organisationId))];
    const [organisationRecords, organisationMatches] = await Promise.all([
      this.organisations.visibleByIds(viewer, organisationIds),
      this.organisationMatches(viewer, form, args),
    ]);
    const byId = new Map(records.map((record) => [record.id, record]));
    const organisationById = new Map(organisationRecords.map((record) => [record.id, record]));
    const results = found.edges.flatMap((edge) => {
      const record = byId.get(edge.entityId);
      // Removed (or hidden) between the search and this read.
      if (!record) return [];
      const organisation = organisationById.get(record.organisationId);
      const places = locations.filter((place) => place.serviceId === record.id).map(toServiceLocation);
      const serviceCosts = costs.filter((cost) => cost.serviceId === record.id).map(toCostOption);
      const where = places
        .map((place) => [place.name, place.address?.town, place.address?.postcode].filter(Boolean).join(', '))
        .filter(Boolean);
      return [
        {
          href: `/services/${toGlobalId('Service', record.id)}`,
          name: record.name,
          organisation: organisation
            ? { name: organisation.name, href: `/organisations/${toGlobalId('Organisation', organisation.id)}` }
            : null,
          highlight: safeHighlight(edge.highlight),
          summary: edge.highlight ? '' : summaryOf(record.description),
          distance: milesInWords(edge.distanceMetres),
          free: isFree(serviceCosts),
          status: record.status,
          where: where.slice(0, 2),
          ages:
            record.minimumAge !== null || record.maximumAge !== null
              ? agesInWords(record.minimumAge, record.maximumAge)
              : '',
        },
      ];
    });
    const facets = await found.facets;
    const total = await found.totalCount;
    const pageNumber = form.after.length + 1;
    return {
      ...this.panel(form, choices, facets),
      searched: true,
      total,
      results,
      organisationMatches,
      pageNumber,
      pagination: {
        previous:
          pageNumber > 1
            ? { href: searchHref(form, { after: form.after.slice(0, -1) }), labelText: `Page ${pageNumber - 1}` }
            : undefined,
        next:
          found.pageInfo.hasNextPage && found.pageInfo.endCursor
            ? {
                href: searchHref(form, { after: [...form.after, found.pageInfo.endCursor] }),
                labelText: `Page ${pageNumber + 1}`,
              }
            : undefined,
      },
      sortLinks: form.postcode
        ? [
            { text: 'Best match', href: searchHref(form, { sort: '' }), current: form.sort !== 'nearest' },
            { text: 'Nearest first', href: searchHref(form, { sort: 'nearest' }), current: form.sort === 'nearest' },
          ]
        : [],
      pageSize: PAGE_SIZE,
    };
  }

  /** Organisations matching the words (and the place and theme), as the same search finds them. */
  private async organisationMatches(viewer: Viewer, form: SearchForm, args: SearchArgs) {
    if (!form.q) return null;
    const found = await this.search.search(
      viewer,
      {
        query: args.query,
        filter: {
          kinds: [SearchKind.ORGANISATION],
          areaIds: args.filter?.areaIds,
          themeIds: args.filter?.themeIds,
          near: args.filter?.near,
        },
        first: ORGANISATION_MATCHES,
      },
      { summary: 'count' },
    );
    const records = await this.organisations.visibleByIds(
      viewer,
      found.edges.map((edge) => edge.entityId),
    );
    const byId = new Map(records.map((record) => [record.id, recordToOrganisation(record)]));
    return {
      total: await found.totalCount,
      items: found.edges.flatMap((edge) => {
        const organisation = byId.get(edge.entityId);
        return organisation
          ? [
              {
                name: organisation.name,
                href: `/organisations/${organisation.id}`,
                verified: organisation.verified,
                highlight: safeHighlight(edge.highlight),
              },
            ]
          : [];
      }),
      allHref: `/organisations?q=${encodeURIComponent(form.q)}`,
    };
  }

  /** The filter panel: its options (with counts where the results have them) and the filters chosen, each removable. */
  private panel(
    form: SearchForm,
    choices: { areas: Choice[]; themes: Choice[]; types: Choice[] },
    facets?: { areas: SearchFacetCount[]; themes: SearchFacetCount[] },
  ): Record<string, unknown> {
    const nameOf = (list: Choice[], value: string) => list.find((choice) => choice.value === value)?.text ?? value;
    const chosen: { heading: string; text: string; without: Partial<SearchForm> }[] = [];
    if (form.q) chosen.push({ heading: 'Words', text: form.q, without: { q: '' } });
    if (form.area) chosen.push({ heading: 'Area', text: nameOf(choices.areas, form.area), without: { area: '' } });
    if (form.theme) chosen.push({ heading: 'Theme', text: nameOf(choices.themes, form.theme), without: { theme: '' } });
    if (form.type)
      chosen.push({ heading: 'Type of service', text: nameOf(choices.types, form.type), without: { type: '' } });
    if (form.postcode)
      chosen.push({
        heading: 'Near',
        text: `Within ${form.distance} ${form.distance === '1' ? 'mile' : 'miles'} of ${form.postcode.toUpperCase()}`,
        without: { postcode: '', sort: '' },
      });
    if (form.age) chosen.push({ heading: 'Age', text: `Open to someone aged ${form.age}`, without: { age: '' } });
    if (form.free) chosen.push({ heading: 'Cost', text: 'Free only', without: { free: '' } });
    if (form.day)
      chosen.push({
        heading: 'Day',
        text: DAYS.find((day) => day.value === form.day)?.text ?? form.day,
        without: { day: '' },
      });
    if (form.time)
      chosen.push({
        heading: 'Time',
        text: TIMES.find((time) => time.value === form.time)?.text ?? form.time,
        without: { time: '' },
      });
    const categories = new Map<string, { href: string; text: string }[]>();
    for (const item of chosen) {
      categories.set(item.heading, [
        ...(categories.get(item.heading) ?? []),
        { href: searchHref(form, item.without), text: item.text },
      ]);
    }
    return {
      selectedFilters: chosen.length
        ? {
            heading: { text: 'Selected filters' },
            clearLink: { text: 'Clear filters', href: '/services' },
            categories: [...categories.entries()].map(([heading, items]) => ({ heading: { text: heading }, items })),
          }
        : undefined,
      areaItems: selectItems(choices.areas, form.area, 'Anywhere', facets?.areas),
      themeItems: selectItems(choices.themes, form.theme, 'Any theme', facets?.themes),
      typeItems: selectItems(choices.types, form.type, 'Any type'),
      dayItems: [{ value: '', text: 'Any day' }, ...DAYS.map((day) => ({ ...day, selected: day.value === form.day }))],
      timeItems: [
        { value: '', text: 'Any time' },
        ...TIMES.map((time) => ({ value: time.value, text: time.text, selected: time.value === form.time })),
      ],
      filtered: hasFilters(form),
    };
  }
}

/** The start of a description, for a result without a highlight. */
function summaryOf(description: string | null): string {
  if (!description) return '';
  const text = description.replace(/\s+/g, ' ').trim();
  if (text.length <= 200) return text;
  return `${text.slice(0, 200).replace(/\s+\S*$/, '')}…`;
}
