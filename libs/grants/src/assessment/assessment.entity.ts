import { Check, Column, CreateDateColumn, Entity, ForeignKey, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * An assessor's declaration about one application, made before any score. With
 * `hasConflict` the assessor may not score it.
 */
@Entity('grant_conflict_declarations')
@Check('ck_grant_conflict_declarations_details', `NOT "has_conflict" OR "details" IS NOT NULL`)
export class ConflictDeclarationEntity {
  @PrimaryColumn('uuid')
  @ForeignKey('GrantApplicationEntity', { onDelete: 'CASCADE' })
  applicationId: string;

  @PrimaryColumn('uuid')
  @ForeignKey('AccountEntity', { onDelete: 'CASCADE' })
  assessorAccountId: string;

  @Column('boolean')
  hasConflict: boolean;

  @Column('text', { nullable: true })
  details: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  declaredAt: Date;
}

/** One assessor's score for one criterion of one application, with the reason for it. */
@Entity('grant_scores')
@Check('ck_grant_scores_score', `"score" >= 0`)
export class AssessmentScoreEntity {
  @PrimaryColumn('uuid')
  @ForeignKey('GrantApplicationEntity', { onDelete: 'CASCADE' })
  applicationId: string;

  @PrimaryColumn('uuid')
  @ForeignKey('AccountEntity', { onDelete: 'CASCADE' })
  assessorAccountId: string;

  @PrimaryColumn('uuid')
  @ForeignKey('GrantCriterionEntity', { onDelete: 'CASCADE' })
  criterionId: string;

  @Column('smallint')
  score: number;

  @Column('text')
  justification: string;

  @UpdateDateColumn({ type: 'timestamptz' })
  scoredAt: Date;
}
