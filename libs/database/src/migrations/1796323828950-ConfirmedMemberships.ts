import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ConfirmedMemberships1796323828950 implements MigrationInterface {
  name = 'ConfirmedMemberships1796323828950';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "organisation_email_domains" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "domain" character varying(253) NOT NULL, "verified_at" TIMESTAMP WITH TIME ZONE, "verified_by" uuid, "added_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_organisation_email_domains_domain" CHECK ("domain" = lower("domain") AND "domain" LIKE '%_._%'), CONSTRAINT "pk_organisation_email_domains_id" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_organisation_email_domains_domain" ON "organisation_email_domains"  ("domain") WHERE "verified_at" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_organisation_email_domains" ON "organisation_email_domains"  ("organisation_id", "domain") `,
    );
    await queryRunner.query(
      `CREATE TABLE "membership_invitations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "email" character varying(254) NOT NULL, "role" character varying(120), "team" character varying(120), "token_hash" character(64) NOT NULL, "status" character varying(10) NOT NULL DEFAULT 'PENDING', "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "invited_by" uuid, "accepted_by" uuid, "decided_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_membership_invitations_status" CHECK ("status" IN ('PENDING', 'ACCEPTED', 'REVOKED')), CONSTRAINT "pk_membership_invitations_id" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_membership_invitations_open" ON "membership_invitations"  ("organisation_id", "email") WHERE "status" = 'PENDING'`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_membership_invitations_organisation_id" ON "membership_invitations"  ("organisation_id", "created_at", "id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_membership_invitations_token_hash" ON "membership_invitations"  ("token_hash") `,
    );
    await queryRunner.query(`ALTER TABLE "practitioners" ADD "verified_member" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(
      `ALTER TABLE "practitioner_memberships" ADD "status" character varying(10) NOT NULL DEFAULT 'PENDING'`,
    );
    await queryRunner.query(`ALTER TABLE "practitioner_memberships" ADD "confirmed_via" character varying(12)`);
    await queryRunner.query(`ALTER TABLE "practitioner_memberships" ADD "decided_by" uuid`);
    await queryRunner.query(`ALTER TABLE "practitioner_memberships" ADD "decided_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "practitioner_memberships" ADD "ended_by" uuid`);
    await queryRunner.query(`ALTER TABLE "practitioner_memberships" ADD "ended_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `ALTER TABLE "practitioner_memberships" ADD "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()`,
    );
    await queryRunner.query(`ALTER TABLE "notifications" ALTER COLUMN "recipient_id" DROP NOT NULL`);
    // Memberships made before confirmation existed: a demo person's, or one of an organisation
    // its person administers, counts as confirmed by that organisation; every other stays
    // PENDING for the organisation's admins to confirm (nobody was ever asked before).
    await queryRunner.query(
      `UPDATE practitioner_memberships m SET status = 'CONFIRMED', confirmed_via = 'ORG_ADMIN', decided_at = now()
        WHERE EXISTS (SELECT 1 FROM practitioners p WHERE p.id = m.practitioner_id AND p.is_demo)
           OR EXISTS (SELECT 1 FROM role_grants g
                       WHERE g.account_id = m.practitioner_id AND g.role = 'ORG_ADMIN' AND g.organisation_id = m.organisation_id)`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_practitioners_outside_network" ON "practitioners"  ("id") WHERE NOT "verified_member"`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_practitioner_memberships_pending" ON "practitioner_memberships"  ("organisation_id", "created_at", "id") WHERE "status" = 'PENDING'`,
    );
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "ck_notifications_recipient" CHECK ("recipient_id" IS NOT NULL OR NOT "shown_in_app")`,
    );
    await queryRunner.query(
      `ALTER TABLE "practitioner_memberships" ADD CONSTRAINT "ck_practitioner_memberships_route" CHECK ("confirmed_via" IS NULL OR "confirmed_via" IN ('ORG_ADMIN', 'EMAIL_DOMAIN', 'INVITATION', 'SIGN_IN'))`,
    );
    await queryRunner.query(
      `ALTER TABLE "practitioner_memberships" ADD CONSTRAINT "ck_practitioner_memberships_confirmed_via" CHECK (("status" = 'PENDING' AND "confirmed_via" IS NULL) OR "status" <> 'PENDING')`,
    );
    await queryRunner.query(
      `ALTER TABLE "practitioner_memberships" ADD CONSTRAINT "ck_practitioner_memberships_status" CHECK ("status" IN ('PENDING', 'CONFIRMED', 'DECLINED', 'ENDED'))`,
    );
    await queryRunner.query(
      `ALTER TABLE "practitioner_memberships" ADD CONSTRAINT "fk_practitioner_memberships_decided_by" FOREIGN KEY ("decided_by") REFERENCES "accounts"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "practitioner_memberships" ADD CONSTRAINT "fk_practitioner_memberships_ended_by" FOREIGN KEY ("ended_by") REFERENCES "accounts"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "organisation_email_domains" ADD CONSTRAINT "fk_organisation_email_domains_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "organisation_email_domains" ADD CONSTRAINT "fk_organisation_email_domains_verified_by" FOREIGN KEY ("verified_by") REFERENCES "accounts"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "organisation_email_domains" ADD CONSTRAINT "fk_organisation_email_domains_added_by" FOREIGN KEY ("added_by") REFERENCES "accounts"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "membership_invitations" ADD CONSTRAINT "fk_membership_invitations_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "membership_invitations" ADD CONSTRAINT "fk_membership_invitations_invited_by" FOREIGN KEY ("invited_by") REFERENCES "accounts"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "membership_invitations" ADD CONSTRAINT "fk_membership_invitations_accepted_by" FOREIGN KEY ("accepted_by") REFERENCES "accounts"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    // Who holds the verified-member tier now (see verifiedMemberSql in the directory).
    await queryRunner.query(
      `UPDATE practitioners p SET verified_member = TRUE
        WHERE EXISTS (SELECT 1 FROM accounts a
                       WHERE a.id = p.id AND a.email_verified_at IS NOT NULL AND a.disabled_at IS NULL)
          AND EXISTS (SELECT 1 FROM practitioner_memberships m JOIN organisations o ON o.id = m.organisation_id
                       WHERE m.practitioner_id = p.id AND o.verified AND m.status = 'CONFIRMED'
                         AND (m.start_date IS NULL OR m.start_date <= CURRENT_DATE)
                         AND (m.end_date IS NULL OR m.end_date >= CURRENT_DATE))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "membership_invitations" DROP CONSTRAINT "fk_membership_invitations_accepted_by"`,
    );
    await queryRunner.query(
      `ALTER TABLE "membership_invitations" DROP CONSTRAINT "fk_membership_invitations_invited_by"`,
    );
    await queryRunner.query(
      `ALTER TABLE "membership_invitations" DROP CONSTRAINT "fk_membership_invitations_organisation_id"`,
    );
    await queryRunner.query(
      `ALTER TABLE "organisation_email_domains" DROP CONSTRAINT "fk_organisation_email_domains_added_by"`,
    );
    await queryRunner.query(
      `ALTER TABLE "organisation_email_domains" DROP CONSTRAINT "fk_organisation_email_domains_verified_by"`,
    );
    await queryRunner.query(
      `ALTER TABLE "organisation_email_domains" DROP CONSTRAINT "fk_organisation_email_domains_organisation_id"`,
    );
    await queryRunner.query(
      `ALTER TABLE "practitioner_memberships" DROP CONSTRAINT "fk_practitioner_memberships_ended_by"`,
    );
    await queryRunner.query(
      `ALTER TABLE "practitioner_memberships" DROP CONSTRAINT "fk_practitioner_memberships_decided_by"`,
    );
    await queryRunner.query(
      `ALTER TABLE "practitioner_memberships" DROP CONSTRAINT "ck_practitioner_memberships_status"`,
    );
    await queryRunner.query(
      `ALTER TABLE "practitioner_memberships" DROP CONSTRAINT "ck_practitioner_memberships_confirmed_via"`,
    );
    await queryRunner.query(
      `ALTER TABLE "practitioner_memberships" DROP CONSTRAINT "ck_practitioner_memberships_route"`,
    );
    await queryRunner.query(`ALTER TABLE "notifications" DROP CONSTRAINT "ck_notifications_recipient"`);
    await queryRunner.query(`DROP INDEX "public"."idx_practitioner_memberships_pending"`);
    await queryRunner.query(`DROP INDEX "public"."idx_practitioners_outside_network"`);
    await queryRunner.query(`ALTER TABLE "notifications" ALTER COLUMN "recipient_id" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "practitioner_memberships" DROP COLUMN "created_at"`);
    await queryRunner.query(`ALTER TABLE "practitioner_memberships" DROP COLUMN "ended_at"`);
    await queryRunner.query(`ALTER TABLE "practitioner_memberships" DROP COLUMN "ended_by"`);
    await queryRunner.query(`ALTER TABLE "practitioner_memberships" DROP COLUMN "decided_at"`);
    await queryRunner.query(`ALTER TABLE "practitioner_memberships" DROP COLUMN "decided_by"`);
    await queryRunner.query(`ALTER TABLE "practitioner_memberships" DROP COLUMN "confirmed_via"`);
    await queryRunner.query(`ALTER TABLE "practitioner_memberships" DROP COLUMN "status"`);
    await queryRunner.query(`ALTER TABLE "practitioners" DROP COLUMN "verified_member"`);
    await queryRunner.query(`DROP INDEX "public"."uq_membership_invitations_token_hash"`);
    await queryRunner.query(`DROP INDEX "public"."idx_membership_invitations_organisation_id"`);
    await queryRunner.query(`DROP INDEX "public"."uq_membership_invitations_open"`);
    await queryRunner.query(`DROP TABLE "membership_invitations"`);
    await queryRunner.query(`DROP INDEX "public"."uq_organisation_email_domains"`);
    await queryRunner.query(`DROP INDEX "public"."idx_organisation_email_domains_domain"`);
    await queryRunner.query(`DROP TABLE "organisation_email_domains"`);
  }
}
