import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Grants1795439499216 implements MigrationInterface {
  name = 'Grants1795439499216';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "grant_applications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "round_id" uuid NOT NULL, "fund_id" uuid NOT NULL, "applicant_organisation_id" uuid NOT NULL, "status" character varying(20) NOT NULL, "project_title" character varying(200) NOT NULL, "summary" text NOT NULL, "amount_requested_pence" bigint NOT NULL, "planned_start" date NOT NULL, "planned_end" date NOT NULL, "expected_participants" integer, "annual_income_pence" bigint, "ineligible_reason" text, "recorded_by_officer" boolean NOT NULL DEFAULT false, "created_by" uuid, "submitted_at" TIMESTAMP WITH TIME ZONE, "decided_at" TIMESTAMP WITH TIME ZONE, "decision_reason" text, "amount_awarded_pence" bigint, "awarded_at" date, "paid_pence" bigint NOT NULL DEFAULT '0', "actual_spend_pence" bigint, "closed_at" TIMESTAMP WITH TIME ZONE, "closure_note" text, "external_id" character varying(200), "is_demo" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', CONSTRAINT "ck_grant_applications_spend" CHECK ("actual_spend_pence" IS NULL OR "actual_spend_pence" >= 0), CONSTRAINT "ck_grant_applications_awarded_status" CHECK (("amount_awarded_pence" IS NOT NULL) = ("status" IN ('AWARDED', 'ACTIVE', 'COMPLETED', 'CLOSED_EARLY') OR ("status" = 'WITHDRAWN' AND "awarded_at" IS NOT NULL))), CONSTRAINT "ck_grant_applications_award" CHECK (("amount_awarded_pence" IS NULL OR "amount_awarded_pence" > 0) AND "paid_pence" >= 0 AND "paid_pence" <= COALESCE("amount_awarded_pence", 0)), CONSTRAINT "ck_grant_applications_participants" CHECK ("expected_participants" IS NULL OR "expected_participants" >= 0), CONSTRAINT "ck_grant_applications_dates" CHECK ("planned_end" >= "planned_start"), CONSTRAINT "ck_grant_applications_requested" CHECK ("amount_requested_pence" > 0), CONSTRAINT "ck_grant_applications_status" CHECK ("status" IN ('DRAFT', 'SUBMITTED', 'INELIGIBLE', 'IN_ASSESSMENT', 'AWARDED', 'DECLINED', 'ACTIVE', 'COMPLETED', 'CLOSED_EARLY', 'WITHDRAWN')), CONSTRAINT "pk_grant_applications_id" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_grant_applications_external_id" ON "grant_applications"  ("fund_id", "external_id") WHERE "external_id" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_grant_applications_applicant" ON "grant_applications"  ("applicant_organisation_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_grant_applications_fund_id" ON "grant_applications"  ("fund_id", "status", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_grant_applications_round_id" ON "grant_applications"  ("round_id", "status") `,
    );
    await queryRunner.query(
      `CREATE TABLE "grant_application_areas" ("application_id" uuid NOT NULL, "area_id" uuid NOT NULL, CONSTRAINT "pk_grant_application_areas_application_id_area_id" PRIMARY KEY ("application_id", "area_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_grant_application_areas_area_id" ON "grant_application_areas"  ("area_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "grant_application_themes" ("application_id" uuid NOT NULL, "term_id" uuid NOT NULL, CONSTRAINT "pk_grant_application_themes_application_id_term_id" PRIMARY KEY ("application_id", "term_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_grant_application_themes_term_id" ON "grant_application_themes"  ("term_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "grant_conflict_declarations" ("application_id" uuid NOT NULL, "assessor_account_id" uuid NOT NULL, "has_conflict" boolean NOT NULL, "details" text, "declared_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_grant_conflict_declarations_details" CHECK (NOT "has_conflict" OR "details" IS NOT NULL), CONSTRAINT "pk_grant_conflict_declarations_application_id_assessor_a96027da" PRIMARY KEY ("application_id", "assessor_account_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "grant_scores" ("application_id" uuid NOT NULL, "assessor_account_id" uuid NOT NULL, "criterion_id" uuid NOT NULL, "score" smallint NOT NULL, "justification" text NOT NULL, "scored_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_grant_scores_score" CHECK ("score" >= 0), CONSTRAINT "pk_grant_scores_application_id_assessor_account_id_criterion_id" PRIMARY KEY ("application_id", "assessor_account_id", "criterion_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "grant_funds" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "owner_organisation_id" uuid NOT NULL, "name" character varying(200) NOT NULL, "programme_code" character varying(40) NOT NULL, "financial_year" character varying(7) NOT NULL, "budget_pence" bigint NOT NULL, "committed_pence" bigint NOT NULL DEFAULT '0', "paid_pence" bigint NOT NULL DEFAULT '0', "grant_id_prefix" character varying(60) NOT NULL, "description" text, "is_demo" boolean NOT NULL DEFAULT false, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_grant_funds_financial_year" CHECK ("financial_year" ~ '^[0-9]{4}-[0-9]{2}$'), CONSTRAINT "ck_grant_funds_paid" CHECK ("paid_pence" >= 0 AND "paid_pence" <= "committed_pence"), CONSTRAINT "ck_grant_funds_committed" CHECK ("committed_pence" >= 0 AND "committed_pence" <= "budget_pence"), CONSTRAINT "ck_grant_funds_budget" CHECK ("budget_pence" >= 0), CONSTRAINT "pk_grant_funds_id" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_grant_funds_owner_organisation_id" ON "grant_funds"  ("owner_organisation_id", "financial_year") `,
    );
    await queryRunner.query(
      `CREATE TABLE "grant_fund_areas" ("fund_id" uuid NOT NULL, "area_id" uuid NOT NULL, CONSTRAINT "pk_grant_fund_areas_fund_id_area_id" PRIMARY KEY ("fund_id", "area_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_grant_fund_areas_area_id" ON "grant_fund_areas"  ("area_id") `);
    await queryRunner.query(
      `CREATE TABLE "grant_fund_themes" ("fund_id" uuid NOT NULL, "term_id" uuid NOT NULL, CONSTRAINT "pk_grant_fund_themes_fund_id_term_id" PRIMARY KEY ("fund_id", "term_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_grant_fund_themes_term_id" ON "grant_fund_themes"  ("term_id") `);
    await queryRunner.query(
      `CREATE TABLE "grant_monitoring_reports" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "application_id" uuid NOT NULL, "due_date" date NOT NULL, "title" character varying(100) NOT NULL, "submitted_at" TIMESTAMP WITH TIME ZONE, "submitted_by" uuid, "participants" integer, "sessions" integer, "volunteers" integer, "volunteer_hours" numeric(8,1), "narrative" text, "wellbeing_respondents" integer, "life_satisfaction_before" numeric(4,2), "life_satisfaction_after" numeric(4,2), "worthwhile_before" numeric(4,2), "worthwhile_after" numeric(4,2), "happiness_before" numeric(4,2), "happiness_after" numeric(4,2), "anxiety_before" numeric(4,2), "anxiety_after" numeric(4,2), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_grant_monitoring_reports_submitted" CHECK ("submitted_at" IS NULL OR "narrative" IS NOT NULL), CONSTRAINT "ck_grant_monitoring_reports_outputs" CHECK (COALESCE("participants", 0) >= 0 AND COALESCE("sessions", 0) >= 0 AND COALESCE("volunteers", 0) >= 0 AND COALESCE("volunteer_hours", 0) >= 0), CONSTRAINT "ck_grant_monitoring_reports_ons4" CHECK (("life_satisfaction_before" IS NULL OR "life_satisfaction_before" BETWEEN 0 AND 10) AND ("life_satisfaction_after" IS NULL OR "life_satisfaction_after" BETWEEN 0 AND 10) AND ("worthwhile_before" IS NULL OR "worthwhile_before" BETWEEN 0 AND 10) AND ("worthwhile_after" IS NULL OR "worthwhile_after" BETWEEN 0 AND 10) AND ("happiness_before" IS NULL OR "happiness_before" BETWEEN 0 AND 10) AND ("happiness_after" IS NULL OR "happiness_after" BETWEEN 0 AND 10) AND ("anxiety_before" IS NULL OR "anxiety_before" BETWEEN 0 AND 10) AND ("anxiety_after" IS NULL OR "anxiety_after" BETWEEN 0 AND 10)), CONSTRAINT "pk_grant_monitoring_reports_id" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_grant_monitoring_reports_due" ON "grant_monitoring_reports"  ("due_date") WHERE "submitted_at" IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_grant_monitoring_reports_application_id" ON "grant_monitoring_reports"  ("application_id", "due_date") `,
    );
    await queryRunner.query(
      `CREATE TABLE "grant_payments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "application_id" uuid NOT NULL, "fund_id" uuid NOT NULL, "amount_pence" bigint NOT NULL, "due_date" date NOT NULL, "status" character varying(10) NOT NULL DEFAULT 'SCHEDULED', "paid_at" TIMESTAMP WITH TIME ZONE, "reference" character varying(100), "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_grant_payments_paid" CHECK (("status" = 'PAID') = ("paid_at" IS NOT NULL)), CONSTRAINT "ck_grant_payments_amount" CHECK ("amount_pence" > 0), CONSTRAINT "ck_grant_payments_status" CHECK ("status" IN ('SCHEDULED', 'PAID', 'CANCELLED')), CONSTRAINT "pk_grant_payments_id" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_grant_payments_fund_id" ON "grant_payments"  ("fund_id", "status") `);
    await queryRunner.query(
      `CREATE INDEX "idx_grant_payments_application_id" ON "grant_payments"  ("application_id", "due_date") `,
    );
    await queryRunner.query(
      `CREATE TABLE "grant_rounds" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "fund_id" uuid NOT NULL, "name" character varying(200) NOT NULL, "opens_at" TIMESTAMP WITH TIME ZONE NOT NULL, "closes_at" TIMESTAMP WITH TIME ZONE NOT NULL, "min_award_pence" bigint NOT NULL, "max_award_pence" bigint NOT NULL, "eligible_kinds" character varying(20) array NOT NULL DEFAULT '{}', "max_annual_income_pence" bigint, "imported" boolean NOT NULL DEFAULT false, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_grant_rounds_income" CHECK ("max_annual_income_pence" IS NULL OR "max_annual_income_pence" >= 0), CONSTRAINT "ck_grant_rounds_awards" CHECK ("min_award_pence" >= 0 AND "max_award_pence" >= "min_award_pence"), CONSTRAINT "ck_grant_rounds_dates" CHECK ("closes_at" > "opens_at"), CONSTRAINT "pk_grant_rounds_id" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_grant_rounds_fund_id" ON "grant_rounds"  ("fund_id", "opens_at") `);
    await queryRunner.query(
      `CREATE TABLE "grant_round_areas" ("round_id" uuid NOT NULL, "area_id" uuid NOT NULL, CONSTRAINT "pk_grant_round_areas_round_id_area_id" PRIMARY KEY ("round_id", "area_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_grant_round_areas_area_id" ON "grant_round_areas"  ("area_id") `);
    await queryRunner.query(
      `CREATE TABLE "grant_criteria" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "round_id" uuid NOT NULL, "position" smallint NOT NULL, "name" character varying(200) NOT NULL, "guidance" text, "weight" smallint NOT NULL, "max_score" smallint NOT NULL, CONSTRAINT "uq_grant_criteria_round_position" UNIQUE ("round_id", "position"), CONSTRAINT "ck_grant_criteria_weight" CHECK ("weight" BETWEEN 1 AND 100), CONSTRAINT "ck_grant_criteria_max_score" CHECK ("max_score" BETWEEN 1 AND 100), CONSTRAINT "pk_grant_criteria_id" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "grant_applications" ADD CONSTRAINT "fk_grant_applications_round_id" FOREIGN KEY ("round_id") REFERENCES "grant_rounds"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "grant_applications" ADD CONSTRAINT "fk_grant_applications_fund_id" FOREIGN KEY ("fund_id") REFERENCES "grant_funds"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "grant_applications" ADD CONSTRAINT "fk_grant_applications_applicant_organisation_id" FOREIGN KEY ("applicant_organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "grant_applications" ADD CONSTRAINT "fk_grant_applications_created_by" FOREIGN KEY ("created_by") REFERENCES "accounts"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "grant_application_areas" ADD CONSTRAINT "fk_grant_application_areas_application_id" FOREIGN KEY ("application_id") REFERENCES "grant_applications"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "grant_application_areas" ADD CONSTRAINT "fk_grant_application_areas_area_id" FOREIGN KEY ("area_id") REFERENCES "areas"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "grant_application_themes" ADD CONSTRAINT "fk_grant_application_themes_application_id" FOREIGN KEY ("application_id") REFERENCES "grant_applications"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "grant_application_themes" ADD CONSTRAINT "fk_grant_application_themes_term_id" FOREIGN KEY ("term_id") REFERENCES "taxonomy_terms"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "grant_conflict_declarations" ADD CONSTRAINT "fk_grant_conflict_declarations_application_id" FOREIGN KEY ("application_id") REFERENCES "grant_applications"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "grant_conflict_declarations" ADD CONSTRAINT "fk_grant_conflict_declarations_assessor_account_id" FOREIGN KEY ("assessor_account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "grant_scores" ADD CONSTRAINT "fk_grant_scores_application_id" FOREIGN KEY ("application_id") REFERENCES "grant_applications"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "grant_scores" ADD CONSTRAINT "fk_grant_scores_assessor_account_id" FOREIGN KEY ("assessor_account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "grant_scores" ADD CONSTRAINT "fk_grant_scores_criterion_id" FOREIGN KEY ("criterion_id") REFERENCES "grant_criteria"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "grant_funds" ADD CONSTRAINT "fk_grant_funds_owner_organisation_id" FOREIGN KEY ("owner_organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "grant_funds" ADD CONSTRAINT "fk_grant_funds_created_by" FOREIGN KEY ("created_by") REFERENCES "accounts"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "grant_fund_areas" ADD CONSTRAINT "fk_grant_fund_areas_fund_id" FOREIGN KEY ("fund_id") REFERENCES "grant_funds"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "grant_fund_areas" ADD CONSTRAINT "fk_grant_fund_areas_area_id" FOREIGN KEY ("area_id") REFERENCES "areas"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "grant_fund_themes" ADD CONSTRAINT "fk_grant_fund_themes_fund_id" FOREIGN KEY ("fund_id") REFERENCES "grant_funds"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "grant_fund_themes" ADD CONSTRAINT "fk_grant_fund_themes_term_id" FOREIGN KEY ("term_id") REFERENCES "taxonomy_terms"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "grant_monitoring_reports" ADD CONSTRAINT "fk_grant_monitoring_reports_application_id" FOREIGN KEY ("application_id") REFERENCES "grant_applications"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "grant_monitoring_reports" ADD CONSTRAINT "fk_grant_monitoring_reports_submitted_by" FOREIGN KEY ("submitted_by") REFERENCES "accounts"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "grant_payments" ADD CONSTRAINT "fk_grant_payments_application_id" FOREIGN KEY ("application_id") REFERENCES "grant_applications"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "grant_payments" ADD CONSTRAINT "fk_grant_payments_fund_id" FOREIGN KEY ("fund_id") REFERENCES "grant_funds"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "grant_payments" ADD CONSTRAINT "fk_grant_payments_created_by" FOREIGN KEY ("created_by") REFERENCES "accounts"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "grant_rounds" ADD CONSTRAINT "fk_grant_rounds_fund_id" FOREIGN KEY ("fund_id") REFERENCES "grant_funds"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "grant_rounds" ADD CONSTRAINT "fk_grant_rounds_created_by" FOREIGN KEY ("created_by") REFERENCES "accounts"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "grant_round_areas" ADD CONSTRAINT "fk_grant_round_areas_round_id" FOREIGN KEY ("round_id") REFERENCES "grant_rounds"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "grant_round_areas" ADD CONSTRAINT "fk_grant_round_areas_area_id" FOREIGN KEY ("area_id") REFERENCES "areas"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "grant_criteria" ADD CONSTRAINT "fk_grant_criteria_round_id" FOREIGN KEY ("round_id") REFERENCES "grant_rounds"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "grant_criteria" DROP CONSTRAINT "fk_grant_criteria_round_id"`);
    await queryRunner.query(`ALTER TABLE "grant_round_areas" DROP CONSTRAINT "fk_grant_round_areas_area_id"`);
    await queryRunner.query(`ALTER TABLE "grant_round_areas" DROP CONSTRAINT "fk_grant_round_areas_round_id"`);
    await queryRunner.query(`ALTER TABLE "grant_rounds" DROP CONSTRAINT "fk_grant_rounds_created_by"`);
    await queryRunner.query(`ALTER TABLE "grant_rounds" DROP CONSTRAINT "fk_grant_rounds_fund_id"`);
    await queryRunner.query(`ALTER TABLE "grant_payments" DROP CONSTRAINT "fk_grant_payments_created_by"`);
    await queryRunner.query(`ALTER TABLE "grant_payments" DROP CONSTRAINT "fk_grant_payments_fund_id"`);
    await queryRunner.query(`ALTER TABLE "grant_payments" DROP CONSTRAINT "fk_grant_payments_application_id"`);
    await queryRunner.query(
      `ALTER TABLE "grant_monitoring_reports" DROP CONSTRAINT "fk_grant_monitoring_reports_submitted_by"`,
    );
    await queryRunner.query(
      `ALTER TABLE "grant_monitoring_reports" DROP CONSTRAINT "fk_grant_monitoring_reports_application_id"`,
    );
    await queryRunner.query(`ALTER TABLE "grant_fund_themes" DROP CONSTRAINT "fk_grant_fund_themes_term_id"`);
    await queryRunner.query(`ALTER TABLE "grant_fund_themes" DROP CONSTRAINT "fk_grant_fund_themes_fund_id"`);
    await queryRunner.query(`ALTER TABLE "grant_fund_areas" DROP CONSTRAINT "fk_grant_fund_areas_area_id"`);
    await queryRunner.query(`ALTER TABLE "grant_fund_areas" DROP CONSTRAINT "fk_grant_fund_areas_fund_id"`);
    await queryRunner.query(`ALTER TABLE "grant_funds" DROP CONSTRAINT "fk_grant_funds_created_by"`);
    await queryRunner.query(`ALTER TABLE "grant_funds" DROP CONSTRAINT "fk_grant_funds_owner_organisation_id"`);
    await queryRunner.query(`ALTER TABLE "grant_scores" DROP CONSTRAINT "fk_grant_scores_criterion_id"`);
    await queryRunner.query(`ALTER TABLE "grant_scores" DROP CONSTRAINT "fk_grant_scores_assessor_account_id"`);
    await queryRunner.query(`ALTER TABLE "grant_scores" DROP CONSTRAINT "fk_grant_scores_application_id"`);
    await queryRunner.query(
      `ALTER TABLE "grant_conflict_declarations" DROP CONSTRAINT "fk_grant_conflict_declarations_assessor_account_id"`,
    );
    await queryRunner.query(
      `ALTER TABLE "grant_conflict_declarations" DROP CONSTRAINT "fk_grant_conflict_declarations_application_id"`,
    );
    await queryRunner.query(
      `ALTER TABLE "grant_application_themes" DROP CONSTRAINT "fk_grant_application_themes_term_id"`,
    );
    await queryRunner.query(
      `ALTER TABLE "grant_application_themes" DROP CONSTRAINT "fk_grant_application_themes_application_id"`,
    );
    await queryRunner.query(
      `ALTER TABLE "grant_application_areas" DROP CONSTRAINT "fk_grant_application_areas_area_id"`,
    );
    await queryRunner.query(
      `ALTER TABLE "grant_application_areas" DROP CONSTRAINT "fk_grant_application_areas_application_id"`,
    );
    await queryRunner.query(`ALTER TABLE "grant_applications" DROP CONSTRAINT "fk_grant_applications_created_by"`);
    await queryRunner.query(
      `ALTER TABLE "grant_applications" DROP CONSTRAINT "fk_grant_applications_applicant_organisation_id"`,
    );
    await queryRunner.query(`ALTER TABLE "grant_applications" DROP CONSTRAINT "fk_grant_applications_fund_id"`);
    await queryRunner.query(`ALTER TABLE "grant_applications" DROP CONSTRAINT "fk_grant_applications_round_id"`);
    await queryRunner.query(`DROP TABLE "grant_criteria"`);
    await queryRunner.query(`DROP INDEX "public"."idx_grant_round_areas_area_id"`);
    await queryRunner.query(`DROP TABLE "grant_round_areas"`);
    await queryRunner.query(`DROP INDEX "public"."idx_grant_rounds_fund_id"`);
    await queryRunner.query(`DROP TABLE "grant_rounds"`);
    await queryRunner.query(`DROP INDEX "public"."idx_grant_payments_application_id"`);
    await queryRunner.query(`DROP INDEX "public"."idx_grant_payments_fund_id"`);
    await queryRunner.query(`DROP TABLE "grant_payments"`);
    await queryRunner.query(`DROP INDEX "public"."idx_grant_monitoring_reports_application_id"`);
    await queryRunner.query(`DROP INDEX "public"."idx_grant_monitoring_reports_due"`);
    await queryRunner.query(`DROP TABLE "grant_monitoring_reports"`);
    await queryRunner.query(`DROP INDEX "public"."idx_grant_fund_themes_term_id"`);
    await queryRunner.query(`DROP TABLE "grant_fund_themes"`);
    await queryRunner.query(`DROP INDEX "public"."idx_grant_fund_areas_area_id"`);
    await queryRunner.query(`DROP TABLE "grant_fund_areas"`);
    await queryRunner.query(`DROP INDEX "public"."idx_grant_funds_owner_organisation_id"`);
    await queryRunner.query(`DROP TABLE "grant_funds"`);
    await queryRunner.query(`DROP TABLE "grant_scores"`);
    await queryRunner.query(`DROP TABLE "grant_conflict_declarations"`);
    await queryRunner.query(`DROP INDEX "public"."idx_grant_application_themes_term_id"`);
    await queryRunner.query(`DROP TABLE "grant_application_themes"`);
    await queryRunner.query(`DROP INDEX "public"."idx_grant_application_areas_area_id"`);
    await queryRunner.query(`DROP TABLE "grant_application_areas"`);
    await queryRunner.query(`DROP INDEX "public"."idx_grant_applications_round_id"`);
    await queryRunner.query(`DROP INDEX "public"."idx_grant_applications_fund_id"`);
    await queryRunner.query(`DROP INDEX "public"."idx_grant_applications_applicant"`);
    await queryRunner.query(`DROP INDEX "public"."uq_grant_applications_external_id"`);
    await queryRunner.query(`DROP TABLE "grant_applications"`);
  }
}
