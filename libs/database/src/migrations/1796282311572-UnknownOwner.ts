import type { MigrationInterface, QueryRunner } from 'typeorm';

export class UnknownOwner1796282311572 implements MigrationInterface {
  name = 'UnknownOwner1796282311572';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "organisations" ADD "unknown_owner" boolean NOT NULL DEFAULT false`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "organisations" DROP COLUMN "unknown_owner"`);
  }
}
