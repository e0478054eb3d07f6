import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService, badInput, conflict, enforce, notFound, type Viewer } from '@cohesion/common';
import { applicationFacts, toApplication } from '../applications/application.mapper.js';
import type { GrantApplication } from '../applications/application.model.js';
import { applicationById, type ApplicationRow } from '../applications/application.queries.js';
import { ApplicationsService } from '../applications/applications.service.js';
import { GRANTS_POLICY } from '../grants.policy.js';
import { toAssessment } from './assessment.mapper.js';
import { Assessment, PanelEntry, RoundPanel } from './assessment.model.js';
import {
  assessmentsOfApplications,
  criteriaOfRound,
  declarationForUpdate,
  deleteScores,
  panelApplications,
  panelRound,
  scoresOf,
  statusForUpdate,
  upsertDeclaration,
  upsertScore,
} from './assessment.queries.js';
import type { DeclareConflictInput, ScoreApplicationInput } from './dto/assessment.inputs.js';

/** Applications that can be assessed: a declaration and scores only make sense before the decision. */
const ASSESSABLE = ['SUBMITTED', 'IN_ASSESSMENT'];

/**
 * Conflict-of-interest declarations, scores against the round's weighted criteria,
 * and the panel view that ranks a round's applications against the fund's budget.
 */
@Injectable()
export class AssessmentService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly applications: ApplicationsService,
  ) {}

  async declareConflict(viewer: Viewer, input: DeclareConflictInput): Promise<GrantApplication> {
    if (input.hasConflict && !input.details) {
      throw badInput('input.details', 'say what the conflict of interest is');
    }
    return this.dataSource.transaction(async (manager) => {
      const row = await this.applications.officerView(
        manager,
        viewer,
        input.applicationId,
        GRANTS_POLICY.declareConflict,
      );
      if (!ASSESSABLE.includes(row.status)) {
        throw conflict(`An application that is ${row.status.replace('_', ' ')} is no longer being assessed`);
      }
      const earlier = await declarationForUpdate(manager, input.applicationId, viewer.accountId);
      if (earlier?.has_conflict && !input.hasConflict) {
        throw conflict('A declared conflict of interest stands; ask another assessor to score this application');
      }
      await upsertDeclaration(manager, input.applicationId, viewer.accountId, {
        hasConflict: input.hasConflict,
        details: input.details ?? null,
      });
      if (input.hasConflict) {
        // Scores given before the conflict came to light no longer count.
        await deleteScores(manager, input.applicationId, viewer.accountId);
      }
      await this.audit.record(manager, viewer, {
        entityType: 'GrantApplication',
        entityId: input.applicationId,
        action: 'declare-conflict',
        before: earlier ? { hasConflict: earlier.has_conflict, details: earlier.details } : null,
        after: { hasConflict: input.hasConflict, details: input.details ?? null },
      });
      return toApplication((await applicationById(manager, input.applicationId)) as ApplicationRow);
    });
  }

  async score(viewer: Viewer, input: ScoreApplicationInput): Promise<Assessment> {
    return this.dataSource.transaction(async (manager) => {
      // Only an officer who may declare a conflict may score, and only once they declared none.
      const row = await this.applications.officerView(
        manager,
        viewer,
        input.applicationId,
        GRANTS_POLICY.declareConflict,
      );
      enforce(GRANTS_POLICY.scoreApplication, viewer, {
        ...applicationFacts(row),
        conflictDeclared: await this.applications.conflictDeclared(manager, viewer, input.applicationId),
      });
      const status = await statusForUpdate(manager, input.applicationId);
      if (status !== 'IN_ASSESSMENT') {
        throw conflict(`An application that is ${status.replace('_', ' ')} cannot be scored`);
      }
      const criteria = await criteriaOfRound(manager, row.round_id);
      const byId = new Map(criteria.map((criterion) => [criterion.id, criterion]));
      const seen = new Set<string>();
      for (const [index, given] of input.scores.entries()) {
        const criterion = byId.get(given.criterionId);
        if (!criterion) throw badInput(`input.scores[${index}].criterionId`, 'is not a criterion of this round');
        if (seen.has(given.criterionId)) throw badInput(`input.scores[${index}].criterionId`, 'is scored twice');
        seen.add(given.criterionId);
        if (given.score > criterion.max_score) {
          throw badInput(
            `input.scores[${index}].score`,
            `must be between 0 and ${criterion.max_score} for “${criterion.name}”`,
          );
        }
      }
      const before = await scoresOf(manager, input.applicationId, viewer.accountId);
      for (const given of input.scores) {
        await upsertScore(manager, input.applicationId, viewer.accountId, given);
      }
      await this.audit.record(manager, viewer, {
        entityType: 'GrantApplication',
        entityId: input.applicationId,
        action: 'score',
        before: before.length ? { scores: before } : null,
        after: { scores: input.scores.map(({ criterionId, score }) => ({ criterion_id: criterionId, score })) },
      });
      const [mine] =
        (
          await this.assessmentsOf(
            [input.applicationId],
            { seenBy: viewer.accountId, onlyAssessor: viewer.accountId },
            manager,
          )
        ).get(input.applicationId) ?? [];
      return mine;
    });
  }

  /**
   * Each assessor's scores on the applications, for the officers (one statement for the lot),
   * without those of applications `seenBy` declared a conflict of interest on.
   */
  async assessmentsOf(
    applicationIds: readonly string[],
    { seenBy, onlyAssessor }: { seenBy: string | null; onlyAssessor?: string | null },
    db: Pick<DataSource, 'query'> = this.dataSource,
  ): Promise<Map<string, Assessment[]>> {
    const rows = await assessmentsOfApplications(db, applicationIds, onlyAssessor ?? null, seenBy);
    const byApplication = new Map<string, Assessment[]>(applicationIds.map((id) => [id, []]));
    for (const row of rows) byApplication.get(row.application_id)?.push(toAssessment(row));
    return byApplication;
  }

  /**
   * A round's applications in assessment, best first by mean weighted score (unscored
   * ones last, oldest first), with what they ask for against the fund's remaining budget.
   */
  async panel(viewer: Viewer, roundId: string): Promise<RoundPanel> {
    const round = await panelRound(this.dataSource, roundId);
    if (!round) throw notFound('That round');
    enforce(GRANTS_POLICY.viewRoundPanel, viewer, { councilId: round.owner_organisation_id });
    const rows = await panelApplications(this.dataSource, roundId, viewer.accountId);
    const remaining = Number(round.remaining);
    let cumulative = 0;
    const entries = rows.map((row, index) => {
      const requested = Number(row.amount_requested_pence);
      cumulative += requested;
      return Object.assign(new PanelEntry(), {
        rank: index + 1,
        application: toApplication(row),
        weightedScore: row.weighted_score === null || !row.scores_visible ? null : Number(row.weighted_score),
        assessors: row.assessors,
        conflictsDeclared: row.conflicts,
        amountRequested: requested,
        cumulativeRequested: cumulative,
        withinRemainingBudget: cumulative <= remaining,
      });
    });
    return Object.assign(new RoundPanel(), { remainingBudget: remaining, totalRequested: cumulative, entries });
  }
}
