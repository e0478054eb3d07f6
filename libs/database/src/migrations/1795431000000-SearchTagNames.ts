import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One definition of "the names a record is tagged with" (a view per kind), used both by
 * the per-row functions the triggers call and by a set-based rebuild for bulk loads:
 * the per-row rebuild of 170,000 records took six minutes; grouped joins take seconds.
 */
const KINDS = [
  {
    kind: 'organisation',
    table: 'organisations',
    names: `SELECT x.organisation_id AS owner, broader.name FROM organisation_themes x
              JOIN taxonomy_terms t ON t.id = x.term_id JOIN taxonomy_terms broader ON broader.id = ANY(t.path_ids)
            UNION ALL
            SELECT x.organisation_id, outer_area.name FROM organisation_areas x
              JOIN areas a ON a.id = x.area_id JOIN areas outer_area ON outer_area.id = ANY(a.path_ids)`,
  },
  {
    kind: 'practitioner',
    table: 'practitioners',
    names: `SELECT x.practitioner_id AS owner, broader.name FROM practitioner_themes x
              JOIN taxonomy_terms t ON t.id = x.term_id JOIN taxonomy_terms broader ON broader.id = ANY(t.path_ids)
            UNION ALL
            SELECT x.practitioner_id, outer_area.name FROM practitioner_areas x
              JOIN areas a ON a.id = x.area_id JOIN areas outer_area ON outer_area.id = ANY(a.path_ids)
            UNION ALL
            SELECT m.practitioner_id, o.name FROM practitioner_memberships m JOIN organisations o ON o.id = m.organisation_id`,
  },
  {
    kind: 'service',
    table: 'services',
    names: `SELECT x.service_id AS owner, broader.name FROM service_taxonomy_terms x
              JOIN taxonomy_terms t ON t.id = x.term_id JOIN taxonomy_terms broader ON broader.id = ANY(t.path_ids)
            UNION ALL
            SELECT x.service_id, outer_area.name FROM service_areas x
              JOIN areas a ON a.id = x.area_id JOIN areas outer_area ON outer_area.id = ANY(a.path_ids)
            UNION ALL
            SELECT sl.service_id, outer_area.name FROM service_locations sl JOIN locations l ON l.id = sl.location_id
              JOIN areas a ON a.id = l.area_id JOIN areas outer_area ON outer_area.id = ANY(a.path_ids)
            UNION ALL
            SELECT s.id, o.name FROM services s JOIN organisations o ON o.id = s.organisation_id
            UNION ALL
            SELECT sl.service_id, concat_ws(' ', l.name, l.town) FROM service_locations sl JOIN locations l ON l.id = sl.location_id`,
  },
] as const;

const tags = (names: string) => `setweight(to_tsvector('cohesion_english', coalesce(${names}, '')), 'C')`;

/** The per-row definitions this migration replaces (from DirectorySearch), for down(). */
const PREVIOUS_FUNCTIONS = [
  `CREATE OR REPLACE FUNCTION organisation_search_tags(organisation uuid) RETURNS tsvector LANGUAGE sql STABLE AS $$
     SELECT setweight(to_tsvector('cohesion_english',
              term_names(ARRAY(SELECT term_id FROM organisation_themes WHERE organisation_id = organisation)) || ' ' ||
              area_names(ARRAY(SELECT area_id FROM organisation_areas WHERE organisation_id = organisation))), 'C') $$`,
  `CREATE OR REPLACE FUNCTION practitioner_search_tags(practitioner uuid) RETURNS tsvector LANGUAGE sql STABLE AS $$
     SELECT setweight(to_tsvector('cohesion_english',
              term_names(ARRAY(SELECT term_id FROM practitioner_themes WHERE practitioner_id = practitioner)) || ' ' ||
              area_names(ARRAY(SELECT area_id FROM practitioner_areas WHERE practitioner_id = practitioner)) || ' ' ||
              coalesce((SELECT string_agg(DISTINCT o.name, ' ') FROM practitioner_memberships m
                          JOIN organisations o ON o.id = m.organisation_id
                         WHERE m.practitioner_id = practitioner), '')), 'C') $$`,
  `CREATE OR REPLACE FUNCTION service_search_tags(service uuid) RETURNS tsvector LANGUAGE sql STABLE AS $$
     SELECT setweight(to_tsvector('cohesion_english',
              term_names(ARRAY(SELECT term_id FROM service_taxonomy_terms WHERE service_id = service)) || ' ' ||
              area_names(ARRAY(SELECT area_id FROM service_areas WHERE service_id = service
                               UNION SELECT l.area_id FROM service_locations sl JOIN locations l ON l.id = sl.location_id
                                      WHERE sl.service_id = service AND l.area_id IS NOT NULL)) || ' ' ||
              coalesce((SELECT o.name FROM services s JOIN organisations o ON o.id = s.organisation_id WHERE s.id = service), '') || ' ' ||
              coalesce((SELECT string_agg(concat_ws(' ', l.name, l.town), ' ') FROM service_locations sl
                          JOIN locations l ON l.id = sl.location_id WHERE sl.service_id = service), '')), 'C') $$`,
  `CREATE OR REPLACE FUNCTION refresh_all_search_tags() RETURNS void LANGUAGE sql AS $$
     UPDATE organisations SET search_tags = organisation_search_tags(id);
     UPDATE practitioners SET search_tags = practitioner_search_tags(id);
     UPDATE services SET search_tags = service_search_tags(id); $$`,
];

export class SearchTagNames1795431000000 implements MigrationInterface {
  name = 'SearchTagNames1795431000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const { kind, names } of KINDS) {
      await queryRunner.query(`CREATE VIEW ${kind}_tag_names AS ${names}`);
      // What the triggers call for one record: the same names, filtered to it.
      await queryRunner.query(
        `CREATE OR REPLACE FUNCTION ${kind}_search_tags(${kind} uuid) RETURNS tsvector LANGUAGE sql STABLE AS $$
           SELECT ${tags(`string_agg(DISTINCT name, ' ')`)} FROM ${kind}_tag_names WHERE owner = ${kind} $$`,
      );
    }
    // After a bulk load: every record at once, from grouped joins.
    const rebuild = KINDS.map(
      ({ kind, table }) => `
        UPDATE ${table} r SET search_tags = ${tags('grouped.names')}
          FROM (SELECT owner, string_agg(DISTINCT name, ' ') AS names FROM ${kind}_tag_names GROUP BY owner) grouped
         WHERE r.id = grouped.owner;
        UPDATE ${table} r SET search_tags = ''
         WHERE r.search_tags <> '' AND NOT EXISTS (SELECT 1 FROM ${kind}_tag_names n WHERE n.owner = r.id);`,
    ).join('\n');
    await queryRunner.query(
      `CREATE OR REPLACE FUNCTION refresh_all_search_tags() RETURNS void LANGUAGE sql AS $$ ${rebuild} $$`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const statement of PREVIOUS_FUNCTIONS) await queryRunner.query(statement);
    for (const { kind } of KINDS) await queryRunner.query(`DROP VIEW ${kind}_tag_names`);
  }
}
