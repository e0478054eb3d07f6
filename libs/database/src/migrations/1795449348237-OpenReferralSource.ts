import type { MigrationInterface, QueryRunner } from 'typeorm';

export class OpenReferralSource1795449348237 implements MigrationInterface {
  name = 'OpenReferralSource1795449348237';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "taxonomies" ADD "source_feed" character varying(500)`);
    await queryRunner.query(`ALTER TABLE "taxonomies" ADD "source_id" uuid`);
    await queryRunner.query(`ALTER TABLE "taxonomy_terms" ADD "source_feed" character varying(500)`);
    await queryRunner.query(`ALTER TABLE "taxonomy_terms" ADD "source_id" uuid`);
    await queryRunner.query(`ALTER TABLE "organisations" ADD "source_feed" character varying(500)`);
    await queryRunner.query(`ALTER TABLE "organisations" ADD "source_id" uuid`);
    await queryRunner.query(`ALTER TABLE "services" ADD "source_feed" character varying(500)`);
    await queryRunner.query(`ALTER TABLE "services" ADD "source_id" uuid`);
    await queryRunner.query(`ALTER TABLE "locations" ADD "source_feed" character varying(500)`);
    await queryRunner.query(`ALTER TABLE "locations" ADD "source_id" uuid`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_taxonomies_source_id" ON "taxonomies"  ("source_id") WHERE "source_id" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_taxonomy_terms_source_id" ON "taxonomy_terms"  ("source_id") WHERE "source_id" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_organisations_source_id" ON "organisations"  ("source_id") WHERE "source_id" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_services_source_id" ON "services"  ("source_id") WHERE "source_id" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_locations_source_id" ON "locations"  ("source_id") WHERE "source_id" IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."uq_locations_source_id"`);
    await queryRunner.query(`DROP INDEX "public"."uq_services_source_id"`);
    await queryRunner.query(`DROP INDEX "public"."uq_organisations_source_id"`);
    await queryRunner.query(`DROP INDEX "public"."uq_taxonomy_terms_source_id"`);
    await queryRunner.query(`DROP INDEX "public"."uq_taxonomies_source_id"`);
    await queryRunner.query(`ALTER TABLE "locations" DROP COLUMN "source_id"`);
    await queryRunner.query(`ALTER TABLE "locations" DROP COLUMN "source_feed"`);
    await queryRunner.query(`ALTER TABLE "services" DROP COLUMN "source_id"`);
    await queryRunner.query(`ALTER TABLE "services" DROP COLUMN "source_feed"`);
    await queryRunner.query(`ALTER TABLE "organisations" DROP COLUMN "source_id"`);
    await queryRunner.query(`ALTER TABLE "organisations" DROP COLUMN "source_feed"`);
    await queryRunner.query(`ALTER TABLE "taxonomy_terms" DROP COLUMN "source_id"`);
    await queryRunner.query(`ALTER TABLE "taxonomy_terms" DROP COLUMN "source_feed"`);
    await queryRunner.query(`ALTER TABLE "taxonomies" DROP COLUMN "source_id"`);
    await queryRunner.query(`ALTER TABLE "taxonomies" DROP COLUMN "source_feed"`);
  }
}
