import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  allOf,
  badInput,
  connectionsByParent,
  keysetCursor,
  keysetPage,
  pageLimit,
  notFound,
  SqlParams,
  staleVersion,
  type ConnectionShape,
  type Viewer,
  enforce,
  containsTextSql,
} from '@cohesion/common';
import type { AccountProfiles, NewProfile } from '@cohesion/auth';
import type { AreaEntity } from '../areas/area.entity.js';
import { linkedAreasSql } from '../areas/area.queries.js';
import { AreasService } from '../areas/areas.service.js';
import { linkedTermsSql } from '../taxonomy/taxonomy.queries.js';
import { TaxonomyService } from '../taxonomy/taxonomy.service.js';
import type { TaxonomyTermEntity } from '../taxonomy/taxonomy.entity.js';
import { replaceLinks } from '../shared/links.js';
import { COHESION_THEMES } from '../taxonomy/taxonomy.model.js';
import type { PractitionersFilter, UpdateMyProfileInput } from './dto/practitioner.inputs.js';
import {
  PractitionerAreaEntity,
  PractitionerEntity,
  PractitionerMembershipEntity,
  PractitionerThemeEntity,
} from './practitioner.entity.js';
import { toPractitioner } from './practitioner.mapper.js';
import type { Practitioner } from './practitioner.model.js';
import { DIRECTORY_POLICY, relationshipOf } from '../directory.policy.js';
import {
  CURRENT_MEMBERSHIP,
  practitionerColumns,
  PRACTITIONER_SORT,
  practitionerPlacedInSql,
  type PractitionerRecord,
  type RankedPractitioner,
} from './practitioner.queries.js';
import { PRACTITIONER_RELATIONSHIPS, type PractitionerRelationships } from './relationships.js';

@Injectable()
export class PractitionersService implements AccountProfiles {
  constructor(
    private readonly dataSource: DataSource,
    private readonly areas: AreasService,
    private readonly taxonomy: TaxonomyService,
    @Inject(PRACTITIONER_RELATIONSHIPS) private readonly relationships: PractitionerRelationships,
  ) {}

  /**
   * SQL about the viewer and practitioner alias `p`: may they see it (discoverable, or
   * their own, and neither has blocked the other), are they connected. The viewer's id
   * is added to `params` once and shared by both.
   */
  viewerSql(viewer: Viewer, params: SqlParams): { visible: string; connected: string } {
    const me = viewer.accountId ? params.add(viewer.accountId) : undefined;
    return {
      visible: me
        ? `${DIRECTORY_POLICY.seePractitioner.sql('p', me)} AND NOT ${this.relationships.blockedSql(me, 'p.id')}`
        : DIRECTORY_POLICY.seePractitioner.sql('p', me),
      connected: me ? this.relationships.connectedSql(me, 'p.id') : 'FALSE',
    };
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
    const params = new SqlParams();
    const about = this.viewerSql(viewer, params);
    const where = allOf([
      about.visible,
      filter?.organisationId &&
        `EXISTS (SELECT 1 FROM practitioner_memberships m
                  WHERE m.practitioner_id = p.id AND m.organisation_id = ${params.add(filter.organisationId)}
                    AND ${CURRENT_MEMBERSHIP})`,
      // The areas and themes linked, with everything above them, kept on the row (GIN-indexed).
      filter?.areaIds?.length && practitionerPlacedInSql('p', `${params.add(filter.areaIds)}::uuid[]`),
      filter?.themeIds?.length && `p.term_path_ids && ${params.add(filter.themeIds)}::uuid[]`,
      filter?.languages?.length && `p.languages && ${params.add(filter.languages)}::varchar[]`,
      filter?.openToIntroductions !== undefined &&
        `p.open_to_introductions = ${params.add(filter.openToIntroductions)}`,
      filter?.nameContains && containsTextSql('p.full_name', filter.nameContains, params),
    ]);
    return keysetPage(this.dataSource, {
      select: practitionerColumns(about.connected),
      from: 'practitioners p',
      where,
      params,
      sort: PRACTITIONER_SORT,
      page,
      toNode: (row: PractitionerRecord) => toPractitioner(row, relationshipOf(viewer, row)),
    });
  }

  async visibleByIds(viewer: Viewer, ids: readonly string[]): Promise<PractitionerRecord[]> {
    const params = new SqlParams();
    const idList = params.add(ids);
    const about = this.viewerSql(viewer, params);
    return this.dataSource.query(
      `SELECT ${practitionerColumns(about.connected)} FROM practitioners p
        WHERE p.id = ANY(${idList}::uuid[]) AND ${about.visible}`,
      params.values,
    );
  }

  /** The practitioners currently at each organisation, `first` per organisation, in one query. */
  async byOrganisations(
    viewer: Viewer,
    organisationIds: readonly string[],
    first: number,
  ): Promise<ConnectionShape<Practitioner>[]> {
    const params = new SqlParams();
    const ids = `${params.add(organisationIds)}::uuid[]`;
    const rows: RankedPractitioner[] = await this.dataSource.query(
      this.byOrganisationsSql(viewer, params, ids, first),
      params.values,
    );
    return this.toConnections(viewer, organisationIds, rows, first);
  }

  /**
   * The people working now at each organisation of the uuid[] SQL expression
   * `organisationIds` whom the viewer may see, by name: the first `first` + 1 of each,
   * with totals. The loader runs it over many organisations; the organisation reader
   * nests it in its statement.
   */
  byOrganisationsSql(viewer: Viewer, params: SqlParams, organisationIds: string, first: number): string {
    const about = this.viewerSql(viewer, params);
    return `WITH pairs AS (
         SELECT DISTINCT m.organisation_id, m.practitioner_id FROM practitioner_memberships m
          WHERE m.organisation_id = ANY(${organisationIds}) AND ${CURRENT_MEMBERSHIP})
       SELECT * FROM (
         SELECT ${practitionerColumns(about.connected)}, pairs.organisation_id AS "parentKey",
                row_number() OVER (PARTITION BY pairs.organisation_id ORDER BY lower(p.full_name), p.id) AS rn,
                count(*) OVER (PARTITION BY pairs.organisation_id)::int AS total
           FROM pairs JOIN practitioners p ON p.id = pairs.practitioner_id
          WHERE ${about.visible}) ranked
        WHERE rn <= ${pageLimit(first)}
        ORDER BY rn`;
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

  async areasOf(practitionerIds: readonly string[]): Promise<(AreaEntity & { ownerId: string })[]> {
    return this.dataSource.query(linkedAreasSql('practitioner_areas', 'practitioner_id', '$1::uuid[]'), [
      practitionerIds,
    ]);
  }

  async themesOf(practitionerIds: readonly string[]): Promise<(TaxonomyTermEntity & { ownerId: string })[]> {
    return this.dataSource.query(linkedTermsSql('practitioner_themes', 'practitioner_id', '$1::uuid[]'), [
      practitionerIds,
    ]);
  }

  async membershipsOf(practitionerIds: readonly string[]): Promise<PractitionerMembershipEntity[]> {
    return this.dataSource
      .getRepository(PractitionerMembershipEntity)
      .createQueryBuilder('m')
      .where('m.practitioner_id = ANY(:ids)', { ids: practitionerIds })
      .orderBy('m.end_date', 'DESC', 'NULLS FIRST')
      .addOrderBy('m.start_date', 'DESC', 'NULLS LAST')
      .getMany();
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
      if (input.memberships) await this.assertMemberships(manager, input);

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
      if (input.memberships) {
        await manager.delete(PractitionerMembershipEntity, { practitionerId: id });
        if (input.memberships.length) {
          await manager.insert(
            PractitionerMembershipEntity,
            input.memberships.map((membership) => ({
              practitionerId: id,
              organisationId: membership.organisationId,
              role: membership.role || null,
              team: membership.team || null,
              startDate: membership.startDate ?? null,
              endDate: membership.endDate ?? null,
            })),
          );
        }
      }
      const saved = await manager.findOneByOrFail(PractitionerEntity, { id });
      return toPractitioner(saved, 'SELF');
    });
  }

  private async assertMemberships(manager: EntityManager, input: UpdateMyProfileInput): Promise<void> {
    const memberships = input.memberships ?? [];
    const ids = memberships.map((membership) => membership.organisationId);
    const found: { id: string }[] = await manager.query('SELECT id FROM organisations WHERE id = ANY($1::uuid[])', [
      ids,
    ]);
    const known = new Set(found.map((row) => row.id));
    memberships.forEach((membership, index) => {
      if (!known.has(membership.organisationId)) {
        throw badInput(`input.memberships[${index}].organisationId`, 'is not a known organisation');
      }
      if (membership.startDate && membership.endDate && membership.endDate < membership.startDate) {
        throw badInput(`input.memberships[${index}].endDate`, 'must not be before startDate');
      }
    });
  }
}
