import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '@cohesion/config';
import { DomainError, isUuid, notFound, SqlParams } from '@cohesion/common';
import {
  nearestCodedAreaLateral,
  organisationsSql,
  orgIdentifiersLateral,
  taxonomiesSql,
  taxonomyTermsSql,
} from '@cohesion/directory';
import { AWARD_STATUSES } from '../../applications/application.state-machine.js';
import { GRANTS_POLICY } from '../../grants.policy.js';
import { DataQualityTally } from '../data-quality/data-quality.checks.js';
import { ONS_CODE_SQL } from './geo-code-types.js';
import { mintedOrgId } from './minted-org-id.js';
import { ThreeSixtyGivingCsv, type CsvListSizes } from './three-sixty-giving.csv.js';
import { toThreeSixtyGivingGrant, type AwardRow, type PublishedFund } from './three-sixty-giving.mapper.js';
import type { ThreeSixtyGivingGrant, ThreeSixtyGivingPackageHead } from './three-sixty-giving.types.js';

/** The schema version packages declare (major.minor of 1.4.3). */
export const THREE_SIXTY_GIVING_VERSION = '1.4';
/** Published grants are open data under the Open Government Licence. */
export const PUBLISHED_LICENCE = 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/';
/** Awards read per statement: each page is written out before the next is read. */
export const AWARDS_PER_PAGE = 500;
/** Characters of text handed to the response at a time (well under V8's large-object size). */
const PIECE_LENGTH = 32 * 1024;

const BEFORE_ANY_UUID = '00000000-0000-0000-0000-000000000000';

/** What is about to be published: the package's head, and the funds with awards in it. */
export interface Publication {
  head: ThreeSixtyGivingPackageHead;
  funds: (PublishedFund & { awards: number })[];
  awards: number;
  /**
   * The most beneficiary locations (distinct ONS codes, see nearestCodedAreaLateral) and the most
   * themes any one grant has: the CSV's columns for each list.
   */
  perGrant: CsvListSizes;
  /** File name without extension, stable for the fund or council. */
  filename: string;
}

interface HeadRow {
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

function websiteOf(text: string | null): string | undefined {
  if (!text) return undefined;
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A fund's or a council's awards as a 360Giving package (JSON) or flat file (CSV),
 * written as it is read: awards come a page at a time, by id, and each page is passed
 * on before the next is fetched, so memory stays flat however many awards there are.
 */
@Injectable()
export class PublishingService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  /** One fund's awards. NOT_FOUND for an unknown fund, or one with no awards yet. */
  async forFund(fundId: string): Promise<Publication> {
    const id = fundId.toLowerCase();
    if (!isUuid(id)) throw notFound('Fund');
    const rows = await this.heads('f.id = $1', id);
    if (rows.length === 0) throw notFound('Fund');
    const [row] = rows;
    const fund = row as HeadRow & { fund_id: string; fund_name: string };
    return this.publication(rows, {
      title: `${row.council_name} grants: ${fund.fund_name} (${row.financial_year})`,
      description:
        row.fund_description ??
        `Grants awarded by ${row.council_name} from ${fund.fund_name} in the financial year ${row.financial_year}.`,
      identifier: `${row.grant_id_prefix}-fund-${fund.fund_id}`,
      filename: `360giving-fund-${fund.fund_id}`,
      nothingYet: 'Nothing is published for this fund yet: it has made no awards',
    });
  }

  /** Every fund of a council. NOT_FOUND for an unknown organisation, or one with no awards yet. */
  async forCouncil(organisationId: string): Promise<Publication> {
    const id = organisationId.toLowerCase();
    if (!isUuid(id)) throw notFound('Council');
    const rows = await this.heads('c.id = $1', id);
    if (rows.length === 0) throw notFound('Council');
    const [row] = rows;
    return this.publication(rows, {
      title: `${row.council_name} grants`,
      description: `Grants awarded by ${row.council_name}, from every fund it runs.`,
      identifier: `${row.grant_id_prefix ?? 'council'}-council-${row.council_id}`,
      filename: `360giving-council-${row.council_id}`,
      nothingYet: 'Nothing is published for this council yet: its funds have made no awards',
    });
  }

  /** The funds (with their council) that `where` picks, with their award counts. */
  private heads(where: string, id: string): Promise<HeadRow[]> {
    const params = new SqlParams();
    params.add(id);
    const statuses = params.add(AWARD_STATUSES);
    const onsCode = params.add(ONS_CODE_SQL);
    return this.dataSource.query(
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

  private publication(
    rows: HeadRow[],
    about: { title: string; description: string; identifier: string; filename: string; nothingYet: string },
  ): Publication {
    const [first] = rows;
    const funds = rows
      .filter((row) => row.fund_id !== null && (row.awards ?? 0) > 0)
      .map((row) => ({
        fundId: row.fund_id as string,
        name: row.fund_name as string,
        programmeCode: row.programme_code as string,
        grantIdPrefix: row.grant_id_prefix as string,
        funder: {
          id: first.council_identifier ?? mintedOrgId(row.grant_id_prefix as string, first.council_id),
          name: first.council_name,
        },
        dataSource: `${this.config.publicUrl}/grants/360giving/funds/${row.fund_id}.json`,
        awards: row.awards as number,
        modified: row.modified as Date,
        locations: row.locations ?? 0,
        classifications: row.classifications ?? 0,
      }));
    if (funds.length === 0) throw new DomainError('NOT_FOUND', about.nothingYet);
    const modified = new Date(Math.max(...funds.map((fund) => fund.modified.getTime())));
    const website = websiteOf(first.council_website);
    return {
      head: {
        version: THREE_SIXTY_GIVING_VERSION,
        title: about.title,
        description: about.description,
        identifier: about.identifier,
        modified: modified.toISOString(),
        publisher: { identifier: funds[0].funder.id, name: first.council_name, ...(website ? { website } : {}) },
        license: PUBLISHED_LICENCE,
      },
      funds: funds.map(({ modified: _modified, locations: _locations, classifications: _themes, ...fund }) => fund),
      awards: funds.reduce((sum, fund) => sum + fund.awards, 0),
      perGrant: {
        locations: Math.max(...funds.map((fund) => fund.locations)),
        classifications: Math.max(...funds.map((fund) => fund.classifications)),
      },
      filename: about.filename,
    };
  }

  /**
   * The publication's grants, a page at a time, fund by fund and by award id within a
   * fund. The next page is read while the current one is used (two pages at most are
   * held), so the database and the writing overlap.
   */
  async *grants(publication: Publication, pageSize = AWARDS_PER_PAGE): AsyncGenerator<ThreeSixtyGivingGrant[]> {
    for (const fund of publication.funds) {
      let pending: Promise<AwardRow[]> | undefined = this.page(fund.fundId, BEFORE_ANY_UUID, pageSize);
      try {
        while (pending) {
          let rows: AwardRow[] | undefined = await pending;
          pending = rows.length === pageSize ? this.page(fund.fundId, rows[rows.length - 1].id, pageSize) : undefined;
          const grants = rows.map((row) => toThreeSixtyGivingGrant(row, fund));
          rows = undefined; // not kept while the page is used
          if (grants.length > 0) yield grants;
        }
      } finally {
        // Stopped early (the client went away): a page still being read is not wanted.
        pending?.catch(() => undefined);
      }
    }
  }

  /**
   * The grants as text, `render`ed one by one as each page arrives and handed on in
   * pieces of about PIECE_LENGTH characters: between pages only text waits to be
   * written, never the rows or grant objects it was made from.
   */
  private async *rendered(publication: Publication, render: (grant: ThreeSixtyGivingGrant) => string) {
    for await (const grants of this.grants(publication)) {
      const pieces: string[] = [];
      let piece = '';
      for (let index = 0; index < grants.length; index++) {
        piece += render(grants[index]);
        if (piece.length >= PIECE_LENGTH) {
          pieces.push(piece);
          piece = '';
        }
      }
      if (piece !== '') pieces.push(piece);
      grants.length = 0;
      for (const text of pieces.splice(0)) yield text;
    }
  }

  /**
   * Up to `limit` awards of a fund after the id `after`, by id. The ids come from the
   * (fund_id, status, id) index alone, one ordered range per award status merged (so a
   * page costs the same however large the fund); only that page's rows are then read in
   * full, with their areas and themes gathered for the page as a whole.
   * (An award status always has an amount awarded: the table's checks see to that.)
   */
  private page(fundId: string, after: string, limit: number): Promise<AwardRow[]> {
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
    return this.dataSource.query(
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

  /**
   * The package as JSON text, in pieces: the head, the grants a page at a time, then
   * `dataQualityWarnings` (the package schema allows properties of its own), worked out
   * from the grants as they went past.
   */
  async *json(publication: Publication): AsyncGenerator<string> {
    const tally = new DataQualityTally();
    const head = JSON.stringify(publication.head);
    yield `${head.slice(0, -1)},"grants":[`;
    let separator = '\n';
    yield* this.rendered(publication, (grant) => {
      tally.observe(grant);
      const text = separator + JSON.stringify(grant);
      separator = ',\n';
      return text;
    });
    yield `\n],"dataQualityWarnings":${JSON.stringify(tally.findings())}}\n`;
  }

  /** The flat CSV, in pieces: the header, then the rows a page at a time. */
  async *csv(publication: Publication): AsyncGenerator<string> {
    const csv = new ThreeSixtyGivingCsv(publication.perGrant);
    yield csv.header();
    yield* this.rendered(publication, (grant) => csv.row(grant));
  }
}
