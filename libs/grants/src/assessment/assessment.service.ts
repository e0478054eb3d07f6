import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService, badInput, conflict, enforce, notFound, type Viewer } from '@cohesion/common';
import { applicationFacts, ApplicationsService } from '../applications/applications.service.js';
import { Assessment, PanelEntry, RoundPanel, type GrantApplication } from '../applications/application.model.js';
import { GRANTS_POLICY } from '../grants.policy.js';
import { toApplication } from '../applications/application.mapper.js';
import { APPLICATION_SQL, loadApplication } from '../applications/application.queries.js';
import type { DeclareConflictInput, ScoreApplicationInput } from './dto/assessment.inputs.js';

type Row = Record<string, unknown>;

/** Applications that can be assessed: a declaration and scores only make sense before the decision. */
const ASSESSABLE = ['SUBMITTED', 'IN_ASSESSMENT'];

/**
 * Per assessor and application: the weighted total out of 100 once every criterion of
 * the round is scored (sum of score/max x weight, over the sum of weights).
 */
const WEIGHTED_SQL = `
  SELECT s.application_id, s.assessor_account_id,
         CASE WHEN count(*) = (SELECT count(*) FROM grant_criteria c2 WHERE c2.round_id = a.round_id)
              THEN round(100.0 * sum(s.score::numeric / c.max_score * c.weight)
                         / (SELECT sum(c3.weight) FROM grant_criteria c3 WHERE c3.round_id = a.round_id), 2)
         END AS weighted_total
    FROM grant_scores s
    JOIN grant_criteria c ON c.id = s.criterion_id
    JOIN grant_applications a ON a.id = s.application_id`;

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
      if (!ASSESSABLE.includes(row.status as string)) {
        throw conflict(
          `An application that is ${(row.status as string).replace('_', ' ')} is no longer being assessed`,
        );
      }
      const [earlier] = await manager.query<{ has_conflict: boolean; details: string | null }[]>(
        `SELECT has_conflict, details FROM grant_conflict_declarations
          WHERE application_id = $1 AND assessor_account_id = $2 FOR UPDATE`,
        [input.applicationId, viewer.accountId],
      );
      if (earlier?.has_conflict && !input.hasConflict) {
        throw conflict('A declared conflict of interest stands; ask another assessor to score this application');
      }
      await manager.query(
        `INSERT INTO grant_conflict_declarations (application_id, assessor_account_id, has_conflict, details)
         VALUES ($1, $2, $3, $4)
         ON CONFLICT (application_id, assessor_account_id)
         DO UPDATE SET has_conflict = EXCLUDED.has_conflict, details = EXCLUDED.details, declared_at = now()`,
        [input.applicationId, viewer.accountId, input.hasConflict, input.details ?? null],
      );
      if (input.hasConflict) {
        // Scores given before the conflict came to light no longer count.
        await manager.query('DELETE FROM grant_scores WHERE application_id = $1 AND assessor_account_id = $2', [
          input.applicationId,
          viewer.accountId,
        ]);
      }
      await this.audit.record(manager, viewer, {
        entityType: 'GrantApplication',
        entityId: input.applicationId,
        action: 'declare-conflict',
        before: earlier ? { hasConflict: earlier.has_conflict, details: earlier.details } : null,
        after: { hasConflict: input.hasConflict, details: input.details ?? null },
      });
      return toApplication((await loadApplication(manager, input.applicationId)) as Row);
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
      const [current] = await manager.query<{ status: string }[]>(
        'SELECT status FROM grant_applications WHERE id = $1 FOR UPDATE',
        [input.applicationId],
      );
      if (current.status !== 'IN_ASSESSMENT') {
        throw conflict(`An application that is ${current.status.replace('_', ' ')} cannot be scored`);
      }
      const criteria = await manager.query<{ id: string; name: string; max_score: number }[]>(
        'SELECT id, name, max_score FROM grant_criteria WHERE round_id = $1',
        [row.round_id],
      );
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
      const before = await manager.query<Row[]>(
        'SELECT criterion_id, score FROM grant_scores WHERE application_id = $1 AND assessor_account_id = $2',
        [input.applicationId, viewer.accountId],
      );
      for (const given of input.scores) {
        await manager.query(
          `INSERT INTO grant_scores (application_id, assessor_account_id, criterion_id, score, justification)
           VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (application_id, assessor_account_id, criterion_id)
           DO UPDATE SET score = EXCLUDED.score, justification = EXCLUDED.justification, scored_at = now()`,
          [input.applicationId, viewer.accountId, given.criterionId, given.score, given.justification],
        );
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
    const rows = await db.query<Row[]>(
      `WITH totals AS (${WEIGHTED_SQL} WHERE s.application_id = ANY($1::uuid[]) GROUP BY s.application_id, s.assessor_account_id, a.round_id)
       SELECT s.application_id, s.assessor_account_id, COALESCE(p.full_name, ac.email) AS assessor,
              json_agg(json_build_object('criterionId', c.id, 'criterion', c.name, 'score', s.score,
                                         'maxScore', c.max_score, 'justification', s.justification)
                       ORDER BY c.position) AS scores,
              t.weighted_total
         FROM grant_scores s
         JOIN grant_criteria c ON c.id = s.criterion_id
         JOIN accounts ac ON ac.id = s.assessor_account_id
         LEFT JOIN practitioners p ON p.id = ac.id
         JOIN totals t ON t.application_id = s.application_id AND t.assessor_account_id = s.assessor_account_id
        WHERE s.application_id = ANY($1::uuid[]) AND ($2::uuid IS NULL OR s.assessor_account_id = $2)
          AND ${GRANTS_POLICY.viewAssessments.sql('s.application_id', '$3::uuid')}
        GROUP BY s.application_id, s.assessor_account_id, p.full_name, ac.email, t.weighted_total
        ORDER BY assessor`,
      [applicationIds, onlyAssessor ?? null, seenBy],
    );
    const byApplication = new Map<string, Assessment[]>(applicationIds.map((id) => [id, []]));
    for (const row of rows) {
      byApplication.get(row.application_id as string)?.push(
        Object.assign(new Assessment(), {
          assessor: row.assessor,
          scores: typeof row.scores === 'string' ? JSON.parse(row.scores) : row.scores,
          weightedTotal: row.weighted_total === null ? null : Number(row.weighted_total),
        }),
      );
    }
    return byApplication;
  }

  /**
   * A round's applications in assessment, best first by mean weighted score (unscored
   * ones last, oldest first), with what they ask for against the fund's remaining budget.
   */
  async panel(viewer: Viewer, roundId: string): Promise<RoundPanel> {
    const [round] = await this.dataSource.query<Row[]>(
      `SELECT r.id, f.owner_organisation_id, f.budget_pence - f.committed_pence AS remaining
         FROM grant_rounds r JOIN grant_funds f ON f.id = r.fund_id WHERE r.id = $1`,
      [roundId],
    );
    if (!round) throw notFound('That round');
    enforce(GRANTS_POLICY.viewRoundPanel, viewer, { councilId: round.owner_organisation_id as string });
    const rows = await this.dataSource.query<Row[]>(
      `WITH totals AS (${WEIGHTED_SQL} WHERE a.round_id = $1 AND a.status = 'IN_ASSESSMENT'
                       GROUP BY s.application_id, s.assessor_account_id, a.round_id)
       SELECT x.*, (SELECT round(avg(t.weighted_total), 2) FROM totals t
                     WHERE t.application_id = x.id AND t.weighted_total IS NOT NULL) AS weighted_score,
              (SELECT count(*)::int FROM totals t WHERE t.application_id = x.id AND t.weighted_total IS NOT NULL) AS assessors,
              (SELECT count(*)::int FROM grant_conflict_declarations d
                WHERE d.application_id = x.id AND d.has_conflict) AS conflicts,
              ${GRANTS_POLICY.viewAssessments.sql('x.id', '$2::uuid')} AS scores_visible
         FROM (${APPLICATION_SQL} WHERE a.round_id = $1 AND a.status = 'IN_ASSESSMENT') x
        ORDER BY weighted_score DESC NULLS LAST, x.submitted_at, x.id`,
      [roundId, viewer.accountId],
    );
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
