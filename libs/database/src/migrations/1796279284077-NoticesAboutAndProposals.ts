import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notices record the people they name (so none is shown or emailed between blocked
 * people, and the outbox can cancel one), and partnership proposals are recorded so
 * they can be limited.
 */
export class NoticesAboutAndProposals1796279284077 implements MigrationInterface {
  name = 'NoticesAboutAndProposals1796279284077';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "partnership_proposals" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "partner_id" uuid NOT NULL, "proposed_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_partnership_proposals_id" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_partnership_proposals_proposed_by" ON "partnership_proposals"  ("proposed_by", "created_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_partnership_proposals_pair" ON "partnership_proposals"  ("organisation_id", "partner_id", "created_at") `,
    );
    await queryRunner.query(`ALTER TABLE "notifications" ADD "about_ids" uuid array NOT NULL DEFAULT '{}'`);
    // Notices already sent about an introduction name its people.
    await queryRunner.query(
      `UPDATE "notifications" n SET "about_ids" = array_remove(array_remove(ARRAY[i."requester_id", i."target_id", i."broker_id"], NULL), n."recipient_id")
         FROM "introductions" i WHERE n."link" = '/introductions/' || i."id"`,
    );
    await queryRunner.query(
      `ALTER TABLE "notification_deliveries" DROP CONSTRAINT "ck_notification_deliveries_status"`,
    );
    await queryRunner.query(
      `ALTER TABLE "notification_deliveries" ADD CONSTRAINT "ck_notification_deliveries_status" CHECK ("status" IN ('PENDING', 'SENT', 'FAILED', 'CANCELLED'))`,
    );
    await queryRunner.query(
      `ALTER TABLE "partnership_proposals" ADD CONSTRAINT "fk_partnership_proposals_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "partnership_proposals" ADD CONSTRAINT "fk_partnership_proposals_partner_id" FOREIGN KEY ("partner_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "partnership_proposals" ADD CONSTRAINT "fk_partnership_proposals_proposed_by" FOREIGN KEY ("proposed_by") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "partnership_proposals" DROP CONSTRAINT "fk_partnership_proposals_proposed_by"`,
    );
    await queryRunner.query(
      `ALTER TABLE "partnership_proposals" DROP CONSTRAINT "fk_partnership_proposals_partner_id"`,
    );
    await queryRunner.query(
      `ALTER TABLE "partnership_proposals" DROP CONSTRAINT "fk_partnership_proposals_organisation_id"`,
    );
    await queryRunner.query(`UPDATE "notification_deliveries" SET "status" = 'FAILED' WHERE "status" = 'CANCELLED'`);
    await queryRunner.query(
      `ALTER TABLE "notification_deliveries" DROP CONSTRAINT "ck_notification_deliveries_status"`,
    );
    await queryRunner.query(
      `ALTER TABLE "notification_deliveries" ADD CONSTRAINT "ck_notification_deliveries_status" CHECK ("status" IN ('PENDING', 'SENT', 'FAILED'))`,
    );
    await queryRunner.query(`ALTER TABLE "notifications" DROP COLUMN "about_ids"`);
    await queryRunner.query(`DROP INDEX "public"."idx_partnership_proposals_pair"`);
    await queryRunner.query(`DROP INDEX "public"."idx_partnership_proposals_proposed_by"`);
    await queryRunner.query(`DROP TABLE "partnership_proposals"`);
  }
}
