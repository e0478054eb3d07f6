import { Injectable } from '@nestjs/common';
import { badInput, notFound } from '@cohesion/common';
import { Geocoder } from '@cohesion/directory';
import type { FeedQuery } from './feed.params.js';
import {
  fullOrganisation,
  fullServices,
  minimalService,
  organisation,
  pageOf,
  service,
  serviceAtLocation,
  taxonomy,
  term,
  type FeedPage,
  type Json,
} from './feed.mapper.js';
import { FeedRepository, type Origin, type ServiceRow } from './feed.repository.js';

/** The Open Referral UK 3.0 resources, as JSON ready to send. Unknown or unpublished ids are NOT_FOUND. */
@Injectable()
export class FeedService {
  constructor(
    private readonly repository: FeedRepository,
    private readonly geocoder: Geocoder,
  ) {}

  async services(query: FeedQuery): Promise<FeedPage> {
    if (query.minimal) {
      const { total, rows } = await this.repository.minimalServicePage(query);
      return pageOf(total, query, rows.map(minimalService));
    }
    const { total, rows } = await this.repository.servicePage(query);
    return pageOf(total, query, query.full ? await this.nested(rows) : rows.map(service));
  }

  /**
   * Every matching service as newline-delimited JSON (one service a line, fully nested
   * with `full`), read 500 at a time, for a consumer that wants the whole directory.
   */
  async *serviceLines(query: FeedQuery): AsyncGenerator<string> {
    for await (const rows of this.repository.serviceBatches(query, 500)) {
      const items = query.minimal ? rows.map(minimalService) : query.full ? await this.nested(rows) : rows.map(service);
      yield items.map((item) => `${JSON.stringify(item)}\n`).join('');
    }
  }

  async service(id: string): Promise<Json> {
    const [nested] = await this.nested(await this.repository.servicesByIds([id]));
    if (!nested) throw notFound('That service');
    return nested;
  }

  async organizations(query: FeedQuery): Promise<FeedPage> {
    const { total, rows } = await this.repository.organisationPage(query);
    if (!query.full && !query.fullService) return pageOf(total, query, rows.map(organisation));
    const ids = rows.map((row) => row.id);
    const [identifiers, services] = await Promise.all([
      this.repository.identifiers(ids),
      this.servicesOf(ids, query.fullService),
    ]);
    const contents = rows.map((row) =>
      fullOrganisation(
        row,
        identifiers.filter((identifier) => identifier.organisation_id === row.id),
        services.get(row.id) ?? [],
      ),
    );
    return pageOf(total, query, contents);
  }

  async organization(id: string, query: FeedQuery): Promise<Json> {
    const row = await this.repository.organisation(id);
    if (!row) throw notFound('That organization');
    const [identifiers, services] = await Promise.all([
      this.repository.identifiers([id]),
      this.servicesOf([id], query.fullService),
    ]);
    return fullOrganisation(row, identifiers, services.get(id) ?? []);
  }

  async taxonomies(query: FeedQuery): Promise<FeedPage> {
    const { total, rows } = await this.repository.taxonomyPage(query);
    return pageOf(
      total,
      query,
      rows.map((row) => taxonomy(row)),
    );
  }

  async taxonomy(id: string): Promise<Json> {
    const row = await this.repository.taxonomy(id);
    if (!row) throw notFound('That taxonomy');
    return taxonomy(row, await this.repository.termsOf(id));
  }

  async taxonomyTerms(query: FeedQuery): Promise<FeedPage> {
    const { total, rows } = await this.repository.termPage(query);
    return pageOf(total, query, rows.map(term));
  }

  async taxonomyTerm(id: string): Promise<Json> {
    const row = await this.repository.term(id);
    if (!row) throw notFound('That taxonomy term');
    return term(row);
  }

  async serviceAtLocations(query: FeedQuery): Promise<FeedPage> {
    const origin = await this.origin(query);
    const { total, rows } = await this.repository.serviceAtLocationPage(query, origin);
    const services = await this.repository.servicesByIds([...new Set(rows.map((row) => row.service_id))]);
    const shown = query.full ? await this.nested(services) : services.map(service);
    const byId = new Map(shown.map((item) => [item.id as string, item]));
    return pageOf(
      total,
      query,
      rows.map((row) => serviceAtLocation(row, byId.get(row.service_id))),
    );
  }

  async serviceAtLocationById(id: string): Promise<Json> {
    const row = await this.repository.serviceAtLocation(id);
    if (!row) throw notFound('That service at location');
    const [nested] = await this.nested(await this.repository.servicesByIds([row.service_id]));
    return serviceAtLocation(row, nested);
  }

  private async nested(rows: ServiceRow[]): Promise<Json[]> {
    return fullServices(rows, await this.repository.serviceParts(rows));
  }

  /** Each organisation's published services, basic or fully nested. */
  private async servicesOf(organisationIds: string[], full: boolean): Promise<Map<string, Json[]>> {
    const rows = await this.repository.servicesOfOrganisations(organisationIds);
    const items = full ? await this.nested(rows) : rows.map(service);
    const byOrganisation = new Map<string, Json[]>();
    rows.forEach((row, index) => {
      const list = byOrganisation.get(row.organisation_id) ?? [];
      list.push(items[index]);
      byOrganisation.set(row.organisation_id, list);
    });
    return byOrganisation;
  }

  private async origin(query: FeedQuery): Promise<Origin | undefined> {
    if (!query.postcode) return undefined;
    const point = await this.geocoder.geocode(query.postcode);
    if (!point) throw badInput('postcode', `${query.postcode} is not a postcode this directory can place`);
    return { latitude: point.latitude, longitude: point.longitude, radius: query.proximity };
  }
}
