import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AccountVerification1796312220754 implements MigrationInterface {
  name = 'AccountVerification1796312220754';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "account_links" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "account_id" uuid NOT NULL, "purpose" character varying(20) NOT NULL, "email" character varying(254) NOT NULL, "token_hash" character(64) NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "superseded_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_account_links_token_hash" UNIQUE ("token_hash"), CONSTRAINT "ck_account_links_email_lowercase" CHECK ("email" = lower("email")), CONSTRAINT "ck_account_links_purpose" CHECK ("purpose" IN ('VERIFY_EMAIL', 'RESET_PASSWORD')), CONSTRAINT "pk_account_links_id" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_account_links_account_id_purpose" ON "account_links"  ("account_id", "purpose", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "password_reset_requests" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" character varying(254) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_password_reset_requests_id" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_password_reset_requests_created_at" ON "password_reset_requests"  ("created_at") `,
    );
    await queryRunner.query(`ALTER TABLE "accounts" ADD "email_verified_at" TIMESTAMP WITH TIME ZONE`);
    // Accounts from before verification existed count as verified: otherwise every member
    // would be shut out at once, and the purge of never-verified accounts would delete them.
    await queryRunner.query(`UPDATE "accounts" SET "email_verified_at" = "created_at"`);
    await queryRunner.query(`ALTER TABLE "notifications" ADD "shown_in_app" boolean NOT NULL DEFAULT true`);
    await queryRunner.query(
      `CREATE INDEX "idx_accounts_never_verified" ON "accounts"  ("created_at") WHERE "email_verified_at" IS NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE "account_links" ADD CONSTRAINT "fk_account_links_account_id" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "account_links" DROP CONSTRAINT "fk_account_links_account_id"`);
    await queryRunner.query(`DROP INDEX "public"."idx_accounts_never_verified"`);
    await queryRunner.query(`ALTER TABLE "notifications" DROP COLUMN "shown_in_app"`);
    await queryRunner.query(`ALTER TABLE "accounts" DROP COLUMN "email_verified_at"`);
    await queryRunner.query(`DROP INDEX "public"."idx_password_reset_requests_created_at"`);
    await queryRunner.query(`DROP TABLE "password_reset_requests"`);
    await queryRunner.query(`DROP INDEX "public"."idx_account_links_account_id_purpose"`);
    await queryRunner.query(`DROP TABLE "account_links"`);
  }
}
