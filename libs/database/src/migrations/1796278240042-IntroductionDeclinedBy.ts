import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Records who declined an introduction: only the person asked saying no starts the cooldown. */
export class IntroductionDeclinedBy1796278240042 implements MigrationInterface {
  name = 'IntroductionDeclinedBy1796278240042';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "introductions" ADD "declined_by" character varying(10)`);
    // Declines so far: one that never reached the person asked was the broker's.
    await queryRunner.query(
      `UPDATE "introductions" SET "declined_by" = CASE WHEN "reached_target_at" IS NULL THEN 'BROKER' ELSE 'TARGET' END WHERE "status" = 'DECLINED'`,
    );
    await queryRunner.query(
      `ALTER TABLE "introductions" ADD CONSTRAINT "ck_introductions_declined_by" CHECK ("declined_by" IN ('BROKER', 'TARGET'))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "introductions" DROP CONSTRAINT "ck_introductions_declined_by"`);
    await queryRunner.query(`ALTER TABLE "introductions" DROP COLUMN "declined_by"`);
  }
}
