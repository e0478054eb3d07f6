import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  connectionsByParent,
  keysetCursor,
  notFound,
  SqlParams,
  staleVersion,
  type ConnectionShape,
  type Viewer,
  enforce,
} from '@cohesion/common';
import type { NewProfile } from '@cohesion/auth';
import type { LinkedAreaRow } from '../areas/area.queries.js';
import { AreasService } from '../areas/areas.service.js';
import type { LinkedTermRow } from '../taxonomy/taxonomy.queries.js';
import { TaxonomyService } from '../taxonomy/taxonomy.service.js';
import { replaceLinks } from '../shared/links.js';
import { COHESION_THEMES } from '../taxonomy/taxonomy.model.js';
import type { PractitionersFilter, UpdateMyProfileInput } from './dto/practitioner.inputs.js';
import { PractitionerAreaEntity, PractitionerEntity, PractitionerThemeEntity } from './practitioner.entity.js';
import { toPractitioner } from './practitioner.mapper.js';
import type { Practitioner } from './practitioner.model.js';
import { DIRECTORY_POLICY, relationshipOf } from '../directory.policy.js';
import {
  practitionerAreas,
  practitionerPage,
  PRACTITIONER_SORT,
  practitionersOfOrganisations,
  practitionersOfOrganisationsSql,
  practitionerThemes,
  visiblePractitionersByIds,
  type AboutViewer,
  type PractitionerRecord,
  type PractitionerViewerSql,
  type RankedPractitioner,
} from './practitioner.queries.js';
import { MembershipsService } from '../memberships/memberships.service.js';
import { PRACTITIONER_RELATIONSHIPS, type PractitionerRelationships } from './relationships.js';

@Injectable()
export class PractitionersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly areas: AreasService,
    private readonly taxonomy: TaxonomyService,
    @Inject(PRACTITIONER_RELATIONSHIPS) private readonly relationships: PractitionerRelationships,
    private readonly memberships: MembershipsService,
  ) {}

  /**
   * SQL about the viewer and practitioner alias `p`: may they see it (discoverable, or
   * their own, and neither has blocked the other), are they connected. The viewer's id
   * is added to `params` once and shared by both.
   */
  viewerSql(viewer: Viewer, params: SqlParams): PractitionerViewerSql {
    const me = viewer.accountId ? params.add(viewer.accountId) : undefined;
    return {
      visible: me
        ? `${DIRECTORY_POLICY.seePractitioner.sql(viewer, 'p', me)} AND NOT ${this.relationships.blockedSql(me, 'p.id')}`
        : DIRECTORY_POLICY.seePractitioner.sql(viewer, 'p', me),
      connected: me ? this.relationships.connectedSql(me, 'p.id') : 'FALSE',
    };
  }

  private aboutViewer(viewer: Viewer): AboutViewer {
    return (params) => this.viewerSql(viewer, params);
  }

  /** Called by registration, inside its transaction. */
  async createProfile(manager: EntityManager, accountId: string, profile: NewProfile): Promise<void> {
    await manager.insert(PractitionerEntity, {
      id: accountId,
      fullName: profile.fullName,
      jobTitle: profile.jobTitle ?? null,
    });
  }

  async list(
    viewer: Viewer,
    filter: PractitionersFilter | undefined,
    page: { first: number; after?: string },
  ): Promise<ConnectionShape<Practitioner>> {
    return practitionerPage(this.dataSource, this.aboutViewer(viewer), filter, page, (row) =>
      toPractitioner(row, relationshipOf(viewer, row)),
    );
  }

  async visibleByIds(viewer: Viewer, ids: readonly string[]): Promise<PractitionerRecord[]> {
    return visiblePractitionersByIds(this.dataSource, this.aboutViewer(viewer), ids);
  }

  /** The practitioners currently at each organisation, `first` per organisation, in one query. */
  async byOrganisations(
    viewer: Viewer,
    organisationIds: readonly string[],
    first: number,
  ): Promise<ConnectionShape<Practitioner>[]> {
    const rows = await practitionersOfOrganisations(this.dataSource, this.aboutViewer(viewer), organisationIds, first);
    return this.toConnections(viewer, organisationIds, rows, first);
  }

  /** `practitionersOfOrganisationsSql` as the viewer may see it, for the organisation reader to nest. */
  byOrganisationsSql(viewer: Viewer, params: SqlParams, organisationIds: string, first: number): string {
    return practitionersOfOrganisationsSql(this.viewerSql(viewer, params), organisationIds, first);
  }

  toConnections(
    viewer: Viewer,
    organisationIds: readonly string[],
    rows: RankedPractitioner[],
    first: number,
  ): ConnectionShape<Practitioner>[] {
    return connectionsByParent(organisationIds, rows, first, {
      parentOf: (row) => row.parentKey,
      totalOf: (row) => row.total,
      cursorOf: (row) => keysetCursor(PRACTITIONER_SORT, row),
      toNode: (row) => toPractitioner(row, relationshipOf(viewer, row)),
    });
  }

  async areasOf(practitionerIds: readonly string[]): Promise<LinkedAreaRow[]> {
    return practitionerAreas(this.dataSource, practitionerIds);
  }

  async themesOf(practitionerIds: readonly string[]): Promise<LinkedTermRow[]> {
    return practitionerThemes(this.dataSource, practitionerIds);
  }

  async updateMyProfile(viewer: Viewer, input: UpdateMyProfileInput): Promise<Practitioner> {
    enforce(DIRECTORY_POLICY.updateMyProfile, viewer, undefined);
    const id = viewer.practitionerId as string;
    return this.dataSource.transaction(async (manager) => {
      const current = await manager.findOne(PractitionerEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!current) throw notFound('Your profile');
      if (current.version !== input.version) throw staleVersion('Your profile', current.version);
      if (input.areaIds) await this.areas.assertExist(manager, input.areaIds, 'input.areaIds');
      if (input.expertiseIds) {
        await this.taxonomy.assertTerms(manager, input.expertiseIds, 'input.expertiseIds', COHESION_THEMES);
      }

      const columns: Partial<PractitionerEntity> = { version: current.version + 1 };
      const text = ['jobTitle', 'bio', 'canHelpWith', 'lookingFor'] as const;
      for (const key of text) if (input[key] !== undefined) Object.assign(columns, { [key]: input[key] || null });
      if (input.fullName !== undefined) columns.fullName = input.fullName;
      if (input.languages !== undefined) columns.languages = [...new Set(input.languages)];
      if (input.discoverable !== undefined) columns.discoverable = input.discoverable;
      if (input.openToIntroductions !== undefined) columns.openToIntroductions = input.openToIntroductions;
      if (input.introductionsMonthlyCap !== undefined) columns.introductionsMonthlyCap = input.introductionsMonthlyCap;
      const contact = input.contact;
      if (contact?.email !== undefined) columns.contactEmail = contact.email ? contact.email.toLowerCase() : null;
      if (contact?.phone !== undefined) columns.contactPhone = contact.phone || null;
      if (contact?.mobile !== undefined) columns.contactMobile = contact.mobile || null;
      if (contact?.website !== undefined) columns.website = contact.website || null;
      const visibility = input.contactVisibility;
      if (visibility?.email) columns.contactEmailVisibility = visibility.email;
      if (visibility?.phone) columns.contactPhoneVisibility = visibility.phone;
      if (visibility?.mobile) columns.contactMobileVisibility = visibility.mobile;
      if (visibility?.website) columns.websiteVisibility = visibility.website;
      await manager.update(PractitionerEntity, { id }, columns);

      await replaceLinks(manager, PractitionerAreaEntity, { practitionerId: id }, 'areaId', input.areaIds);
      await replaceLinks(manager, PractitionerThemeEntity, { practitionerId: id }, 'termId', input.expertiseIds);
      if (input.memberships) await this.memberships.reconcile(manager, viewer, input.memberships);
      const saved = await manager.findOneByOrFail(PractitionerEntity, { id });
      return toPractitioner(saved, 'SELF');
    });
  }
}
