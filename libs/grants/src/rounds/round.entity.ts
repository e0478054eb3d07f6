import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';

/** A call for applications within a fund: open dates, award limits, criteria and eligibility rules. */
@Entity('grant_rounds')
@Check('ck_grant_rounds_dates', `"closes_at" > "opens_at"`)
@Check('ck_grant_rounds_awards', `"min_award_pence" >= 0 AND "max_award_pence" >= "min_award_pence"`)
@Check('ck_grant_rounds_income', `"max_annual_income_pence" IS NULL OR "max_annual_income_pence" >= 0`)
@Index('idx_grant_rounds_fund_id', ['fundId', 'opensAt'])
export class GrantRoundEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  @ForeignKey('GrantFundEntity', { onDelete: 'RESTRICT' })
  fundId: string;

  @Column('varchar', { length: 200 })
  name: string;

  @Column('timestamptz')
  opensAt: Date;

  @Column('timestamptz')
  closesAt: Date;

  @Column('bigint')
  minAwardPence: number;

  @Column('bigint')
  maxAwardPence: number;

  /** Organisation kinds that may apply; empty means any. */
  @Column('varchar', { length: 20, array: true, default: () => "'{}'" })
  eligibleKinds: string[];

  /** Applicants must declare an annual income at or under this, when set. */
  @Column('bigint', { nullable: true })
  maxAnnualIncomePence: number | null;

  /** Rounds made by an import of past awards take no applications. */
  @Column('boolean', { default: false })
  imported: boolean;

  @Column('uuid', { nullable: true })
  @ForeignKey('AccountEntity', { onDelete: 'SET NULL' })
  createdBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** Areas an applicant must serve (at least one of, or one inside them); none means anywhere. */
@Entity('grant_round_areas')
@Index('idx_grant_round_areas_area_id', ['areaId'])
export class GrantRoundAreaEntity {
  @PrimaryColumn('uuid')
  @ForeignKey('GrantRoundEntity', { onDelete: 'CASCADE' })
  roundId: string;

  @PrimaryColumn('uuid')
  @ForeignKey('AreaEntity', { onDelete: 'RESTRICT' })
  areaId: string;
}

/** A weighted assessment criterion: scores run 0 to maxScore. */
@Entity('grant_criteria')
@Unique('uq_grant_criteria_round_position', ['roundId', 'position'])
@Check('ck_grant_criteria_max_score', `"max_score" BETWEEN 1 AND 100`)
@Check('ck_grant_criteria_weight', `"weight" BETWEEN 1 AND 100`)
export class GrantCriterionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  @ForeignKey('GrantRoundEntity', { onDelete: 'CASCADE' })
  roundId: string;

  @Column('smallint')
  position: number;

  @Column('varchar', { length: 200 })
  name: string;

  @Column('text', { nullable: true })
  guidance: string | null;

  @Column('smallint')
  weight: number;

  @Column('smallint')
  maxScore: number;
}
