import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '@cohesion/config';
import { DomainError, isUuid, notFound } from '@cohesion/common';
import { DataQualityTally } from '../data-quality/data-quality.checks.js';
import { mintedOrgId } from './minted-org-id.js';
import { awardPage, publicationHeads, publishedFunds, type HeadRow } from './publishing.queries.js';
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

function websiteOf(text: string | null): string | undefined {
  if (!text) return undefined;
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** A council that publishes its grants, with each fund that has published awards (newest year first). */
export interface Publisher {
  councilId: string;
  name: string;
  awards: number;
  funds: { fundId: string; name: string; financialYear: string; awards: number; awardedPence: number }[];
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

  /** Every council with published awards (what the 360Giving files under /grants/360giving hold), by name. */
  async publishers(): Promise<Publisher[]> {
    const byCouncil = new Map<string, Publisher>();
    for (const row of await publishedFunds(this.dataSource)) {
      let publisher = byCouncil.get(row.council_id);
      if (!publisher) {
        publisher = { councilId: row.council_id, name: row.council_name, awards: 0, funds: [] };
        byCouncil.set(row.council_id, publisher);
      }
      publisher.awards += row.awards;
      publisher.funds.push({
        fundId: row.fund_id,
        name: row.fund_name,
        financialYear: row.financial_year,
        awards: row.awards,
        awardedPence: Number(row.awarded_pence),
      });
    }
    return [...byCouncil.values()];
  }

  /** One fund's awards. NOT_FOUND for an unknown fund, or one with no awards yet. */
  async forFund(fundId: string): Promise<Publication> {
    const id = fundId.toLowerCase();
    if (!isUuid(id)) throw notFound('Fund');
    const rows = await publicationHeads(this.dataSource, 'f.id = $1', id);
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
    const rows = await publicationHeads(this.dataSource, 'c.id = $1', id);
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
      let pending: Promise<AwardRow[]> | undefined = awardPage(this.dataSource, fund.fundId, BEFORE_ANY_UUID, pageSize);
      try {
        while (pending) {
          let rows: AwardRow[] | undefined = await pending;
          pending =
            rows.length === pageSize
              ? awardPage(this.dataSource, fund.fundId, rows[rows.length - 1].id, pageSize)
              : undefined;
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
