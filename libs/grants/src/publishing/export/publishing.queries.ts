import { SqlParams, type Db } from '@cohesion/common';
import {
  nearestCodedAreaLateral,
  organisationsSql,
  orgIdentifiersLateral,
  taxonomiesSql,
  taxonomyTermsSql,
} from '@cohesion/directory';
import { AWARD_STATUSES } from '../../applications/application.state-machine.js';
import { GRANTS_POLICY } from '../../grants.policy.js';
import { ONS_CODE_SQL } from './geo-code-types.js';
import type { AwardRow } from './three-sixty-giving.mapper.js';

/** A council with each of its funds (none: one row of nulls) and what the fund has to publish. */
export interface HeadRow {
  council_id: string;
  council_name: string;
  council_website: string | null;
  council_identifier: string | null;
  fund_id: string | null;
  fund_name: string | null;
  programme_code: string | null;
  financial_year: string | null;
  fund_description: string | null;
  grant_id_prefix: string | null;
  awards: number | null;
  modified: Date | null;
  locations: number | null;
  classifications: number | null;
}

/** The funds (with their council) that `where` picks, with their award counts. */
export function publicationHeads(db: Db, where: string, id: string): Promise<HeadRow[]> {
  const params = new SqlParams();
  params.add(id);
  const statuses = params.add(AWARD_STATUSES);
  const onsCode = params.add(ONS_CODE_SQL);
  return db.query(
    `SELECT c.id AS council_id, c.name AS council_name, c.website AS council_website,
            cid.identifier AS council_identifier,
            f.id AS fund_id, f.name AS fund_name, f.programme_code, f.financial_year,
            f.description AS fund_description, f.grant_id_prefix,
            s.awards, s.modified, l.locations, th.classifications
       FROM ${organisationsSql('c')}
       LEFT JOIN LATERAL ${orgIdentifiersLateral('c.id')} cid ON TRUE
       LEFT JOIN grant_funds f ON f.owner_organisation_id = c.id
       LEFT JOIN LATERAL (
         SELECT count(*)::int AS awards, max(a.updated_at) AS modified
           FROM grant_applications a
          WHERE a.fund_id = f.id AND a.status = ANY(${statuses}::text[])
       ) s ON TRUE
       LEFT JOIN LATERAL (
         SELECT max(n)::int AS locations
           FROM (SELECT count(DISTINCT pa.code) AS n
                   FROM grant_applications a
                   JOIN grant_application_areas aa ON aa.application_id = a.id
                   JOIN ${nearestCodedAreaLateral('aa.area_id', onsCode)} pa ON TRUE
                  WHERE a.fund_id = f.id AND a.status = ANY(${statuses}::text[])
                  GROUP BY a.id) per_award
       ) l ON TRUE
       LEFT JOIN LATERAL (
         SELECT max(n)::int AS classifications
           FROM (SELECT count(*) AS n
                   FROM grant_applications a
                   JOIN grant_application_themes t ON t.application_id = a.id
                  WHERE a.fund_id = f.id AND a.status = ANY(${statuses}::text[])
                  GROUP BY a.id) per_award
       ) th ON TRUE
      WHERE ${where}
      ORDER BY f.financial_year, f.created_at, f.id`,
    params.values,
  );
}

/** A fund with published awards, with its council (`publishedFunds`). */
export interface PublishedFundRow {
  council_id: string;
  council_name: string;
  fund_id: string;
  fund_name: string;
  financial_year: string;
  awards: number;
  awarded_pence: string;
}

/** Every fund with at least one published award, by council name, then financial year and name. */
export function publishedFunds(db: Db): Promise<PublishedFundRow[]> {
  return db.query(
    `SELECT c.id AS council_id, c.name AS council_name, f.id AS fund_id, f.name AS fund_name, f.financial_year,
            count(*)::int AS awards, sum(a.amount_awarded_pence)::text AS awarded_pence
       FROM ${organisationsSql('c')}
       JOIN grant_funds f ON f.owner_organisation_id = c.id
       JOIN grant_applications a ON a.fund_id = f.id AND a.status = ANY($1::text[])
      GROUP BY c.id, c.name, f.id, f.name, f.financial_year
      ORDER BY c.name, c.id, f.financial_year DESC, f.name, f.id`,
    [AWARD_STATUSES],
  );
}

/**
 * Up to `limit` awards of a fund after the id `after`, by id. The ids come from the
 * (fund_id, status, id) index alone, one ordered range per award status merged (so a
 * page costs the same however large the fund); only that page's rows are then read in
 * full, with their areas and themes gathered for the page as a whole.
 * (An award status always has an amount awarded: the table's checks see to that.)
 */
export function awardPage(db: Db, fundId: string, after: string, limit: number): Promise<AwardRow[]> {
  const params = new SqlParams();
  const fund = params.add(fundId);
  const from = params.add(after);
  const count = params.add(limit);
  const named = GRANTS_POLICY.recipientNamed.sql('o');
  const located = GRANTS_POLICY.recipientLocated.sql('o');
  const onsCode = params.add(ONS_CODE_SQL);
  const ranges = AWARD_STATUSES.map(
    (status) => `(SELECT a.id FROM grant_applications a
                   WHERE a.fund_id = ${fund} AND a.status = ${params.add(status)} AND a.id > ${from}::uuid
                   ORDER BY a.id LIMIT ${count})`,
  );
  return db.query(
    `WITH page AS (
       SELECT id FROM (${ranges.join(' UNION ALL ')}) ids ORDER BY id LIMIT ${count}
     ),
     published_locations AS (
       SELECT per.application_id,
              json_agg(json_build_object('name', per.name, 'code', per.code) ORDER BY per.code) AS list
         FROM (SELECT DISTINCT aa.application_id, pa.name, pa.code
                 FROM page
                 JOIN grant_application_areas aa ON aa.application_id = page.id
                 JOIN ${nearestCodedAreaLateral('aa.area_id', onsCode)} pa ON TRUE) per
        GROUP BY per.application_id
     ),
     themes AS (
       SELECT th.application_id,
              json_agg(json_build_object('vocabulary', x.code, 'code', t.code, 'title', t.name)
                       ORDER BY x.code, t.code) AS list
         FROM page
         JOIN grant_application_themes th ON th.application_id = page.id
         JOIN ${taxonomyTermsSql('t')} ON t.id = th.term_id
         JOIN ${taxonomiesSql('x')} ON x.id = t.taxonomy_id
        GROUP BY th.application_id
     )
     SELECT a.id, a.external_id, a.status, a.project_title, a.summary,
            a.amount_requested_pence, a.amount_awarded_pence, a.paid_pence, a.awarded_at,
            a.planned_start, a.planned_end, a.planned_dates_given, a.updated_at, r.imported, a.from_open_call,
            CASE WHEN a.status = 'CLOSED_EARLY' AND a.closed_at IS NOT NULL
                 THEN (a.closed_at AT TIME ZONE 'Europe/London')::date END AS closed_early_on,
            CASE WHEN ${named} THEN o.id::text
                 ELSE left(encode(sha256(convert_to(f.withheld_recipient_key::text || ':' || o.id::text, 'UTF8')),
                                  'hex'), 32) END AS recipient_token,
            CASE WHEN ${named} THEN o.name END AS recipient_name,
            CASE WHEN ${located} THEN o.town END AS recipient_town,
            CASE WHEN ${located} THEN o.postcode END AS recipient_postcode,
            CASE WHEN ${named} THEN ids.identifier END AS recipient_identifier,
            CASE WHEN ${named} THEN ids.charity_number END AS charity_number,
            CASE WHEN ${named} THEN ids.company_number END AS company_number,
            COALESCE(l.list, '[]') AS locations,
            COALESCE(th.list, '[]') AS themes
       FROM page
       JOIN grant_applications a ON a.id = page.id
       JOIN grant_rounds r ON r.id = a.round_id
       JOIN grant_funds f ON f.id = a.fund_id
       JOIN ${organisationsSql('o')} ON o.id = a.applicant_organisation_id
       LEFT JOIN LATERAL ${orgIdentifiersLateral('o.id')} ids ON TRUE
       LEFT JOIN published_locations l ON l.application_id = a.id
       LEFT JOIN themes th ON th.application_id = a.id
      ORDER BY a.id`,
    params.values,
  );
}
