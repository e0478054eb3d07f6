import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What TypeORM cannot express: tree paths kept by triggers, GIN and expression indexes,
 * and an audit table that refuses to be rewritten.
 */
export class TreesAuditIndexes1795426290000 implements MigrationInterface {
  name = 'TreesAuditIndexes1795426290000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // path_ids holds the ids from the root down to the row itself, so "X and everything
    // under it" is `path_ids && ARRAY[X]`, served by a GIN index.
    await queryRunner.query(`
      CREATE FUNCTION tree_set_path() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        parent_path uuid[];
      BEGIN
        IF NEW.parent_id IS NULL THEN
          NEW.path_ids := ARRAY[NEW.id];
        ELSE
          EXECUTE format('SELECT path_ids FROM %I.%I WHERE id = $1', TG_TABLE_SCHEMA, TG_TABLE_NAME)
            INTO parent_path USING NEW.parent_id;
          IF parent_path IS NULL THEN
            RAISE EXCEPTION 'parent % does not exist', NEW.parent_id USING ERRCODE = 'foreign_key_violation';
          END IF;
          IF NEW.id = ANY(parent_path) THEN
            RAISE EXCEPTION 'a node cannot sit under itself or its descendants' USING ERRCODE = 'check_violation';
          END IF;
          NEW.path_ids := parent_path || NEW.id;
        END IF;
        RETURN NEW;
      END
      $$`);
    await queryRunner.query(`
      CREATE FUNCTION tree_move_descendants() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.path_ids IS DISTINCT FROM OLD.path_ids THEN
          EXECUTE format(
            'UPDATE %I.%I SET path_ids = $1 || path_ids[array_position(path_ids, $2) + 1 :]
              WHERE path_ids @> ARRAY[$2] AND id <> $2', TG_TABLE_SCHEMA, TG_TABLE_NAME)
            USING NEW.path_ids, NEW.id;
        END IF;
        RETURN NULL;
      END
      $$`);
    for (const table of ['areas', 'taxonomy_terms']) {
      await queryRunner.query(
        `CREATE TRIGGER ${table}_set_path BEFORE INSERT OR UPDATE OF parent_id ON ${table}
           FOR EACH ROW EXECUTE FUNCTION tree_set_path()`,
      );
      await queryRunner.query(
        `CREATE TRIGGER ${table}_move_descendants AFTER UPDATE OF parent_id ON ${table}
           FOR EACH ROW EXECUTE FUNCTION tree_move_descendants()`,
      );
      await queryRunner.query(`CREATE INDEX idx_${table}_path_ids ON ${table} USING gin (path_ids)`);
    }

    // Keyset paging by name: ORDER BY lower(name), id with a matching index.
    await queryRunner.query('CREATE INDEX idx_organisations_sort_name ON organisations (lower(name), id)');
    await queryRunner.query('CREATE INDEX idx_practitioners_sort_name ON practitioners (lower(full_name), id)');
    await queryRunner.query('CREATE INDEX idx_services_sort_name ON services (lower(name), id)');

    await queryRunner.query(`
      CREATE FUNCTION audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit entries are append-only' USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
    await queryRunner.query(
      `CREATE TRIGGER audit_entries_append_only BEFORE UPDATE OR DELETE ON audit_entries
         FOR EACH ROW EXECUTE FUNCTION audit_entries_append_only()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER audit_entries_no_truncate BEFORE TRUNCATE ON audit_entries
         FOR EACH STATEMENT EXECUTE FUNCTION audit_entries_append_only()`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER audit_entries_no_truncate ON audit_entries');
    await queryRunner.query('DROP TRIGGER audit_entries_append_only ON audit_entries');
    await queryRunner.query('DROP FUNCTION audit_entries_append_only()');
    await queryRunner.query('DROP INDEX idx_services_sort_name');
    await queryRunner.query('DROP INDEX idx_practitioners_sort_name');
    await queryRunner.query('DROP INDEX idx_organisations_sort_name');
    for (const table of ['taxonomy_terms', 'areas']) {
      await queryRunner.query(`DROP INDEX idx_${table}_path_ids`);
      await queryRunner.query(`DROP TRIGGER ${table}_move_descendants ON ${table}`);
      await queryRunner.query(`DROP TRIGGER ${table}_set_path ON ${table}`);
    }
    await queryRunner.query('DROP FUNCTION tree_move_descendants()');
    await queryRunner.query('DROP FUNCTION tree_set_path()');
  }
}
