import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CouncilSignIn1796323900000 implements MigrationInterface {
  name = 'CouncilSignIn1796323900000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "account_identities" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "account_id" uuid NOT NULL, "issuer" character varying(500) NOT NULL, "subject" character varying(255) NOT NULL, "tenant_id" character varying(64), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_sign_in_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "pk_account_identities_id" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_account_identities_account_id" ON "account_identities"  ("account_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_account_identities_issuer_subject" ON "account_identities"  ("issuer", "subject") `,
    );
    await queryRunner.query(
      `CREATE TABLE "oidc_connections" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "label" character varying(120) NOT NULL, "issuer" character varying(500) NOT NULL, "client_id" character varying(255) NOT NULL, "client_secret_name" character varying(80) NOT NULL, "allowed_tenant_ids" text array NOT NULL DEFAULT '{}', "email_domains" text array NOT NULL, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_oidc_connections_tenant_template" CHECK ("issuer" NOT LIKE '%{tenantid}%' OR cardinality("allowed_tenant_ids") > 0), CONSTRAINT "ck_oidc_connections_email_domains" CHECK (cardinality("email_domains") > 0), CONSTRAINT "ck_oidc_connections_secret_name" CHECK ("client_secret_name" ~ '^OIDC_CLIENT_SECRET_[A-Z0-9_]{1,60}$'), CONSTRAINT "pk_oidc_connections_id" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_oidc_connections_organisation_issuer" ON "oidc_connections"  ("organisation_id", "issuer") `,
    );
    await queryRunner.query(
      `CREATE TABLE "oidc_sign_in_attempts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "connection_id" uuid NOT NULL, "state_hash" character(64) NOT NULL, "browser_hash" character(64) NOT NULL, "nonce" character varying(64) NOT NULL, "code_verifier" character varying(128) NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "called_back_at" TIMESTAMP WITH TIME ZONE, "outcome" character varying(20), "refusal" character varying(40), "account_id" uuid, "issuer" character varying(500), "subject" character varying(255), "tenant_id" character varying(64), "account_link_id" uuid, "code_hash" character(64), "code_expires_at" TIMESTAMP WITH TIME ZONE, "completed_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_oidc_sign_in_attempts_outcome" CHECK ("outcome" IS NULL OR "outcome" IN ('SIGNED_IN', 'LINK_REQUIRED', 'REFUSED')), CONSTRAINT "pk_oidc_sign_in_attempts_id" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_oidc_sign_in_attempts_account_link_id" ON "oidc_sign_in_attempts"  ("account_link_id") WHERE "account_link_id" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_oidc_sign_in_attempts_created_at" ON "oidc_sign_in_attempts"  ("created_at") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_oidc_sign_in_attempts_code_hash" ON "oidc_sign_in_attempts"  ("code_hash") WHERE "code_hash" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_oidc_sign_in_attempts_state_hash" ON "oidc_sign_in_attempts"  ("state_hash") `,
    );
    await queryRunner.query(`ALTER TABLE "accounts" ALTER COLUMN "password_hash" DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE "account_links" DROP CONSTRAINT "ck_account_links_purpose"`);
    await queryRunner.query(
      `ALTER TABLE "account_links" ADD CONSTRAINT "ck_account_links_purpose" CHECK ("purpose" IN ('VERIFY_EMAIL', 'RESET_PASSWORD', 'LINK_SIGN_IN'))`,
    );
    await queryRunner.query(
      `ALTER TABLE "account_identities" ADD CONSTRAINT "fk_account_identities_account_id" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "oidc_connections" ADD CONSTRAINT "fk_oidc_connections_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "oidc_sign_in_attempts" ADD CONSTRAINT "fk_oidc_sign_in_attempts_connection_id" FOREIGN KEY ("connection_id") REFERENCES "oidc_connections"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "oidc_sign_in_attempts" ADD CONSTRAINT "fk_oidc_sign_in_attempts_account_id" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "oidc_sign_in_attempts" ADD CONSTRAINT "fk_oidc_sign_in_attempts_account_link_id" FOREIGN KEY ("account_link_id") REFERENCES "account_links"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "oidc_sign_in_attempts" DROP CONSTRAINT "fk_oidc_sign_in_attempts_account_link_id"`,
    );
    await queryRunner.query(
      `ALTER TABLE "oidc_sign_in_attempts" DROP CONSTRAINT "fk_oidc_sign_in_attempts_account_id"`,
    );
    await queryRunner.query(
      `ALTER TABLE "oidc_sign_in_attempts" DROP CONSTRAINT "fk_oidc_sign_in_attempts_connection_id"`,
    );
    await queryRunner.query(`ALTER TABLE "oidc_connections" DROP CONSTRAINT "fk_oidc_connections_organisation_id"`);
    await queryRunner.query(`ALTER TABLE "account_identities" DROP CONSTRAINT "fk_account_identities_account_id"`);
    await queryRunner.query(`DELETE FROM "account_links" WHERE "purpose" = 'LINK_SIGN_IN'`);
    await queryRunner.query(`ALTER TABLE "account_links" DROP CONSTRAINT "ck_account_links_purpose"`);
    await queryRunner.query(
      `ALTER TABLE "account_links" ADD CONSTRAINT "ck_account_links_purpose" CHECK ("purpose" IN ('VERIFY_EMAIL', 'RESET_PASSWORD'))`,
    );
    await queryRunner.query(`ALTER TABLE "accounts" ALTER COLUMN "password_hash" SET NOT NULL`);
    await queryRunner.query(`DROP INDEX "public"."uq_oidc_sign_in_attempts_state_hash"`);
    await queryRunner.query(`DROP INDEX "public"."uq_oidc_sign_in_attempts_code_hash"`);
    await queryRunner.query(`DROP INDEX "public"."idx_oidc_sign_in_attempts_created_at"`);
    await queryRunner.query(`DROP INDEX "public"."idx_oidc_sign_in_attempts_account_link_id"`);
    await queryRunner.query(`DROP TABLE "oidc_sign_in_attempts"`);
    await queryRunner.query(`DROP INDEX "public"."uq_oidc_connections_organisation_issuer"`);
    await queryRunner.query(`DROP TABLE "oidc_connections"`);
    await queryRunner.query(`DROP INDEX "public"."uq_account_identities_issuer_subject"`);
    await queryRunner.query(`DROP INDEX "public"."idx_account_identities_account_id"`);
    await queryRunner.query(`DROP TABLE "account_identities"`);
  }
}
