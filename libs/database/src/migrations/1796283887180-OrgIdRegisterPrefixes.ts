import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Register prefixes of the org-id.guide list run to 13 characters (CA_BC-BRC_CBR); widened in place. */
export class OrgIdRegisterPrefixes1796283887180 implements MigrationInterface {
  name = 'OrgIdRegisterPrefixes1796283887180';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "organisation_identifiers" ALTER COLUMN "scheme" TYPE character varying(20)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "organisation_identifiers" ALTER COLUMN "scheme" TYPE character varying(12)`);
  }
}
