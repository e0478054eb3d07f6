import {
  allOf,
  containsTextSql,
  keysetPage,
  pageLimit,
  SqlParams,
  type ConnectionShape,
  type Db,
  byNameSort,
} from '@cohesion/common';
import { linkedAreasSql, type LinkedAreaRow } from '../areas/area.queries.js';
import { linkedTermsSql, type LinkedTermRow } from '../taxonomy/taxonomy.queries.js';
import { CURRENT_MEMBERSHIP } from '../shared/membership-standing.queries.js';
import type { PractitionersFilter } from './dto/practitioner.inputs.js';
import type { PractitionerEntity } from './practitioner.entity.js';

/** A practitioner as the directory's statements read it (alias `p`). */
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
  p.looking_for AS "lookingFor", p.languages, p.discoverable, p.verified_member AS "verifiedMember", p.open_to_introductions AS "openToIntroductions",
  p.introductions_monthly_cap AS "introductionsMonthlyCap",
  p.contact_email AS "contactEmail", p.contact_email_visibility AS "contactEmailVisibility",
  p.contact_phone AS "contactPhone", p.contact_phone_visibility AS "contactPhoneVisibility",
  p.contact_mobile AS "contactMobile", p.contact_mobile_visibility AS "contactMobileVisibility",
  p.website, p.website_visibility AS "websiteVisibility", p.is_demo AS "isDemo", p.version,
  p.created_at AS "createdAt", p.updated_at AS "updatedAt", lower(p.full_name) AS "sortName"`;

export const PRACTITIONER_SORT = byNameSort<PractitionerRecord>('p.full_name', 'p.id', (row) => [row.sortName, row.id]);

/** A practitioner row ranked within an organisation (`parentKey`), with how many the viewer may see there. */
export type RankedPractitioner = PractitionerRecord & { parentKey: string; rn: number; total: number };

/** The current organisations of the practitioner `alias`, as `o` (FROM ... WHERE, to go on). */
export const CURRENT_ORGANISATIONS = (alias: string) =>
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

/** About the viewer and practitioner alias `p`, as SQL: may they see it, are they connected. */
export interface PractitionerViewerSql {
  visible: string;
  connected: string;
}

/** Writes `PractitionerViewerSql` for a statement, adding the viewer's parameters to `params`. */
export type AboutViewer = (params: SqlParams) => PractitionerViewerSql;

/** A page of the practitioners the filter selects that the viewer may see, by name. */
export function practitionerPage<T>(
  db: Db,
  about: AboutViewer,
  filter: PractitionersFilter | undefined,
  page: { first: number; after?: string },
  toNode: (row: PractitionerRecord) => T,
): Promise<ConnectionShape<T>> {
  const params = new SqlParams();
  const viewer = about(params);
  const where = allOf([
    viewer.visible,
    filter?.organisationId &&
      `EXISTS (SELECT 1 FROM practitioner_memberships m
                WHERE m.practitioner_id = p.id AND m.organisation_id = ${params.add(filter.organisationId)}
                  AND ${CURRENT_MEMBERSHIP})`,
    // The areas and themes linked, with everything above them, kept on the row (GIN-indexed).
    filter?.areaIds?.length && practitionerPlacedInSql('p', `${params.add(filter.areaIds)}::uuid[]`),
    filter?.themeIds?.length && `p.term_path_ids && ${params.add(filter.themeIds)}::uuid[]`,
    filter?.languages?.length && `p.languages && ${params.add(filter.languages)}::varchar[]`,
    filter?.openToIntroductions !== undefined && `p.open_to_introductions = ${params.add(filter.openToIntroductions)}`,
    filter?.nameContains && containsTextSql('p.full_name', filter.nameContains, params),
  ]);
  return keysetPage(db, {
    select: practitionerColumns(viewer.connected),
    from: 'practitioners p',
    where,
    params,
    sort: PRACTITIONER_SORT,
    page,
    toNode,
  });
}

/** The practitioners among `ids` that the viewer may see. */
export function visiblePractitionersByIds(
  db: Db,
  about: AboutViewer,
  ids: readonly string[],
): Promise<PractitionerRecord[]> {
  const params = new SqlParams();
  const idList = params.add(ids);
  const viewer = about(params);
  return db.query<PractitionerRecord[]>(
    `SELECT ${practitionerColumns(viewer.connected)} FROM practitioners p
      WHERE p.id = ANY(${idList}::uuid[]) AND ${viewer.visible}`,
    params.values,
  );
}

/**
 * The people working now at each organisation of the uuid[] SQL expression
 * `organisationIds` whom the viewer may see, by name: the first `first` + 1 of each,
 * with totals. The loader runs it over many organisations; the organisation reader
 * nests it in its statement.
 */
export function practitionersOfOrganisationsSql(
  viewer: PractitionerViewerSql,
  organisationIds: string,
  first: number,
): string {
  return `WITH pairs AS (
       SELECT DISTINCT m.organisation_id, m.practitioner_id FROM practitioner_memberships m
        WHERE m.organisation_id = ANY(${organisationIds}) AND ${CURRENT_MEMBERSHIP})
     SELECT * FROM (
       SELECT ${practitionerColumns(viewer.connected)}, pairs.organisation_id AS "parentKey",
              row_number() OVER (PARTITION BY pairs.organisation_id ORDER BY lower(p.full_name), p.id) AS rn,
              count(*) OVER (PARTITION BY pairs.organisation_id)::int AS total
         FROM pairs JOIN practitioners p ON p.id = pairs.practitioner_id
        WHERE ${viewer.visible}) ranked
      WHERE rn <= ${pageLimit(first)}
      ORDER BY rn`;
}

export function practitionersOfOrganisations(
  db: Db,
  about: AboutViewer,
  organisationIds: readonly string[],
  first: number,
): Promise<RankedPractitioner[]> {
  const params = new SqlParams();
  const ids = `${params.add(organisationIds)}::uuid[]`;
  return db.query<RankedPractitioner[]>(practitionersOfOrganisationsSql(about(params), ids, first), params.values);
}

export function practitionerAreas(db: Db, practitionerIds: readonly string[]): Promise<LinkedAreaRow[]> {
  return db.query<LinkedAreaRow[]>(linkedAreasSql('practitioner_areas', 'practitioner_id', '$1::uuid[]'), [
    practitionerIds,
  ]);
}

export function practitionerThemes(db: Db, practitionerIds: readonly string[]): Promise<LinkedTermRow[]> {
  return db.query<LinkedTermRow[]>(linkedTermsSql('practitioner_themes', 'practitioner_id', '$1::uuid[]'), [
    practitionerIds,
  ]);
}
