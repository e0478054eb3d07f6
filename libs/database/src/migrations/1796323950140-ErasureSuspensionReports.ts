import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ErasureSuspensionReports1796323950140 implements MigrationInterface {
  name = 'ErasureSuspensionReports1796323950140';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "erasures" ("account_id" uuid NOT NULL, "erased_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_erasures_account_id" PRIMARY KEY ("account_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_erasures_erased_at" ON "erasures"  ("erased_at", "account_id") `);
    await queryRunner.query(
      `CREATE TABLE "misuse_reports" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "reporter_id" uuid NOT NULL, "practitioner_id" uuid, "organisation_id" uuid, "reason" character varying(20) NOT NULL, "details" text, "status" character varying(10) NOT NULL DEFAULT 'OPEN', "outcome" character varying(20), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "resolved_at" TIMESTAMP WITH TIME ZONE, "resolved_by" uuid, CONSTRAINT "ck_misuse_reports_details_length" CHECK (char_length("details") <= 2000), CONSTRAINT "ck_misuse_reports_resolved" CHECK (("status" = 'RESOLVED') = ("outcome" IS NOT NULL AND "resolved_at" IS NOT NULL)), CONSTRAINT "ck_misuse_reports_outcome" CHECK ("outcome" IS NULL OR "outcome" IN ('NO_ACTION', 'WARNING_GIVEN', 'CONTENT_REMOVED', 'ACCOUNT_SUSPENDED')), CONSTRAINT "ck_misuse_reports_status" CHECK ("status" IN ('OPEN', 'RESOLVED')), CONSTRAINT "ck_misuse_reports_reason" CHECK ("reason" IN ('HARASSMENT', 'IMPERSONATION', 'FALSE_INFORMATION', 'SPAM', 'OTHER')), CONSTRAINT "ck_misuse_reports_one_subject" CHECK (("practitioner_id" IS NULL) <> ("organisation_id" IS NULL)), CONSTRAINT "pk_misuse_reports_id" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_misuse_reports_open_organisation" ON "misuse_reports"  ("reporter_id", "organisation_id") WHERE "status" = 'OPEN' AND "organisation_id" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_misuse_reports_open_practitioner" ON "misuse_reports"  ("reporter_id", "practitioner_id") WHERE "status" = 'OPEN' AND "practitioner_id" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_misuse_reports_reporter_id_created_at" ON "misuse_reports"  ("reporter_id", "created_at") `,
    );
    await queryRunner.query(`CREATE INDEX "idx_misuse_reports_created_at" ON "misuse_reports"  ("created_at", "id") `);
    await queryRunner.query(
      `CREATE INDEX "idx_misuse_reports_status_created_at" ON "misuse_reports"  ("status", "created_at", "id") `,
    );
    await queryRunner.query(`ALTER TABLE "accounts" ADD "suspended_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "accounts" ADD "suspended_by" uuid`);
    await queryRunner.query(`ALTER TABLE "accounts" ADD "erased_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "accounts" ALTER COLUMN "email" DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE "accounts" ALTER COLUMN "password_hash" DROP NOT NULL`);
    await queryRunner.query(
      `ALTER TABLE "accounts" ADD CONSTRAINT "ck_accounts_email_unless_erased" CHECK ("email" IS NOT NULL OR "erased_at" IS NOT NULL)`,
    );
    await queryRunner.query(
      `ALTER TABLE "accounts" ADD CONSTRAINT "fk_accounts_suspended_by" FOREIGN KEY ("suspended_by") REFERENCES "accounts"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "misuse_reports" ADD CONSTRAINT "fk_misuse_reports_reporter_id" FOREIGN KEY ("reporter_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "misuse_reports" ADD CONSTRAINT "fk_misuse_reports_practitioner_id" FOREIGN KEY ("practitioner_id") REFERENCES "practitioners"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "misuse_reports" ADD CONSTRAINT "fk_misuse_reports_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "misuse_reports" ADD CONSTRAINT "fk_misuse_reports_resolved_by" FOREIGN KEY ("resolved_by") REFERENCES "accounts"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "misuse_reports" DROP CONSTRAINT "fk_misuse_reports_resolved_by"`);
    await queryRunner.query(`ALTER TABLE "misuse_reports" DROP CONSTRAINT "fk_misuse_reports_organisation_id"`);
    await queryRunner.query(`ALTER TABLE "misuse_reports" DROP CONSTRAINT "fk_misuse_reports_practitioner_id"`);
    await queryRunner.query(`ALTER TABLE "misuse_reports" DROP CONSTRAINT "fk_misuse_reports_reporter_id"`);
    await queryRunner.query(`ALTER TABLE "accounts" DROP CONSTRAINT "fk_accounts_suspended_by"`);
    await queryRunner.query(`ALTER TABLE "accounts" DROP CONSTRAINT "ck_accounts_email_unless_erased"`);
    await queryRunner.query(`ALTER TABLE "accounts" ALTER COLUMN "password_hash" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "accounts" ALTER COLUMN "email" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "accounts" DROP COLUMN "erased_at"`);
    await queryRunner.query(`ALTER TABLE "accounts" DROP COLUMN "suspended_by"`);
    await queryRunner.query(`ALTER TABLE "accounts" DROP COLUMN "suspended_at"`);
    await queryRunner.query(`DROP INDEX "public"."idx_misuse_reports_status_created_at"`);
    await queryRunner.query(`DROP INDEX "public"."idx_misuse_reports_created_at"`);
    await queryRunner.query(`DROP INDEX "public"."idx_misuse_reports_reporter_id_created_at"`);
    await queryRunner.query(`DROP INDEX "public"."uq_misuse_reports_open_practitioner"`);
    await queryRunner.query(`DROP INDEX "public"."uq_misuse_reports_open_organisation"`);
    await queryRunner.query(`DROP TABLE "misuse_reports"`);
    await queryRunner.query(`DROP INDEX "public"."idx_erasures_erased_at"`);
    await queryRunner.query(`DROP TABLE "erasures"`);
  }
}
