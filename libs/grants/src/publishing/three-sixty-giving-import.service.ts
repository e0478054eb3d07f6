import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  AuditService,
  badInput,
  forbidden,
  invalidFields,
  isUniqueViolation,
  isUuid,
  notFound,
  PG_CHECK_VIOLATION,
  pgConstraint,
  pgErrorCode,
  pounds,
  type FieldProblem,
  type Viewer,
} from '@cohesion/common';
import { OrganisationsService, TaxonomyService } from '@cohesion/directory';
import { GrantApplicationEntity, type ApplicationStatus } from '../applications/application.entity.js';
import { AWARD_STATUSES } from '../applications/application.state-machine.js';
import { GrantRoundEntity } from '../rounds/round.entity.js';
import { canRunFundsOf } from '../grants.policy.js';
import { describeSchemaErrors, threeSixtyGivingValidators } from './three-sixty-giving-schema.js';
import { readGrant, type AwardFromGrant } from './import-grant-reader.js';

/** The round of a fund that holds its imported awards (one per fund, made on first import). */
export const IMPORT_ROUND_NAME = 'Imported awards';
/** The reference of the PAID payment that carries a grant's amountDisbursed. */
export const IMPORTED_PAYMENT_REFERENCE = '360Giving import';

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
  onProgress?: (done: number, total: number) => void;
}

export interface FundSummary {
  id: string;
  ownerOrganisationId: string;
  name: string;
  programmeCode: string;
  financialYear: string;
}

/** An award as stored, in the terms the import compares and audits. */
interface AwardState {
  id: string;
  roundId: string;
  status: ApplicationStatus;
  applicantOrganisationId: string;
  projectTitle: string;
  summary: string;
  amountRequestedPence: number;
  amountAwardedPence: number;
  awardedAt: string;
  plannedStart: string;
  plannedEnd: string;
  plannedDatesGiven: boolean;
  paidPence: number;
  actualSpendPence: number | null;
  closedAt: Date | null;
  closureNote: string | null;
  externalId: string;
  /** The part of paidPence carried by the import's own payment row. */
  importedPaidPence: number;
  fromOpenCall: boolean | null;
  areaIds: string[];
  themeIds: string[];
}

type NextState = Omit<AwardState, 'id' | 'roundId' | 'externalId'>;

const STATE_COLUMNS = `
  a.id, a.round_id AS "roundId", a.status, a.applicant_organisation_id AS "applicantOrganisationId",
  a.project_title AS "projectTitle", a.summary, a.amount_requested_pence AS "amountRequestedPence",
  a.amount_awarded_pence AS "amountAwardedPence", a.awarded_at AS "awardedAt", a.planned_start AS "plannedStart",
  a.planned_end AS "plannedEnd", a.planned_dates_given AS "plannedDatesGiven", a.paid_pence AS "paidPence", a.actual_spend_pence AS "actualSpendPence",
  a.closed_at AS "closedAt", a.closure_note AS "closureNote", a.external_id AS "externalId",
  COALESCE((SELECT sum(p.amount_pence) FROM grant_payments p
             WHERE p.application_id = a.id AND p.status = 'PAID' AND p.reference = '${IMPORTED_PAYMENT_REFERENCE}'), 0)::bigint
    AS "importedPaidPence",
  a.from_open_call AS "fromOpenCall",
  ARRAY(SELECT x.area_id FROM grant_application_areas x WHERE x.application_id = a.id ORDER BY x.area_id) AS "areaIds",
  ARRAY(SELECT x.term_id FROM grant_application_themes x WHERE x.application_id = a.id ORDER BY x.term_id) AS "themeIds"`;

/** Fields whose difference makes a re-imported grant an update. */
const COMPARED: (keyof NextState)[] = [
  'status',
  'applicantOrganisationId',
  'projectTitle',
  'summary',
  'amountRequestedPence',
  'amountAwardedPence',
  'awardedAt',
  'plannedStart',
  'plannedEnd',
  'plannedDatesGiven',
  'paidPence',
  'importedPaidPence',
  'actualSpendPence',
  'fromOpenCall',
];

/** The identifier a fund publishes an award of its own under: its grant id prefix, then the award's uuid. */
const PUBLISHED_GRANT_ID = /^(.+)-([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/** Statuses an award reaches here after import; a re-import leaves them (and their closure) alone. */
const MOVED_ON: readonly ApplicationStatus[] = ['ACTIVE', 'CLOSED_EARLY'];

interface RoundSpan {
  id: string;
  opensAt: Date;
  closesAt: Date;
}

type Outcome =
  | { kind: 'created' | 'updated' | 'unchanged'; organisationCreated: boolean; round: RoundSpan | null }
  | { kind: 'rejected'; reason: string };

/** A grant the import refuses, for a reason found inside its transaction (which then rolls back). */
class GrantRefused extends Error {}

/** What an award holds of the fund: its amount, or for a closed one what was actually spent. */
function committedBy(state: Pick<NextState, 'status' | 'amountAwardedPence' | 'actualSpendPence'>): number {
  return (state.status === 'COMPLETED' || state.status === 'CLOSED_EARLY') && state.actualSpendPence !== null
    ? state.actualSpendPence
    : state.amountAwardedPence;
}

function midnight(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

function nextDay(day: string): Date {
  return new Date(midnight(day).getTime() + 86_400_000);
}

/** A package's text as JSON, or BAD_USER_INPUT naming `field` (a byte order mark is allowed). */
export function parseThreeSixtyGivingJson(text: string, field = 'package'): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw badInput(field, `is not valid JSON (${(error as Error).message})`);
  }
}

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
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly organisations: OrganisationsService,
    private readonly taxonomy: TaxonomyService,
  ) {}

  /** Funds a command line names by uuid or programme code (several years may share a code). */
  async fundsByReference(reference: string): Promise<FundSummary[]> {
    return this.dataSource.query(
      `SELECT ${FUND_COLUMNS} FROM grant_funds f
        WHERE ${isUuid(reference) ? 'f.id = $1::uuid' : 'f.programme_code = $1'}
        ORDER BY f.financial_year DESC`,
      [reference],
    );
  }

  async import(
    viewer: Viewer | null,
    fundId: string,
    pkg: unknown,
    options: ImportOptions = {},
  ): Promise<ImportReport> {
    const [fund] = await this.dataSource.query<FundSummary[]>(
      `SELECT ${FUND_COLUMNS} FROM grant_funds f WHERE f.id = $1`,
      [fundId],
    );
    if (!fund) throw notFound('That fund');
    if (viewer && !canRunFundsOf(viewer, fund.ownerOrganisationId)) {
      throw forbidden('Only a grants officer of the fund’s council can import awards into it');
    }
    const grants = grantsOf(pkg);
    const schemaProblems = checkAgainstSchema(pkg);
    const today = new Date().toISOString().slice(0, 10);

    const firstSeen = new Map<string, number>();
    const entries = grants.map((grant, index) => {
      const field = `grants[${index}]`;
      const reading = readGrant(grant, field, today);
      // The import's own message about a field says more than the schema's (and there is one per field).
      const own = reading.problems;
      const problems = [
        ...own,
        ...(schemaProblems.get(index) ?? []).filter((problem) => !own.some((mine) => mine.field === problem.field)),
      ];
      if (reading.grantId !== null) {
        const first = firstSeen.get(reading.grantId);
        if (first === undefined) firstSeen.set(reading.grantId, index);
        else
          problems.push({
            field: `${field}.id`,
            message: `${reading.grantId} appears earlier in the file, at grants[${first}]`,
          });
      }
      return { index, reading, problems };
    });

    const areaIds = await this.areaIdsByCode(entries.flatMap((entry) => entry.reading.award?.geoCodes ?? []));
    const termIds = await this.termIdsByCode(entries.flatMap((entry) => entry.reading.award?.classifications ?? []));
    const report: ImportReport = {
      total: grants.length,
      created: 0,
      updated: 0,
      unchanged: 0,
      rejected: [],
      warnings: [],
      organisationsCreated: 0,
    };
    let round: RoundSpan | null = null;
    for (const { index, reading, problems } of entries) {
      const reject = (reasons: string[]) => report.rejected.push({ index, grantId: reading.grantId, reasons });
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
          report[outcome.kind]++;
          if (outcome.organisationCreated) report.organisationsCreated++;
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
          if (warnings.length)
            report.warnings.push({ index, grantId: reading.grantId, messages: warnings.map(asText) });
        }
      }
      options.onProgress?.(index + 1, grants.length);
    }
    return report;
  }

  /** Area ids by their (ONS) code, for the codes given; one query. */
  private async areaIdsByCode(geoCodes: { code: string }[]): Promise<Map<string, string>> {
    const codes = [...new Set(geoCodes.map((geo) => geo.code))];
    if (codes.length === 0) return new Map();
    const rows = await this.dataSource.query<{ id: string; code: string }[]>(
      'SELECT id, code FROM areas WHERE code = ANY($1::text[])',
      [codes],
    );
    return new Map(rows.map((row) => [row.code, row.id]));
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
          this.writeAward(manager, viewer, fundId, award, links, field, round),
        );
      } catch (error) {
        if (error instanceof GrantRefused) return { kind: 'rejected', reason: error.message };
        if (isUniqueViolation(error) && attempt === 1) continue;
        if (pgErrorCode(error) === PG_CHECK_VIOLATION) {
          return { kind: 'rejected', reason: `${field}: ${constraintInWords(pgConstraint(error))}` };
        }
        throw error;
      }
    }
  }

  private async writeAward(
    manager: EntityManager,
    viewer: Viewer | null,
    fundId: string,
    award: AwardFromGrant,
    links: Links,
    field: string,
    knownRound: RoundSpan | null,
  ): Promise<Outcome> {
    // Every change to the fund's totals happens under this lock, so concurrent awards and
    // imports queue here and the budget check below sees the latest committed total.
    const [fund] = await manager.query<{ budget: number; committed: number }[]>(
      'SELECT budget_pence AS budget, committed_pence AS committed FROM grant_funds WHERE id = $1 FOR UPDATE',
      [fundId],
    );
    await this.refuseIfElsewhere(manager, fundId, award.grantId, field);
    const [existing] = await manager.query<AwardState[]>(
      `SELECT ${STATE_COLUMNS} FROM grant_applications a WHERE a.fund_id = $1 AND a.external_id = $2 FOR UPDATE OF a`,
      [fundId, award.grantId],
    );
    if (existing && !AWARD_STATUSES.includes(existing.status)) {
      throw new GrantRefused(
        `${field}.id: the award ${award.grantId} was ${existing.status.toLowerCase().replace('_', ' ')} here, so it is left as it is`,
      );
    }

    const keep = existing && MOVED_ON.includes(existing.status);
    const status: ApplicationStatus = keep ? existing.status : award.completed ? 'COMPLETED' : 'AWARDED';
    const paidElsewhere = existing ? existing.paidPence - existing.importedPaidPence : 0;
    const next: Omit<NextState, 'applicantOrganisationId'> = {
      status,
      projectTitle: award.title,
      summary: award.summary,
      amountRequestedPence: award.amountRequestedPence,
      amountAwardedPence: award.amountAwardedPence,
      awardedAt: award.awardedAt,
      plannedStart: award.plannedStart,
      plannedEnd: award.plannedEnd,
      plannedDatesGiven: award.plannedDatesGiven,
      paidPence: paidElsewhere + award.paidPence,
      importedPaidPence: award.paidPence,
      actualSpendPence: keep ? existing.actualSpendPence : status === 'COMPLETED' ? award.amountAwardedPence : null,
      closedAt: keep ? existing.closedAt : status === 'COMPLETED' ? midnight(award.activityEnd) : null,
      closureNote: keep ? existing.closureNote : status === 'COMPLETED' ? 'Completed before it was imported' : null,
      fromOpenCall: award.fromOpenCall,
      ...links,
    };
    if (next.paidPence > next.amountAwardedPence) {
      throw new GrantRefused(
        `${field}.amountDisbursed: with the ${pounds(paidElsewhere)} paid here since the import, the award would pay out more than awarded`,
      );
    }
    const committedChange = committedBy(next) - (existing ? committedBy(existing) : 0);
    if (fund.committed + committedChange > fund.budget) {
      throw new GrantRefused(
        `${field}.amountAwarded: would take the fund over its budget (${pounds(fund.budget - fund.committed)} remaining)`,
      );
    }

    const recipient = await this.organisations.findOrListByIdentifier(manager, viewer, award.recipient.identifier, {
      name: award.recipient.name,
      kind: 'VCS',
      town: award.recipient.town,
      postcode: award.recipient.postcode,
    });
    const state: NextState = { ...next, applicantOrganisationId: recipient.id };
    if (existing && sameAward(existing, state)) {
      return { kind: 'unchanged', organisationCreated: false, round: null };
    }

    const round = await this.ensureRound(manager, viewer, fundId, award.awardedAt, knownRound);
    const id = existing
      ? await this.update(manager, existing, state)
      : await this.insert(manager, viewer, state, round, fundId, award);
    await relink(manager, id, 'grant_application_areas', 'area_id', existing?.areaIds ?? null, state.areaIds);
    await relink(manager, id, 'grant_application_themes', 'term_id', existing?.themeIds ?? null, state.themeIds);
    await this.recordPayment(manager, viewer, id, fundId, existing?.importedPaidPence ?? 0, state, award.awardedAt);
    const paidChange = state.paidPence - (existing?.paidPence ?? 0);
    if (committedChange !== 0 || paidChange !== 0) {
      await manager.query(
        `UPDATE grant_funds SET committed_pence = committed_pence + $2, paid_pence = paid_pence + $3, updated_at = now()
          WHERE id = $1`,
        [fundId, committedChange, paidChange],
      );
    }
    const after: AwardState = {
      ...state,
      id,
      roundId: existing?.roundId ?? round.id,
      externalId: award.grantId,
    };
    await this.audit.record(manager, viewer, {
      entityType: 'GrantApplication',
      entityId: id,
      action: existing ? 'import-update' : 'import',
      before: existing ?? null,
      after,
    });
    return { kind: existing ? 'updated' : 'created', organisationCreated: recipient.created, round };
  }

  /**
   * A grant identifier is one grant. An award already known by it outside this fund (imported
   * into another fund, or the award a fund published under it: `prefix-uuid`) is reported
   * and left alone, never imported again; the unique index on `external_id` across funds
   * holds the line for imports that race.
   */
  private async refuseIfElsewhere(manager: EntityManager, fundId: string, grantId: string, field: string) {
    const published = PUBLISHED_GRANT_ID.exec(grantId);
    const [found] = await manager.query<{ title: string; fund: string }[]>(
      `SELECT a.project_title AS title, f.name AS fund
         FROM grant_applications a JOIN grant_funds f ON f.id = a.fund_id
        WHERE (a.external_id = $1 AND a.fund_id <> $2)
           OR (a.external_id IS NULL AND a.id = $3::uuid AND f.grant_id_prefix = $4)
        LIMIT 1`,
      [grantId, fundId, published?.[2] ?? null, published?.[1] ?? null],
    );
    if (found) {
      throw new GrantRefused(
        `${field}.id: ${grantId} is already the award “${found.title}” of the fund “${found.fund}”; a grant is recorded once`,
      );
    }
  }

  private async insert(
    manager: EntityManager,
    viewer: Viewer | null,
    state: NextState,
    round: RoundSpan,
    fundId: string,
    award: AwardFromGrant,
  ): Promise<string> {
    const entity = manager.create(GrantApplicationEntity, {
      roundId: round.id,
      fundId,
      applicantOrganisationId: state.applicantOrganisationId,
      status: state.status,
      projectTitle: state.projectTitle,
      summary: state.summary,
      amountRequestedPence: state.amountRequestedPence,
      plannedStart: state.plannedStart,
      plannedEnd: state.plannedEnd,
      plannedDatesGiven: state.plannedDatesGiven,
      recordedByOfficer: true,
      createdBy: viewer?.accountId ?? null,
      decidedAt: midnight(state.awardedAt),
      amountAwardedPence: state.amountAwardedPence,
      awardedAt: state.awardedAt,
      paidPence: state.paidPence,
      actualSpendPence: state.actualSpendPence,
      closedAt: state.closedAt,
      closureNote: state.closureNote,
      externalId: award.grantId,
      fromOpenCall: state.fromOpenCall,
    });
    await manager.insert(GrantApplicationEntity, entity);
    return entity.id;
  }

  private async update(manager: EntityManager, existing: AwardState, state: NextState): Promise<string> {
    await manager.query(
      `UPDATE grant_applications
          SET status = $2, applicant_organisation_id = $3, project_title = $4, summary = $5,
              amount_requested_pence = $6, amount_awarded_pence = $7, awarded_at = $8, decided_at = $9,
              planned_start = $10, planned_end = $11, paid_pence = $12, actual_spend_pence = $13,
              closed_at = $14, closure_note = $15, from_open_call = $16, planned_dates_given = $17,
              updated_at = now(), version = version + 1
        WHERE id = $1`,
      [
        existing.id,
        state.status,
        state.applicantOrganisationId,
        state.projectTitle,
        state.summary,
        state.amountRequestedPence,
        state.amountAwardedPence,
        state.awardedAt,
        midnight(state.awardedAt),
        state.plannedStart,
        state.plannedEnd,
        state.paidPence,
        state.actualSpendPence,
        state.closedAt,
        state.closureNote,
        state.fromOpenCall,
        state.plannedDatesGiven,
      ],
    );
    return existing.id;
  }

  /** Keeps one PAID payment carrying amountDisbursed, so the award's payments add up to what it has paid. */
  private async recordPayment(
    manager: EntityManager,
    viewer: Viewer | null,
    applicationId: string,
    fundId: string,
    before: number,
    state: NextState,
    awardedAt: string,
  ): Promise<void> {
    if (before === state.importedPaidPence) return;
    await manager.query(`DELETE FROM grant_payments WHERE application_id = $1 AND status = 'PAID' AND reference = $2`, [
      applicationId,
      IMPORTED_PAYMENT_REFERENCE,
    ]);
    if (state.importedPaidPence === 0) return;
    await manager.query(
      `INSERT INTO grant_payments (application_id, fund_id, amount_pence, due_date, status, paid_at, reference, created_by)
       VALUES ($1, $2, $3, $4, 'PAID', $5, $6, $7)`,
      [
        applicationId,
        fundId,
        state.importedPaidPence,
        awardedAt,
        midnight(awardedAt),
        IMPORTED_PAYMENT_REFERENCE,
        viewer?.accountId ?? null,
      ],
    );
  }

  /**
   * The fund's import round, made on first use and widened so that it spans every
   * imported award date; it takes no applications. `known` spares the lookup while the
   * dates stay inside what this run has already seen (rounds only ever widen).
   */
  private async ensureRound(
    manager: EntityManager,
    viewer: Viewer | null,
    fundId: string,
    day: string,
    known: RoundSpan | null,
  ): Promise<RoundSpan> {
    const opensAt = midnight(day);
    const closesAt = nextDay(day);
    const covers = (round: RoundSpan) => round.opensAt <= opensAt && round.closesAt >= closesAt;
    if (known && covers(known)) return known;
    const [round] = await manager.query<RoundSpan[]>(
      `SELECT id, opens_at AS "opensAt", closes_at AS "closesAt" FROM grant_rounds
        WHERE fund_id = $1 AND imported ORDER BY created_at, id LIMIT 1`,
      [fundId],
    );
    if (!round) {
      const entity = manager.create(GrantRoundEntity, {
        fundId,
        name: IMPORT_ROUND_NAME,
        opensAt,
        closesAt,
        minAwardPence: 0,
        maxAwardPence: Number.MAX_SAFE_INTEGER,
        imported: true,
        createdBy: viewer?.accountId ?? null,
      });
      await manager.insert(GrantRoundEntity, entity);
      const after = { name: IMPORT_ROUND_NAME, fundId, opensAt, closesAt, imported: true };
      await this.audit.record(manager, viewer, {
        entityType: 'GrantRound',
        entityId: entity.id,
        action: 'import',
        before: null,
        after,
      });
      return { id: entity.id, opensAt, closesAt };
    }
    if (covers(round)) return round;
    const wider: RoundSpan = {
      id: round.id,
      opensAt: round.opensAt < opensAt ? round.opensAt : opensAt,
      closesAt: round.closesAt > closesAt ? round.closesAt : closesAt,
    };
    await manager.query('UPDATE grant_rounds SET opens_at = $2, closes_at = $3 WHERE id = $1', [
      round.id,
      wider.opensAt,
      wider.closesAt,
    ]);
    await this.audit.record(manager, viewer, {
      entityType: 'GrantRound',
      entityId: round.id,
      action: 'import-update',
      before: { opensAt: round.opensAt, closesAt: round.closesAt },
      after: { opensAt: wider.opensAt, closesAt: wider.closesAt },
    });
    return wider;
  }
}

const FUND_COLUMNS = `f.id, f.owner_organisation_id AS "ownerOrganisationId", f.name, f.programme_code AS "programmeCode",
  f.financial_year AS "financialYear"`;

function asText(problem: FieldProblem): string {
  return `${problem.field}: ${problem.message}`;
}

function sameAward(existing: AwardState, state: NextState): boolean {
  return (
    COMPARED.every((key) => existing[key] === state[key]) &&
    existing.areaIds.join() === state.areaIds.join() &&
    existing.themeIds.join() === state.themeIds.join()
  );
}

/** The areas and themes an award is linked to, ids sorted. */
interface Links {
  areaIds: string[];
  themeIds: string[];
}

function termKey(term: { vocabulary: string; code: string }): string {
  return `${term.vocabulary}\n${term.code}`;
}

/** Replaces an award's links in one of its link tables, when they changed (`before` null: a new award). */
async function relink(
  manager: EntityManager,
  applicationId: string,
  table: 'grant_application_areas' | 'grant_application_themes',
  column: 'area_id' | 'term_id',
  before: string[] | null,
  after: string[],
): Promise<void> {
  if (before !== null && before.join() === after.join()) return;
  if (before !== null) await manager.query(`DELETE FROM ${table} WHERE application_id = $1`, [applicationId]);
  if (after.length) {
    await manager.query(`INSERT INTO ${table} (application_id, ${column}) SELECT $1, unnest($2::uuid[])`, [
      applicationId,
      after,
    ]);
  }
}

/** The package's grants, or BAD_USER_INPUT when it is not a package at all. */
function grantsOf(pkg: unknown): unknown[] {
  const grants =
    typeof pkg === 'object' && pkg !== null && !Array.isArray(pkg) ? (pkg as { grants?: unknown }).grants : undefined;
  if (!Array.isArray(grants)) {
    throw badInput('package', 'must be a 360Giving package: a JSON object with a "grants" list');
  }
  if (grants.length === 0) throw badInput('package.grants', 'must hold at least one grant');
  return grants;
}

/**
 * Checks the whole package against the schema. Problems with the package itself (its
 * metadata) are BAD_USER_INPUT; each failing grant is then checked on its own, and its
 * problems are returned by position, named from the package (`grants[3].awardDate`).
 */
function checkAgainstSchema(pkg: unknown): Map<number, FieldProblem[]> {
  const validators = threeSixtyGivingValidators();
  const byGrant = new Map<number, FieldProblem[]>();
  if (validators.package(pkg)) return byGrant;
  const failing = new Set<number>();
  const packageProblems: FieldProblem[] = [];
  for (const error of validators.package.errors ?? []) {
    const grant = /^\/grants\/(\d+)(\/|$)/.exec(error.instancePath);
    if (grant) failing.add(Number(grant[1]));
    else packageProblems.push(...describeSchemaErrors([error], 'package'));
  }
  if (packageProblems.length) throw invalidFields(packageProblems);
  const grants = (pkg as { grants: unknown[] }).grants;
  for (const index of failing) {
    validators.grant(grants[index]);
    byGrant.set(index, describeSchemaErrors(validators.grant.errors, `grants[${index}]`));
  }
  return byGrant;
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
