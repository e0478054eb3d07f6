import { Get, Param, Query, Render, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Public } from '@cohesion/auth';
import { allows, DomainError, languageName, notFound, type Viewer } from '@cohesion/common';
import {
  DIRECTORY_POLICY,
  OrganisationKind,
  OrganisationsArgs,
  OrganisationsService,
  ORG_ID_SCHEMES,
  orgIdRegisters,
  parseOrgId,
  recordToOrganisation,
  ServicesService,
} from '@cohesion/directory';
import { NETWORK_POLICY, PartnershipsService } from '@cohesion/network';
import { formErrors, listOf, textOf, validated } from '../platform/forms.js';
import { recordId } from '../platform/ids.js';
import { PageViewer, WebController } from '../platform/web-controller.js';
import { humanise } from '../platform/view-filters.js';
import { DirectoryChoices } from './directory-choices.js';

const LIST_VIEW = 'directory/views/organisations.njk';
const ORGANISATION_VIEW = 'directory/views/organisation.njk';
const PAGE_SIZE = 20;
const SERVICES_SHOWN = 50;
const MAX_TRAIL = 50;

/** What each kind of organisation is called on the page. */
export const KIND_NAMES: Record<OrganisationKind, string> = {
  LOCAL_AUTHORITY: 'Council',
  POLICE: 'Police',
  FIRE: 'Fire and rescue',
  NHS: 'NHS',
  SCHOOL: 'School',
  UNIVERSITY: 'University',
  VCS: 'Voluntary or community group',
  FAITH_GROUP: 'Faith group',
  BUSINESS: 'Business',
  NETWORK: 'Network or partnership',
};

/** "Charity Commission for England and Wales: 1123456". */
export function identifierInWords(text: string): { register: string; number: string; orgId: string } {
  const parsed = parseOrgId(text);
  if (!parsed.ok) return { register: 'Identifier', number: text, orgId: text };
  const scheme = parsed.value.scheme;
  // The registers the directory checks have English names of their own; the others as org-id.guide lists them.
  const register =
    ORG_ID_SCHEMES.find((known) => known.code === scheme)?.register ??
    orgIdRegisters().get(scheme.toUpperCase())?.name ??
    scheme;
  return { register, number: parsed.value.identifier, orgId: text };
}

interface ListForm {
  q: string;
  kind: string;
  area: string;
  verified: string;
  after: string[];
}

function listHref(form: ListForm, changes: Partial<ListForm> = {}): string {
  const values = { ...form, after: [], ...changes };
  const params = new URLSearchParams();
  for (const name of ['q', 'kind', 'area', 'verified'] as const) if (values[name]) params.append(name, values[name]);
  for (const cursor of values.after) params.append('after', cursor);
  const query = params.toString();
  return query ? `/organisations?${query}` : '/organisations';
}

/** The directory's organisations: a list to search, and each one's page. */
@WebController('organisations')
export class OrganisationsController {
  constructor(
    private readonly organisations: OrganisationsService,
    private readonly services: ServicesService,
    private readonly partnerships: PartnershipsService,
    private readonly choices: DirectoryChoices,
  ) {}

  @Get()
  @Public(DIRECTORY_POLICY.seeOrganisation)
  @Render(LIST_VIEW)
  async list(
    @Query() query: Record<string, unknown>,
    @PageViewer() viewer: Viewer,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Record<string, unknown>> {
    const form: ListForm = {
      q: textOf(query.q).trim().slice(0, 300),
      kind: textOf(query.kind),
      area: textOf(query.area),
      verified: textOf(query.verified) === 'yes' ? 'yes' : '',
      after: listOf(query.after).slice(-MAX_TRAIL),
    };
    const areas = await this.choices.areaChoices();
    const page = {
      form,
      kindItems: [
        { value: '', text: 'Any kind' },
        ...Object.entries(KIND_NAMES).map(([value, text]) => ({ value, text, selected: value === form.kind })),
      ],
      areaItems: [
        { value: '', text: 'Anywhere' },
        ...areas.map((area) => ({ ...area, selected: area.value === form.area })),
      ],
    };
    let args: OrganisationsArgs;
    try {
      // The API's own arguments and rules: the same filter `organisations(filter:)` takes.
      args = await validated(
        OrganisationsArgs,
        {
          first: PAGE_SIZE,
          after: form.after[form.after.length - 1],
          filter: {
            nameContains: form.q || undefined,
            kinds: form.kind ? [form.kind] : undefined,
            areaIds: form.area ? [form.area] : undefined,
            verifiedOnly: form.verified ? true : undefined,
          },
        },
        '',
      );
    } catch (error) {
      if (!(error instanceof DomainError) || error.code !== 'BAD_USER_INPUT') throw error;
      const fields = new Map<string, string>();
      for (const problem of error.details.fields ?? []) {
        if (problem.field.startsWith('filter.nameContains')) fields.set('q', 'Name must be 200 characters or fewer');
        else if (problem.field.startsWith('filter.kinds'))
          fields.set('kind', 'Select a kind of organisation from the list');
        else if (problem.field.startsWith('filter.areaIds')) fields.set('area', 'Select an area from the list');
      }
      if (fields.size === 0) throw error;
      response.status(400);
      return { ...page, errors: formErrors([...fields].map(([field, message]) => ({ field, message }))) };
    }
    const found = await this.organisations.list(viewer, args.filter, args);
    const pageNumber = form.after.length + 1;
    return {
      ...page,
      total: await found.totalCount,
      organisations: found.edges.map(({ node }) => ({
        href: `/organisations/${node.id}`,
        name: node.name,
        kind: KIND_NAMES[node.kind] ?? humanise(node.kind),
        verified: node.verified,
        town: node.address?.town,
        description: node.description,
      })),
      pagination: {
        previous:
          pageNumber > 1
            ? { href: listHref(form, { after: form.after.slice(0, -1) }), labelText: `Page ${pageNumber - 1}` }
            : undefined,
        next:
          found.pageInfo.hasNextPage && found.pageInfo.endCursor
            ? {
                href: listHref(form, { after: [...form.after, found.pageInfo.endCursor] }),
                labelText: `Page ${pageNumber + 1}`,
              }
            : undefined,
      },
      pageNumber,
    };
  }

  @Get(':id')
  @Public(DIRECTORY_POLICY.seeOrganisation)
  @Render(ORGANISATION_VIEW)
  async organisation(@Param('id') segment: string, @PageViewer() viewer: Viewer): Promise<Record<string, unknown>> {
    const id = recordId(segment, 'Organisation');
    // The API's read (`organisation(id)`): only what the viewer may see; and the policy
    // asked again, so a members-only listing is never shown to a visitor.
    const [record] = await this.organisations.visibleByIds(viewer, [id]);
    if (!record || !allows(DIRECTORY_POLICY.seeOrganisation, viewer, record)) throw notFound('That organisation');
    const organisation = recordToOrganisation(record);
    const [[services], areas, themes, partnerships] = await Promise.all([
      this.services.byOrganisations(viewer, [id], SERVICES_SHOWN),
      this.organisations.areasOf([id]),
      this.organisations.themesOf([id]),
      this.partnerships.of(viewer, [id]),
    ]);
    // Confirmed partnerships only (proposals are for the admins' own pages), with partners the viewer may see.
    const confirmed = (partnerships.get(id) ?? []).filter((partnership) => partnership.confirmed);
    const otherSide = (partnership: (typeof confirmed)[number]) =>
      partnership.organisationId === id ? partnership.partnerId : partnership.organisationId;
    const partners = await this.organisations.visibleByIds(viewer, [...new Set(confirmed.map(otherSide))]);
    const partnerById = new Map(partners.map((partner) => [partner.id, recordToOrganisation(partner)]));
    return {
      organisation,
      // Its admins (and platform admins) manage its partnerships on a page of their own.
      partnershipsHref: allows(NETWORK_POLICY.proposePartnership, viewer, { organisationId: id })
        ? `/organisations/${organisation.id}/partnerships`
        : null,
      kind: KIND_NAMES[organisation.kind] ?? humanise(organisation.kind),
      identifiers: organisation.identifiers.map(identifierInWords),
      languages: organisation.languages.map(languageName),
      areas: areas.map((area) => area.name),
      themes: themes.map((theme) => theme.name),
      services: {
        total: await services.totalCount,
        items: services.edges.map(({ node }) => ({
          href: `/services/${node.id}`,
          name: node.name,
          description: node.description,
        })),
      },
      partners: confirmed.flatMap((partnership) => {
        const partner = partnerById.get(otherSide(partnership));
        if (!partner) return [];
        // MEMBER_OF: `organisationId` belongs to `partnerId` (a network).
        const relation =
          String(partnership.kind) === 'PARTNERS_WITH'
            ? 'Works in partnership'
            : partnership.organisationId === id
              ? 'A network this organisation belongs to'
              : 'A member of this network';
        return [
          {
            href: `/organisations/${partner.id}`,
            name: partner.name,
            relation,
            since: partnership.confirmedAt,
          },
        ];
      }),
    };
  }
}
