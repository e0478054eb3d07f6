import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { asText, RecordRefused, stableId, type FieldProblem, type Viewer } from '@cohesion/common';
import {
  DirectoryWriter,
  formatOrgId,
  NO_ADDRESS,
  type SourcedLocation,
  type SourcedOrganisationState,
  type SourcedServiceState,
} from '@cohesion/directory';
import type { OrukRecordType } from './oruk-document.js';
import type { ImportIssue, ImportOutcome } from './oruk-import.report.js';
import {
  slugOf,
  type AreaReference,
  type LocationFromOruk,
  type OrganisationFromOruk,
  type ServiceFromOruk,
  type ServiceLocationFromOruk,
  type TaxonomyFromOruk,
  type TermFromOruk,
} from './oruk-records.js';

/** What happened to an organisation, taxonomy or term while a record was written; counted once the transaction commits. */
export interface ImportNote {
  type: Exclude<OrukRecordType, 'service'>;
  /** The source id it is counted by. */
  id: string;
  outcome: ImportOutcome;
  issue?: ImportIssue;
  warnings?: ImportIssue;
}

/** An imported term whose parent (named by the publisher's id) is not known yet; the run warns if it never comes. */
export interface UnplacedTerm {
  /** The term's parent_id field in the record, for the warning. */
  field: string;
  termId: string;
}

/** One record's transaction: who imports, from where, and what it noted on the way. */
export interface WriteContext {
  manager: EntityManager;
  actor: Viewer | null;
  /** The feed's address or the file's name, as records are marked. */
  source: string;
  /** Where the record being written is, for the report. */
  at: string;
  notes: ImportNote[];
  /** Warnings about the record being written. */
  warnings: FieldProblem[];
  /** Terms written at the top of their taxonomy for now, waiting for their parent. */
  unplaced: UnplacedTerm[];
}

/** JSON with object keys sorted, so equal values give equal text. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${stableJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

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

function locationState({ addressGiven: _addressGiven, ...state }: LocationFromOruk): SourcedLocation {
  return state;
}

/**
 * Writes Open Referral records into the directory, through the directory's writer,
 * inside the transaction the caller opens for each record. Records are found again by
 * their source id; an id the publisher gave becomes the row's id when no other row has
 * it, so ids stay the same from one system to the next. Records made in this directory
 * (no source) are never changed by an import.
 */
@Injectable()
export class OrukImportWriter {
  constructor(private readonly directory: DirectoryWriter) {}

  // ---- organisations -------------------------------------------------------------

  /** The directory's organisation for an ORUK organization: found, created or brought up to date. */
  async organisation(
    w: WriteContext,
    organisation: OrganisationFromOruk,
    warnings: FieldProblem[],
    at: string,
  ): Promise<string> {
    const { manager } = w;
    const issue = (messages: string[]): ImportIssue => ({
      recordType: 'organisation',
      sourceId: organisation.sourceId,
      name: organisation.name,
      at,
      messages,
    });
    const note = (outcome: ImportOutcome, messages: string[] = [], extra: FieldProblem[] = []) =>
      w.notes.push({
        type: 'organisation',
        id: organisation.sourceId,
        outcome,
        issue: messages.length ? issue(messages) : undefined,
        warnings: warnings.length + extra.length ? issue([...warnings, ...extra].map(asText)) : undefined,
      });

    const rows = await this.directory.organisations.bySourceId(manager, organisation.sourceId);
    const imported = rows.find((row) => row.sourceId === organisation.sourceId);
    if (imported) return this.updateOrganisation(w, imported.id, organisation, note);
    const same = rows[0];
    if (same) {
      note('skipped', [
        `id: ${same.name} is listed in this directory with this id; it keeps its own details and the imported services are linked to it`,
      ]);
      return same.id;
    }
    const wanted = (organisation.identifiers ?? []).map(formatOrgId);
    if (wanted.length) {
      const holders = await this.directory.organisations.identifierHolders(manager, wanted);
      const holder = wanted.map((key) => holders.find((row) => row.identifier === key)).find(Boolean);
      if (holder) {
        const where = holder.sourceFeed ? `imported from ${holder.sourceFeed}` : 'listed in this directory';
        note('skipped', [
          `organization_identifiers: ${holder.identifier} is ${holder.name}, ${where}; it keeps its own details and the imported services are linked to it`,
        ]);
        return holder.id;
      }
    }
    // Published open data an admin chose to import: listed publicly and verified, so its active services are published again.
    await this.directory.organisations.create(
      manager,
      w.actor,
      { source: w.source, sourceId: organisation.sourceId },
      { ...organisation, kind: organisation.kind ?? 'VCS' },
      organisation.identifiers ?? [],
      { verified: true, unknownOwner: false },
    );
    note('created');
    return organisation.sourceId;
  }

  private async updateOrganisation(
    w: WriteContext,
    id: string,
    organisation: OrganisationFromOruk,
    note: (outcome: ImportOutcome, messages?: string[], extra?: FieldProblem[]) => void,
  ): Promise<string> {
    const { manager } = w;
    const before = await this.directory.organisations.state(manager, id);
    // Without an identifiers list (a summary record), the ones the directory has stay.
    const given = organisation.identifiers;
    const taken = given
      ? await this.directory.organisations.identifierHolders(manager, given.map(formatOrgId), id)
      : [];
    const extra = taken.map((row) => ({
      field: 'organization_identifiers',
      message: `${row.identifier} belongs to ${row.name}, another organisation in this directory; left off`,
    }));
    const identifiers = given?.filter((item) => !taken.some((row) => row.identifier === formatOrgId(item))) ?? null;
    const next: SourcedOrganisationState = {
      ...before,
      name: organisation.name,
      // Only identifiers that say what an organisation is change its kind; an admin's choice otherwise stands.
      kind: organisation.kind ?? before.kind,
      description: organisation.description,
      email: organisation.email,
      website: organisation.website,
      identifiers: identifiers ? identifiers.map(formatOrgId).sort() : before.identifiers,
    };
    const compared = (state: SourcedOrganisationState) =>
      stableJson([
        state.name,
        state.kind,
        state.description,
        state.email,
        state.website,
        [...state.identifiers].sort(),
      ]);
    if (compared(before) === compared(next)) {
      note('unchanged', [], extra);
      return id;
    }
    await this.directory.organisations.update(manager, w.actor, id, w.source, next, identifiers, before);
    note('updated', [], extra);
    return id;
  }

  /** The directory's organisation for an organization_id alone: one imported (or listed) with that id. */
  async organisationById(w: WriteContext, sourceId: string): Promise<string> {
    const id = await this.directory.organisations.idBySourceId(w.manager, sourceId);
    if (!id) {
      throw new RecordRefused('invalid', {
        field: 'organization_id',
        message: `${sourceId} is an organization neither this import nor the directory has: give the organization in the service, or import it first (as organization_full.json or the feed's /organizations/{id} give it)`,
      });
    }
    return id;
  }

  /**
   * The organisation standing for a source's unknown owner, for the services it gives
   * without an organization (ORUK does not require one): one per source, found again by
   * an id made from the source, never verified (so those services are not published
   * again as if this directory knew who runs them). Each service placed there is warned about.
   */
  private async unknownOwner(w: WriteContext): Promise<string> {
    const id = stableId('oruk-unknown-owner', w.source);
    const name = `Organisation not given by ${w.source}`.slice(0, 200);
    w.warnings.push({
      field: 'organization',
      message: `is not given; kept under "${name}", which stands for its publisher's unknown organisation, and not published again until the service names its organization (or organization_id)`,
    });
    const known = await this.directory.organisations.idBySourceId(w.manager, id, true);
    if (known) {
      w.notes.push({ type: 'organisation', id, outcome: 'unchanged' });
      return known;
    }
    await this.directory.organisations.create(
      w.manager,
      w.actor,
      { source: w.source, sourceId: id },
      {
        name,
        kind: 'VCS',
        description: `Not an organisation of its own: it stands for the organisation, not given, behind the services ${w.source} publishes without one. They move to their organisation when the publisher names it.`,
        email: null,
        website: null,
      },
      [],
      { verified: false, unknownOwner: true },
    );
    w.notes.push({ type: 'organisation', id, outcome: 'created' });
    return id;
  }

  // ---- services ------------------------------------------------------------------

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
      ? await this.organisation(
          w,
          service.organisation,
          service.organisationWarnings,
          `${w.at ? `${w.at}.` : ''}organization`,
        )
      : service.organisationSourceId
        ? await this.organisationById(w, service.organisationSourceId)
        : await this.unknownOwner(w);

    const before = existing ? await services.state(manager, existing.id) : null;
    const serviceLocations = service.serviceLocations && (await this.withKnownAddresses(w, service.serviceLocations));
    let termIds = before?.taxonomyTermIds ?? [];
    if (service.terms) {
      termIds = [];
      for (const term of service.terms) {
        const id = await this.term(w, term, false);
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
      serviceAreaIds: service.areas ? await this.areaIds(w, service.areas) : (before?.serviceAreaIds ?? []),
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

  /** Places given without an address keep the address the directory has for them (none for a new place). */
  private async withKnownAddresses(
    w: WriteContext,
    links: ServiceLocationFromOruk[],
  ): Promise<ServiceLocationFromOruk[]> {
    const unknown = links.filter((link) => !link.location.addressGiven).map((link) => link.location.sourceId);
    if (unknown.length === 0) return links;
    const known = await this.directory.locations.knownAddresses(w.manager, unknown);
    return links.map((link) => {
      if (link.location.addressGiven) return link;
      const { sourceId: _sourceId, ...address } = known.find((row) => row.sourceId === link.location.sourceId) ?? {
        sourceId: null,
        ...NO_ADDRESS,
      };
      return { ...link, location: { ...link.location, ...address, addressGiven: true } };
    });
  }

  /** Areas by the ONS code at the end of a service area's uri, else by a name only one area has. */
  private async areaIds(w: WriteContext, references: AreaReference[]): Promise<string[]> {
    if (references.length === 0) return [];
    const codes = references.flatMap((ref) => ref.code ?? []);
    const names = references.flatMap((ref) => (ref.name ? [ref.name.toLowerCase()] : []));
    const areas = await this.directory.areasByCodeOrName(w.manager, codes, names);
    const ids: string[] = [];
    for (const ref of references) {
      const byCode = ref.code ? areas.find((area) => area.code === ref.code) : undefined;
      const named = ref.name ? areas.filter((area) => area.name === ref.name?.toLowerCase()) : [];
      const area = byCode ?? (named.length === 1 ? named[0] : undefined);
      if (area) {
        if (!ids.includes(area.id)) ids.push(area.id);
        continue;
      }
      const what = [
        ref.code && `the code ${ref.code}`,
        ref.name && `"${ref.name.length > 60 ? `${ref.name.slice(0, 57)}...` : ref.name}"`,
      ]
        .filter(Boolean)
        .join(' or ');
      w.warnings.push({
        field: ref.field,
        message:
          named.length > 1
            ? `${named.length} areas are called "${ref.name}"; not linked`
            : `no area of this directory matches ${what}; not linked`,
      });
    }
    return ids.sort();
  }

  // ---- taxonomies and terms ------------------------------------------------------

  /**
   * The directory's term for an ORUK taxonomy_term: the term with its id (or imported
   * from it), else the term of the same code or name in the same taxonomy, else a new
   * term (and taxonomy) marked with its source. An imported term is brought up to date;
   * one of this directory's own vocabularies is only linked. Null (with a warning) when
   * it cannot be placed. `standalone` reports a term that is its own record.
   */
  async term(w: WriteContext, term: TermFromOruk, standalone: boolean): Promise<string | null> {
    const { manager } = w;
    const taxonomy = this.directory.taxonomy;
    const found = await taxonomy.termsByPublisherId(manager, term.sourceId);
    const note = (outcome: ImportOutcome, message?: string) =>
      w.notes.push({
        type: 'taxonomy_term',
        id: term.sourceId,
        outcome,
        issue: message
          ? { recordType: 'taxonomy_term', sourceId: term.sourceId, name: term.name, at: w.at, messages: [message] }
          : undefined,
      });
    const imported = found.find((row) => row.sourceId === term.sourceId);
    if (imported) {
      const parentId = await this.parentTerm(w, term, imported.taxonomyId, imported.id);
      const next = {
        name: term.name,
        description: term.description,
        termUri: term.termUri,
        parentId,
        parentSourceId: term.parentSourceId,
      };
      const before = {
        name: imported.name,
        description: imported.description,
        termUri: imported.termUri,
        parentId: imported.parentId,
        parentSourceId: imported.parentSourceId,
      };
      await taxonomy.placeChildren(manager, w.actor, term.sourceId, imported.id);
      if (stableJson(next) === stableJson(before)) {
        note('unchanged');
        return imported.id;
      }
      await taxonomy.updateTerm(manager, w.actor, imported.id, w.source, before, next);
      note('updated');
      return imported.id;
    }
    if (found[0]) {
      if (standalone) {
        note(
          'skipped',
          found[0].id === term.sourceId
            ? `id: ${found[0].name} is a term of this directory with this id; it is left as it is`
            : `term: ${found[0].name} is already a term of its taxonomy here; it is left as it is`,
        );
      }
      await taxonomy.placeChildren(manager, w.actor, term.sourceId, found[0].id);
      return found[0].id;
    }
    const taxonomyId = await this.taxonomyFor(w, term);
    if (!taxonomyId) return null;
    const code = term.code ? slugOf(term.code) : null;
    const same = await taxonomy.termByCodeOrName(manager, taxonomyId, term.code, code, term.name);
    if (same) {
      if (standalone) note('skipped', `term: ${same.name} is already a term of its taxonomy here; it is left as it is`);
      // The publisher's id now names this term, for the terms that give it as their parent.
      await taxonomy.rememberTermId(manager, term.sourceId, same.id, w.source);
      await taxonomy.placeChildren(manager, w.actor, term.sourceId, same.id);
      return same.id;
    }
    const parentId = await this.parentTerm(w, term, taxonomyId, null);
    await taxonomy.createTerm(manager, w.actor, w.source, {
      sourceId: term.sourceId,
      taxonomyId,
      parentId,
      parentSourceId: term.parentSourceId,
      codeBase: code || slugOf(term.name) || 'term',
      name: term.name,
      description: term.description,
      termUri: term.termUri,
    });
    await taxonomy.placeChildren(manager, w.actor, term.sourceId, term.sourceId);
    note('created');
    return term.sourceId;
  }

  /**
   * A term's parent among the terms of its taxonomy, or null: with a warning when it
   * cannot be there, noted as unplaced when it is not known yet (it may come later in
   * the import).
   */
  private async parentTerm(
    w: WriteContext,
    term: TermFromOruk,
    taxonomyId: string,
    selfId: string | null,
  ): Promise<string | null> {
    if (!term.parentSourceId) return null;
    const field = `${term.field ? `${term.field}.` : ''}parent_id`;
    const parent = await this.directory.taxonomy.parentByPublisherId(w.manager, term.parentSourceId);
    if (!parent) {
      w.unplaced.push({ field, termId: selfId ?? term.sourceId });
      return null;
    }
    const problem =
      parent.taxonomyId !== taxonomyId
        ? 'names a term of another taxonomy; placed at the top of its taxonomy'
        : selfId && (parent.id === selfId || parent.pathIds.includes(selfId))
          ? 'would place the term under itself; placed at the top of its taxonomy'
          : null;
    if (problem) {
      w.warnings.push({ field, message: problem });
      return null;
    }
    return parent.id;
  }

  /** The taxonomy a new term goes in: by the publisher's id or by name, or a new one. */
  private async taxonomyFor(w: WriteContext, term: TermFromOruk): Promise<string | null> {
    const { sourceId, name } = term.taxonomy;
    const found = await this.directory.taxonomy.taxonomyFor(w.manager, sourceId, name ?? '', name ? slugOf(name) : '');
    if (found) {
      if (sourceId && !found.byId)
        await this.directory.taxonomy.rememberTaxonomyId(w.manager, sourceId, found.id, w.source);
      return found.id;
    }
    if (!name) {
      w.warnings.push({
        field: `${term.field ? `${term.field}.` : ''}taxonomy_id`,
        message: 'names a taxonomy this directory does not know, and the term gives no taxonomy name; not linked',
      });
      return null;
    }
    return this.createTaxonomy(w, { sourceId, name, description: null, uri: null, version: null });
  }

  private async createTaxonomy(w: WriteContext, taxonomy: TaxonomyFromOruk): Promise<string> {
    const id = await this.directory.taxonomy.createTaxonomy(
      w.manager,
      w.actor,
      w.source,
      taxonomy,
      slugOf(taxonomy.name) || 'taxonomy',
    );
    w.notes.push({ type: 'taxonomy', id: taxonomy.sourceId ?? id, outcome: 'created' });
    return id;
  }

  /** A taxonomy that is its own record (taxonomy.json): created, brought up to date, or left alone when it is one of ours. */
  async taxonomy(w: WriteContext, taxonomy: TaxonomyFromOruk): Promise<void> {
    const { manager } = w;
    const id = taxonomy.sourceId as string;
    const found = await this.directory.taxonomy.taxonomyToUpdate(manager, id, taxonomy.name, slugOf(taxonomy.name));
    if (!found) {
      await this.createTaxonomy(w, taxonomy);
      return;
    }
    // One an earlier import made from a term's taxonomy name (no id then) is this one.
    const imported = found.sourceId === id || (found.sourceId === null && found.sourceFeed !== null);
    if (!imported) {
      await this.directory.taxonomy.rememberTaxonomyId(manager, id, found.id, w.source);
      w.notes.push({
        type: 'taxonomy',
        id,
        outcome: 'skipped',
        issue: {
          recordType: 'taxonomy',
          sourceId: id,
          name: taxonomy.name,
          at: w.at,
          messages: [`name: ${found.name} is already a taxonomy of this directory; it is left as it is`],
        },
      });
      return;
    }
    const before = { name: found.name, description: found.description, uri: found.uri, version: found.version };
    const next = {
      name: taxonomy.name,
      description: taxonomy.description,
      uri: taxonomy.uri,
      version: taxonomy.version,
    };
    if (found.sourceId === id && stableJson(before) === stableJson(next)) {
      w.notes.push({ type: 'taxonomy', id, outcome: 'unchanged' });
      return;
    }
    await this.directory.taxonomy.updateTaxonomy(
      manager,
      w.actor,
      { source: w.source, sourceId: id },
      found.id,
      before,
      next,
    );
    w.notes.push({ type: 'taxonomy', id, outcome: 'updated' });
  }
}
