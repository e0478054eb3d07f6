import type { MigrationInterface, QueryRunner } from 'typeorm';

export class TaxonomySourceIds1796282925306 implements MigrationInterface {
  name = 'TaxonomySourceIds1796282925306';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "taxonomy_sources" ("source_id" uuid NOT NULL, "taxonomy_id" uuid NOT NULL, "source_feed" character varying(500), CONSTRAINT "pk_taxonomy_sources_source_id" PRIMARY KEY ("source_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_taxonomy_sources_taxonomy_id" ON "taxonomy_sources"  ("taxonomy_id") `);
    await queryRunner.query(
      `ALTER TABLE "taxonomy_sources" ADD CONSTRAINT "fk_taxonomy_sources_taxonomy_id" FOREIGN KEY ("taxonomy_id") REFERENCES "taxonomies"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "taxonomy_sources" DROP CONSTRAINT "fk_taxonomy_sources_taxonomy_id"`);
    await queryRunner.query(`DROP INDEX "public"."idx_taxonomy_sources_taxonomy_id"`);
    await queryRunner.query(`DROP TABLE "taxonomy_sources"`);
  }
}
