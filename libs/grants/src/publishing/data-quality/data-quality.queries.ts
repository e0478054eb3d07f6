import { SqlParams, type Db } from '@cohesion/common';
import { nearestCodedAreaLateral, orgIdentifiersLateral } from '@cohesion/directory';
import { AWARD_STATUSES } from '../../applications/application.state-machine.js';
import { ONS_CODE_SQL } from '../export/geo-code-types.js';
import { DATA_QUALITY_CHECKS, EXAMPLES_PER_CHECK } from './data-quality.checks.js';

/** Per fund, for check number i of DATA_QUALITY_CHECKS: how many awards fail it, and a few of their grant ids. */
export type DataQualityRow = { fund_id: string } & Record<`count_${number}`, number> &
  Record<`examples_${number}`, string[]>;

/**
 * Every check over the awards of `fundIds`, in one statement: each worked out once per
 * award, then counted per fund. Funds with no awards have no row.
 */
export function dataQualityCounts(db: Db, fundIds: readonly string[], today: string): Promise<DataQualityRow[]> {
  const params = new SqlParams();
  const funds = params.add([...new Set(fundIds)]);
  const statuses = params.add(AWARD_STATUSES);
  const onsCode = params.add(ONS_CODE_SQL);
  const fails = DATA_QUALITY_CHECKS.map((check, index) => `(${check.sql(params, today)}) AS fails_${index}`);
  const columns = DATA_QUALITY_CHECKS.map(
    (_check, index) =>
      `count(*) FILTER (WHERE fails_${index})::int AS count_${index},
       (array_agg(grant_id ORDER BY id) FILTER (WHERE fails_${index}))[1:${EXAMPLES_PER_CHECK}] AS examples_${index}`,
  );
  return db.query<DataQualityRow[]>(
    `WITH awards AS (
       SELECT a.fund_id, a.id,
              COALESCE(a.external_id, f.grant_id_prefix || '-' || a.id::text) AS grant_id,
              a.amount_awarded_pence, a.awarded_at, a.planned_start, a.planned_end, a.planned_dates_given,
              a.project_title AS title, a.summary AS description,
              ids.charity_number, ids.company_number,
              EXISTS (SELECT 1 FROM grant_application_areas aa
                        JOIN ${nearestCodedAreaLateral('aa.area_id', onsCode)} pa ON TRUE
                       WHERE aa.application_id = a.id) AS has_location
         FROM grant_applications a
         JOIN grant_funds f ON f.id = a.fund_id
         LEFT JOIN LATERAL ${orgIdentifiersLateral('a.applicant_organisation_id')} ids ON TRUE
        WHERE a.fund_id = ANY(${funds}::uuid[]) AND a.status = ANY(${statuses}::text[])
     ),
     checked AS MATERIALIZED (
       SELECT fund_id, id, grant_id, ${fails.join(',\n')} FROM awards
     )
     SELECT fund_id, ${columns.join(',\n')}
       FROM checked
      GROUP BY fund_id`,
    params.values,
  );
}
