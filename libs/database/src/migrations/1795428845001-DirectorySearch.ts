import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * search_tags: the names of what a record is linked to (themes and their broader
 * themes, areas and the areas around them, organisations), so "hate crime Sandwell"
 * finds a practitioner whose expertise and patch say so. Kept by triggers on the link
 * tables and on renames; refresh_all_search_tags() rebuilds them after bulk loads.
 */
const SEARCH_TAGS_UP = [
  `CREATE FUNCTION area_names(area_ids uuid[]) RETURNS text LANGUAGE sql STABLE AS $$
     SELECT coalesce(string_agg(DISTINCT outer_area.name, ' '), '')
       FROM areas a JOIN areas outer_area ON outer_area.id = ANY(a.path_ids)
      WHERE a.id = ANY(area_ids) $$`,
  `CREATE FUNCTION term_names(term_ids uuid[]) RETURNS text LANGUAGE sql STABLE AS $$
     SELECT coalesce(string_agg(DISTINCT broader.name, ' '), '')
       FROM taxonomy_terms t JOIN taxonomy_terms broader ON broader.id = ANY(t.path_ids)
      WHERE t.id = ANY(term_ids) $$`,
  `CREATE FUNCTION organisation_search_tags(organisation uuid) RETURNS tsvector LANGUAGE sql STABLE AS $$
     SELECT setweight(to_tsvector('cohesion_english',
              term_names(ARRAY(SELECT term_id FROM organisation_themes WHERE organisation_id = organisation)) || ' ' ||
              area_names(ARRAY(SELECT area_id FROM organisation_areas WHERE organisation_id = organisation))), 'C') $$`,
  `CREATE FUNCTION practitioner_search_tags(practitioner uuid) RETURNS tsvector LANGUAGE sql STABLE AS $$
     SELECT setweight(to_tsvector('cohesion_english',
              term_names(ARRAY(SELECT term_id FROM practitioner_themes WHERE practitioner_id = practitioner)) || ' ' ||
              area_names(ARRAY(SELECT area_id FROM practitioner_areas WHERE practitioner_id = practitioner)) || ' ' ||
              coalesce((SELECT string_agg(DISTINCT o.name, ' ') FROM practitioner_memberships m
                          JOIN organisations o ON o.id = m.organisation_id
                         WHERE m.practitioner_id = practitioner), '')), 'C') $$`,
  `CREATE FUNCTION service_search_tags(service uuid) RETURNS tsvector LANGUAGE sql STABLE AS $$
     SELECT setweight(to_tsvector('cohesion_english',
              term_names(ARRAY(SELECT term_id FROM service_taxonomy_terms WHERE service_id = service)) || ' ' ||
              area_names(ARRAY(SELECT area_id FROM service_areas WHERE service_id = service
                               UNION SELECT l.area_id FROM service_locations sl JOIN locations l ON l.id = sl.location_id
                                      WHERE sl.service_id = service AND l.area_id IS NOT NULL)) || ' ' ||
              coalesce((SELECT o.name FROM services s JOIN organisations o ON o.id = s.organisation_id WHERE s.id = service), '') || ' ' ||
              coalesce((SELECT string_agg(concat_ws(' ', l.name, l.town), ' ') FROM service_locations sl
                          JOIN locations l ON l.id = sl.location_id WHERE sl.service_id = service), '')), 'C') $$`,
  `CREATE FUNCTION refresh_all_search_tags() RETURNS void LANGUAGE sql AS $$
     UPDATE organisations SET search_tags = organisation_search_tags(id);
     UPDATE practitioners SET search_tags = practitioner_search_tags(id);
     UPDATE services SET search_tags = service_search_tags(id); $$`,
  // Link rows: refresh the owner on either side of the change.
  ...(
    [
      ['organisation', 'organisations', 'organisation_id', ['organisation_themes', 'organisation_areas']],
      [
        'practitioner',
        'practitioners',
        'practitioner_id',
        ['practitioner_themes', 'practitioner_areas', 'practitioner_memberships'],
      ],
      ['service', 'services', 'service_id', ['service_taxonomy_terms', 'service_areas', 'service_locations']],
    ] as const
  ).flatMap(([kind, table, column, links]) => [
    `CREATE FUNCTION ${kind}_links_changed() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       IF TG_OP <> 'DELETE' THEN
         UPDATE ${table} SET search_tags = ${kind}_search_tags(NEW.${column}) WHERE id = NEW.${column};
       END IF;
       IF TG_OP <> 'INSERT' THEN
         UPDATE ${table} SET search_tags = ${kind}_search_tags(OLD.${column}) WHERE id = OLD.${column};
       END IF;
       RETURN NULL;
     END $$`,
    ...links.map(
      (link) => `CREATE TRIGGER ${link}_search_tags AFTER INSERT OR UPDATE OR DELETE ON ${link}
                   FOR EACH ROW EXECUTE FUNCTION ${kind}_links_changed()`,
    ),
  ]),
  // Renames reach everything that carries the name.
  `CREATE FUNCTION organisation_renamed() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     UPDATE practitioners SET search_tags = practitioner_search_tags(id)
      WHERE id IN (SELECT practitioner_id FROM practitioner_memberships WHERE organisation_id = NEW.id);
     UPDATE services SET search_tags = service_search_tags(id) WHERE organisation_id = NEW.id;
     RETURN NULL;
   END $$`,
  `CREATE TRIGGER organisations_search_tags AFTER UPDATE OF name ON organisations
     FOR EACH ROW EXECUTE FUNCTION organisation_renamed()`,
  `CREATE FUNCTION location_changed() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     UPDATE services SET search_tags = service_search_tags(id)
      WHERE id IN (SELECT service_id FROM service_locations WHERE location_id = NEW.id);
     RETURN NULL;
   END $$`,
  `CREATE TRIGGER locations_search_tags AFTER UPDATE OF name, town, area_id ON locations
     FOR EACH ROW EXECUTE FUNCTION location_changed()`,
  `CREATE FUNCTION term_renamed() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     UPDATE organisations SET search_tags = organisation_search_tags(id) WHERE id IN (
       SELECT x.organisation_id FROM organisation_themes x JOIN taxonomy_terms t ON t.id = x.term_id WHERE t.path_ids @> ARRAY[NEW.id]);
     UPDATE practitioners SET search_tags = practitioner_search_tags(id) WHERE id IN (
       SELECT x.practitioner_id FROM practitioner_themes x JOIN taxonomy_terms t ON t.id = x.term_id WHERE t.path_ids @> ARRAY[NEW.id]);
     UPDATE services SET search_tags = service_search_tags(id) WHERE id IN (
       SELECT x.service_id FROM service_taxonomy_terms x JOIN taxonomy_terms t ON t.id = x.term_id WHERE t.path_ids @> ARRAY[NEW.id]);
     RETURN NULL;
   END $$`,
  // Named after the tree triggers so it runs once descendants have their new paths.
  `CREATE TRIGGER taxonomy_terms_search_tags AFTER UPDATE OF name, parent_id ON taxonomy_terms
     FOR EACH ROW EXECUTE FUNCTION term_renamed()`,
  `CREATE FUNCTION area_renamed() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     UPDATE organisations SET search_tags = organisation_search_tags(id) WHERE id IN (
       SELECT x.organisation_id FROM organisation_areas x JOIN areas a ON a.id = x.area_id WHERE a.path_ids @> ARRAY[NEW.id]);
     UPDATE practitioners SET search_tags = practitioner_search_tags(id) WHERE id IN (
       SELECT x.practitioner_id FROM practitioner_areas x JOIN areas a ON a.id = x.area_id WHERE a.path_ids @> ARRAY[NEW.id]);
     UPDATE services SET search_tags = service_search_tags(id) WHERE id IN (
       SELECT x.service_id FROM service_areas x JOIN areas a ON a.id = x.area_id WHERE a.path_ids @> ARRAY[NEW.id]
       UNION SELECT sl.service_id FROM service_locations sl JOIN locations l ON l.id = sl.location_id
              JOIN areas a ON a.id = l.area_id WHERE a.path_ids @> ARRAY[NEW.id]);
     RETURN NULL;
   END $$`,
  `CREATE TRIGGER areas_search_tags AFTER UPDATE OF name, parent_id ON areas FOR EACH ROW EXECUTE FUNCTION area_renamed()`,
];

const SEARCH_TAGS_DOWN = [
  'DROP TRIGGER areas_search_tags ON areas',
  'DROP FUNCTION area_renamed()',
  'DROP TRIGGER taxonomy_terms_search_tags ON taxonomy_terms',
  'DROP FUNCTION term_renamed()',
  'DROP TRIGGER locations_search_tags ON locations',
  'DROP FUNCTION location_changed()',
  'DROP TRIGGER organisations_search_tags ON organisations',
  'DROP FUNCTION organisation_renamed()',
  ...['service_taxonomy_terms', 'service_areas', 'service_locations'].map(
    (link) => `DROP TRIGGER ${link}_search_tags ON ${link}`,
  ),
  ...['practitioner_themes', 'practitioner_areas', 'practitioner_memberships'].map(
    (link) => `DROP TRIGGER ${link}_search_tags ON ${link}`,
  ),
  ...['organisation_themes', 'organisation_areas'].map((link) => `DROP TRIGGER ${link}_search_tags ON ${link}`),
  'DROP FUNCTION service_links_changed()',
  'DROP FUNCTION practitioner_links_changed()',
  'DROP FUNCTION organisation_links_changed()',
  'DROP FUNCTION refresh_all_search_tags()',
  'DROP FUNCTION service_search_tags(uuid)',
  'DROP FUNCTION practitioner_search_tags(uuid)',
  'DROP FUNCTION organisation_search_tags(uuid)',
  'DROP FUNCTION term_names(uuid[])',
  'DROP FUNCTION area_names(uuid[])',
];

export class DirectorySearch1795428845001 implements MigrationInterface {
  name = 'DirectorySearch1795428845001';

  async up(queryRunner: QueryRunner): Promise<void> {
    // English stemming that ignores accents, and an accent-free lower-case form for
    // trigram matching: both immutable, so generated columns and indexes can use them.
    await queryRunner.query(`CREATE TEXT SEARCH CONFIGURATION cohesion_english (COPY = pg_catalog.english)`);
    await queryRunner.query(
      `ALTER TEXT SEARCH CONFIGURATION cohesion_english ALTER MAPPING FOR hword, hword_part, word WITH public.unaccent, english_stem`,
    );
    await queryRunner.query(
      `CREATE FUNCTION search_normalise(text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
         AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$`,
    );
    await queryRunner.query(
      `CREATE TABLE "connections" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "practitioner_a_id" uuid NOT NULL, "practitioner_b_id" uuid NOT NULL, "origin" character varying(20) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_connections_pair" UNIQUE ("practitioner_a_id", "practitioner_b_id"), CONSTRAINT "ck_connections_origin" CHECK ("origin" IN ('INTRODUCTION', 'MET_AT_EVENT', 'WORKED_TOGETHER')), CONSTRAINT "ck_connections_ordered_pair" CHECK ("practitioner_a_id" < "practitioner_b_id"), CONSTRAINT "pk_connections_id" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_connections_practitioner_b_id" ON "connections"  ("practitioner_b_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "organisations" ADD "search_vector" tsvector GENERATED ALWAYS AS (setweight(to_tsvector('cohesion_english', coalesce("name", '')), 'A') || setweight(to_tsvector('cohesion_english', coalesce("description", '')), 'B') || setweight(to_tsvector('cohesion_english', coalesce("town", '')), 'C')) STORED NOT NULL`,
    );
    await queryRunner.query(
      `INSERT INTO "typeorm_metadata"("database", "schema", "table", "type", "name", "value") VALUES (current_database(), current_schema(), $1, $2, $3, $4)`,
      [
        'organisations',
        'GENERATED_COLUMN',
        'search_vector',
        "setweight(to_tsvector('cohesion_english', coalesce(\"name\", '')), 'A') || setweight(to_tsvector('cohesion_english', coalesce(\"description\", '')), 'B') || setweight(to_tsvector('cohesion_english', coalesce(\"town\", '')), 'C')",
      ],
    );
    await queryRunner.query(`ALTER TABLE "organisations" ADD "search_tags" tsvector NOT NULL DEFAULT ''`);
    await queryRunner.query(
      `ALTER TABLE "organisations" ADD "search_name" text GENERATED ALWAYS AS (search_normalise("name")) STORED NOT NULL`,
    );
    await queryRunner.query(
      `INSERT INTO "typeorm_metadata"("database", "schema", "table", "type", "name", "value") VALUES (current_database(), current_schema(), $1, $2, $3, $4)`,
      ['organisations', 'GENERATED_COLUMN', 'search_name', 'search_normalise("name")'],
    );
    await queryRunner.query(
      `ALTER TABLE "practitioners" ADD "search_vector" tsvector GENERATED ALWAYS AS (setweight(to_tsvector('cohesion_english', coalesce("full_name", '')), 'A') || setweight(to_tsvector('cohesion_english', coalesce("job_title", '')), 'A') || setweight(to_tsvector('cohesion_english', coalesce("can_help_with", '')), 'B') || setweight(to_tsvector('cohesion_english', coalesce("bio", '')), 'C') || setweight(to_tsvector('cohesion_english', coalesce("looking_for", '')), 'C')) STORED NOT NULL`,
    );
    await queryRunner.query(
      `INSERT INTO "typeorm_metadata"("database", "schema", "table", "type", "name", "value") VALUES (current_database(), current_schema(), $1, $2, $3, $4)`,
      [
        'practitioners',
        'GENERATED_COLUMN',
        'search_vector',
        "setweight(to_tsvector('cohesion_english', coalesce(\"full_name\", '')), 'A') || setweight(to_tsvector('cohesion_english', coalesce(\"job_title\", '')), 'A') || setweight(to_tsvector('cohesion_english', coalesce(\"can_help_with\", '')), 'B') || setweight(to_tsvector('cohesion_english', coalesce(\"bio\", '')), 'C') || setweight(to_tsvector('cohesion_english', coalesce(\"looking_for\", '')), 'C')",
      ],
    );
    await queryRunner.query(`ALTER TABLE "practitioners" ADD "search_tags" tsvector NOT NULL DEFAULT ''`);
    await queryRunner.query(
      `ALTER TABLE "practitioners" ADD "search_name" text GENERATED ALWAYS AS (search_normalise("full_name")) STORED NOT NULL`,
    );
    await queryRunner.query(
      `INSERT INTO "typeorm_metadata"("database", "schema", "table", "type", "name", "value") VALUES (current_database(), current_schema(), $1, $2, $3, $4)`,
      ['practitioners', 'GENERATED_COLUMN', 'search_name', 'search_normalise("full_name")'],
    );
    await queryRunner.query(
      `ALTER TABLE "services" ADD "search_vector" tsvector GENERATED ALWAYS AS (setweight(to_tsvector('cohesion_english', coalesce("name", '')), 'A') || setweight(to_tsvector('cohesion_english', coalesce("description", '')), 'B') || setweight(to_tsvector('cohesion_english', coalesce("eligibility_description", '')), 'C') || setweight(to_tsvector('cohesion_english', coalesce("fees", '')), 'D')) STORED NOT NULL`,
    );
    await queryRunner.query(
      `INSERT INTO "typeorm_metadata"("database", "schema", "table", "type", "name", "value") VALUES (current_database(), current_schema(), $1, $2, $3, $4)`,
      [
        'services',
        'GENERATED_COLUMN',
        'search_vector',
        "setweight(to_tsvector('cohesion_english', coalesce(\"name\", '')), 'A') || setweight(to_tsvector('cohesion_english', coalesce(\"description\", '')), 'B') || setweight(to_tsvector('cohesion_english', coalesce(\"eligibility_description\", '')), 'C') || setweight(to_tsvector('cohesion_english', coalesce(\"fees\", '')), 'D')",
      ],
    );
    await queryRunner.query(`ALTER TABLE "services" ADD "search_tags" tsvector NOT NULL DEFAULT ''`);
    await queryRunner.query(
      `ALTER TABLE "services" ADD "search_name" text GENERATED ALWAYS AS (search_normalise("name")) STORED NOT NULL`,
    );
    await queryRunner.query(
      `INSERT INTO "typeorm_metadata"("database", "schema", "table", "type", "name", "value") VALUES (current_database(), current_schema(), $1, $2, $3, $4)`,
      ['services', 'GENERATED_COLUMN', 'search_name', 'search_normalise("name")'],
    );
    await queryRunner.query(
      `ALTER TABLE "connections" ADD CONSTRAINT "fk_connections_practitioner_a_id" FOREIGN KEY ("practitioner_a_id") REFERENCES "practitioners"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "connections" ADD CONSTRAINT "fk_connections_practitioner_b_id" FOREIGN KEY ("practitioner_b_id") REFERENCES "practitioners"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );

    for (const statement of SEARCH_TAGS_UP) await queryRunner.query(statement);
    for (const table of ['organisations', 'practitioners', 'services']) {
      await queryRunner.query(
        `CREATE INDEX idx_${table}_search ON ${table} USING gin ((search_vector || search_tags))`,
      );
      await queryRunner.query(`CREATE INDEX idx_${table}_search_name ON ${table} USING gin (search_name gin_trgm_ops)`);
    }
    for (const table of ['organisations', 'locations']) {
      await queryRunner.query(
        `CREATE INDEX idx_${table}_earth ON ${table} USING gist (ll_to_earth(latitude, longitude)) WHERE latitude IS NOT NULL`,
      );
    }
    await queryRunner.query('SELECT refresh_all_search_tags()');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['locations', 'organisations']) await queryRunner.query(`DROP INDEX idx_${table}_earth`);
    for (const table of ['services', 'practitioners', 'organisations']) {
      await queryRunner.query(`DROP INDEX idx_${table}_search_name`);
      await queryRunner.query(`DROP INDEX idx_${table}_search`);
    }
    for (const statement of SEARCH_TAGS_DOWN) await queryRunner.query(statement);
    await queryRunner.query(`ALTER TABLE "connections" DROP CONSTRAINT "fk_connections_practitioner_b_id"`);
    await queryRunner.query(`ALTER TABLE "connections" DROP CONSTRAINT "fk_connections_practitioner_a_id"`);
    await queryRunner.query(
      `DELETE FROM "typeorm_metadata" WHERE "type" = $1 AND "name" = $2 AND "database" = current_database() AND "schema" = current_schema() AND "table" = $3`,
      ['GENERATED_COLUMN', 'search_name', 'services'],
    );
    await queryRunner.query(`ALTER TABLE "services" DROP COLUMN "search_name"`);
    await queryRunner.query(`ALTER TABLE "services" DROP COLUMN "search_tags"`);
    await queryRunner.query(
      `DELETE FROM "typeorm_metadata" WHERE "type" = $1 AND "name" = $2 AND "database" = current_database() AND "schema" = current_schema() AND "table" = $3`,
      ['GENERATED_COLUMN', 'search_vector', 'services'],
    );
    await queryRunner.query(`ALTER TABLE "services" DROP COLUMN "search_vector"`);
    await queryRunner.query(
      `DELETE FROM "typeorm_metadata" WHERE "type" = $1 AND "name" = $2 AND "database" = current_database() AND "schema" = current_schema() AND "table" = $3`,
      ['GENERATED_COLUMN', 'search_name', 'practitioners'],
    );
    await queryRunner.query(`ALTER TABLE "practitioners" DROP COLUMN "search_name"`);
    await queryRunner.query(`ALTER TABLE "practitioners" DROP COLUMN "search_tags"`);
    await queryRunner.query(
      `DELETE FROM "typeorm_metadata" WHERE "type" = $1 AND "name" = $2 AND "database" = current_database() AND "schema" = current_schema() AND "table" = $3`,
      ['GENERATED_COLUMN', 'search_vector', 'practitioners'],
    );
    await queryRunner.query(`ALTER TABLE "practitioners" DROP COLUMN "search_vector"`);
    await queryRunner.query(
      `DELETE FROM "typeorm_metadata" WHERE "type" = $1 AND "name" = $2 AND "database" = current_database() AND "schema" = current_schema() AND "table" = $3`,
      ['GENERATED_COLUMN', 'search_name', 'organisations'],
    );
    await queryRunner.query(`ALTER TABLE "organisations" DROP COLUMN "search_name"`);
    await queryRunner.query(`ALTER TABLE "organisations" DROP COLUMN "search_tags"`);
    await queryRunner.query(
      `DELETE FROM "typeorm_metadata" WHERE "type" = $1 AND "name" = $2 AND "database" = current_database() AND "schema" = current_schema() AND "table" = $3`,
      ['GENERATED_COLUMN', 'search_vector', 'organisations'],
    );
    await queryRunner.query(`ALTER TABLE "organisations" DROP COLUMN "search_vector"`);
    await queryRunner.query(`DROP INDEX "public"."idx_connections_practitioner_b_id"`);
    await queryRunner.query(`DROP TABLE "connections"`);
    await queryRunner.query('DROP FUNCTION search_normalise(text)');
    await queryRunner.query('DROP TEXT SEARCH CONFIGURATION cohesion_english');
  }
}
