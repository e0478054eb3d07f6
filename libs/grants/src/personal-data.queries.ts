import type { Db, PersonalDataSection } from '@cohesion/common';

/**
 * What the grants hold about one person, for a copy of their data: the work they did as an
 * assessor or officer. Decisions they recorded are in their audit entries.
 */
export interface ScoreDataRow {
  applicationId: string;
  projectTitle: string;
  criterion: string;
  score: number;
  justification: string;
  scoredAt: Date;
}

export interface DeclarationDataRow {
  applicationId: string;
  projectTitle: string;
  hasConflict: boolean;
  details: string | null;
  declaredAt: Date;
}

export interface RecordedDataRow {
  kind: 'application' | 'payment' | 'monitoringReport' | 'fund' | 'round';
  id: string;
  title: string;
  at: Date;
}

/** The scores they gave, oldest first. */
export function scoresBy(db: Db, accountId: string): Promise<ScoreDataRow[]> {
  return db.query<ScoreDataRow[]>(
    `SELECT s.application_id AS "applicationId", a.project_title AS "projectTitle", c.name AS criterion, s.score,
            s.justification, s.scored_at AS "scoredAt"
       FROM grant_scores s
       JOIN grant_applications a ON a.id = s.application_id
       JOIN grant_criteria c ON c.id = s.criterion_id
      WHERE s.assessor_account_id = $1 ORDER BY s.scored_at, s.application_id, c.id`,
    [accountId],
  );
}

/** The conflicts of interest they declared (or declared they had none), oldest first. */
export function declarationsBy(db: Db, accountId: string): Promise<DeclarationDataRow[]> {
  return db.query<DeclarationDataRow[]>(
    `SELECT d.application_id AS "applicationId", a.project_title AS "projectTitle", d.has_conflict AS "hasConflict",
            d.details, d.declared_at AS "declaredAt"
       FROM grant_conflict_declarations d JOIN grant_applications a ON a.id = d.application_id
      WHERE d.assessor_account_id = $1 ORDER BY d.declared_at, d.application_id`,
    [accountId],
  );
}

/** The records they created or submitted: applications, payments, monitoring reports, funds and rounds. */
export function recordedBy(db: Db, accountId: string): Promise<RecordedDataRow[]> {
  return db.query<RecordedDataRow[]>(
    `SELECT * FROM (
       SELECT 'application' AS kind, a.id, a.project_title AS title, a.created_at AS at
         FROM grant_applications a WHERE a.created_by = $1
       UNION ALL
       SELECT 'payment', p.id, a.project_title, p.created_at
         FROM grant_payments p JOIN grant_applications a ON a.id = p.application_id WHERE p.created_by = $1
       UNION ALL
       SELECT 'monitoringReport', r.id, r.title, r.submitted_at
         FROM grant_monitoring_reports r WHERE r.submitted_by = $1
       UNION ALL
       SELECT 'fund', f.id, f.name, f.created_at FROM grant_funds f WHERE f.created_by = $1
       UNION ALL
       SELECT 'round', r.id, r.name, r.created_at FROM grant_rounds r WHERE r.created_by = $1
     ) recorded ORDER BY at, kind, id`,
    [accountId],
  );
}

async function grantsWork(db: Db, accountId: string) {
  return {
    scores: await scoresBy(db, accountId),
    conflictDeclarations: await declarationsBy(db, accountId),
    recorded: await recordedBy(db, accountId),
  };
}

export const GRANTS_PERSONAL_DATA: PersonalDataSection[] = [{ name: 'grantsWork', read: grantsWork }];
