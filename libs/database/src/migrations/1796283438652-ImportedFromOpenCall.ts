import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ImportedFromOpenCall1796283438652 implements MigrationInterface {
  name = 'ImportedFromOpenCall1796283438652';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "grant_applications" ADD "from_open_call" boolean`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "grant_applications" DROP COLUMN "from_open_call"`);
  }
}
