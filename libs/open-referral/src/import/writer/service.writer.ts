import { RecordRefused } from '@cohesion/common';
import type { DirectoryWriter, SourcedServiceState } from '@cohesion/directory';
import type { ServiceFromOruk } from '../oruk-records.js';
import { locationState, type PlaceImport } from './location.writer.js';
import type { OrganisationImport } from './organisation.writer.js';
import type { TaxonomyImport } from './taxonomy.writer.js';
import { stableJson, type WriteContext } from './write-context.js';

/** The parts of a list, order aside. */
function asSet(items: unknown[]): string[] {
  return items.map(stableJson).sort();
}

function sameService(current: SourcedServiceState, next: SourcedServiceState): boolean {
  const { schedules, contacts, costOptions, locations, languages, ...fields } = next;
  const { schedules: s, contacts: c, costOptions: o, locations: l, languages: g, ...currentFields } = current;
  return (
    stableJson(fields) === stableJson(currentFields) &&
    stableJson(asSet(schedules)) === stableJson(asSet(s)) &&
    stableJson(asSet(contacts)) === stableJson(asSet(c)) &&
    stableJson(asSet(costOptions)) === stableJson(asSet(o)) &&
    stableJson(asSet(locations)) === stableJson(asSet(l)) &&
    stableJson([...languages].sort()) === stableJson([...g].sort())
  );
}

function withoutSourceId<T extends { sourceId: string | null }>({
  sourceId: _sourceId,
  ...rest
}: T): Record<string, unknown> {
  return rest;
}

/** The services of an import, each with its organisation, parts, places, terms and areas. */
export class ServiceImport {
  constructor(
    private readonly directory: DirectoryWriter,
    private readonly organisations: OrganisationImport,
    private readonly taxonomy: TaxonomyImport,
    private readonly places: PlaceImport,
  ) {}

  /** Creates or updates one service with all its parts; says which, or `unchanged`. */
  async service(
    w: WriteContext,
    service: ServiceFromOruk,
  ): Promise<{ outcome: 'created' | 'updated' | 'unchanged'; id: string }> {
    const { manager } = w;
    const services = this.directory.services;
    const rows = await services.bySourceId(manager, service.sourceId);
    const existing = rows.find((row) => row.sourceId === service.sourceId);
    if (!existing && rows[0]) {
      throw new RecordRefused('skipped', {
        field: 'id',
        message: `${rows[0].name} is a service of this directory with this id, not an imported one; it is left as it is`,
      });
    }
    const organisationId = service.organisation
      ? await this.organisations.organisation(
          w,
          service.organisation,
          service.organisationWarnings,
          `${w.at ? `${w.at}.` : ''}organization`,
        )
      : service.organisationSourceId
        ? await this.organisations.organisationById(w, service.organisationSourceId)
        : await this.organisations.unknownOwner(w);

    const before = existing ? await services.state(manager, existing.id) : null;
    const serviceLocations =
      service.serviceLocations && (await this.places.withKnownAddresses(w, service.serviceLocations));
    let termIds = before?.taxonomyTermIds ?? [];
    if (service.terms) {
      termIds = [];
      for (const term of service.terms) {
        const id = await this.taxonomy.term(w, term, false);
        if (id && !termIds.includes(id)) termIds.push(id);
      }
    }
    // A list the record does not have at all stays as the directory has it.
    const next: SourcedServiceState = {
      organisationId,
      name: service.name,
      description: service.description,
      url: service.url,
      email: service.email,
      status: service.status,
      fees: service.fees,
      eligibilityDescription: service.eligibilityDescription,
      minimumAge: service.minimumAge,
      maximumAge: service.maximumAge,
      languages: service.languages ?? before?.languages ?? [],
      assuredDate: service.assuredDate,
      assurerEmail: service.assurerEmail,
      // Without a last_modified from the publisher, ours stands.
      lastModified: service.lastModified?.toISOString() ?? before?.lastModified ?? null,
      schedules: service.schedules?.map(withoutSourceId) ?? before?.schedules ?? [],
      contacts: service.contacts?.map(withoutSourceId) ?? before?.contacts ?? [],
      costOptions: service.costOptions?.map(withoutSourceId) ?? before?.costOptions ?? [],
      locations: serviceLocations?.map((link) => locationState(link.location)) ?? before?.locations ?? [],
      taxonomyTermIds: [...termIds].sort(),
      serviceAreaIds: service.areas ? await this.places.areaIds(w, service.areas) : (before?.serviceAreaIds ?? []),
    };
    if (existing && before && sameService(before, next)) return { outcome: 'unchanged', id: existing.id };

    const id = existing?.id ?? service.sourceId;
    await services.write(manager, w.actor, w.source, id, Boolean(existing), next, service.lastModified);
    if (service.schedules) await services.replaceParts(manager, 'schedules', id, service.schedules);
    if (service.contacts) await services.replaceParts(manager, 'contacts', id, service.contacts);
    if (service.costOptions) await services.replaceParts(manager, 'costOptions', id, service.costOptions);
    if (serviceLocations) await this.directory.locations.link(manager, w.source, id, organisationId, serviceLocations);
    if (service.terms) await services.replaceLinks(manager, 'terms', id, termIds);
    if (service.areas) await services.replaceLinks(manager, 'areas', id, next.serviceAreaIds);
    await services.record(manager, w.actor, id, before);
    return { outcome: existing ? 'updated' : 'created', id };
  }
}
