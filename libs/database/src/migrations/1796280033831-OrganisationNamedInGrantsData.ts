import type { MigrationInterface, QueryRunner } from 'typeorm';

export class OrganisationNamedInGrantsData1796280033831 implements MigrationInterface {
  name = 'OrganisationNamedInGrantsData1796280033831';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "organisations" ADD "named_in_grants_data" boolean NOT NULL DEFAULT false`);
    // Recipients listed by a 360Giving import came by name from a funder's published data.
    await queryRunner.query(
      `UPDATE "organisations" SET "named_in_grants_data" = true
        WHERE "id" IN (SELECT "entity_id" FROM "audit_entries" WHERE "entity_type" = 'Organisation' AND "action" = 'import')`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "organisations" DROP COLUMN "named_in_grants_data"`);
  }
}
