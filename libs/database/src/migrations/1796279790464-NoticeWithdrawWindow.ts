import type { MigrationInterface, QueryRunner } from 'typeorm';

export class NoticeWithdrawWindow1796279790464 implements MigrationInterface {
  name = 'NoticeWithdrawWindow1796279790464';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD "deliver_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notifications" DROP COLUMN "deliver_at"`);
  }
}
