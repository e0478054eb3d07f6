import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  allows,
  AuditService,
  badInput,
  conflict,
  enforce,
  notFound,
  pounds,
  returningRows,
  type Policy,
  type Viewer,
} from '@cohesion/common';
import { GRANTS_POLICY, type ApplicationFacts } from '../grants.policy.js';
import { linkAll } from '../directory-links.queries.js';
import { lockFund } from '../funds/fund-ledger.js';
import { fundSnapshot } from '../funds/fund.mapper.js';
import { applicationSnapshot, toApplication } from './application.mapper.js';
import { APPLICATION_SQL, loadApplication } from './application.queries.js';
import type { ApplicationStatus } from './application.entity.js';
import { GrantApplication } from './application.model.js';
import { nextApplicationStatus, type ApplicationEvent } from './application.state-machine.js';
import { Decision, type DecideApplicationInput, type SubmitApplicationInput } from './dto/application.inputs.js';
import { eligibilityProblem } from './eligibility.js';

type Row = Record<string, unknown>;
const DAY = 86_400_000;

function addDays(date: string, days: number): string {
  return new Date(new Date(`${date}T00:00:00Z`).getTime() + days * DAY).toISOString().slice(0, 10);
}

/** Reports due on an award unless the officer sets dates: a final one, and a mid-point one for long projects. */
export function defaultReportSchedule(plannedStart: string, plannedEnd: string): { title: string; dueDate: string }[] {
  const start = new Date(`${plannedStart}T00:00:00Z`).getTime();
  const end = new Date(`${plannedEnd}T00:00:00Z`).getTime();
  const schedule = [{ title: 'Final report', dueDate: addDays(plannedEnd, 30) }];
  if (end - start > 183 * DAY) {
    const mid = new Date(start + (end - start) / 2).toISOString().slice(0, 10);
    schedule.unshift({ title: 'Mid-point report', dueDate: mid });
  }
  return schedule;
}

/**
 * Applications through their life: submitted by the group (or recorded for it by an
 * officer), checked against the round's rules, decided within the fund's budget, made
 * active, withdrawn. Each move goes through the state machine, under a row lock, with
 * its audit row in the same transaction.
 */
@Injectable()
export class ApplicationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async submit(viewer: Viewer, input: SubmitApplicationInput): Promise<GrantApplication> {
    if (input.plannedEnd < input.plannedStart) throw badInput('input.plannedEnd', 'must be on or after plannedStart');
    return this.dataSource.transaction(async (manager) => {
      const [round] = await manager.query<Row[]>(
        `SELECT r.*, f.owner_organisation_id FROM grant_rounds r JOIN grant_funds f ON f.id = r.fund_id
          WHERE r.id = $1`,
        [input.roundId],
      );
      if (!round) throw notFound('That round');
      const applying = { councilId: round.owner_organisation_id as string, applicantId: input.applicantOrganisationId };
      enforce(GRANTS_POLICY.submitApplication, viewer, applying);
      const now = Date.now();
      if (round.imported || (round.opens_at as Date).getTime() > now || (round.closes_at as Date).getTime() <= now) {
        throw conflict(`The round ${round.name as string} is not open for applications`);
      }
      const [organisation] = await manager.query<Row[]>('SELECT id FROM organisations WHERE id = $1', [
        input.applicantOrganisationId,
      ]);
      if (!organisation) throw badInput('input.applicantOrganisationId', 'is not an organisation in the directory');
      const [created] = await manager.query<{ id: string }[]>(
        `INSERT INTO grant_applications (round_id, fund_id, applicant_organisation_id, status, project_title, summary,
            amount_requested_pence, planned_start, planned_end, expected_participants, annual_income_pence,
            recorded_by_officer, created_by)
         VALUES ($1, $2, $3, 'DRAFT', $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
        [
          input.roundId,
          round.fund_id,
          input.applicantOrganisationId,
          input.projectTitle,
          input.summary,
          input.amountRequested,
          input.plannedStart,
          input.plannedEnd,
          input.expectedParticipants ?? null,
          input.annualIncome ?? null,
          GRANTS_POLICY.submitApplication.recordedByOfficer(viewer, applying),
          viewer.accountId,
        ],
      );
      await linkAll(
        manager,
        'grant_application_areas',
        'application_id',
        'area_id',
        created.id,
        input.beneficiaryAreaIds,
        'input.beneficiaryAreaIds',
        'areas',
      );
      await linkAll(
        manager,
        'grant_application_themes',
        'application_id',
        'term_id',
        created.id,
        input.themeIds,
        'input.themeIds',
        'taxonomy_terms',
      );
      const draft = (await loadApplication(manager, created.id)) as Row;
      await this.record(manager, viewer, created.id, 'create', null, draft);
      return toApplication(input.draft ? draft : await this.submitRow(manager, viewer, draft));
    });
  }

  /** Submits a saved draft: the eligibility check runs now. */
  async submitDraft(viewer: Viewer, id: string): Promise<GrantApplication> {
    return this.dataSource.transaction(async (manager) => {
      const row = await this.visible(manager, viewer, id, GRANTS_POLICY.manageApplication, true);
      return toApplication(await this.submitRow(manager, viewer, row));
    });
  }

  /** DRAFT -> SUBMITTED, then at once the round's rules: IN_ASSESSMENT, or INELIGIBLE naming the rule. */
  private async submitRow(manager: EntityManager, viewer: Viewer, draft: Row): Promise<Row> {
    const id = draft.id as string;
    const submitted = await this.move(manager, viewer, draft, 'SUBMIT', { submitted_at: new Date() });
    const [facts] = await manager.query<Row[]>(
      `SELECT o.kind, r.eligible_kinds, r.min_award_pence, r.max_award_pence, r.max_annual_income_pence,
              r.opens_at, r.closes_at, r.imported, r.name,
              COALESCE((SELECT array_agg(ar.name ORDER BY ar.name)
                          FROM grant_application_areas x JOIN areas ar ON ar.id = x.area_id
                         WHERE x.application_id = a.id
                           AND EXISTS (SELECT 1 FROM grant_round_areas ra WHERE ra.round_id = r.id)
                           AND NOT EXISTS (SELECT 1 FROM grant_round_areas ra
                                            WHERE ra.round_id = r.id AND ra.area_id = ANY(ar.path_ids))), '{}')
                AS areas_outside
         FROM grant_applications a JOIN grant_rounds r ON r.id = a.round_id
         JOIN organisations o ON o.id = a.applicant_organisation_id
        WHERE a.id = $1`,
      [id],
    );
    const now = Date.now();
    if (facts.imported || (facts.opens_at as Date).getTime() > now || (facts.closes_at as Date).getTime() <= now) {
      throw conflict(`The round ${facts.name as string} is not open for applications`);
    }
    const problem = eligibilityProblem({
      organisationKind: facts.kind as string,
      eligibleKinds: facts.eligible_kinds as string[],
      areasOutside: facts.areas_outside as string[],
      amountRequested: Number(draft.amount_requested_pence),
      minAward: Number(facts.min_award_pence),
      maxAward: Number(facts.max_award_pence),
      annualIncome: draft.annual_income_pence === null ? null : Number(draft.annual_income_pence),
      maxAnnualIncome: facts.max_annual_income_pence === null ? null : Number(facts.max_annual_income_pence),
    });
    return problem
      ? this.move(manager, viewer, submitted, 'FAIL_ELIGIBILITY', { ineligible_reason: problem })
      : this.move(manager, viewer, submitted, 'PASS_ELIGIBILITY', {});
  }

  async withdraw(viewer: Viewer, id: string, reason: string | null | undefined): Promise<GrantApplication> {
    return this.dataSource.transaction(async (manager) => {
      const peek = await this.visible(manager, viewer, id, GRANTS_POLICY.manageApplication);
      // An award holds budget: lock the fund first (funds before applications, always) to give it back.
      const fund = peek.status === 'AWARDED' ? await lockFund(manager, peek.fund_id as string) : undefined;
      const row = (await loadApplication(manager, id, true)) as Row;
      const withdrawn = await this.move(manager, viewer, row, 'WITHDRAW', {
        decision_reason: reason ?? row.decision_reason ?? null,
      });
      if (row.status === 'AWARDED' && fund) {
        await manager.query(
          `UPDATE grant_payments SET status = 'CANCELLED' WHERE application_id = $1 AND status = 'SCHEDULED'`,
          [id],
        );
        await this.changeFund(manager, viewer, fund, -Number(row.amount_awarded_pence), 0, 'release');
      }
      return toApplication(withdrawn);
    });
  }

  /**
   * Awards (in full or in part) or declines. The fund row is locked first, so concurrent
   * awards queue on it: each sees the committed total the one before left, and an award
   * that would pass the budget is refused (the CHECK constraint would refuse it too).
   */
  async decide(viewer: Viewer, input: DecideApplicationInput): Promise<GrantApplication> {
    return this.dataSource.transaction(async (manager) => {
      const peek = await this.visible(manager, viewer, input.applicationId, GRANTS_POLICY.viewApplication);
      enforce(GRANTS_POLICY.decideApplication, viewer, {
        ...applicationFacts(peek),
        conflictDeclared: await this.conflictDeclared(manager, viewer, input.applicationId),
      });
      if (input.decision === Decision.DECLINE) {
        if (!input.reason) throw badInput('input.reason', 'is required to decline an application');
        const row = (await loadApplication(manager, input.applicationId, true)) as Row;
        return toApplication(
          await this.move(manager, viewer, row, 'DECLINE', { decided_at: new Date(), decision_reason: input.reason }),
        );
      }
      const requested = Number(peek.amount_requested_pence);
      const amount = input.amount ?? requested;
      if (amount > requested) {
        throw badInput('input.amount', `must be at most the ${pounds(requested)} requested (a partial award is less)`);
      }
      for (const [index, date] of (input.reportDueDates ?? []).entries()) {
        if (date < (peek.planned_start as string)) {
          throw badInput(`input.reportDueDates[${index}]`, 'must be on or after the project’s planned start');
        }
      }
      const fund = (await lockFund(manager, peek.fund_id as string)) as Row;
      const row = (await loadApplication(manager, input.applicationId, true)) as Row;
      nextApplicationStatus(row.status as ApplicationStatus, 'AWARD');
      const remaining = Number(fund.budget_pence) - Number(fund.committed_pence);
      if (amount > remaining) {
        throw conflict(
          `The fund has ${pounds(remaining)} left to award; this award of ${pounds(amount)} would overspend it`,
        );
      }
      const today = new Date().toISOString().slice(0, 10);
      const awarded = await this.move(manager, viewer, row, 'AWARD', {
        decided_at: new Date(),
        decision_reason: input.reason ?? null,
        amount_awarded_pence: amount,
        awarded_at: today,
      });
      await this.changeFund(manager, viewer, fund, amount, 0, 'commit');
      const schedule = input.reportDueDates?.length
        ? [...input.reportDueDates].sort().map((dueDate, index, all) => ({
            dueDate,
            title: index === all.length - 1 ? 'Final report' : `Report ${index + 1}`,
          }))
        : defaultReportSchedule(row.planned_start as string, row.planned_end as string);
      for (const report of schedule) {
        await manager.query(
          'INSERT INTO grant_monitoring_reports (application_id, due_date, title) VALUES ($1, $2, $3)',
          [input.applicationId, report.dueDate, report.title],
        );
      }
      return toApplication(awarded);
    });
  }

  /** The grant agreement is in place: the award becomes ACTIVE and can be paid. */
  async activate(viewer: Viewer, id: string): Promise<GrantApplication> {
    return this.dataSource.transaction(async (manager) => {
      await this.officerView(manager, viewer, id, GRANTS_POLICY.runAward);
      const row = (await loadApplication(manager, id, true)) as Row;
      return toApplication(await this.move(manager, viewer, row, 'ACTIVATE', {}));
    });
  }

  /** Applications by id that the viewer may see: the applicant's admins, and the council's officers. */
  async visibleByIds(viewer: Viewer, ids: readonly string[]): Promise<GrantApplication[]> {
    if (ids.length === 0 || !viewer.isAuthenticated) return [];
    const rows = await this.dataSource.query<Row[]>(`${APPLICATION_SQL} WHERE a.id = ANY($1::uuid[])`, [ids]);
    return rows
      .filter((row) => allows(GRANTS_POLICY.viewApplication, viewer, applicationFacts(row)))
      .map(toApplication);
  }

  /** The applications an organisation has made, for its admins (and the officers of the councils it applied to). */
  async ofOrganisation(viewer: Viewer, organisationId: string): Promise<GrantApplication[]> {
    const rows = await this.dataSource.query<Row[]>(
      `${APPLICATION_SQL} WHERE a.applicant_organisation_id = $1 ORDER BY a.created_at DESC LIMIT 200`,
      [organisationId],
    );
    return rows
      .filter((row) => allows(GRANTS_POLICY.viewApplication, viewer, applicationFacts(row)))
      .map(toApplication);
  }

  /** Moves an application one step (or refuses with CONFLICT), writes the change and its audit row; returns it as it now is. */
  async move(
    manager: EntityManager,
    viewer: Viewer | null,
    row: Row,
    event: ApplicationEvent,
    columns: Row,
  ): Promise<Row> {
    const status = nextApplicationStatus(row.status as ApplicationStatus, event);
    const sets = Object.keys(columns).map((column, index) => `${column} = $${index + 3}`);
    await manager.query(
      `UPDATE grant_applications SET status = $2, ${[...sets, 'updated_at = now()', 'version = version + 1'].join(', ')}
        WHERE id = $1`,
      [row.id, status, ...Object.values(columns)],
    );
    const after = (await loadApplication(manager, row.id as string)) as Row;
    await this.record(manager, viewer, row.id as string, event.toLowerCase().replace('_', '-'), row, after);
    return after;
  }

  /** Moves the fund's committed and paid totals, with an audit row on the fund. */
  async changeFund(
    manager: EntityManager,
    viewer: Viewer | null,
    fund: Row,
    committed: number,
    paid: number,
    action: string,
  ): Promise<void> {
    const [after] = await returningRows<Row>(
      manager,
      `UPDATE grant_funds SET committed_pence = committed_pence + $2, paid_pence = paid_pence + $3, updated_at = now()
        WHERE id = $1 RETURNING *`,
      [fund.id, committed, paid],
    );
    await this.audit.record(manager, viewer, {
      entityType: 'GrantFund',
      entityId: fund.id as string,
      action,
      before: fundSnapshot(fund),
      after: fundSnapshot(after),
    });
  }

  private async record(
    manager: EntityManager,
    viewer: Viewer | null,
    id: string,
    action: string,
    before: Row | null,
    after: Row,
  ): Promise<void> {
    await this.audit.record(manager, viewer, {
      entityType: 'GrantApplication',
      entityId: id,
      action,
      before: before && applicationSnapshot(before),
      after: applicationSnapshot(after),
    });
  }

  /**
   * The application, for those `policy` allows (after `viewApplication`): the applicant's
   * admins are refused, anyone else is told it does not exist.
   */
  async officerView(
    manager: EntityManager,
    viewer: Viewer,
    id: string,
    policy: Policy<ApplicationFacts>,
  ): Promise<Row> {
    const row = await this.visible(manager, viewer, id, GRANTS_POLICY.viewApplication);
    enforce(policy, viewer, applicationFacts(row));
    return row;
  }

  /** What the viewer declared on the application: a conflict (true), none (false), or nothing yet (null). */
  async conflictDeclared(manager: EntityManager, viewer: Viewer, id: string): Promise<boolean | null> {
    const [declaration] = await manager.query<{ has_conflict: boolean }[]>(
      'SELECT has_conflict FROM grant_conflict_declarations WHERE application_id = $1 AND assessor_account_id = $2',
      [id, viewer.accountId],
    );
    return declaration ? declaration.has_conflict : null;
  }

  /** The application (locked when asked) if `policy` lets the viewer see it; NOT_FOUND otherwise. */
  private async visible(
    manager: EntityManager,
    viewer: Viewer,
    id: string,
    policy: Policy<ApplicationFacts>,
    lock = false,
  ): Promise<Row> {
    const row = await loadApplication(manager, id, lock);
    if (!row) throw notFound('That application');
    enforce(policy, viewer, applicationFacts(row));
    return row;
  }
}

export function applicationFacts(row: Row): ApplicationFacts {
  return { councilId: row.owner_organisation_id as string, applicantId: row.applicant_organisation_id as string };
}
