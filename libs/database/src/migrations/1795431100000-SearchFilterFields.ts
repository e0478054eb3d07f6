import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Area and term filters as GIN-indexed arrays on the searched rows (ids linked and all
 * their ancestors). Filtering through the link tables meant fetching and scoring every
 * text match first: "hate crime" in one council read 20,000 practitioners to keep
 * 2,900. On the row itself, PostgreSQL combines the text and area indexes first.
 * One refresh function per kind keeps tags and arrays together, for the triggers;
 * refresh_search_fields() rebuilds everything after a bulk load.
 */
const KINDS = [
  {
    kind: 'organisation',
    table: 'organisations',
    areas: `SELECT x.organisation_id AS owner, unnest(a.path_ids) AS area_id
              FROM organisation_areas x JOIN areas a ON a.id = x.area_id`,
    terms: `SELECT x.organisation_id AS owner, unnest(t.path_ids) AS term_id
              FROM organisation_themes x JOIN taxonomy_terms t ON t.id = x.term_id`,
    links: { column: 'organisation_id', tables: ['organisation_themes', 'organisation_areas'] },
  },
  {
    kind: 'practitioner',
    table: 'practitioners',
    areas: `SELECT x.practitioner_id AS owner, unnest(a.path_ids) AS area_id
              FROM practitioner_areas x JOIN areas a ON a.id = x.area_id`,
    terms: `SELECT x.practitioner_id AS owner, unnest(t.path_ids) AS term_id
              FROM practitioner_themes x JOIN taxonomy_terms t ON t.id = x.term_id`,
    links: {
      column: 'practitioner_id',
      tables: ['practitioner_themes', 'practitioner_areas', 'practitioner_memberships'],
    },
  },
  {
    kind: 'service',
    table: 'services',
    areas: `SELECT x.service_id AS owner, unnest(a.path_ids) AS area_id
              FROM service_areas x JOIN areas a ON a.id = x.area_id
            UNION ALL
            SELECT sl.service_id, unnest(a.path_ids) FROM service_locations sl
              JOIN locations l ON l.id = sl.location_id JOIN areas a ON a.id = l.area_id`,
    terms: `SELECT x.service_id AS owner, unnest(t.path_ids) AS term_id
              FROM service_taxonomy_terms x JOIN taxonomy_terms t ON t.id = x.term_id`,
    links: { column: 'service_id', tables: ['service_taxonomy_terms', 'service_areas', 'service_locations'] },
  },
] as const;

const ids = (view: string, column: string, owner: string) =>
  `ARRAY(SELECT DISTINCT ${column} FROM ${view} WHERE owner = ${owner} ORDER BY 1)`;

/** Records whose links reach a term or area (or anything under it), by kind. */
const LINKED_TO_TERM = {
  organisation: `SELECT x.organisation_id FROM organisation_themes x JOIN taxonomy_terms t ON t.id = x.term_id WHERE t.path_ids @> ARRAY[NEW.id]`,
  practitioner: `SELECT x.practitioner_id FROM practitioner_themes x JOIN taxonomy_terms t ON t.id = x.term_id WHERE t.path_ids @> ARRAY[NEW.id]`,
  service: `SELECT x.service_id FROM service_taxonomy_terms x JOIN taxonomy_terms t ON t.id = x.term_id WHERE t.path_ids @> ARRAY[NEW.id]`,
};
const LINKED_TO_AREA = {
  organisation: `SELECT x.organisation_id FROM organisation_areas x JOIN areas a ON a.id = x.area_id WHERE a.path_ids @> ARRAY[NEW.id]`,
  practitioner: `SELECT x.practitioner_id FROM practitioner_areas x JOIN areas a ON a.id = x.area_id WHERE a.path_ids @> ARRAY[NEW.id]`,
  service: `SELECT x.service_id FROM service_areas x JOIN areas a ON a.id = x.area_id WHERE a.path_ids @> ARRAY[NEW.id]
            UNION SELECT sl.service_id FROM service_locations sl JOIN locations l ON l.id = sl.location_id
                   JOIN areas a ON a.id = l.area_id WHERE a.path_ids @> ARRAY[NEW.id]`,
};

const UP = [
  ...KINDS.flatMap(({ kind, table, areas, terms, links }) => [
    `CREATE VIEW ${kind}_area_ids AS ${areas}`,
    `CREATE VIEW ${kind}_term_ids AS ${terms}`,
    `CREATE FUNCTION refresh_${kind}_search(record uuid) RETURNS void LANGUAGE sql AS $$
       UPDATE ${table} SET search_tags = ${kind}_search_tags(record),
                           area_path_ids = ${ids(`${kind}_area_ids`, 'area_id', 'record')},
                           term_path_ids = ${ids(`${kind}_term_ids`, 'term_id', 'record')}
        WHERE id = record $$`,
    `CREATE OR REPLACE FUNCTION ${kind}_links_changed() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       IF TG_OP <> 'DELETE' THEN PERFORM refresh_${kind}_search(NEW.${links.column}); END IF;
       IF TG_OP <> 'INSERT' THEN PERFORM refresh_${kind}_search(OLD.${links.column}); END IF;
       RETURN NULL;
     END $$`,
    `CREATE INDEX idx_${table}_area_path_ids ON ${table} USING gin (area_path_ids)`,
    `CREATE INDEX idx_${table}_term_path_ids ON ${table} USING gin (term_path_ids)`,
  ]),
  `CREATE OR REPLACE FUNCTION location_changed() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     PERFORM refresh_service_search(service_id) FROM service_locations WHERE location_id = NEW.id;
     RETURN NULL;
   END $$`,
  `CREATE OR REPLACE FUNCTION term_renamed() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     ${KINDS.map(({ kind }) => `PERFORM refresh_${kind}_search(owner) FROM (${LINKED_TO_TERM[kind]}) linked(owner);`).join('\n')}
     RETURN NULL;
   END $$`,
  `CREATE OR REPLACE FUNCTION area_renamed() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     ${KINDS.map(({ kind }) => `PERFORM refresh_${kind}_search(owner) FROM (${LINKED_TO_AREA[kind]}) linked(owner);`).join('\n')}
     RETURN NULL;
   END $$`,
  `CREATE FUNCTION refresh_search_fields() RETURNS void LANGUAGE sql AS $$
     SELECT refresh_all_search_tags();
     ${KINDS.map(
       ({ kind, table }) => `
     UPDATE ${table} r SET area_path_ids = g.ids
       FROM (SELECT owner, array_agg(DISTINCT area_id ORDER BY area_id) AS ids FROM ${kind}_area_ids GROUP BY owner) g
      WHERE r.id = g.owner;
     UPDATE ${table} r SET area_path_ids = '{}'
      WHERE r.area_path_ids <> '{}' AND NOT EXISTS (SELECT 1 FROM ${kind}_area_ids n WHERE n.owner = r.id);
     UPDATE ${table} r SET term_path_ids = g.ids
       FROM (SELECT owner, array_agg(DISTINCT term_id ORDER BY term_id) AS ids FROM ${kind}_term_ids GROUP BY owner) g
      WHERE r.id = g.owner;
     UPDATE ${table} r SET term_path_ids = '{}'
      WHERE r.term_path_ids <> '{}' AND NOT EXISTS (SELECT 1 FROM ${kind}_term_ids n WHERE n.owner = r.id);`,
     ).join('\n')}
   $$`,
  'SELECT refresh_search_fields()',
];

/** The trigger functions as DirectorySearch defined them, for down(). */
const PREVIOUS = [
  ...KINDS.map(
    ({
      kind,
      table,
      links,
    }) => `CREATE OR REPLACE FUNCTION ${kind}_links_changed() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       IF TG_OP <> 'DELETE' THEN
         UPDATE ${table} SET search_tags = ${kind}_search_tags(NEW.${links.column}) WHERE id = NEW.${links.column};
       END IF;
       IF TG_OP <> 'INSERT' THEN
         UPDATE ${table} SET search_tags = ${kind}_search_tags(OLD.${links.column}) WHERE id = OLD.${links.column};
       END IF;
       RETURN NULL;
     END $$`,
  ),
  `CREATE OR REPLACE FUNCTION location_changed() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     UPDATE services SET search_tags = service_search_tags(id)
      WHERE id IN (SELECT service_id FROM service_locations WHERE location_id = NEW.id);
     RETURN NULL;
   END $$`,
  `CREATE OR REPLACE FUNCTION term_renamed() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     UPDATE organisations SET search_tags = organisation_search_tags(id) WHERE id IN (${LINKED_TO_TERM.organisation});
     UPDATE practitioners SET search_tags = practitioner_search_tags(id) WHERE id IN (${LINKED_TO_TERM.practitioner});
     UPDATE services SET search_tags = service_search_tags(id) WHERE id IN (${LINKED_TO_TERM.service});
     RETURN NULL;
   END $$`,
  `CREATE OR REPLACE FUNCTION area_renamed() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     UPDATE organisations SET search_tags = organisation_search_tags(id) WHERE id IN (${LINKED_TO_AREA.organisation});
     UPDATE practitioners SET search_tags = practitioner_search_tags(id) WHERE id IN (${LINKED_TO_AREA.practitioner});
     UPDATE services SET search_tags = service_search_tags(id) WHERE id IN (${LINKED_TO_AREA.service});
     RETURN NULL;
   END $$`,
];

export class SearchFilterFields1795431100000 implements MigrationInterface {
  name = 'SearchFilterFields1795431100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const { table } of KINDS) {
      await queryRunner.query(`ALTER TABLE "${table}" ADD "area_path_ids" uuid array NOT NULL DEFAULT '{}'`);
      await queryRunner.query(`ALTER TABLE "${table}" ADD "term_path_ids" uuid array NOT NULL DEFAULT '{}'`);
    }
    for (const statement of UP) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const statement of PREVIOUS) await queryRunner.query(statement);
    await queryRunner.query('DROP FUNCTION refresh_search_fields()');
    for (const { kind, table } of [...KINDS].reverse()) {
      await queryRunner.query(`DROP FUNCTION refresh_${kind}_search(uuid)`);
      await queryRunner.query(`DROP VIEW ${kind}_term_ids`);
      await queryRunner.query(`DROP VIEW ${kind}_area_ids`);
      await queryRunner.query(`ALTER TABLE "${table}" DROP COLUMN "term_path_ids"`);
      await queryRunner.query(`ALTER TABLE "${table}" DROP COLUMN "area_path_ids"`);
    }
  }
}
