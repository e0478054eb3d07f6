import type { MigrationInterface, QueryRunner } from 'typeorm';

export class OrganisationChangedSinceVerification1796278619340 implements MigrationInterface {
  name = 'OrganisationChangedSinceVerification1796278619340';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "organisations" ADD "changed_since_verification_at" TIMESTAMP WITH TIME ZONE`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "organisations" DROP COLUMN "changed_since_verification_at"`);
  }
}
