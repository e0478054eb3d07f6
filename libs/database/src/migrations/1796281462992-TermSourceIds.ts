import type { MigrationInterface, QueryRunner } from 'typeorm';

export class TermSourceIds1796281462992 implements MigrationInterface {
  name = 'TermSourceIds1796281462992';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "taxonomy_term_sources" ("source_id" uuid NOT NULL, "term_id" uuid NOT NULL, "source_feed" character varying(500), CONSTRAINT "pk_taxonomy_term_sources_source_id" PRIMARY KEY ("source_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_taxonomy_term_sources_term_id" ON "taxonomy_term_sources"  ("term_id") `,
    );
    await queryRunner.query(`ALTER TABLE "taxonomy_terms" ADD "parent_source_id" uuid`);
    await queryRunner.query(
      `CREATE INDEX "idx_taxonomy_terms_parent_source_id" ON "taxonomy_terms"  ("parent_source_id") WHERE "parent_source_id" IS NOT NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE "taxonomy_term_sources" ADD CONSTRAINT "fk_taxonomy_term_sources_term_id" FOREIGN KEY ("term_id") REFERENCES "taxonomy_terms"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    // Imported terms placed under a parent already name it as their publisher does.
    await queryRunner.query(
      `UPDATE taxonomy_terms c SET parent_source_id = coalesce(p.source_id, p.id)
         FROM taxonomy_terms p WHERE p.id = c.parent_id AND c.source_id IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "taxonomy_term_sources" DROP CONSTRAINT "fk_taxonomy_term_sources_term_id"`);
    await queryRunner.query(`DROP INDEX "public"."idx_taxonomy_terms_parent_source_id"`);
    await queryRunner.query(`ALTER TABLE "taxonomy_terms" DROP COLUMN "parent_source_id"`);
    await queryRunner.query(`DROP INDEX "public"."idx_taxonomy_term_sources_term_id"`);
    await queryRunner.query(`DROP TABLE "taxonomy_term_sources"`);
  }
}
