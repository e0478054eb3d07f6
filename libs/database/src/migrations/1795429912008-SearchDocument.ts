import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Each table's own text, weighted, as the entities declare it. */
const OWN_TEXT: Record<string, string> = {
  organisations: `setweight(to_tsvector('cohesion_english', coalesce("name", '')), 'A') || setweight(to_tsvector('cohesion_english', coalesce("description", '')), 'B') || setweight(to_tsvector('cohesion_english', coalesce("town", '')), 'C')`,
  practitioners: `setweight(to_tsvector('cohesion_english', coalesce("full_name", '')), 'A') || setweight(to_tsvector('cohesion_english', coalesce("job_title", '')), 'A') || setweight(to_tsvector('cohesion_english', coalesce("can_help_with", '')), 'B') || setweight(to_tsvector('cohesion_english', coalesce("bio", '')), 'C') || setweight(to_tsvector('cohesion_english', coalesce("looking_for", '')), 'C')`,
  services: `setweight(to_tsvector('cohesion_english', coalesce("name", '')), 'A') || setweight(to_tsvector('cohesion_english', coalesce("description", '')), 'B') || setweight(to_tsvector('cohesion_english', coalesce("eligibility_description", '')), 'C') || setweight(to_tsvector('cohesion_english', coalesce("fees", '')), 'D')`,
};

const remember = `INSERT INTO "typeorm_metadata"("database", "schema", "table", "type", "name", "value")
  VALUES (current_database(), current_schema(), $1, 'GENERATED_COLUMN', $2, $3)`;
const forget = `DELETE FROM "typeorm_metadata"
  WHERE "type" = 'GENERATED_COLUMN' AND "database" = current_database() AND "schema" = current_schema()
    AND "table" = $1 AND "name" = $2`;

/**
 * Search matched and ranked on search_vector || search_tags: an expression, so the
 * planner had no statistics for it (it guessed a tenth of the real matches) and a
 * sequential scan rebuilt the concatenation per row. search_document stores both.
 */
export class SearchDocument1795429912008 implements MigrationInterface {
  name = 'SearchDocument1795429912008';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const [table, ownText] of Object.entries(OWN_TEXT)) {
      const document = `${ownText} || "search_tags"`;
      await queryRunner.query(`DROP INDEX idx_${table}_search`);
      await queryRunner.query(`ALTER TABLE "${table}" DROP COLUMN "search_vector"`);
      await queryRunner.query(forget, [table, 'search_vector']);
      await queryRunner.query(
        `ALTER TABLE "${table}" ADD "search_document" tsvector GENERATED ALWAYS AS (${document}) STORED NOT NULL`,
      );
      await queryRunner.query(remember, [table, 'search_document', document]);
      await queryRunner.query(`CREATE INDEX idx_${table}_search ON ${table} USING gin (search_document)`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const [table, ownText] of Object.entries(OWN_TEXT)) {
      await queryRunner.query(`DROP INDEX idx_${table}_search`);
      await queryRunner.query(`ALTER TABLE "${table}" DROP COLUMN "search_document"`);
      await queryRunner.query(forget, [table, 'search_document']);
      await queryRunner.query(
        `ALTER TABLE "${table}" ADD "search_vector" tsvector GENERATED ALWAYS AS (${ownText}) STORED NOT NULL`,
      );
      await queryRunner.query(remember, [table, 'search_vector', ownText]);
      await queryRunner.query(
        `CREATE INDEX idx_${table}_search ON ${table} USING gin ((search_vector || search_tags))`,
      );
    }
  }
}
