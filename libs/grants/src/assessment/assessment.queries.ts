import { accountsSql } from '@cohesion/auth';
import type { Db } from '@cohesion/common';
import { practitionersSql } from '@cohesion/directory';
import { APPLICATION_SQL, type ApplicationRow } from '../applications/application.queries.js';
import { GRANTS_POLICY } from '../grants.policy.js';

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

export interface DeclarationRow {
  has_conflict: boolean;
  details: string | null;
}

/** The assessor's declaration on the application, locked. */
export async function declarationForUpdate(
  db: Db,
  applicationId: string,
  accountId: string | null,
): Promise<DeclarationRow | undefined> {
  const [row] = await db.query<DeclarationRow[]>(
    `SELECT has_conflict, details FROM grant_conflict_declarations
      WHERE application_id = $1 AND assessor_account_id = $2 FOR UPDATE`,
    [applicationId, accountId],
  );
  return row;
}

export async function upsertDeclaration(
  db: Db,
  applicationId: string,
  accountId: string | null,
  declaration: { hasConflict: boolean; details: string | null },
): Promise<void> {
  await db.query(
    `INSERT INTO grant_conflict_declarations (application_id, assessor_account_id, has_conflict, details)
     VALUES ($1, $2, $3, $4)
     ON CONFLICT (application_id, assessor_account_id)
     DO UPDATE SET has_conflict = EXCLUDED.has_conflict, details = EXCLUDED.details, declared_at = now()`,
    [applicationId, accountId, declaration.hasConflict, declaration.details],
  );
}

export async function deleteScores(db: Db, applicationId: string, accountId: string | null): Promise<void> {
  await db.query('DELETE FROM grant_scores WHERE application_id = $1 AND assessor_account_id = $2', [
    applicationId,
    accountId,
  ]);
}

/** The application's status, locked. */
export async function statusForUpdate(db: Db, applicationId: string): Promise<string> {
  const [row] = await db.query<{ status: string }[]>('SELECT status FROM grant_applications WHERE id = $1 FOR UPDATE', [
    applicationId,
  ]);
  return row.status;
}

export interface CriterionRow {
  id: string;
  name: string;
  max_score: number;
}

export function criteriaOfRound(db: Db, roundId: string): Promise<CriterionRow[]> {
  return db.query<CriterionRow[]>('SELECT id, name, max_score FROM grant_criteria WHERE round_id = $1', [roundId]);
}

export interface ScoreRow {
  criterion_id: string;
  score: number;
}

export function scoresOf(db: Db, applicationId: string, accountId: string | null): Promise<ScoreRow[]> {
  return db.query<ScoreRow[]>(
    'SELECT criterion_id, score FROM grant_scores WHERE application_id = $1 AND assessor_account_id = $2',
    [applicationId, accountId],
  );
}

export async function upsertScore(
  db: Db,
  applicationId: string,
  accountId: string | null,
  given: { criterionId: string; score: number; justification: string },
): Promise<void> {
  await db.query(
    `INSERT INTO grant_scores (application_id, assessor_account_id, criterion_id, score, justification)
     VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (application_id, assessor_account_id, criterion_id)
     DO UPDATE SET score = EXCLUDED.score, justification = EXCLUDED.justification, scored_at = now()`,
    [applicationId, accountId, given.criterionId, given.score, given.justification],
  );
}

export interface CriterionScoreJson {
  criterionId: string;
  criterion: string;
  score: number;
  maxScore: number;
  justification: string;
}

/** One assessor's scores on one application, with the weighted total (numeric, as text). */
export interface AssessmentRow {
  application_id: string;
  assessor_account_id: string;
  assessor: string;
  /** JSON the driver may hand back as text. */
  scores: CriterionScoreJson[] | string;
  weighted_total: string | number | null;
}

/**
 * Each assessor's scores on the applications (one assessor's when `onlyAssessor` is set),
 * without those of applications `seenBy` declared a conflict of interest on.
 */
export function assessmentsOfApplications(
  db: Db,
  applicationIds: readonly string[],
  onlyAssessor: string | null,
  seenBy: string | null,
): Promise<AssessmentRow[]> {
  return db.query<AssessmentRow[]>(
    `WITH totals AS (${WEIGHTED_SQL} WHERE s.application_id = ANY($1::uuid[]) GROUP BY s.application_id, s.assessor_account_id, a.round_id)
     SELECT s.application_id, s.assessor_account_id, COALESCE(p.full_name, ac.email) AS assessor,
            json_agg(json_build_object('criterionId', c.id, 'criterion', c.name, 'score', s.score,
                                       'maxScore', c.max_score, 'justification', s.justification)
                     ORDER BY c.position) AS scores,
            t.weighted_total
       FROM grant_scores s
       JOIN grant_criteria c ON c.id = s.criterion_id
       JOIN ${accountsSql('ac')} ON ac.id = s.assessor_account_id
       LEFT JOIN ${practitionersSql('p')} ON p.id = ac.id
       JOIN totals t ON t.application_id = s.application_id AND t.assessor_account_id = s.assessor_account_id
      WHERE s.application_id = ANY($1::uuid[]) AND ($2::uuid IS NULL OR s.assessor_account_id = $2)
        AND ${GRANTS_POLICY.viewAssessments.sql('s.application_id', '$3::uuid')}
      GROUP BY s.application_id, s.assessor_account_id, p.full_name, ac.email, t.weighted_total
      ORDER BY assessor`,
    [applicationIds, onlyAssessor, seenBy],
  );
}

export interface PanelRoundRow {
  id: string;
  owner_organisation_id: string;
  remaining: number;
}

export async function panelRound(db: Db, roundId: string): Promise<PanelRoundRow | undefined> {
  const [row] = await db.query<PanelRoundRow[]>(
    `SELECT r.id, f.owner_organisation_id, f.budget_pence - f.committed_pence AS remaining
       FROM grant_rounds r JOIN grant_funds f ON f.id = r.fund_id WHERE r.id = $1`,
    [roundId],
  );
  return row;
}

/** An application in assessment with the panel's figures on it. */
export interface PanelApplicationRow extends ApplicationRow {
  weighted_score: string | number | null;
  assessors: number;
  conflicts: number;
  /** Whether the viewer may see its assessments (no conflict declared), so its weighted score. */
  scores_visible: boolean;
}

/** A round's applications in assessment, best first by mean weighted score (unscored last, oldest first). */
export function panelApplications(
  db: Db,
  roundId: string,
  viewerAccountId: string | null,
): Promise<PanelApplicationRow[]> {
  return db.query<PanelApplicationRow[]>(
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
    [roundId, viewerAccountId],
  );
}
