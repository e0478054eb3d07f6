import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Distance filters test a latitude/longitude box on a btree (then the exact distance)
 * instead of an earth_box on a GiST index: PostgreSQL keeps histograms for the columns
 * but guesses a constant for cube containment, and the guess (7 rows for 2,215) sent its
 * plans the wrong way round.
 *
 * The exact distance is the haversine formula in plain float arithmetic, as an SQL
 * function the planner inlines: about 8 times cheaper per row than
 * earth_distance(ll_to_earth(...)), which builds two cubes, and on the mean earth radius
 * rather than earthdistance's equatorial one (0.1% long).
 */
export class SearchBoundingBox1795431298156 implements MigrationInterface {
  name = 'SearchBoundingBox1795431298156';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX idx_organisations_earth');
    await queryRunner.query('DROP INDEX idx_locations_earth');
    await queryRunner.query(
      `CREATE INDEX "idx_organisations_position" ON "organisations" ("latitude", "longitude") WHERE "latitude" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_locations_position" ON "locations" ("latitude", "longitude") WHERE "latitude" IS NOT NULL`,
    );
    await queryRunner.query(`
      CREATE FUNCTION distance_metres(lat1 float8, lng1 float8, lat2 float8, lng2 float8) RETURNS float8
      LANGUAGE sql IMMUTABLE PARALLEL SAFE
      RETURN 2 * 6371008.8 * asin(least(1, sqrt(
        sin(radians(lat2 - lat1) / 2) ^ 2 + cos(radians(lat1)) * cos(radians(lat2)) * sin(radians(lng2 - lng1) / 2) ^ 2)))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP FUNCTION distance_metres(float8, float8, float8, float8)');
    await queryRunner.query(`DROP INDEX "public"."idx_locations_position"`);
    await queryRunner.query(`DROP INDEX "public"."idx_organisations_position"`);
    for (const table of ['organisations', 'locations']) {
      await queryRunner.query(
        `CREATE INDEX idx_${table}_earth ON ${table} USING gist (ll_to_earth(latitude, longitude)) WHERE latitude IS NOT NULL`,
      );
    }
  }
}
