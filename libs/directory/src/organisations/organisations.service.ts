import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  AuditService,
  badInput,
  conflict,
  invalidFields,
  isUniqueViolation,
  normalisePostcode,
  notFound,
  staleVersion,
  type ConnectionShape,
  type FieldProblem,
  type GrantedRole,
  type Viewer,
  enforce,
} from '@cohesion/common';
import { AUTH_POLICY, RoleGrantsService } from '@cohesion/auth';
import type { LinkedAreaRow } from '../areas/area.queries.js';
import { AreasService } from '../areas/areas.service.js';
import { COHESION_THEMES } from '../taxonomy/taxonomy.model.js';
import type { LinkedTermRow } from '../taxonomy/taxonomy.queries.js';
import { TaxonomyService } from '../taxonomy/taxonomy.service.js';
import type {
  CreateOrganisationInput,
  OrganisationsFilter,
  RoleGrantInput,
  UpdateOrganisationInput,
  VerifyOrganisationInput,
} from './dto/organisation.inputs.js';
import { replaceLinks } from '../shared/links.js';
import { membersOf, refreshStanding } from '../shared/membership-standing.queries.js';
import { parseOrgId, type OrgId } from './org-id.js';
import {
  OrganisationAreaEntity,
  OrganisationEntity,
  OrganisationIdentifierEntity,
  OrganisationThemeEntity,
} from './organisation.entity.js';
import { recordToOrganisation } from './organisation.mapper.js';
import {
  identifierTakenByAnother,
  organisationAreas,
  organisationById,
  awaitingVerificationPage,
  organisationPage,
  organisationSnapshot,
  organisationThemes,
  visibleOrganisationsByIds,
  type OrganisationRecord,
} from './organisation.queries.js';
import type { Organisation } from './organisation.model.js';
import { changeNeedsVerification, DIRECTORY_POLICY } from '../directory.policy.js';

type OrganisationFields = Omit<CreateOrganisationInput, 'identifiers' | 'areaIds' | 'themeIds'>;

/** Column values from input fields; `undefined` leaves a column as it is. */
function columnsFrom(input: Partial<OrganisationFields>): Partial<OrganisationEntity> {
  const columns: Partial<OrganisationEntity> = {};
  if (input.name !== undefined) columns.name = input.name;
  if (input.kind !== undefined) columns.kind = input.kind;
  if (input.description !== undefined) columns.description = input.description || null;
  if (input.website !== undefined) columns.website = input.website || null;
  if (input.email !== undefined) columns.email = input.email ? input.email.toLowerCase() : null;
  if (input.phone !== undefined) columns.phone = input.phone || null;
  if (input.faithTradition !== undefined) columns.faithTradition = input.faithTradition ?? null;
  if (input.languages !== undefined) columns.languages = [...new Set(input.languages)];
  if (input.visibility !== undefined) columns.visibility = input.visibility;
  if (input.namedInGrantsData !== undefined) columns.namedInGrantsData = input.namedInGrantsData;
  if (input.address !== undefined) {
    const address = input.address;
    columns.addressLine1 = address?.line1 || null;
    columns.addressLine2 = address?.line2 || null;
    columns.town = address?.town || null;
    columns.postcode = address?.postcode ? (normalisePostcode(address.postcode) ?? null) : null;
  }
  if (input.location !== undefined) {
    columns.latitude = input.location?.latitude ?? null;
    columns.longitude = input.location?.longitude ?? null;
  }
  return columns;
}

@Injectable()
export class OrganisationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly areas: AreasService,
    private readonly taxonomy: TaxonomyService,
    private readonly roleGrants: RoleGrantsService,
  ) {}

  async list(
    viewer: Viewer,
    filter: OrganisationsFilter | undefined,
    page: { first: number; after?: string },
  ): Promise<ConnectionShape<Organisation>> {
    return organisationPage(this.dataSource, viewer, filter, page, recordToOrganisation);
  }

  /** Organisations awaiting verification (never verified, or changed since), by name: platform admins only. */
  async awaitingVerification(
    viewer: Viewer,
    page: { first: number; after?: string },
  ): Promise<ConnectionShape<Organisation>> {
    enforce(DIRECTORY_POLICY.verifyOrganisation, viewer, undefined);
    return awaitingVerificationPage(this.dataSource, page, recordToOrganisation);
  }

  /** The organisations among `ids` that the viewer may see. */
  async visibleByIds(viewer: Viewer, ids: readonly string[]): Promise<OrganisationRecord[]> {
    if (ids.length === 0) return [];
    return visibleOrganisationsByIds(this.dataSource, viewer, ids);
  }

  /** Areas served by each organisation, in one query. */
  async areasOf(organisationIds: readonly string[]): Promise<LinkedAreaRow[]> {
    return organisationAreas(this.dataSource, organisationIds);
  }

  /** Themes of each organisation, in one query. */
  async themesOf(organisationIds: readonly string[]): Promise<LinkedTermRow[]> {
    return organisationThemes(this.dataSource, organisationIds);
  }

  /** Any member may list an organisation; they become its admin, and it stays unverified until checked. */
  async create(viewer: Viewer, input: CreateOrganisationInput): Promise<Organisation> {
    const identifiers = parseIdentifiers(input.identifiers ?? [], 'input.identifiers');
    return this.dataSource.transaction(async (manager) => {
      await this.assertReferences(manager, input.areaIds, input.themeIds);
      const entity = manager.create(OrganisationEntity, {
        ...columnsFrom(input),
        verified: false,
        createdBy: viewer.accountId,
      });
      await manager.insert(OrganisationEntity, entity);
      await this.replaceIdentifiers(manager, entity.id, identifiers);
      await replaceLinks(manager, OrganisationAreaEntity, { organisationId: entity.id }, 'areaId', input.areaIds);
      await replaceLinks(manager, OrganisationThemeEntity, { organisationId: entity.id }, 'termId', input.themeIds);
      if (viewer.accountId) {
        await this.roleGrants.grant(manager, viewer, {
          accountId: viewer.accountId,
          role: 'ORG_ADMIN',
          organisationId: entity.id,
        });
      }
      const after = await organisationSnapshot(manager, entity.id);
      await this.audit.record(manager, viewer, {
        entityType: 'Organisation',
        entityId: entity.id,
        action: 'create',
        before: null,
        after,
      });
      return this.load(manager, entity.id);
    });
  }

  /**
   * Applies the given fields, if the caller still holds the latest version. A change of
   * name, kind or identifiers may send a verified organisation back for verification
   * (`changeNeedsVerification`); its listing stays up, marked as changed.
   */
  async update(viewer: Viewer, input: UpdateOrganisationInput): Promise<Organisation> {
    const identifiers = input.identifiers ? parseIdentifiers(input.identifiers, 'input.identifiers') : undefined;
    return this.dataSource.transaction(async (manager) => {
      const current = await manager.findOne(OrganisationEntity, {
        where: { id: input.id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!current) throw notFound('That organisation');
      enforce(DIRECTORY_POLICY.manageOrganisation, viewer, { organisationId: current.id });
      if (current.version !== input.version) throw staleVersion('This organisation', current.version);
      await this.assertReferences(manager, input.areaIds, input.themeIds);
      const before = await organisationSnapshot(manager, current.id);
      const columns = columnsFrom(input);
      const next = { name: input.name, kind: input.kind, identifiers: identifiers?.map(formatKey) };
      if (changeNeedsVerification(viewer, { ...current, identifiers: before.identifiers }, next)) {
        columns.changedSinceVerificationAt = new Date();
      }
      if (identifiers) await this.replaceIdentifiers(manager, current.id, identifiers);
      await replaceLinks(manager, OrganisationAreaEntity, { organisationId: current.id }, 'areaId', input.areaIds);
      await replaceLinks(manager, OrganisationThemeEntity, { organisationId: current.id }, 'termId', input.themeIds);
      await manager.update(OrganisationEntity, { id: current.id }, { ...columns, version: current.version + 1 });
      const after = await organisationSnapshot(manager, current.id);
      await this.audit.record(manager, viewer, {
        entityType: 'Organisation',
        entityId: current.id,
        action: 'update',
        before,
        after,
      });
      return this.load(manager, current.id);
    });
  }

  async verify(viewer: Viewer, input: VerifyOrganisationInput): Promise<Organisation> {
    return this.dataSource.transaction(async (manager) => {
      const current = await manager.findOne(OrganisationEntity, {
        where: { id: input.id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!current) throw notFound('That organisation');
      await manager.update(
        OrganisationEntity,
        { id: current.id },
        {
          verified: input.verified,
          verifiedAt: input.verified ? new Date() : null,
          verifiedBy: input.verified ? viewer.accountId : null,
          changedSinceVerificationAt: null,
          version: current.version + 1,
        },
      );
      // Its confirmed members hold the verified-member tier exactly while it is verified.
      await refreshStanding(manager, await membersOf(manager, [current.id]));
      await this.audit.record(manager, viewer, {
        entityType: 'Organisation',
        entityId: current.id,
        action: input.verified ? 'verify' : 'unverify',
        before: { verified: current.verified },
        after: { verified: input.verified },
      });
      return this.load(manager, current.id);
    });
  }

  /**
   * Platform admins grant any role; an organisation's admins may add or remove fellow
   * admins of that organisation. Grants officers are scoped to a council.
   */
  async changeRole(viewer: Viewer, input: RoleGrantInput, action: 'grant' | 'revoke'): Promise<boolean> {
    const role = input.role as GrantedRole;
    const organisationId = input.organisationId ?? null;
    if (role === 'ADMIN' && organisationId) throw badInput('input.organisationId', 'must be left out for ADMIN');
    if (role !== 'ADMIN' && !organisationId) throw badInput('input.organisationId', `is required for ${role}`);
    enforce(action === 'grant' ? AUTH_POLICY.grantRole : AUTH_POLICY.revokeRole, viewer, { role, organisationId });
    return this.dataSource.transaction(async (manager) => {
      if (organisationId) {
        const organisation = await manager.findOne(OrganisationEntity, {
          where: { id: organisationId },
          lock: { mode: 'pessimistic_write' },
        });
        if (!organisation) throw badInput('input.organisationId', 'is not a known organisation');
        if (role === 'GRANTS_OFFICER' && organisation.kind !== 'LOCAL_AUTHORITY') {
          throw badInput('input.organisationId', 'must be a local authority for GRANTS_OFFICER');
        }
      }
      const grant = { accountId: input.practitionerId, role, organisationId };
      if (action === 'grant') {
        await this.roleGrants.grant(manager, viewer, grant);
        return true;
      }
      if (
        role === 'ORG_ADMIN' &&
        !viewer.isAdmin &&
        (await this.roleGrants.holders(manager, role, organisationId as string)) <= 1
      ) {
        throw conflict('An organisation needs at least one admin; add another before leaving');
      }
      return this.roleGrants.revoke(manager, viewer, grant);
    });
  }

  private async load(manager: EntityManager, id: string): Promise<Organisation> {
    return recordToOrganisation(await organisationById(manager, id));
  }

  private async assertReferences(manager: EntityManager, areaIds?: string[], themeIds?: string[]): Promise<void> {
    if (areaIds) await this.areas.assertExist(manager, areaIds, 'input.areaIds');
    if (themeIds) await this.taxonomy.assertTerms(manager, themeIds, 'input.themeIds', COHESION_THEMES);
  }

  private async replaceIdentifiers(
    manager: EntityManager,
    organisationId: string,
    identifiers: OrgId[],
  ): Promise<void> {
    if (identifiers.length) {
      // Checked first for a clear message; the unique constraint still guards against a race.
      const taken = await identifierTakenByAnother(manager, organisationId, identifiers.map(formatKey));
      if (taken) throw conflict(`Another organisation is already listed with ${taken.scheme}-${taken.identifier}`);
    }
    await manager.delete(OrganisationIdentifierEntity, { organisationId });
    if (identifiers.length === 0) return;
    try {
      await manager.insert(
        OrganisationIdentifierEntity,
        identifiers.map((id) => ({ organisationId, scheme: id.scheme, identifier: id.identifier })),
      );
    } catch (error) {
      if (isUniqueViolation(error, 'uq_organisation_identifiers_scheme_identifier')) {
        throw conflict('Another organisation was just listed with one of these identifiers');
      }
      throw error;
    }
  }
}

function formatKey(id: OrgId): string {
  return `${id.scheme}-${id.identifier}`;
}

/** Parses every identifier, reporting each bad one by its index. */
function parseIdentifiers(values: string[], field: string): OrgId[] {
  const problems: FieldProblem[] = [];
  const parsed: OrgId[] = [];
  const seen = new Set<string>();
  values.forEach((value, index) => {
    const result = parseOrgId(value);
    if (!result.ok) {
      problems.push({ field: `${field}[${index}]`, message: `"${value.trim()}" ${result.problem}` });
    } else if (!seen.has(formatKey(result.value))) {
      seen.add(formatKey(result.value));
      parsed.push(result.value);
    }
  });
  if (problems.length) throw invalidFields(problems);
  return parsed;
}
