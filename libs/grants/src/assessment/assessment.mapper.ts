import { Assessment, type CriterionScore } from './assessment.model.js';
import type { AssessmentRow } from './assessment.queries.js';

export function toAssessment(row: AssessmentRow): Assessment {
  return Object.assign(new Assessment(), {
    assessor: row.assessor,
    scores: (typeof row.scores === 'string' ? JSON.parse(row.scores) : row.scores) as CriterionScore[],
    weightedTotal: row.weighted_total === null ? null : Number(row.weighted_total),
  });
}
