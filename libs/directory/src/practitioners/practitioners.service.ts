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
  type KeysetSort,
  type Viewer,
  enforce,
} from '@cohesion/common';
import type { AccountProfiles, NewProfile } from '@cohesion/auth';
import type { AreaEntity } from '../areas/area.entity.js';
import { AreasService, escapeLike, linkedAreasSql } from '../areas/areas.service.js';
import { linkedTermsSql, TaxonomyService } from '../taxonomy/taxonomy.service.js';
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
import { PRACTITIONER_RELATIONSHIPS, type PractitionerRelationships } from './relationships.js';

export interface PractitionerRecord extends PractitionerEntity {
  sortName: string;
  /** Whether the viewer is connected to this practitioner. */
  connected: boolean;
}

/** Every column of alias `p`, camel-cased, plus whether the viewer is connected to each. */
export function practitionerColumns(connectedSql: string): string {
  return `${PRACTITIONER_COLUMNS}, ${connectedSql} AS connected`;
}

const PRACTITIONER_COLUMNS = `
  p.id, p.full_name AS "fullName", p.job_title AS "jobTitle", p.bio, p.can_help_with AS "canHelpWith",
  p.looking_for AS "lookingFor", p.languages, p.discoverable, p.open_to_introductions AS "openToIntroductions",
  p.introductions_monthly_cap AS "introductionsMonthlyCap",
  p.contact_email AS "contactEmail", p.contact_email_visibility AS "contactEmailVisibility",
  p.contact_phone AS "contactPhone", p.contact_phone_visibility AS "contactPhoneVisibility",
  p.contact_mobile AS "contactMobile", p.contact_mobile_visibility AS "contactMobileVisibility",
  p.website, p.website_visibility AS "websiteVisibility", p.is_demo AS "isDemo", p.version,
  p.created_at AS "createdAt", p.updated_at AS "updatedAt", lower(p.full_name) AS "sortName"`;

export const PRACTITIONER_SORT: KeysetSort<PractitionerRecord> = {
  expressions: ['lower(p.full_name)', 'p.id'],
  parts: ['text', 'uuid'],
  valuesOf: (row) => [row.sortName, row.id],
};

/** A practitioner row ranked within an organisation (`parentKey`), with how many the viewer may see there. */
export type RankedPractitioner = PractitionerRecord & { parentKey: string; rn: number; total: number };

/** A membership that has started (or has no start) and has not ended. */
export const CURRENT_MEMBERSHIP = `(m.start_date IS NULL OR m.start_date <= CURRENT_DATE)
  AND (m.end_date IS NULL OR m.end_date >= CURRENT_DATE)`;

/** The current organisations of the practitioner `alias`, as `o` (FROM ... WHERE, to go on). */
const CURRENT_ORGANISATIONS = (alias: string) =>
  `FROM practitioner_memberships m JOIN organisations o ON o.id = m.organisation_id
   WHERE m.practitioner_id = ${alias}.id AND ${CURRENT_MEMBERSHIP}`;

/**
 * Where a person is placed: the areas they cover and the areas the organisations they work
 * at now serve (with everything above them). True when the practitioner `alias` is placed
 * in any of the areas of the uuid[] SQL expression `areaIds`; every area filter on people
 * (search, practitioners) asks this, as `near` places them by those organisations too.
 */
export function practitionerPlacedInSql(alias: string, areaIds: string): string {
  return `(${alias}.area_path_ids && ${areaIds}
           OR EXISTS (SELECT 1 ${CURRENT_ORGANISATIONS(alias)} AND o.area_path_ids && ${areaIds}))`;
}

/** The areas the practitioner `alias` is placed in (see `practitionerPlacedInSql`), each once, as a uuid[]. */
export function practitionerPlacedAreasSql(alias: string): string {
  return `ARRAY(SELECT unnest(${alias}.area_path_ids)
                UNION SELECT unnest(o.area_path_ids) ${CURRENT_ORGANISATIONS(alias)})`;
}

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
      filter?.nameContains && `p.full_name ILIKE ${params.add(`%${escapeLike(filter.nameContains)}%`)}`,
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
