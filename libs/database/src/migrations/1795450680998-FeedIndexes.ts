import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for the Open Referral UK feed, from its query plans on 50,000 services:
 *
 * - What the feed publishes (active public services; verified organisations listed
 *   publicly) as small partial indexes, so that deciding whether a row is published
 *   never reads the row. Counting a page's total reads them alone (index-only scans of
 *   42,000 and 17,000 entries instead of both tables); paging in name order walks
 *   idx_services_published_sort, which also holds what `minimal=true` lists, so
 *   skipping to a deep page or listing every service reads no service row; services
 *   found another way (at locations near a postcode) are checked in idx_services_published.
 * - (updated_at, id) on services and organisations: `modified_after` asks which changed,
 *   and the ids come from the index alone.
 * - organisations.postcode and locations.postcode: the geocoder looks a full postcode up
 *   among known addresses (for `postcode` near searches), which read both tables.
 */
export class FeedIndexes1795450680998 implements MigrationInterface {
  name = 'FeedIndexes1795450680998';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."idx_services_updated_at"`);
    await queryRunner.query(`CREATE INDEX "idx_services_updated_at" ON "services" ("updated_at", "id")`);
    await queryRunner.query(`CREATE INDEX "idx_organisations_updated_at" ON "organisations" ("updated_at", "id")`);
    await queryRunner.query(`CREATE INDEX "idx_organisations_postcode" ON "organisations" ("postcode")`);
    await queryRunner.query(`CREATE INDEX "idx_locations_postcode" ON "locations" ("postcode")`);
    await queryRunner.query(
      `CREATE INDEX idx_services_published ON services (id) INCLUDE (organisation_id)
        WHERE status = 'active' AND visibility = 'PUBLIC'`,
    );
    await queryRunner.query(
      `CREATE INDEX idx_services_published_sort ON services (lower(name), id) INCLUDE (organisation_id, name, updated_at)
        WHERE status = 'active' AND visibility = 'PUBLIC'`,
    );
    await queryRunner.query(
      `CREATE INDEX idx_organisations_published ON organisations (id) INCLUDE (updated_at)
        WHERE verified AND visibility = 'PUBLIC'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX idx_organisations_published');
    await queryRunner.query('DROP INDEX idx_services_published_sort');
    await queryRunner.query('DROP INDEX idx_services_published');
    await queryRunner.query(`DROP INDEX "public"."idx_locations_postcode"`);
    await queryRunner.query(`DROP INDEX "public"."idx_organisations_postcode"`);
    await queryRunner.query(`DROP INDEX "public"."idx_organisations_updated_at"`);
    await queryRunner.query(`DROP INDEX "public"."idx_services_updated_at"`);
    await queryRunner.query(`CREATE INDEX "idx_services_updated_at" ON "services" ("updated_at")`);
  }
}
