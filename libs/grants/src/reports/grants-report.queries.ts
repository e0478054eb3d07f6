import { allOf, SqlParams, type Db } from '@cohesion/common';
import {
  areasSql,
  hasRegisteredIdentifierSql,
  OrganisationKind,
  organisationsSql,
  taxonomyTermsSql,
  underSql,
} from '@cohesion/directory';
import { APPLICATION_STATUSES } from '../applications/application.entity.js';
import { ONS4_ITEMS, type Ons4Item } from '../monitoring/monitoring-report.entity.js';
import type { GrantsReportFilter } from './grants-report.inputs.js';
import type { GrantsReportTotals } from './grants-report.model.js';

export const ONS4_COLUMNS: Record<Ons4Item, string> = {
  lifeSatisfaction: 'life_satisfaction',
  worthwhile: 'worthwhile',
  happiness: 'happiness',
  anxiety: 'anxiety',
};

/** The sections of the one aggregate statement, in the order they are returned. */
export type Section =
  'totals' | 'fund' | 'financialYear' | 'area' | 'theme' | 'organisationKind' | 'status' | 'unregistered';

export interface SectionRow extends GrantsReportTotals {
  section: Section;
  key: string | null;
  label: string | null;
}

export type MonitoringRow = { participants: number } & Record<
  `${string}_${'reports' | 'before' | 'after' | 'change'}`,
  number | null
>;

/** Which of the ids a report filter names exist, with each fund's council. */
export interface FilterCheckRow {
  funds: { id: string; owner: string }[];
  councils: string[];
  area: boolean;
  theme: boolean;
}

/** An award's worth: as awarded while live, at actual spend once closed (as awarded when none was recorded). */
const AWARDED_VALUE = `CASE WHEN a.status IN ('AWARDED', 'ACTIVE') THEN a.amount_awarded_pence
            WHEN a.status IN ('COMPLETED', 'CLOSED_EARLY') THEN COALESCE(a.actual_spend_pence, a.amount_awarded_pence)
       END`;

const MEASURES = `count(*)::int AS applications, count(x.awarded)::int AS awards,
       COALESCE(sum(x.requested), 0)::bigint AS requested, COALESCE(sum(x.awarded), 0)::bigint AS awarded,
       COALESCE(sum(x.paid), 0)::bigint AS paid`;

/**
 * The whole report in one statement over the applications the filter selects, within
 * the councils given (null: every council): a row per section and key, and the
 * monitoring aggregates.
 */
export async function reportRows(
  db: Db,
  filter: GrantsReportFilter,
  councils: string[] | null,
): Promise<{ rows: SectionRow[] | null; monitoring: MonitoringRow }> {
  const params = new SqlParams();
  const has = <T>(list: T[] | undefined): list is T[] => list !== undefined && list.length > 0;
  const where = allOf([
    councils !== null && `f.owner_organisation_id = ANY(${params.add(councils)}::uuid[])`,
    has(filter.councilIds) && `f.owner_organisation_id = ANY(${params.add(filter.councilIds)}::uuid[])`,
    has(filter.fundIds) && `a.fund_id = ANY(${params.add(filter.fundIds)}::uuid[])`,
    has(filter.financialYears) && `f.financial_year = ANY(${params.add(filter.financialYears)}::text[])`,
    has(filter.organisationKinds) && `o.kind = ANY(${params.add(filter.organisationKinds)}::text[])`,
    has(filter.statuses) ? `a.status = ANY(${params.add(filter.statuses)}::text[])` : `a.status <> 'DRAFT'`,
    filter.areaId &&
      `EXISTS (SELECT 1 FROM grant_application_areas ga JOIN ${areasSql('ar')} ON ar.id = ga.area_id
                WHERE ga.application_id = a.id AND ${underSql('ar', params.add(filter.areaId))})`,
    filter.themeId &&
      `EXISTS (SELECT 1 FROM grant_application_themes gt JOIN ${taxonomyTermsSql('tt')} ON tt.id = gt.term_id
                WHERE gt.application_id = a.id AND ${underSql('tt', params.add(filter.themeId))})`,
  ]);
  const kinds = params.add(Object.values(OrganisationKind));
  const statuses = params.add([...APPLICATION_STATUSES]);

  const [result] = await db.query<{ rows: SectionRow[]; monitoring: MonitoringRow }[]>(
    `WITH filtered AS MATERIALIZED (
       SELECT a.id, a.fund_id, f.financial_year, a.status, o.kind AS organisation_kind,
              a.applicant_organisation_id AS organisation_id, a.amount_requested_pence AS requested,
              ${AWARDED_VALUE} AS awarded, a.paid_pence AS paid
         FROM grant_applications a
         JOIN grant_funds f ON f.id = a.fund_id
         JOIN ${organisationsSql('o')} ON o.id = a.applicant_organisation_id
        WHERE ${where}),
     by_area AS MATERIALIZED (
       SELECT x.id, x.requested, x.awarded, x.paid, ar.id AS key, ar.name
         FROM filtered x
         JOIN grant_application_areas ga ON ga.application_id = x.id
         JOIN ${areasSql('ar')} ON ar.id = ga.area_id AND ar.kind <> 'REGION'),
     by_theme AS MATERIALIZED (
       SELECT x.id, x.requested, x.awarded, x.paid, tt.id AS key, tt.name
         FROM filtered x
         JOIN grant_application_themes gt ON gt.application_id = x.id
         JOIN ${taxonomyTermsSql('tt')} ON tt.id = gt.term_id),
     sections AS (
       SELECT 1 AS position, 'totals' AS section, NULL::text AS key, NULL::text AS label, NULL::text AS sort, ${MEASURES}
         FROM filtered x
       UNION ALL
       SELECT 2, 'fund', x.fund_id::text, f.name, f.financial_year || ' ' || f.name, ${MEASURES}
         FROM filtered x JOIN grant_funds f ON f.id = x.fund_id
        GROUP BY x.fund_id, f.name, f.financial_year
       UNION ALL
       SELECT 3, 'financialYear', x.financial_year, x.financial_year, x.financial_year, ${MEASURES}
         FROM filtered x GROUP BY x.financial_year
       UNION ALL
       SELECT 4, 'area', x.key::text, x.name, x.name, ${MEASURES}
         FROM by_area x GROUP BY x.key, x.name
       UNION ALL
       SELECT 4, 'area', NULL, NULL, NULL, ${MEASURES}
         FROM filtered x WHERE x.id NOT IN (SELECT id FROM by_area)
       HAVING count(*) > 0
       UNION ALL
       SELECT 5, 'theme', x.key::text, x.name, x.name, ${MEASURES}
         FROM by_theme x GROUP BY x.key, x.name
       UNION ALL
       SELECT 5, 'theme', NULL, NULL, NULL, ${MEASURES}
         FROM filtered x WHERE x.id NOT IN (SELECT id FROM by_theme)
       HAVING count(*) > 0
       UNION ALL
       SELECT 6, 'organisationKind', x.organisation_kind, NULL,
              lpad(array_position(${kinds}::text[], x.organisation_kind::text)::text, 3, '0'), ${MEASURES}
         FROM filtered x GROUP BY x.organisation_kind
       UNION ALL
       SELECT 7, 'status', x.status, NULL, lpad(array_position(${statuses}::text[], x.status::text)::text, 3, '0'),
              ${MEASURES}
         FROM filtered x GROUP BY x.status
       UNION ALL
       SELECT 8, 'unregistered', NULL, NULL, NULL, ${MEASURES}
         FROM filtered x
        WHERE x.awarded IS NOT NULL
          AND NOT ${hasRegisteredIdentifierSql('x.organisation_id')}),
     monitoring AS (
       SELECT COALESCE(sum(r.participants), 0)::bigint AS participants,
              ${ONS4_ITEMS.map((item) => ons4Aggregates(ONS4_COLUMNS[item])).join(',\n                ')}
         FROM grant_monitoring_reports r JOIN filtered x ON x.id = r.application_id
        WHERE r.submitted_at IS NOT NULL)
     SELECT (SELECT json_agg(s ORDER BY s.position, s.key IS NULL, s.sort, s.key) FROM sections s) AS rows,
            (SELECT row_to_json(m) FROM monitoring m) AS monitoring`,
    params.values,
  );
  return result;
}

export async function namedRecords(
  db: Db,
  fundIds: string[],
  councilIds: string[],
  filter: GrantsReportFilter,
): Promise<FilterCheckRow> {
  const [found] = await db.query<FilterCheckRow[]>(
    `SELECT (SELECT COALESCE(json_agg(json_build_object('id', id, 'owner', owner_organisation_id)), '[]'::json)
               FROM grant_funds WHERE id = ANY($1::uuid[])) AS funds,
            (SELECT COALESCE(json_agg(o.id), '[]'::json) FROM ${organisationsSql('o')} WHERE o.id = ANY($2::uuid[])) AS councils,
            EXISTS (SELECT 1 FROM ${areasSql('ar')} WHERE ar.id = $3::uuid) AS area,
            EXISTS (SELECT 1 FROM ${taxonomyTermsSql('tt')} WHERE tt.id = $4::uuid) AS theme`,
    [fundIds, councilIds, filter.areaId ?? null, filter.themeId ?? null],
  );
  return found;
}

/** Reports giving both scores for an item, the means of each, and the mean change, to two decimals. */
function ons4Aggregates(column: string): string {
  const both = `FILTER (WHERE r.${column}_before IS NOT NULL AND r.${column}_after IS NOT NULL)`;
  return [
    `(count(*) ${both})::int AS ${column}_reports`,
    `round(avg(r.${column}_before) ${both}, 2) AS ${column}_before`,
    `round(avg(r.${column}_after) ${both}, 2) AS ${column}_after`,
    `round(avg(r.${column}_after - r.${column}_before) ${both}, 2) AS ${column}_change`,
  ].join(', ');
}
