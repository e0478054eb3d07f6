import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  asText,
  AuditService,
  enforce,
  isUniqueViolation,
  notFound,
  OutcomeCounter,
  PG_CHECK_VIOLATION,
  pgConstraint,
  pgErrorCode,
  RecordRefused,
  type ImportProgress,
  type Viewer,
} from '@cohesion/common';
import { DirectoryWriter, TaxonomyService } from '@cohesion/directory';
import { FundLedger } from '../../funds/fund-ledger.js';
import { GRANTS_POLICY } from '../../grants.policy.js';
import type { AwardFromGrant } from './import-grant-reader.js';
import type { Links } from './imported-award.js';
import { ImportedAwardWriter, type Outcome, type RoundSpan } from './imported-award.writer.js';
import { readPackage, termKey } from './three-sixty-giving-package.js';
import { fundsByReference, fundSummary, type FundSummary } from './import-fund.queries.js';

export { IMPORTED_PAYMENT_REFERENCE } from './imported-award.js';
export { IMPORT_ROUND_NAME } from './imported-award.writer.js';
export { parseThreeSixtyGivingJson } from './three-sixty-giving-package.js';

export interface ImportRejection {
  /** Position of the grant in the package's `grants` list, from 0. */
  index: number;
  grantId: string | null;
  /** Each starts with the field it is about: `grants[3].amountAwarded: must be more than 0`. */
  reasons: string[];
}

export interface ImportWarning {
  index: number;
  grantId: string | null;
  /** Parts of a loaded grant that were left out, each naming its field. */
  messages: string[];
}

export interface ImportReport {
  /** Grants in the package. */
  total: number;
  created: number;
  updated: number;
  /** Already imported exactly as the package has them. */
  unchanged: number;
  rejected: ImportRejection[];
  warnings: ImportWarning[];
  /** Recipients not yet in the directory, listed (unverified) by this import. */
  organisationsCreated: number;
}

export interface ImportOptions {
  /** Called after each grant, for progress on big files. */
  onProgress?: (progress: ImportProgress) => void;
}

export type { FundSummary } from './import-fund.queries.js';

/** What a grant can come to: total = created + updated + unchanged + rejected. */
const OUTCOMES = ['created', 'updated', 'unchanged', 'rejected'] as const;

/**
 * Imports a 360Giving 1.4.3 package of past awards into a fund.
 *
 * The package is checked against the 360Giving schema first: problems outside the
 * grants (its metadata) refuse the whole file; a grant with problems is rejected with
 * its reasons and the others still load. Each grant then becomes an award in the fund's
 * "Imported awards" round, found again by its 360Giving id (`external_id`), so running
 * the same file twice changes nothing and a changed grant is updated.
 *
 * Each grant is written in its own transaction, under a lock on the fund row, with its
 * audit row: a 10,000-grant file loads what it can and reports the rest, nothing is
 * half-written, and a run that stops part way is finished by running it again.
 * `viewer` null is the system (the command line); its audit rows have no actor.
 */
@Injectable()
export class ThreeSixtyGivingImportService {
  private readonly awards: ImportedAwardWriter;

  constructor(
    private readonly dataSource: DataSource,
    audit: AuditService,
    private readonly directory: DirectoryWriter,
    private readonly taxonomy: TaxonomyService,
  ) {
    this.awards = new ImportedAwardWriter(audit, directory, new FundLedger(audit));
  }

  /** Funds a command line names by uuid or programme code (several years may share a code). */
  async fundsByReference(reference: string): Promise<FundSummary[]> {
    return fundsByReference(this.dataSource, reference);
  }

  async import(
    viewer: Viewer | null,
    fundId: string,
    pkg: unknown,
    options: ImportOptions = {},
  ): Promise<ImportReport> {
    const fund = await fundSummary(this.dataSource, fundId);
    if (!fund) throw notFound('That fund');
    if (viewer) enforce(GRANTS_POLICY.importAwards, viewer, { councilId: fund.ownerOrganisationId });
    const today = new Date().toISOString().slice(0, 10);
    const entries = readPackage(pkg, today);

    const areaIds = await this.areaIdsByCode(entries.flatMap((entry) => entry.reading.award?.geoCodes ?? []));
    const termIds = await this.termIdsByCode(entries.flatMap((entry) => entry.reading.award?.classifications ?? []));
    const counter = new OutcomeCounter(OUTCOMES);
    const rejected: ImportRejection[] = [];
    const warned: ImportWarning[] = [];
    let organisationsCreated = 0;
    let round: RoundSpan | null = null;
    for (const { index, reading, problems } of entries) {
      const reject = (reasons: string[]) => {
        counter.add('rejected');
        rejected.push({ index, grantId: reading.grantId, reasons });
      };
      const award = reading.award;
      if (problems.length > 0 || !award) {
        reject(problems.map(asText));
      } else {
        const links: Links = {
          areaIds: [...new Set(award.geoCodes.flatMap((geo) => areaIds.get(geo.code) ?? []))].sort(),
          themeIds: [...new Set(award.classifications.flatMap((item) => termIds.get(termKey(item)) ?? []))].sort(),
        };
        const outcome = await this.importAward(viewer, fund.id, award, links, `grants[${index}]`, round);
        if (outcome.kind === 'rejected') {
          reject([outcome.reason]);
        } else {
          counter.add(outcome.kind);
          if (outcome.organisationCreated) organisationsCreated++;
          round = outcome.round ?? round;
          const warnings = [
            ...reading.warnings,
            ...award.geoCodes
              .filter((geo) => !areaIds.has(geo.code))
              .map((geo) => ({ field: geo.field, message: `${geo.code} is not the code of a known area; not linked` })),
            ...award.classifications
              .filter((item) => !termIds.has(termKey(item)))
              .map((item) => ({
                field: item.field,
                message: `${item.vocabulary} ${item.code} is not a term of a vocabulary here; not linked`,
              })),
          ];
          if (warnings.length) warned.push({ index, grantId: reading.grantId, messages: warnings.map(asText) });
        }
      }
      options.onProgress?.({ phase: 'importing', done: index + 1, total: entries.length });
    }
    const { total, created, updated, unchanged } = counter.counts;
    return { total, created, updated, unchanged, rejected, warnings: warned, organisationsCreated };
  }

  /** Area ids by their (ONS) code, for the codes given; one query. */
  private async areaIdsByCode(geoCodes: { code: string }[]): Promise<Map<string, string>> {
    const codes = [...new Set(geoCodes.map((geo) => geo.code))];
    if (codes.length === 0) return new Map();
    const rows = await this.directory.areasByCodeOrName(this.dataSource.manager, codes, []);
    return new Map(rows.flatMap((row) => (row.code ? [[row.code, row.id] as const] : [])));
  }

  /** Taxonomy term ids by `termKey` (vocabulary and code), for the classifications given; one query. */
  private async termIdsByCode(items: { vocabulary: string; code: string }[]): Promise<Map<string, string>> {
    const unique = [...new Map(items.map((item) => [termKey(item), item])).values()];
    const rows = await this.taxonomy.termsByCode(unique);
    return new Map(rows.map((row) => [termKey(row), row.id]));
  }

  /** One grant in one transaction; a lost race to list the same new recipient is retried once. */
  private async importAward(
    viewer: Viewer | null,
    fundId: string,
    award: AwardFromGrant,
    links: Links,
    field: string,
    round: RoundSpan | null,
  ): Promise<Outcome> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.dataSource.transaction((manager) =>
          this.awards.write(manager, viewer, fundId, award, links, field, round),
        );
      } catch (error) {
        if (error instanceof RecordRefused) return { kind: 'rejected', reason: error.message };
        if (isUniqueViolation(error) && attempt === 1) continue;
        if (pgErrorCode(error) === PG_CHECK_VIOLATION) {
          return { kind: 'rejected', reason: asText({ field, message: constraintInWords(pgConstraint(error)) }) };
        }
        throw error;
      }
    }
  }
}

function constraintInWords(constraint: string | undefined): string {
  switch (constraint) {
    case 'ck_grant_funds_committed':
      return 'would take the fund over its budget';
    case 'ck_grant_funds_paid':
      return 'would leave the fund having paid out more than it has committed';
    case 'ck_grant_applications_award':
      return 'would pay out more than the amount awarded';
    default:
      return `breaks the rule ${constraint ?? 'of a database check'}`;
  }
}
