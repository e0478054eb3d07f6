import type { EntityManager } from 'typeorm';
import { normalisePostcode, type AuditService, type Viewer } from '@cohesion/common';
import type { OrgId } from '../organisations/org-id.js';
import {
  OrganisationAreaEntity,
  OrganisationEntity,
  OrganisationIdentifierEntity,
  OrganisationThemeEntity,
  type OrganisationKindValue,
} from '../organisations/organisation.entity.js';
import { organisationSnapshot } from '../organisations/organisation.queries.js';
import { insertRows, rowsBySourceId, type SourceKey } from './sourced-rows.js';

/** What a source says of an organisation. */
export interface SourcedOrganisationFields {
  name: string;
  kind: OrganisationKindValue;
  description: string | null;
  email: string | null;
  website: string | null;
}

/** An org-id with the publisher's id for the entry, kept as ours where it is free. */
export interface SourcedIdentifier extends OrgId {
  sourceId: string | null;
}

/** An imported organisation as the writer compares and audits it. */
export interface SourcedOrganisationState extends SourcedOrganisationFields {
  /** `scheme-identifier`, sorted. */
  identifiers: string[];
  verified: boolean;
  visibility: string;
  sourceFeed: string | null;
  sourceId: string | null;
}

/** An organisation listed with an org-id a source gives. */
export interface IdentifierHolder {
  id: string;
  /** `scheme-identifier`. */
  identifier: string;
  name: string;
  sourceFeed: string | null;
}

/** An organisation the demo dataset lists, with its identifiers and links. */
export interface SeededOrganisation {
  row: Partial<OrganisationEntity> & { id: string };
  identifiers: OrgId[];
  areaIds: string[];
  themeIds: string[];
}

/**
 * Writes the organisations other systems give the directory: imported ones found again
 * by (source, source id), recipients named in a funder's grants data, the demo dataset's.
 */
export class OrganisationRows {
  constructor(private readonly audit: AuditService) {}

  /** Organisations imported with this source id, or listed here with it as their id; locked. */
  bySourceId(
    manager: EntityManager,
    sourceId: string,
  ): Promise<{ id: string; sourceId: string | null; name: string }[]> {
    return rowsBySourceId(manager, 'organisations', sourceId);
  }

  /** The organisation imported with this source id, else the one listed with it as its id. */
  async idBySourceId(manager: EntityManager, sourceId: string, exact = false): Promise<string | null> {
    const [row] = await manager.query<{ id: string }[]>(
      exact
        ? 'SELECT id FROM organisations WHERE source_id = $1'
        : 'SELECT id FROM organisations WHERE source_id = $1 OR id = $1 ORDER BY (source_id = $1) DESC NULLS LAST LIMIT 1',
      [sourceId],
    );
    return row?.id ?? null;
  }

  /** The organisations (other than `except`) listed with any of these `scheme-identifier` org-ids. */
  async identifierHolders(manager: EntityManager, keys: string[], except?: string): Promise<IdentifierHolder[]> {
    return manager.query(
      `SELECT i.organisation_id AS id, i.scheme || '-' || i.identifier AS identifier, o.name, o.source_feed AS "sourceFeed"
         FROM organisation_identifiers i JOIN organisations o ON o.id = i.organisation_id
        WHERE i.scheme || '-' || i.identifier = ANY($1::text[])${except ? ' AND i.organisation_id <> $2' : ''}`,
      except ? [keys, except] : [keys],
    );
  }

  /**
   * A new organisation from a source, with the source id as its id, and its audit row.
   * `verified`: published open data an admin chose to import, listed and verified;
   * `unknownOwner`: it stands for the unknown owner of a source's services.
   */
  async create(
    manager: EntityManager,
    actor: Viewer | null,
    key: SourceKey,
    fields: SourcedOrganisationFields,
    identifiers: SourcedIdentifier[],
    standing: { verified: boolean; unknownOwner: boolean },
  ): Promise<void> {
    const accountId = actor?.accountId ?? null;
    await manager.query(
      `INSERT INTO organisations (id, name, kind, description, email, website, verified, verified_at, verified_by,
                                  visibility, created_by, source_feed, source_id, unknown_owner)
       VALUES ($1, $2, $3, $4, $5, $6, $7, CASE WHEN $7 THEN now() END, CASE WHEN $7 THEN $8::uuid END,
               'PUBLIC', $8, $9, $1, $10)`,
      [
        key.sourceId,
        fields.name,
        fields.kind,
        fields.description,
        fields.email,
        fields.website,
        standing.verified,
        accountId,
        key.source,
        standing.unknownOwner,
      ],
    );
    await this.insertIdentifiers(manager, key.sourceId, identifiers);
    await this.audit.record(manager, actor, {
      entityType: 'Organisation',
      entityId: key.sourceId,
      action: 'import',
      before: null,
      after: await this.state(manager, key.sourceId),
    });
  }

  /**
   * An imported organisation brought up to date from `source`, with its audit row;
   * `identifiers` null keeps the ones it has.
   */
  async update(
    manager: EntityManager,
    actor: Viewer | null,
    id: string,
    source: string,
    fields: SourcedOrganisationFields,
    identifiers: SourcedIdentifier[] | null,
    before: SourcedOrganisationState,
  ): Promise<void> {
    await manager.query(
      `UPDATE organisations SET name = $2, kind = $3, description = $4, email = $5, website = $6, source_feed = $7,
              version = version + 1, updated_at = now()
        WHERE id = $1`,
      [id, fields.name, fields.kind, fields.description, fields.email, fields.website, source],
    );
    if (identifiers) {
      await manager.query('DELETE FROM organisation_identifiers WHERE organisation_id = $1', [id]);
      await this.insertIdentifiers(manager, id, identifiers);
    }
    await this.audit.record(manager, actor, {
      entityType: 'Organisation',
      entityId: id,
      action: 'import',
      before,
      after: await this.state(manager, id),
    });
  }

  async state(manager: EntityManager, id: string): Promise<SourcedOrganisationState> {
    const [row] = await manager.query<SourcedOrganisationState[]>(
      `SELECT o.name, o.kind, o.description, o.email, o.website, o.verified, o.visibility,
              o.source_feed AS "sourceFeed", o.source_id AS "sourceId",
              ARRAY(SELECT i.scheme || '-' || i.identifier FROM organisation_identifiers i
                     WHERE i.organisation_id = o.id ORDER BY 1) AS identifiers
         FROM organisations o WHERE o.id = $1`,
      [id],
    );
    return row;
  }

  /** The identifiers keep the publisher's ids where they are free, so they read the same here as at the source. */
  private async insertIdentifiers(
    manager: EntityManager,
    organisationId: string,
    identifiers: SourcedIdentifier[],
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

  /**
   * The organisation listed with this org-id, or a new unverified one named in a
   * funder's published grants data (with its audit row).
   */
  async findOrListNamedInGrants(
    manager: EntityManager,
    actor: Viewer | null,
    identifier: OrgId,
    listing: { name: string; kind: OrganisationKindValue; town?: string | null; postcode?: string | null },
  ): Promise<{ id: string; created: boolean }> {
    const [found] = await manager.query<{ id: string }[]>(
      'SELECT organisation_id AS id FROM organisation_identifiers WHERE scheme = $1 AND identifier = $2',
      [identifier.scheme, identifier.identifier],
    );
    if (found) return { id: found.id, created: false };
    const entity = manager.create(OrganisationEntity, {
      name: listing.name,
      kind: listing.kind,
      town: listing.town ?? null,
      postcode: listing.postcode ? (normalisePostcode(listing.postcode) ?? null) : null,
      verified: false,
      namedInGrantsData: true,
      createdBy: actor?.accountId ?? null,
    });
    await manager.insert(OrganisationEntity, entity);
    await manager.insert(OrganisationIdentifierEntity, { organisationId: entity.id, ...identifier });
    await this.audit.record(manager, actor, {
      entityType: 'Organisation',
      entityId: entity.id,
      action: 'import',
      before: null,
      after: await organisationSnapshot(manager, entity.id),
    });
    return { id: entity.id, created: true };
  }

  /** An organisation of the demo dataset, with its identifiers, areas and themes (marked as demo, not audited). */
  async seed(manager: EntityManager, organisation: SeededOrganisation): Promise<void> {
    const id = organisation.row.id;
    await manager.insert(OrganisationEntity, { ...organisation.row, isDemo: true });
    await insertRows(
      manager,
      OrganisationIdentifierEntity,
      organisation.identifiers.map((identifier) => ({ organisationId: id, ...identifier })),
    );
    await insertRows(
      manager,
      OrganisationAreaEntity,
      organisation.areaIds.map((areaId) => ({ organisationId: id, areaId })),
    );
    await insertRows(
      manager,
      OrganisationThemeEntity,
      organisation.themeIds.map((termId) => ({ organisationId: id, termId })),
    );
  }
}
