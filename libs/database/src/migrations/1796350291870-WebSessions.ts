import type { MigrationInterface, QueryRunner } from 'typeorm';

export class WebSessions1796350291870 implements MigrationInterface {
  name = 'WebSessions1796350291870';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "web_sessions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "token_hash" character(64) NOT NULL, "account_id" uuid NOT NULL, "family_id" uuid NOT NULL, "session_epoch" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "uq_web_sessions_token_hash" UNIQUE ("token_hash"), CONSTRAINT "pk_web_sessions_id" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_web_sessions_account_id" ON "web_sessions"  ("account_id") `);
    await queryRunner.query(
      `ALTER TABLE "web_sessions" ADD CONSTRAINT "fk_web_sessions_account_id" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "web_sessions" DROP CONSTRAINT "fk_web_sessions_account_id"`);
    await queryRunner.query(`DROP INDEX "public"."idx_web_sessions_account_id"`);
    await queryRunner.query(`DROP TABLE "web_sessions"`);
  }
}
