import { Injectable } from '@nestjs/common';
import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import {
  asText,
  AuditService,
  RecordRefused,
  returningRows,
  stableId,
  type FieldProblem,
  type Viewer,
} from '@cohesion/common';
import {
  formatOrgId,
  ServiceContactEntity,
  ServiceCostOptionEntity,
  ServiceScheduleEntity,
  type OrganisationKindValue,
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
  type SourcedOrgId,
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

/** The taxonomies a publisher's id names: with that id, imported from it, or matched to it by name. */
const TAXONOMY_BY_PUBLISHER_ID = `coalesce(id = $1 OR source_id = $1
  OR id IN (SELECT taxonomy_id FROM taxonomy_sources WHERE source_id = $1), false)`;

/**
 * The terms a publisher's id names: the term with that id, the one imported from it, or
 * the one an import matched it to (by code or name).
 */
const TERM_BY_PUBLISHER_ID = `(id = $1 OR source_id = $1
  OR id IN (SELECT term_id FROM taxonomy_term_sources WHERE source_id = $1))`;

interface OrganisationState {
  name: string;
  kind: OrganisationKindValue;
  description: string | null;
  email: string | null;
  website: string | null;
  identifiers: string[];
  verified: boolean;
  visibility: string;
  sourceFeed: string | null;
  sourceId: string | null;
}

/** A place as the import compares it: all but whether its address was given. */
type LocationState = Omit<LocationFromOruk, 'addressGiven'>;

/** A service as the import compares and audits it: its own fields and every part, without ids. */
interface ServiceState {
  organisationId: string;
  name: string;
  description: string | null;
  url: string | null;
  email: string | null;
  status: string;
  fees: string | null;
  eligibilityDescription: string | null;
  minimumAge: number | null;
  maximumAge: number | null;
  languages: string[];
  assuredDate: string | null;
  assurerEmail: string | null;
  lastModified: string | null;
  schedules: Record<string, unknown>[];
  contacts: Record<string, unknown>[];
  costOptions: Record<string, unknown>[];
  locations: LocationState[];
  taxonomyTermIds: string[];
  serviceAreaIds: string[];
}

/** The columns of a place the import writes, each with the field it holds. */
const LOCATION_COLUMNS: [column: string, field: Exclude<keyof LocationState, 'sourceId'>][] = [
  ['location_type', 'locationType'],
  ['name', 'name'],
  ['description', 'description'],
  ['address_id', 'addressId'],
  ['attention', 'attention'],
  ['address_line1', 'addressLine1'],
  ['address_line2', 'addressLine2'],
  ['town', 'town'],
  ['region', 'region'],
  ['state_province', 'stateProvince'],
  ['postcode', 'postcode'],
  ['country', 'country'],
  ['address_type', 'addressType'],
  ['latitude', 'latitude'],
  ['longitude', 'longitude'],
  ['geocode_precision', 'geocodePrecision'],
];

/** The fields of a place's address, and what a place has when no address is known. */
type AddressState = Pick<
  LocationState,
  | 'addressId'
  | 'attention'
  | 'addressLine1'
  | 'addressLine2'
  | 'town'
  | 'region'
  | 'stateProvince'
  | 'postcode'
  | 'country'
  | 'addressType'
>;
const NO_ADDRESS: AddressState = {
  addressId: null,
  attention: null,
  addressLine1: null,
  addressLine2: null,
  town: null,
  region: null,
  stateProvince: null,
  postcode: null,
  country: 'GB',
  addressType: 'physical',
};

const SERVICE_STATE_SQL = `
  SELECT s.organisation_id AS "organisationId", s.name, s.description, s.url, s.email, s.status, s.fees,
         s.eligibility_description AS "eligibilityDescription", s.minimum_age AS "minimumAge",
         s.maximum_age AS "maximumAge", s.languages, s.assured_date::text AS "assuredDate",
         s.assurer_email AS "assurerEmail", s.updated_at AS "lastModified",
    (SELECT coalesce(json_agg(json_build_object('freq', c.freq, 'interval', c.interval, 'byday', c.byday,
            'opensAt', c.opens_at::text, 'closesAt', c.closes_at::text, 'validFrom', c.valid_from::text,
            'validTo', c.valid_to::text, 'description', c.description)), '[]')
       FROM service_schedules c WHERE c.service_id = s.id) AS schedules,
    (SELECT coalesce(json_agg(json_build_object('name', c.name, 'title', c.title, 'email', c.email, 'phone', c.phone)), '[]')
       FROM service_contacts c WHERE c.service_id = s.id) AS contacts,
    (SELECT coalesce(json_agg(json_build_object('option', c.option, 'amountPence', c.amount_pence,
            'amountDescription', c.amount_description, 'validFrom', c.valid_from::text, 'validTo', c.valid_to::text)), '[]')
       FROM service_cost_options c WHERE c.service_id = s.id) AS "costOptions",
    (SELECT coalesce(json_agg(json_build_object('sourceId', l.source_id,
            ${LOCATION_COLUMNS.map(([column, field]) => `'${field}', l.${column}`).join(', ')})), '[]')
       FROM service_locations sl JOIN locations l ON l.id = sl.location_id WHERE sl.service_id = s.id) AS locations,
    ARRAY(SELECT term_id FROM service_taxonomy_terms WHERE service_id = s.id ORDER BY term_id) AS "taxonomyTermIds",
    ARRAY(SELECT area_id FROM service_areas WHERE service_id = s.id ORDER BY area_id) AS "serviceAreaIds"
  FROM services s WHERE s.id = $1`;

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

function sameService(current: ServiceState, next: ServiceState): boolean {
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

function locationState({ addressGiven: _addressGiven, ...state }: LocationFromOruk): LocationState {
  return state;
}

/**
 * Writes Open Referral records into the directory, inside the transaction the caller
 * opens for each record. Records are found again by their source id; an id the
 * publisher gave becomes the row's id when no other row has it, so ids stay the same
 * from one system to the next. Records made in this directory (no source) are never
 * changed by an import.
 */
@Injectable()
export class OrukImportWriter {
  constructor(private readonly audit: AuditService) {}

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

    const rows = await manager.query<{ id: string; sourceId: string | null; name: string }[]>(
      'SELECT id, source_id AS "sourceId", name FROM organisations WHERE source_id = $1 OR id = $1 FOR UPDATE',
      [organisation.sourceId],
    );
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
      const holders = await manager.query<
        { id: string; identifier: string; name: string; sourceFeed: string | null }[]
      >(
        `SELECT i.organisation_id AS id, i.scheme || '-' || i.identifier AS identifier, o.name, o.source_feed AS "sourceFeed"
           FROM organisation_identifiers i JOIN organisations o ON o.id = i.organisation_id
          WHERE i.scheme || '-' || i.identifier = ANY($1::text[])`,
        [wanted],
      );
      const holder = wanted.map((key) => holders.find((row) => row.identifier === key)).find(Boolean);
      if (holder) {
        const where = holder.sourceFeed ? `imported from ${holder.sourceFeed}` : 'listed in this directory';
        note('skipped', [
          `organization_identifiers: ${holder.identifier} is ${holder.name}, ${where}; it keeps its own details and the imported services are linked to it`,
        ]);
        return holder.id;
      }
    }
    return this.createOrganisation(w, organisation, note);
  }

  private async createOrganisation(
    w: WriteContext,
    organisation: OrganisationFromOruk,
    note: (outcome: ImportOutcome) => void,
  ): Promise<string> {
    const accountId = w.actor?.accountId ?? null;
    const id = organisation.sourceId;
    // Published open data an admin chose to import: listed publicly and verified, so its active services are published again.
    await w.manager.query(
      `INSERT INTO organisations (id, name, kind, description, email, website, verified, verified_at, verified_by,
                                  visibility, created_by, source_feed, source_id)
       VALUES ($1, $2, $3, $4, $5, $6, true, now(), $7, 'PUBLIC', $7, $8, $1)`,
      [
        id,
        organisation.name,
        organisation.kind ?? 'VCS',
        organisation.description,
        organisation.email,
        organisation.website,
        accountId,
        w.source,
      ],
    );
    await this.insertIdentifiers(w.manager, id, organisation.identifiers ?? []);
    await this.auditNewOrganisation(w, id);
    note('created');
    return id;
  }

  private async updateOrganisation(
    w: WriteContext,
    id: string,
    organisation: OrganisationFromOruk,
    note: (outcome: ImportOutcome, messages?: string[], extra?: FieldProblem[]) => void,
  ): Promise<string> {
    const { manager } = w;
    const before = await this.organisationState(manager, id);
    // Without an identifiers list (a summary record), the ones the directory has stay.
    const given = organisation.identifiers;
    const taken = given
      ? await manager.query<{ identifier: string; name: string }[]>(
          `SELECT i.scheme || '-' || i.identifier AS identifier, o.name
             FROM organisation_identifiers i JOIN organisations o ON o.id = i.organisation_id
            WHERE i.organisation_id <> $1 AND i.scheme || '-' || i.identifier = ANY($2::text[])`,
          [id, given.map(formatOrgId)],
        )
      : [];
    const extra = taken.map((row) => ({
      field: 'organization_identifiers',
      message: `${row.identifier} belongs to ${row.name}, another organisation in this directory; left off`,
    }));
    const identifiers = given?.filter((item) => !taken.some((row) => row.identifier === formatOrgId(item))) ?? null;
    const next: OrganisationState = {
      ...before,
      name: organisation.name,
      // Only identifiers that say what an organisation is change its kind; an admin's choice otherwise stands.
      kind: organisation.kind ?? before.kind,
      description: organisation.description,
      email: organisation.email,
      website: organisation.website,
      identifiers: identifiers ? identifiers.map(formatOrgId).sort() : before.identifiers,
    };
    const compared = (state: OrganisationState) =>
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
    await manager.query(
      `UPDATE organisations SET name = $2, kind = $3, description = $4, email = $5, website = $6, source_feed = $7,
              version = version + 1, updated_at = now()
        WHERE id = $1`,
      [id, next.name, next.kind, next.description, next.email, next.website, w.source],
    );
    if (identifiers) {
      await manager.query('DELETE FROM organisation_identifiers WHERE organisation_id = $1', [id]);
      await this.insertIdentifiers(manager, id, identifiers);
    }
    await this.audit.record(manager, w.actor, {
      entityType: 'Organisation',
      entityId: id,
      action: 'import',
      before,
      after: await this.organisationState(manager, id),
    });
    note('updated', [], extra);
    return id;
  }

  /** The identifiers keep the publisher's ids where they are free, so they read the same here as at the source. */
  private async insertIdentifiers(
    manager: EntityManager,
    organisationId: string,
    identifiers: SourcedOrgId[],
  ): Promise<void> {
    if (identifiers.length === 0) return;
    await manager.query(
      `INSERT INTO organisation_identifiers (id, organisation_id, scheme, identifier)
       SELECT CASE WHEN t.wanted IS NOT NULL
                    AND NOT EXISTS (SELECT 1 FROM organisation_identifiers e WHERE e.id = t.wanted)
                   THEN t.wanted ELSE gen_random_uuid() END,
              $1, t.scheme, t.identifier
         FROM unnest($2::text[], $3::text[], $4::uuid[]) AS t(scheme, identifier, wanted)`,
      [
        organisationId,
        identifiers.map((item) => item.scheme),
        identifiers.map((item) => item.identifier),
        identifiers.map((item) => item.sourceId),
      ],
    );
  }

  /** The audit row of an organisation the import created. */
  private async auditNewOrganisation(w: WriteContext, id: string): Promise<void> {
    await this.audit.record(w.manager, w.actor, {
      entityType: 'Organisation',
      entityId: id,
      action: 'import',
      before: null,
      after: await this.organisationState(w.manager, id),
    });
  }

  private async organisationState(manager: EntityManager, id: string): Promise<OrganisationState> {
    const [row] = await manager.query<OrganisationState[]>(
      `SELECT o.name, o.kind, o.description, o.email, o.website, o.verified, o.visibility,
              o.source_feed AS "sourceFeed", o.source_id AS "sourceId",
              ARRAY(SELECT i.scheme || '-' || i.identifier FROM organisation_identifiers i
                     WHERE i.organisation_id = o.id ORDER BY 1) AS identifiers
         FROM organisations o WHERE o.id = $1`,
      [id],
    );
    return row;
  }

  /** The directory's organisation for an organization_id alone: one imported (or listed) with that id. */
  async organisationById(w: WriteContext, sourceId: string): Promise<string> {
    const [row] = await w.manager.query<{ id: string }[]>(
      'SELECT id FROM organisations WHERE source_id = $1 OR id = $1 ORDER BY (source_id = $1) DESC NULLS LAST LIMIT 1',
      [sourceId],
    );
    if (!row) {
      throw new RecordRefused('invalid', {
        field: 'organization_id',
        message: `${sourceId} is an organization neither this import nor the directory has: give the organization in the service, or import it first (as organization_full.json or the feed's /organizations/{id} give it)`,
      });
    }
    return row.id;
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
    const [known] = await w.manager.query<{ id: string }[]>('SELECT id FROM organisations WHERE source_id = $1', [id]);
    if (known) {
      w.notes.push({ type: 'organisation', id, outcome: 'unchanged' });
      return known.id;
    }
    await w.manager.query(
      `INSERT INTO organisations (id, name, kind, description, verified, visibility, created_by, source_feed, source_id,
                                  unknown_owner)
       VALUES ($1, $2, 'VCS', $3, false, 'PUBLIC', $4, $5, $1, true)`,
      [
        id,
        name,
        `Not an organisation of its own: it stands for the organisation, not given, behind the services ${w.source} publishes without one. They move to their organisation when the publisher names it.`,
        w.actor?.accountId ?? null,
        w.source,
      ],
    );
    await this.auditNewOrganisation(w, id);
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
    const rows = await manager.query<{ id: string; sourceId: string | null; name: string }[]>(
      'SELECT id, source_id AS "sourceId", name FROM services WHERE source_id = $1 OR id = $1 FOR UPDATE',
      [service.sourceId],
    );
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

    const before = existing ? await this.serviceState(manager, existing.id) : null;
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
    const next: ServiceState = {
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
    const columns = [
      next.organisationId,
      next.name,
      next.description,
      next.url,
      next.email,
      next.status,
      next.fees,
      next.eligibilityDescription,
      next.minimumAge,
      next.maximumAge,
      next.languages,
      next.assuredDate,
      next.assurerEmail,
      service.lastModified,
      w.source,
    ];
    if (existing) {
      await manager.query(
        `UPDATE services SET organisation_id = $2, name = $3, description = $4, url = $5, email = $6, status = $7,
                fees = $8, eligibility_description = $9, minimum_age = $10, maximum_age = $11, languages = $12,
                assured_date = $13, assurer_email = $14, updated_at = coalesce($15, now()), source_feed = $16,
                version = version + 1
          WHERE id = $1`,
        [id, ...columns],
      );
    } else {
      await manager.query(
        `INSERT INTO services (id, organisation_id, name, description, url, email, status, fees, eligibility_description,
                               minimum_age, maximum_age, languages, assured_date, assurer_email, updated_at,
                               source_feed, source_id, visibility, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, coalesce($15, now()), $16, $1, 'PUBLIC', $17)`,
        [id, ...columns, w.actor?.accountId ?? null],
      );
    }
    if (service.schedules)
      await this.replaceRows(manager, ServiceScheduleEntity, 'service_schedules', id, service.schedules);
    if (service.contacts)
      await this.replaceRows(manager, ServiceContactEntity, 'service_contacts', id, service.contacts);
    if (service.costOptions) {
      await this.replaceRows(manager, ServiceCostOptionEntity, 'service_cost_options', id, service.costOptions);
    }
    if (serviceLocations) await this.linkLocations(w, id, organisationId, serviceLocations);
    if (service.terms) await this.replaceLinks(manager, 'service_taxonomy_terms', 'term_id', id, termIds);
    if (service.areas) await this.replaceLinks(manager, 'service_areas', 'area_id', id, next.serviceAreaIds);
    await this.audit.record(manager, w.actor, {
      entityType: 'Service',
      entityId: id,
      action: 'import',
      before,
      after: await this.serviceState(manager, id),
    });
    return { outcome: existing ? 'updated' : 'created', id };
  }

  private async serviceState(manager: EntityManager, id: string): Promise<ServiceState> {
    const [row] = await manager.query<(Omit<ServiceState, 'lastModified'> & { lastModified: Date })[]>(
      SERVICE_STATE_SQL,
      [id],
    );
    return { ...row, lastModified: new Date(row.lastModified).toISOString() };
  }

  /** The links of a service to terms or areas, replaced. */
  private async replaceLinks(
    manager: EntityManager,
    table: 'service_taxonomy_terms' | 'service_areas',
    column: 'term_id' | 'area_id',
    serviceId: string,
    ids: string[],
  ): Promise<void> {
    await manager.query(`DELETE FROM ${table} WHERE service_id = $1`, [serviceId]);
    if (ids.length === 0) return;
    await manager.query(`INSERT INTO ${table} (service_id, ${column}) SELECT $1, unnest($2::uuid[])`, [serviceId, ids]);
  }

  /** A service's rows of one kind, replaced; each keeps the publisher's id unless another row already has it. */
  private async replaceRows<T extends { sourceId: string | null }>(
    manager: EntityManager,
    entity: EntityTarget<ObjectLiteral>,
    table: string,
    serviceId: string,
    items: T[],
  ): Promise<void> {
    await manager.query(`DELETE FROM ${table} WHERE service_id = $1`, [serviceId]);
    if (items.length === 0) return;
    const free = await this.freeIds(
      manager,
      table,
      items.map((item) => item.sourceId),
    );
    await manager.insert(
      entity,
      items.map(({ sourceId, ...columns }) => ({
        ...(sourceId && free.delete(sourceId) ? { id: sourceId } : {}),
        serviceId,
        ...columns,
      })),
    );
  }

  /** Which of `ids` no row of `table` has yet. */
  private async freeIds(manager: EntityManager, table: string, ids: (string | null)[]): Promise<Set<string>> {
    const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
    if (wanted.length === 0) return new Set();
    const taken = await manager.query<{ id: string }[]>(`SELECT id FROM ${table} WHERE id = ANY($1::uuid[])`, [wanted]);
    return new Set(wanted.filter((id) => !taken.some((row) => row.id === id)));
  }

  /**
   * Links the service to its places: each location found by its source id and brought up
   * to date, or created (with the publisher's id when free). A place of this import that
   * no service uses any more goes.
   */
  private async linkLocations(
    w: WriteContext,
    serviceId: string,
    organisationId: string,
    serviceLocations: ServiceLocationFromOruk[],
  ): Promise<void> {
    const { manager } = w;
    const previous = await returningRows<{ location_id: string }>(
      manager,
      'DELETE FROM service_locations WHERE service_id = $1 RETURNING location_id',
      [serviceId],
    );
    const links: { id?: string; serviceId: string; locationId: string }[] = [];
    const free = await this.freeIds(
      manager,
      'service_locations',
      serviceLocations.map((link) => link.sourceId),
    );
    for (const link of serviceLocations) {
      const location = link.location;
      const rows = await manager.query<{ id: string; sourceId: string | null }[]>(
        'SELECT id, source_id AS "sourceId" FROM locations WHERE source_id = $1 OR id = $1',
        [location.sourceId],
      );
      const values = [...LOCATION_COLUMNS.map(([, field]) => location[field]), w.source];
      const columns = [...LOCATION_COLUMNS.map(([column]) => column), 'source_feed'];
      const imported = rows.find((row) => row.sourceId === location.sourceId);
      let locationId: string;
      if (imported) {
        locationId = imported.id;
        await manager.query(
          `UPDATE locations SET ${columns.map((column, index) => `${column} = $${index + 2}`).join(', ')} WHERE id = $1`,
          [locationId, ...values],
        );
      } else {
        const [created] = await manager.query<{ id: string }[]>(
          `INSERT INTO locations (id, organisation_id, ${columns.join(', ')}, source_id)
           VALUES (coalesce($1, gen_random_uuid()), $2, ${values.map((_, index) => `$${index + 3}`).join(', ')},
                   $${values.length + 3})
           RETURNING id`,
          [rows.length ? null : location.sourceId, organisationId, ...values, location.sourceId],
        );
        locationId = created.id;
      }
      links.push({
        ...(link.sourceId && free.delete(link.sourceId) ? { id: link.sourceId } : {}),
        serviceId,
        locationId,
      });
    }
    for (const link of links) {
      await manager.query(
        'INSERT INTO service_locations (id, service_id, location_id) VALUES (coalesce($1, gen_random_uuid()), $2, $3)',
        [link.id ?? null, link.serviceId, link.locationId],
      );
    }
    if (previous.length) {
      await manager.query(
        `DELETE FROM locations l WHERE l.id = ANY($1::uuid[]) AND l.source_id IS NOT NULL
            AND NOT EXISTS (SELECT 1 FROM service_locations sl WHERE sl.location_id = l.id)`,
        [previous.map((row) => row.location_id)],
      );
    }
  }

  /** Places given without an address keep the address the directory has for them (none for a new place). */
  private async withKnownAddresses(
    w: WriteContext,
    links: ServiceLocationFromOruk[],
  ): Promise<ServiceLocationFromOruk[]> {
    const unknown = links.filter((link) => !link.location.addressGiven).map((link) => link.location.sourceId);
    if (unknown.length === 0) return links;
    const addressColumns = LOCATION_COLUMNS.filter(([, field]) => field in NO_ADDRESS);
    const known = await w.manager.query<(AddressState & { sourceId: string })[]>(
      `SELECT source_id AS "sourceId", ${addressColumns.map(([column, field]) => `${column} AS "${field}"`).join(', ')}
         FROM locations WHERE source_id = ANY($1::uuid[])`,
      [unknown],
    );
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
    const areas = await w.manager.query<{ id: string; code: string | null; name: string }[]>(
      'SELECT id, code, lower(name) AS name FROM areas WHERE code = ANY($1::text[]) OR lower(name) = ANY($2::text[])',
      [codes, names],
    );
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
    const found = await manager.query<
      {
        id: string;
        sourceId: string | null;
        taxonomyId: string;
        name: string;
        description: string | null;
        termUri: string | null;
        parentId: string | null;
        parentSourceId: string | null;
      }[]
    >(
      `SELECT id, source_id AS "sourceId", taxonomy_id AS "taxonomyId", name, description, term_uri AS "termUri",
              parent_id AS "parentId", parent_source_id AS "parentSourceId"
         FROM taxonomy_terms WHERE ${TERM_BY_PUBLISHER_ID} FOR UPDATE`,
      [term.sourceId],
    );
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
      await this.placeChildren(w, term.sourceId, imported.id);
      if (stableJson(next) === stableJson(before)) {
        note('unchanged');
        return imported.id;
      }
      await manager.query(
        `UPDATE taxonomy_terms SET name = $2, description = $3, term_uri = $4, parent_id = $5, parent_source_id = $6,
                source_feed = $7, updated_at = now()
          WHERE id = $1`,
        [imported.id, next.name, next.description, next.termUri, next.parentId, next.parentSourceId, w.source],
      );
      await this.audit.record(manager, w.actor, {
        entityType: 'TaxonomyTerm',
        entityId: imported.id,
        action: 'import',
        before,
        after: next,
      });
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
      await this.placeChildren(w, term.sourceId, found[0].id);
      return found[0].id;
    }
    const taxonomyId = await this.taxonomyFor(w, term);
    if (!taxonomyId) return null;
    const code = term.code ? slugOf(term.code) : null;
    const [same] = await manager.query<{ id: string; name: string }[]>(
      `SELECT id, name FROM taxonomy_terms
        WHERE taxonomy_id = $1 AND (code = $2 OR code = $3 OR lower(name) = lower($4))
        ORDER BY (code = $2) DESC, (code = $3) DESC LIMIT 1`,
      [taxonomyId, term.code ?? '', code ?? '', term.name],
    );
    if (same) {
      if (standalone) note('skipped', `term: ${same.name} is already a term of its taxonomy here; it is left as it is`);
      // The publisher's id now names this term, for the terms that give it as their parent.
      await manager.query(
        `INSERT INTO taxonomy_term_sources (source_id, term_id, source_feed) VALUES ($1, $2, $3)
         ON CONFLICT (source_id) DO UPDATE SET term_id = excluded.term_id, source_feed = excluded.source_feed`,
        [term.sourceId, same.id, w.source],
      );
      await this.placeChildren(w, term.sourceId, same.id);
      return same.id;
    }
    const parentId = await this.parentTerm(w, term, taxonomyId, null);
    await manager.query(
      `INSERT INTO taxonomy_terms (id, taxonomy_id, parent_id, parent_source_id, code, name, description, term_uri,
                                   source_feed, source_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $1)`,
      [
        term.sourceId,
        taxonomyId,
        parentId,
        term.parentSourceId,
        await this.freeCode(manager, 'taxonomy_terms', code || slugOf(term.name) || 'term', taxonomyId),
        term.name,
        term.description,
        term.termUri,
        w.source,
      ],
    );
    await this.audit.record(manager, w.actor, {
      entityType: 'TaxonomyTerm',
      entityId: term.sourceId,
      action: 'import',
      before: null,
      after: { taxonomyId, parentId, name: term.name, description: term.description, termUri: term.termUri },
    });
    await this.placeChildren(w, term.sourceId, term.sourceId);
    note('created');
    return term.sourceId;
  }

  /**
   * Places under `termId` the imported terms of its taxonomy that name it (by the
   * publisher's id) as their parent and were put at the top while it was not known yet,
   * so a feed may give a term before its parent.
   */
  private async placeChildren(w: WriteContext, publisherId: string, termId: string): Promise<void> {
    const placed = await returningRows<{ id: string }>(
      w.manager,
      `UPDATE taxonomy_terms c SET parent_id = p.id, updated_at = now()
         FROM taxonomy_terms p
        WHERE p.id = $2 AND c.parent_source_id = $1 AND c.parent_id IS NULL AND c.source_id IS NOT NULL
          AND c.taxonomy_id = p.taxonomy_id AND c.id <> p.id AND NOT (p.path_ids @> ARRAY[c.id])
      RETURNING c.id`,
      [publisherId, termId],
    );
    for (const child of placed) {
      await this.audit.record(w.manager, w.actor, {
        entityType: 'TaxonomyTerm',
        entityId: child.id,
        action: 'import',
        before: { parentId: null },
        after: { parentId: termId },
      });
    }
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
    const [parent] = await w.manager.query<{ id: string; taxonomyId: string; pathIds: string[] }[]>(
      `SELECT id, taxonomy_id AS "taxonomyId", path_ids AS "pathIds" FROM taxonomy_terms
        WHERE ${TERM_BY_PUBLISHER_ID} ORDER BY (source_id = $1) DESC NULLS LAST LIMIT 1`,
      [term.parentSourceId],
    );
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
    const [found] = await w.manager.query<{ id: string; byId: boolean }[]>(
      `SELECT id, ${TAXONOMY_BY_PUBLISHER_ID} AS "byId" FROM taxonomies
        WHERE ${TAXONOMY_BY_PUBLISHER_ID} OR lower(name) = lower($2) OR code = $3
        ORDER BY 2 DESC LIMIT 1`,
      [sourceId, name ?? '', name ? slugOf(name) : ''],
    );
    if (found) {
      if (sourceId && !found.byId) await this.rememberTaxonomyId(w, sourceId, found.id);
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
    const [created] = await w.manager.query<{ id: string }[]>(
      `INSERT INTO taxonomies (id, code, name, description, uri, version, source_feed, source_id)
       VALUES (coalesce($1, gen_random_uuid()), $2, $3, $4, $5, $6, $7, $1) RETURNING id`,
      [
        taxonomy.sourceId,
        await this.freeCode(w.manager, 'taxonomies', slugOf(taxonomy.name) || 'taxonomy'),
        taxonomy.name,
        taxonomy.description,
        taxonomy.uri,
        taxonomy.version,
        w.source,
      ],
    );
    await this.audit.record(w.manager, w.actor, {
      entityType: 'Taxonomy',
      entityId: created.id,
      action: 'import',
      before: null,
      after: { ...taxonomy },
    });
    w.notes.push({ type: 'taxonomy', id: taxonomy.sourceId ?? created.id, outcome: 'created' });
    return created.id;
  }

  /** A taxonomy that is its own record (taxonomy.json): created, brought up to date, or left alone when it is one of ours. */
  async taxonomy(w: WriteContext, taxonomy: TaxonomyFromOruk): Promise<void> {
    const { manager } = w;
    const id = taxonomy.sourceId as string;
    const [found] = await manager.query<
      {
        id: string;
        sourceId: string | null;
        sourceFeed: string | null;
        name: string;
        description: string | null;
        uri: string | null;
        version: string | null;
      }[]
    >(
      `SELECT id, source_id AS "sourceId", source_feed AS "sourceFeed", name, description, uri, version FROM taxonomies
        WHERE ${TAXONOMY_BY_PUBLISHER_ID} OR lower(name) = lower($2) OR code = $3
        ORDER BY (source_id = $1) DESC NULLS LAST, ${TAXONOMY_BY_PUBLISHER_ID} DESC LIMIT 1 FOR UPDATE`,
      [id, taxonomy.name, slugOf(taxonomy.name)],
    );
    if (!found) {
      await this.createTaxonomy(w, taxonomy);
      return;
    }
    // One an earlier import made from a term's taxonomy name (no id then) is this one.
    const imported = found.sourceId === id || (found.sourceId === null && found.sourceFeed !== null);
    if (!imported) {
      await this.rememberTaxonomyId(w, id, found.id);
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
    await manager.query(
      `UPDATE taxonomies SET name = $2, description = $3, uri = $4, version = $5, source_feed = $6,
              source_id = coalesce(source_id, $7)
        WHERE id = $1`,
      [found.id, next.name, next.description, next.uri, next.version, w.source, id],
    );
    await this.audit.record(manager, w.actor, {
      entityType: 'Taxonomy',
      entityId: found.id,
      action: 'import',
      before,
      after: next,
    });
    w.notes.push({ type: 'taxonomy', id, outcome: 'updated' });
  }

  /** Records that the publisher's id names a taxonomy matched by name, for the terms that give only that id. */
  private async rememberTaxonomyId(w: WriteContext, sourceId: string, taxonomyId: string): Promise<void> {
    if (sourceId === taxonomyId) return;
    await w.manager.query(
      `INSERT INTO taxonomy_sources (source_id, taxonomy_id, source_feed) VALUES ($1, $2, $3)
       ON CONFLICT (source_id) DO UPDATE SET taxonomy_id = excluded.taxonomy_id, source_feed = excluded.source_feed`,
      [sourceId, taxonomyId, w.source],
    );
  }

  /** `base`, or `base-2`, `base-3`...: the first code no row of `table` (in the taxonomy) has. */
  private async freeCode(
    manager: EntityManager,
    table: 'taxonomies' | 'taxonomy_terms',
    base: string,
    taxonomyId?: string,
  ): Promise<string> {
    const stem = base.slice(0, 55).replace(/-+$/, '');
    const rows = await manager.query<{ code: string }[]>(
      `SELECT code FROM ${table} WHERE (code = $1 OR code LIKE $1 || '-%')${taxonomyId ? ' AND taxonomy_id = $2' : ''}`,
      taxonomyId ? [stem, taxonomyId] : [stem],
    );
    const taken = new Set(rows.map((row) => row.code));
    if (!taken.has(stem)) return stem;
    for (let n = 2; ; n++) if (!taken.has(`${stem}-${n}`)) return `${stem}-${n}`;
  }
}
