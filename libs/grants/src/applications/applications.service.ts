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
  type Policy,
  type Viewer,
} from '@cohesion/common';
import { linkAll } from '../directory-links.queries.js';
import { FundLedger } from '../funds/fund-ledger.js';
import { GRANTS_POLICY, type ApplicationFacts } from '../grants.policy.js';
import { applicationFacts, applicationSnapshot, toApplication } from './application.mapper.js';
import {
  applicationById,
  applicationsByIds,
  applicationsOfOrganisation,
  cancelScheduledPayments,
  conflictDeclaration,
  eligibilityFacts,
  insertDraft,
  insertMonitoringReport,
  organisationExists,
  roundToApplyTo,
  updateApplication,
  type ApplicationChange,
  type ApplicationRow,
} from './application.queries.js';
import { GrantApplication } from './application.model.js';
import { nextApplicationStatus, type ApplicationEvent } from './application.state-machine.js';
import { Decision, type DecideApplicationInput, type SubmitApplicationInput } from './dto/application.inputs.js';
import { eligibilityProblem } from './eligibility.js';

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
 * its audit row in the same transaction; money moves through the fund's ledger.
 */
@Injectable()
export class ApplicationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly ledger: FundLedger,
  ) {}

  async submit(viewer: Viewer, input: SubmitApplicationInput): Promise<GrantApplication> {
    if (input.plannedEnd < input.plannedStart) throw badInput('input.plannedEnd', 'must be on or after plannedStart');
    return this.dataSource.transaction(async (manager) => {
      const round = await roundToApplyTo(manager, input.roundId);
      if (!round) throw notFound('That round');
      const applying = { councilId: round.owner_organisation_id, applicantId: input.applicantOrganisationId };
      enforce(GRANTS_POLICY.submitApplication, viewer, applying);
      refuseUnlessOpen(round);
      if (!(await organisationExists(manager, input.applicantOrganisationId))) {
        throw badInput('input.applicantOrganisationId', 'is not an organisation in the directory');
      }
      const id = await insertDraft(manager, {
        roundId: input.roundId,
        fundId: round.fund_id,
        applicantOrganisationId: input.applicantOrganisationId,
        projectTitle: input.projectTitle,
        summary: input.summary,
        amountRequested: input.amountRequested,
        plannedStart: input.plannedStart,
        plannedEnd: input.plannedEnd,
        expectedParticipants: input.expectedParticipants ?? null,
        annualIncome: input.annualIncome ?? null,
        recordedByOfficer: GRANTS_POLICY.submitApplication.recordedByOfficer(viewer, applying),
        createdBy: viewer.accountId,
      });
      await linkAll(
        manager,
        'grant_application_areas',
        'application_id',
        'area_id',
        id,
        input.beneficiaryAreaIds,
        'input.beneficiaryAreaIds',
        'area',
      );
      await linkAll(
        manager,
        'grant_application_themes',
        'application_id',
        'term_id',
        id,
        input.themeIds,
        'input.themeIds',
        'term',
      );
      const draft = (await applicationById(manager, id)) as ApplicationRow;
      await this.record(manager, viewer, id, 'create', null, draft);
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
  private async submitRow(manager: EntityManager, viewer: Viewer, draft: ApplicationRow): Promise<ApplicationRow> {
    const submitted = await this.move(manager, viewer, draft, 'SUBMIT', { submitted_at: new Date() });
    const facts = await eligibilityFacts(manager, draft.id);
    refuseUnlessOpen(facts);
    const problem = eligibilityProblem({
      organisationKind: facts.kind,
      eligibleKinds: facts.eligible_kinds,
      areasOutside: facts.areas_outside,
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
      // An award holds budget: lock its fund (before the application, in the ledger's order) to give it back.
      const fund = peek.status === 'AWARDED' ? await this.ledger.lock(manager, peek.fund_id) : null;
      const row = (await applicationById(manager, id, true)) as ApplicationRow;
      const withdrawn = await this.move(manager, viewer, row, 'WITHDRAW', {
        decision_reason: reason ?? row.decision_reason ?? null,
      });
      if (row.status === 'AWARDED' && fund) {
        await cancelScheduledPayments(manager, id);
        await this.ledger.release(manager, viewer, fund, Number(row.amount_awarded_pence), 'release');
      }
      return toApplication(withdrawn);
    });
  }

  /**
   * Awards (in full or in part) or declines. An award locks the fund, then the
   * application, and commits the amount through the ledger, which refuses an award the
   * fund has not the money left for; then come the monitoring reports it is due.
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
        const row = (await applicationById(manager, input.applicationId, true)) as ApplicationRow;
        return toApplication(
          await this.move(manager, viewer, row, 'DECLINE', { decided_at: new Date(), decision_reason: input.reason }),
        );
      }
      const amount = awardAmount(input, peek);
      const fund = await this.ledger.lock(manager, peek.fund_id);
      const row = (await applicationById(manager, input.applicationId, true)) as ApplicationRow;
      nextApplicationStatus(row.status, 'AWARD');
      await this.ledger.commit(manager, viewer, fund, amount);
      const awarded = await this.move(manager, viewer, row, 'AWARD', {
        decided_at: new Date(),
        decision_reason: input.reason ?? null,
        amount_awarded_pence: amount,
        awarded_at: new Date().toISOString().slice(0, 10),
      });
      for (const report of reportSchedule(input.reportDueDates, row)) {
        await insertMonitoringReport(manager, input.applicationId, report);
      }
      return toApplication(awarded);
    });
  }

  /** The grant agreement is in place: the award becomes ACTIVE and can be paid. */
  async activate(viewer: Viewer, id: string): Promise<GrantApplication> {
    return this.dataSource.transaction(async (manager) => {
      await this.officerView(manager, viewer, id, GRANTS_POLICY.runAward);
      const row = (await applicationById(manager, id, true)) as ApplicationRow;
      return toApplication(await this.move(manager, viewer, row, 'ACTIVATE', {}));
    });
  }

  /** Applications by id that the viewer may see: the applicant's admins, and the council's officers. */
  async visibleByIds(viewer: Viewer, ids: readonly string[]): Promise<GrantApplication[]> {
    if (ids.length === 0 || !viewer.isVerifiedMember) return [];
    const rows = await applicationsByIds(this.dataSource, ids);
    return rows
      .filter((row) => allows(GRANTS_POLICY.viewApplication, viewer, applicationFacts(row)))
      .map(toApplication);
  }

  /** The applications an organisation has made, for its admins (and the officers of the councils it applied to). */
  async ofOrganisation(viewer: Viewer, organisationId: string): Promise<GrantApplication[]> {
    const rows = await applicationsOfOrganisation(this.dataSource, organisationId);
    return rows
      .filter((row) => allows(GRANTS_POLICY.viewApplication, viewer, applicationFacts(row)))
      .map(toApplication);
  }

  /** Moves an application one step (or refuses with CONFLICT), writes the change and its audit row; returns it as it now is. */
  async move(
    manager: EntityManager,
    viewer: Viewer | null,
    row: ApplicationRow,
    event: ApplicationEvent,
    change: ApplicationChange,
  ): Promise<ApplicationRow> {
    await updateApplication(manager, row.id, nextApplicationStatus(row.status, event), change);
    const after = (await applicationById(manager, row.id)) as ApplicationRow;
    await this.record(manager, viewer, row.id, event.toLowerCase().replace('_', '-'), row, after);
    return after;
  }

  private async record(
    manager: EntityManager,
    viewer: Viewer | null,
    id: string,
    action: string,
    before: ApplicationRow | null,
    after: ApplicationRow,
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
  ): Promise<ApplicationRow> {
    const row = await this.visible(manager, viewer, id, GRANTS_POLICY.viewApplication);
    enforce(policy, viewer, applicationFacts(row));
    return row;
  }

  /** What the viewer declared on the application: a conflict (true), none (false), or nothing yet (null). */
  async conflictDeclared(manager: EntityManager, viewer: Viewer, id: string): Promise<boolean | null> {
    const declaration = await conflictDeclaration(manager, id, viewer.accountId);
    return declaration ? declaration.has_conflict : null;
  }

  /** The application (locked when asked) if `policy` lets the viewer see it; NOT_FOUND otherwise. */
  private async visible(
    manager: EntityManager,
    viewer: Viewer,
    id: string,
    policy: Policy<ApplicationFacts>,
    lock = false,
  ): Promise<ApplicationRow> {
    const row = await applicationById(manager, id, lock);
    if (!row) throw notFound('That application');
    enforce(policy, viewer, applicationFacts(row));
    return row;
  }
}

function refuseUnlessOpen(round: { name: string; opens_at: Date; closes_at: Date; imported: boolean }): void {
  const now = Date.now();
  if (round.imported || round.opens_at.getTime() > now || round.closes_at.getTime() <= now) {
    throw conflict(`The round ${round.name} is not open for applications`);
  }
}

/** The amount to award: what was asked for, or less (a partial award); report dates checked on the way. */
function awardAmount(input: DecideApplicationInput, application: ApplicationRow): number {
  const requested = Number(application.amount_requested_pence);
  const amount = input.amount ?? requested;
  if (amount > requested) {
    throw badInput('input.amount', `must be at most the ${pounds(requested)} requested (a partial award is less)`);
  }
  for (const [index, date] of (input.reportDueDates ?? []).entries()) {
    if (date < application.planned_start) {
      throw badInput(`input.reportDueDates[${index}]`, 'must be on or after the project’s planned start');
    }
  }
  return amount;
}

/** The reports an award is due: on the officer's dates (the last one final), or the default schedule. */
function reportSchedule(
  dates: string[] | null | undefined,
  application: ApplicationRow,
): { title: string; dueDate: string }[] {
  if (!dates?.length) return defaultReportSchedule(application.planned_start, application.planned_end);
  return [...dates].sort().map((dueDate, index, all) => ({
    dueDate,
    title: index === all.length - 1 ? 'Final report' : `Report ${index + 1}`,
  }));
}
