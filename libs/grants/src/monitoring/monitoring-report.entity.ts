import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';

/** The four ONS personal wellbeing (ONS4) items, each scored 0 to 10. */
export const ONS4_ITEMS = ['lifeSatisfaction', 'worthwhile', 'happiness', 'anxiety'] as const;
export type Ons4Item = (typeof ONS4_ITEMS)[number];

const ons4Check = ['life_satisfaction', 'worthwhile', 'happiness', 'anxiety']
  .flatMap((item) => [`${item}_before`, `${item}_after`])
  .map((column) => `("${column}" IS NULL OR "${column}" BETWEEN 0 AND 10)`)
  .join(' AND ');

/**
 * A monitoring report due on an award, and once submitted what it says: outputs, a
 * narrative and, optionally, the group's average ONS4 scores before and after. The
 * four items are kept and reported separately, never summed; for anxiety lower is better.
 */
@Entity('grant_monitoring_reports')
@Check('ck_grant_monitoring_reports_ons4', ons4Check)
@Check(
  'ck_grant_monitoring_reports_outputs',
  `COALESCE("participants", 0) >= 0 AND COALESCE("sessions", 0) >= 0 AND COALESCE("volunteers", 0) >= 0 AND COALESCE("volunteer_hours", 0) >= 0`,
)
@Check('ck_grant_monitoring_reports_submitted', `"submitted_at" IS NULL OR "narrative" IS NOT NULL`)
@Index('idx_grant_monitoring_reports_application_id', ['applicationId', 'dueDate'])
@Index('idx_grant_monitoring_reports_due', ['dueDate'], { where: `"submitted_at" IS NULL` })
export class MonitoringReportEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  @ForeignKey('GrantApplicationEntity', { onDelete: 'CASCADE' })
  applicationId: string;

  @Column('date')
  dueDate: string;

  /** "Mid-point report", "Final report". */
  @Column('varchar', { length: 100 })
  title: string;

  @Column('timestamptz', { nullable: true })
  submittedAt: Date | null;

  @Column('uuid', { nullable: true })
  @ForeignKey('AccountEntity', { onDelete: 'SET NULL' })
  submittedBy: string | null;

  @Column('integer', { nullable: true })
  participants: number | null;

  @Column('integer', { nullable: true })
  sessions: number | null;

  @Column('integer', { nullable: true })
  volunteers: number | null;

  @Column('numeric', { precision: 8, scale: 1, nullable: true })
  volunteerHours: string | null;

  @Column('text', { nullable: true })
  narrative: string | null;

  /** How many people answered the wellbeing questions (the averages below are theirs). */
  @Column('integer', { nullable: true })
  wellbeingRespondents: number | null;

  @Column('numeric', { precision: 4, scale: 2, nullable: true })
  lifeSatisfactionBefore: string | null;

  @Column('numeric', { precision: 4, scale: 2, nullable: true })
  lifeSatisfactionAfter: string | null;

  @Column('numeric', { precision: 4, scale: 2, nullable: true })
  worthwhileBefore: string | null;

  @Column('numeric', { precision: 4, scale: 2, nullable: true })
  worthwhileAfter: string | null;

  @Column('numeric', { precision: 4, scale: 2, nullable: true })
  happinessBefore: string | null;

  @Column('numeric', { precision: 4, scale: 2, nullable: true })
  happinessAfter: string | null;

  @Column('numeric', { precision: 4, scale: 2, nullable: true })
  anxietyBefore: string | null;

  @Column('numeric', { precision: 4, scale: 2, nullable: true })
  anxietyAfter: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
