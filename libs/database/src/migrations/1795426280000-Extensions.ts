import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Extensions the schema uses: trigram and accent-insensitive text matching, distances
 * on the earth, and UUID generation. On a managed server where the migrating role may
 * not create extensions (earthdistance needs a superuser), create them once by hand;
 * IF NOT EXISTS then makes this a no-op.
 */
export class Extensions1795426280000 implements MigrationInterface {
  name = 'Extensions1795426280000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const extension of ['pgcrypto', 'pg_trgm', 'unaccent', 'cube', 'earthdistance']) {
      await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS ${extension}`);
    }
  }

  async down(): Promise<void> {
    // Extensions may be shared with other schemas on the server; they are left in place.
  }
}
