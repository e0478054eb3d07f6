import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * How each place's coordinates were found: given with it, from its postcode, or from
 * its postcode's district only. The places already placed had their coordinates given.
 */
export class LocationGeocodePrecision1796279013688 implements MigrationInterface {
  name = 'LocationGeocodePrecision1796279013688';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "locations" ADD "geocode_precision" character varying(12)`);
    await queryRunner.query(`UPDATE "locations" SET "geocode_precision" = 'COORDINATES' WHERE "latitude" IS NOT NULL`);
    await queryRunner.query(
      `ALTER TABLE "locations" ADD CONSTRAINT "ck_locations_geocode_precision" CHECK (("latitude" IS NULL) = ("geocode_precision" IS NULL) AND "geocode_precision" IN ('COORDINATES', 'POSTCODE', 'OUTWARD_CODE'))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "locations" DROP CONSTRAINT "ck_locations_geocode_precision"`);
    await queryRunner.query(`ALTER TABLE "locations" DROP COLUMN "geocode_precision"`);
  }
}
