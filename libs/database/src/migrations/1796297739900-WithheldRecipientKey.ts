import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Each fund's own secret for the identifiers of recipients whose names are withheld. */
export class WithheldRecipientKey1796297739900 implements MigrationInterface {
  name = 'WithheldRecipientKey1796297739900';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "grant_funds" ADD "withheld_recipient_key" uuid NOT NULL DEFAULT gen_random_uuid()`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "grant_funds" DROP COLUMN "withheld_recipient_key"`);
  }
}
