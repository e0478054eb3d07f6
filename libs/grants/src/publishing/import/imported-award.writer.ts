import type { EntityManager } from 'typeorm';
import { pounds, RecordRefused, type AuditService, type Viewer, type WrittenOutcome } from '@cohesion/common';
import type { DirectoryWriter } from '@cohesion/directory';
import { GrantApplicationEntity } from '../../applications/application.entity.js';
import { AWARD_STATUSES } from '../../applications/application.state-machine.js';
import { FundLedger } from '../../funds/fund-ledger.js';
import { GrantRoundEntity } from '../../rounds/round.entity.js';
import {
  committedBy,
  IMPORTED_PAYMENT_REFERENCE,
  midnight,
  nextAwardState,
  nextDay,
  sameAward,
  STATE_COLUMNS,
  type AwardState,
  type Links,
  type NextState,
} from './imported-award.js';
import type { AwardFromGrant } from './import-grant-reader.js';

/** The round of a fund that holds its imported awards (one per fund, made on first import). */
export const IMPORT_ROUND_NAME = 'Imported awards';

/** The identifier a fund publishes an award of its own under: its grant id prefix, then the award's uuid. */
const PUBLISHED_GRANT_ID = /^(.+)-([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

export interface RoundSpan {
  id: string;
  opensAt: Date;
  closesAt: Date;
}

export type Outcome =
  | { kind: WrittenOutcome; organisationCreated: boolean; round: RoundSpan | null }
  | { kind: 'rejected'; reason: string };

/**
 * Writes one grant of a package as an award of the fund, inside the transaction the
 * import opens for it: under a lock on the fund row, with its recipient (listed through
 * the directory's writer when new), its links, its imported payment, the fund's import
 * round and its audit rows. A grant it refuses throws `RecordRefused`.
 */
export class ImportedAwardWriter {
  constructor(
    private readonly audit: AuditService,
    private readonly directory: DirectoryWriter,
    private readonly ledger: FundLedger,
  ) {}

  async write(
    manager: EntityManager,
    viewer: Viewer | null,
    fundId: string,
    award: AwardFromGrant,
    links: Links,
    field: string,
    knownRound: RoundSpan | null,
  ): Promise<Outcome> {
    // The fund first, as the ledger's lock order says: concurrent awards and imports queue
    // here and the budget check below sees the latest committed total.
    const fund = await this.ledger.lock(manager, fundId);
    await this.refuseIfElsewhere(manager, fundId, award.grantId, field);
    const [existing] = await manager.query<AwardState[]>(
      `SELECT ${STATE_COLUMNS} FROM grant_applications a WHERE a.fund_id = $1 AND a.external_id = $2 FOR UPDATE OF a`,
      [fundId, award.grantId],
    );
    if (existing && !AWARD_STATUSES.includes(existing.status)) {
      throw new RecordRefused('rejected', {
        field: `${field}.id`,
        message: `the award ${award.grantId} was ${existing.status.toLowerCase().replace('_', ' ')} here, so it is left as it is`,
      });
    }

    const { next, paidElsewhere } = nextAwardState(existing, award, links);
    if (next.paidPence > next.amountAwardedPence) {
      throw new RecordRefused('rejected', {
        field: `${field}.amountDisbursed`,
        message: `with the ${pounds(paidElsewhere)} paid here since the import, the award would pay out more than awarded`,
      });
    }
    const committedChange = committedBy(next) - (existing ? committedBy(existing) : 0);
    if (committedChange > this.ledger.remaining(fund)) {
      throw new RecordRefused('rejected', {
        field: `${field}.amountAwarded`,
        message: `would take the fund over its budget (${pounds(this.ledger.remaining(fund))} remaining)`,
      });
    }

    const recipient = await this.directory.organisations.findOrListNamedInGrants(
      manager,
      viewer,
      award.recipient.identifier,
      {
        name: award.recipient.name,
        kind: 'VCS',
        town: award.recipient.town,
        postcode: award.recipient.postcode,
      },
    );
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
    await this.ledger.importChange(manager, fund, committedChange, paidChange);
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
      throw new RecordRefused('rejected', {
        field: `${field}.id`,
        message: `${grantId} is already the award “${found.title}” of the fund “${found.fund}”; a grant is recorded once`,
      });
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
