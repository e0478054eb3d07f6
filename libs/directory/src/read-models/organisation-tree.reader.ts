import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  allows,
  attachPrefetched,
  Prefetcher,
  SqlParams,
  viewerOf,
  type FieldRequest,
  type RequestContext,
} from '@cohesion/common';
import { DIRECTORY_POLICY } from '../directory.policy.js';
import { toArea } from '../areas/area.mapper.js';
import type { LinkedAreaRow } from '../areas/area.queries.js';
import type { RankedPractitioner } from '../practitioners/practitioner.queries.js';
import { PractitionersService } from '../practitioners/practitioners.service.js';
import { toServiceConnections, toServiceLocation } from '../services/service.mapper.js';
import { organisationTreeServicesSql, type TreeServiceRow } from '../services/service.queries.js';
import type { LinkedTermRow } from '../taxonomy/taxonomy.queries.js';
import { toTaxonomyTerm } from '../taxonomy/taxonomy.mapper.js';
import type { Organisation } from '../organisations/organisation.model.js';
import { jsonRowsSql } from '../shared/json-rows.js';
import {
  organisationAreasSql,
  organisationThemesSql,
  organisationTreeRows,
  TREE_OWNER_IDS,
  type OrganisationTreeRow,
} from '../organisations/organisation.queries.js';

/** JSON keeps timestamps as text; the mappers expect what pg gives, a Date. */
function withDates<T extends { createdAt?: unknown; updatedAt?: unknown }>(row: T): T {
  if (typeof row.createdAt === 'string') row.createdAt = new Date(row.createdAt);
  if (typeof row.updatedAt === 'string') row.updatedAt = new Date(row.updatedAt);
  return row;
}

interface Part {
  column: string;
  apply(organisation: Organisation, row: OrganisationTreeRow): void;
}

/**
 * Organisations' areas, themes, services (with their venues and terms) and people, for
 * every organisation of a level in one statement: the same SQL each field's loader runs
 * over many organisations, nested per organisation and returned as JSON. A page of 50
 * organisations with all of that is 1 statement instead of 6, and GraphQL then
 * completes the whole tree from memory. What it does not read (a service's schedules,
 * say) is fetched by the fields' own loaders as before.
 */
@Injectable()
export class OrganisationTreeReader {
  constructor(
    private readonly dataSource: DataSource,
    private readonly practitioners: PractitionersService,
    prefetcher: Prefetcher,
  ) {
    prefetcher.registerReader({
      type: 'Organisation',
      read: (parents: Organisation[], requests: FieldRequest[], context: RequestContext) =>
        this.read(parents, requests, context),
    });
  }

  async read(organisations: Organisation[], requests: FieldRequest[], context: RequestContext): Promise<void> {
    const viewer = viewerOf(context);
    const params = new SqlParams();
    // The SQL pieces name their own tables o, s, p...; the organisation in hand gets a name of its own.
    const here = TREE_OWNER_IDS;
    const parts: Part[] = [];
    for (const request of requests) {
      const column = `f${parts.length}` as const;
      if (request.field === 'areas') {
        parts.push({
          column: `${jsonRowsSql(organisationAreasSql(here))} AS ${column}`,
          apply: (organisation, row) =>
            attachPrefetched(organisation, request.key, (row[column] as LinkedAreaRow[]).map(toArea)),
        });
      } else if (request.field === 'themes') {
        parts.push({
          column: `${jsonRowsSql(organisationThemesSql(here))} AS ${column}`,
          apply: (organisation, row) =>
            attachPrefetched(organisation, request.key, (row[column] as LinkedTermRow[]).map(toTaxonomyTerm)),
        });
      } else if (request.field === 'services') {
        parts.push(await this.services(request, viewer, here, column));
      } else if (request.field === 'practitioners') {
        if (!allows(DIRECTORY_POLICY.findPeople, viewer, undefined)) {
          // Members only, as the field's resolver says.
          for (const organisation of organisations) attachPrefetched(organisation, request.key, null);
          continue;
        }
        const first = request.args.first as number;
        parts.push({
          column: `${jsonRowsSql(this.practitioners.byOrganisationsSql(viewer, params, here, first))} AS ${column}`,
          apply: (organisation, row) => {
            const rows = (row[column] as RankedPractitioner[]).map(withDates);
            const [connection] = this.practitioners.toConnections(viewer, [organisation.organisationId], rows, first);
            attachPrefetched(organisation, request.key, connection);
          },
        });
      }
    }
    if (parts.length === 0) return;
    const ids = params.add([...new Set(organisations.map((organisation) => organisation.organisationId))]);
    // One of a few shapes (which fields, what page sizes), each planned once per connection.
    const rows = await organisationTreeRows(
      this.dataSource,
      parts.map((part) => part.column),
      ids,
      params.values,
    );
    const byId = new Map(rows.map((row) => [row.id, row]));
    for (const organisation of organisations) {
      const row = byId.get(organisation.organisationId);
      if (row) for (const part of parts) part.apply(organisation, row);
    }
  }

  /** An organisation's services page, each service with its venues and terms when asked for. */
  private async services(
    request: FieldRequest,
    viewer: ReturnType<typeof viewerOf>,
    here: string,
    column: `f${number}`,
  ) {
    const first = request.args.first as number;
    const below = await request.below(['edges', 'node']);
    const locations = below.filter((field) => field.field === 'locations');
    const terms = below.filter((field) => field.field === 'taxonomyTerms');
    const nested = { locations: locations.length > 0, terms: terms.length > 0 };
    return {
      column: `${organisationTreeServicesSql(viewer, here, first, nested)} AS ${column}`,
      apply: (organisation: Organisation, row: OrganisationTreeRow) => {
        const rows = (row[column] as TreeServiceRow[]).map(withDates);
        const [connection] = toServiceConnections([organisation.organisationId], rows, first);
        connection.edges.forEach((edge, index) => {
          const source = rows[index];
          for (const field of locations)
            attachPrefetched(edge.node, field.key, (source.locationRows ?? []).map(toServiceLocation));
          for (const field of terms)
            attachPrefetched(edge.node, field.key, (source.termRows ?? []).map(toTaxonomyTerm));
        });
        attachPrefetched(organisation, request.key, connection);
      },
    };
  }
}
