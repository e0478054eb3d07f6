import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The network: blocks, introductions, organisation partnerships, and the notifications
 * (in-app rows and the email outbox) they send. Connections get a (b, a) index so a
 * neighbour list is an index-only scan from either end, and a count per practitioner
 * kept by a trigger (suggestions weigh mutual connections by it).
 */
export class Network1795433540957 implements MigrationInterface {
  name = 'Network1795433540957';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."idx_connections_practitioner_b_id"`);
    await queryRunner.query(
      `CREATE TABLE "practitioner_blocks" ("blocker_id" uuid NOT NULL, "blocked_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_practitioner_blocks_not_self" CHECK ("blocker_id" <> "blocked_id"), CONSTRAINT "pk_practitioner_blocks_blocker_id_blocked_id" PRIMARY KEY ("blocker_id", "blocked_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_practitioner_blocks_blocked_id_blocker_id" ON "practitioner_blocks"  ("blocked_id", "blocker_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "connection_counts" ("practitioner_id" uuid NOT NULL, "connections" integer NOT NULL DEFAULT '0', CONSTRAINT "ck_connection_counts_connections" CHECK ("connections" >= 0), CONSTRAINT "pk_connection_counts_practitioner_id" PRIMARY KEY ("practitioner_id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "connection_counts" ADD CONSTRAINT "fk_connection_counts_practitioner_id" FOREIGN KEY ("practitioner_id") REFERENCES "practitioners"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`
      CREATE FUNCTION connections_counted() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          INSERT INTO connection_counts (practitioner_id, connections)
          VALUES (NEW.practitioner_a_id, 1), (NEW.practitioner_b_id, 1)
          ON CONFLICT (practitioner_id) DO UPDATE SET connections = connection_counts.connections + 1;
        ELSE
          UPDATE connection_counts SET connections = connections - 1
           WHERE practitioner_id IN (OLD.practitioner_a_id, OLD.practitioner_b_id);
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(
      'CREATE TRIGGER connections_counted AFTER INSERT OR DELETE ON connections FOR EACH ROW EXECUTE FUNCTION connections_counted()',
    );
    // Set-based recount, for bulk loads that suspend the trigger.
    await queryRunner.query(`
      CREATE FUNCTION recount_connections() RETURNS void LANGUAGE sql AS $$
        DELETE FROM connection_counts;
        INSERT INTO connection_counts (practitioner_id, connections)
        SELECT id, count(*) FROM (SELECT practitioner_a_id AS id FROM connections
                                  UNION ALL SELECT practitioner_b_id FROM connections) ends
         GROUP BY id;
      $$`);
    await queryRunner.query('SELECT recount_connections()');
    await queryRunner.query(
      `CREATE TABLE "introductions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "requester_id" uuid NOT NULL, "target_id" uuid NOT NULL, "broker_id" uuid, "message" text NOT NULL, "origin" character varying(20) NOT NULL DEFAULT 'INTRODUCTION', "status" character varying(20) NOT NULL, "broker_note" text, "response_note" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "reached_target_at" TIMESTAMP WITH TIME ZONE, "broker_responded_at" TIMESTAMP WITH TIME ZONE, "closed_at" TIMESTAMP WITH TIME ZONE, "version" integer NOT NULL DEFAULT '1', CONSTRAINT "ck_introductions_origin" CHECK ("origin" IN ('INTRODUCTION', 'MET_AT_EVENT', 'WORKED_TOGETHER')), CONSTRAINT "ck_introductions_notes_length" CHECK (char_length("broker_note") <= 1000 AND char_length("response_note") <= 1000), CONSTRAINT "ck_introductions_message_length" CHECK (char_length("message") BETWEEN 20 AND 1000), CONSTRAINT "ck_introductions_pending_broker" CHECK ("status" <> 'PENDING_BROKER' OR "broker_id" IS NOT NULL), CONSTRAINT "ck_introductions_broker" CHECK ("broker_id" IS NULL OR "broker_id" NOT IN ("requester_id", "target_id")), CONSTRAINT "ck_introductions_not_self" CHECK ("requester_id" <> "target_id"), CONSTRAINT "ck_introductions_status" CHECK ("status" IN ('PENDING_BROKER', 'PENDING_TARGET', 'ACCEPTED', 'DECLINED', 'EXPIRED', 'WITHDRAWN')), CONSTRAINT "pk_introductions_id" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_introductions_expires_at" ON "introductions"  ("expires_at") WHERE "status" IN ('PENDING_BROKER', 'PENDING_TARGET')`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_introductions_broker_id_created_at" ON "introductions"  ("broker_id", "created_at", "id") WHERE "broker_id" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_introductions_target_id_created_at" ON "introductions"  ("target_id", "created_at", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_introductions_requester_id_created_at" ON "introductions"  ("requester_id", "created_at", "id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "organisation_partnerships" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "partner_id" uuid NOT NULL, "kind" character varying(20) NOT NULL, "proposed_by_organisation_id" uuid NOT NULL, "proposed_by" uuid, "confirmed_by" uuid, "confirmed_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_organisation_partnerships_proposer" CHECK ("proposed_by_organisation_id" IN ("organisation_id", "partner_id")), CONSTRAINT "ck_organisation_partnerships_not_self" CHECK ("organisation_id" <> "partner_id"), CONSTRAINT "ck_organisation_partnerships_kind" CHECK ("kind" IN ('PARTNERS_WITH', 'MEMBER_OF')), CONSTRAINT "pk_organisation_partnerships_id" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_organisation_partnerships_partner_id" ON "organisation_partnerships"  ("partner_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "notifications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "recipient_id" uuid NOT NULL, "kind" character varying(60) NOT NULL, "subject" character varying(200) NOT NULL, "body" text NOT NULL, "link" character varying(300), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "read_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "pk_notifications_id" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_notifications_recipient_id_created_at" ON "notifications"  ("recipient_id", "created_at", "id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "notification_deliveries" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "notification_id" uuid NOT NULL, "recipient_address" character varying(254) NOT NULL, "status" character varying(10) NOT NULL DEFAULT 'PENDING', "attempts" integer NOT NULL DEFAULT '0', "next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "locked_until" TIMESTAMP WITH TIME ZONE, "sent_at" TIMESTAMP WITH TIME ZONE, "last_error" character varying(500), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_notification_deliveries_attempts" CHECK ("attempts" >= 0), CONSTRAINT "ck_notification_deliveries_status" CHECK ("status" IN ('PENDING', 'SENT', 'FAILED')), CONSTRAINT "pk_notification_deliveries_id" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_notification_deliveries_notification_id" ON "notification_deliveries"  ("notification_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_notification_deliveries_due" ON "notification_deliveries"  ("next_attempt_at") WHERE "status" = 'PENDING'`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_connections_practitioner_b_id_practitioner_a_id" ON "connections"  ("practitioner_b_id", "practitioner_a_id") `,
    );
    // Walking the network asks of every person reached whether they are hidden; a probe
    // into this small index answers without reading the practitioners table.
    await queryRunner.query(
      `CREATE INDEX "idx_practitioners_undiscoverable" ON "practitioners" ("id") WHERE NOT "discoverable"`,
    );
    // How much two sets of ids overlap (Jaccard: shared / all), leaving out `ignore` (e.g. the region everyone is in).
    await queryRunner.query(`
      CREATE FUNCTION overlap_ratio(a uuid[], b uuid[], ignore uuid[] DEFAULT '{}') RETURNS float8
      LANGUAGE sql IMMUTABLE PARALLEL SAFE
      RETURN (SELECT CASE WHEN count(*) FILTER (WHERE x = ANY (b)) = 0 THEN 0
                          ELSE count(*) FILTER (WHERE x = ANY (b))::float8
                               / (count(*) + (SELECT count(*) FROM unnest(b) y WHERE NOT y = ANY (ignore))
                                  - count(*) FILTER (WHERE x = ANY (b))) END
                FROM unnest(a) x WHERE NOT x = ANY (ignore))`);
    // At most one open request between two people, whoever asked.
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_introductions_open_pair" ON "introductions"
         (LEAST("requester_id", "target_id"), GREATEST("requester_id", "target_id"))
       WHERE "status" IN ('PENDING_BROKER', 'PENDING_TARGET')`,
    );
    // One link of a kind per pair of organisations; PARTNERS_WITH either way round.
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_organisation_partnerships_pair" ON "organisation_partnerships" (
         "kind",
         (CASE WHEN "kind" = 'PARTNERS_WITH' THEN LEAST("organisation_id", "partner_id") ELSE "organisation_id" END),
         (CASE WHEN "kind" = 'PARTNERS_WITH' THEN GREATEST("organisation_id", "partner_id") ELSE "partner_id" END))`,
    );
    await queryRunner.query(
      `ALTER TABLE "practitioner_blocks" ADD CONSTRAINT "fk_practitioner_blocks_blocker_id" FOREIGN KEY ("blocker_id") REFERENCES "practitioners"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "practitioner_blocks" ADD CONSTRAINT "fk_practitioner_blocks_blocked_id" FOREIGN KEY ("blocked_id") REFERENCES "practitioners"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "introductions" ADD CONSTRAINT "fk_introductions_requester_id" FOREIGN KEY ("requester_id") REFERENCES "practitioners"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "introductions" ADD CONSTRAINT "fk_introductions_target_id" FOREIGN KEY ("target_id") REFERENCES "practitioners"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "introductions" ADD CONSTRAINT "fk_introductions_broker_id" FOREIGN KEY ("broker_id") REFERENCES "practitioners"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "organisation_partnerships" ADD CONSTRAINT "fk_organisation_partnerships_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "organisation_partnerships" ADD CONSTRAINT "fk_organisation_partnerships_partner_id" FOREIGN KEY ("partner_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "organisation_partnerships" ADD CONSTRAINT "fk_organisation_partnerships_proposed_by" FOREIGN KEY ("proposed_by") REFERENCES "accounts"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "organisation_partnerships" ADD CONSTRAINT "fk_organisation_partnerships_confirmed_by" FOREIGN KEY ("confirmed_by") REFERENCES "accounts"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "fk_notifications_recipient_id" FOREIGN KEY ("recipient_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "notification_deliveries" ADD CONSTRAINT "fk_notification_deliveries_notification_id" FOREIGN KEY ("notification_id") REFERENCES "notifications"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "notification_deliveries" DROP CONSTRAINT "fk_notification_deliveries_notification_id"`,
    );
    await queryRunner.query(`ALTER TABLE "notifications" DROP CONSTRAINT "fk_notifications_recipient_id"`);
    await queryRunner.query(
      `ALTER TABLE "organisation_partnerships" DROP CONSTRAINT "fk_organisation_partnerships_confirmed_by"`,
    );
    await queryRunner.query(
      `ALTER TABLE "organisation_partnerships" DROP CONSTRAINT "fk_organisation_partnerships_proposed_by"`,
    );
    await queryRunner.query(
      `ALTER TABLE "organisation_partnerships" DROP CONSTRAINT "fk_organisation_partnerships_partner_id"`,
    );
    await queryRunner.query(
      `ALTER TABLE "organisation_partnerships" DROP CONSTRAINT "fk_organisation_partnerships_organisation_id"`,
    );
    await queryRunner.query(`ALTER TABLE "introductions" DROP CONSTRAINT "fk_introductions_broker_id"`);
    await queryRunner.query(`ALTER TABLE "introductions" DROP CONSTRAINT "fk_introductions_target_id"`);
    await queryRunner.query(`ALTER TABLE "introductions" DROP CONSTRAINT "fk_introductions_requester_id"`);
    await queryRunner.query(`ALTER TABLE "practitioner_blocks" DROP CONSTRAINT "fk_practitioner_blocks_blocked_id"`);
    await queryRunner.query(`ALTER TABLE "practitioner_blocks" DROP CONSTRAINT "fk_practitioner_blocks_blocker_id"`);
    await queryRunner.query('DROP FUNCTION overlap_ratio(uuid[], uuid[], uuid[])');
    await queryRunner.query('DROP FUNCTION recount_connections()');
    await queryRunner.query('DROP TRIGGER connections_counted ON connections');
    await queryRunner.query('DROP FUNCTION connections_counted()');
    await queryRunner.query('DROP TABLE "connection_counts"');
    await queryRunner.query(`DROP INDEX "public"."uq_organisation_partnerships_pair"`);
    await queryRunner.query(`DROP INDEX "public"."uq_introductions_open_pair"`);
    await queryRunner.query(`DROP INDEX "public"."idx_practitioners_undiscoverable"`);
    await queryRunner.query(`DROP INDEX "public"."idx_connections_practitioner_b_id_practitioner_a_id"`);
    await queryRunner.query(`DROP INDEX "public"."idx_notification_deliveries_due"`);
    await queryRunner.query(`DROP INDEX "public"."idx_notification_deliveries_notification_id"`);
    await queryRunner.query(`DROP TABLE "notification_deliveries"`);
    await queryRunner.query(`DROP INDEX "public"."idx_notifications_recipient_id_created_at"`);
    await queryRunner.query(`DROP TABLE "notifications"`);
    await queryRunner.query(`DROP INDEX "public"."idx_organisation_partnerships_partner_id"`);
    await queryRunner.query(`DROP TABLE "organisation_partnerships"`);
    await queryRunner.query(`DROP INDEX "public"."idx_introductions_requester_id_created_at"`);
    await queryRunner.query(`DROP INDEX "public"."idx_introductions_target_id_created_at"`);
    await queryRunner.query(`DROP INDEX "public"."idx_introductions_broker_id_created_at"`);
    await queryRunner.query(`DROP INDEX "public"."idx_introductions_expires_at"`);
    await queryRunner.query(`DROP TABLE "introductions"`);
    await queryRunner.query(`DROP INDEX "public"."idx_practitioner_blocks_blocked_id_blocker_id"`);
    await queryRunner.query(`DROP TABLE "practitioner_blocks"`);
    await queryRunner.query(
      `CREATE INDEX "idx_connections_practitioner_b_id" ON "connections" USING btree ("practitioner_b_id") `,
    );
  }
}
