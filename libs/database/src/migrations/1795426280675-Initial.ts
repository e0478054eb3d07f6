import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795426280675 implements MigrationInterface {
  name = 'Initial1795426280675';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "audit_entries" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "actor_account_id" uuid, "entity_type" character varying(40) NOT NULL, "entity_id" uuid NOT NULL, "action" character varying(40) NOT NULL, "before" jsonb, "after" jsonb, "request_id" character varying(64), CONSTRAINT "pk_audit_entries_id" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_audit_entries_at" ON "audit_entries"  ("at") `);
    await queryRunner.query(
      `CREATE INDEX "idx_audit_entries_entity" ON "audit_entries"  ("entity_type", "entity_id", "at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "accounts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" character varying(254) NOT NULL, "password_hash" character varying(255) NOT NULL, "session_epoch" integer NOT NULL DEFAULT '0', "disabled_at" TIMESTAMP WITH TIME ZONE, "last_login_at" TIMESTAMP WITH TIME ZONE, "is_demo" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_accounts_email" UNIQUE ("email"), CONSTRAINT "ck_accounts_email_lowercase" CHECK ("email" = lower("email")), CONSTRAINT "pk_accounts_id" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "role_grants" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "account_id" uuid NOT NULL, "role" character varying(20) NOT NULL, "organisation_id" uuid, "granted_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_role_grants_scope" CHECK (("role" = 'ADMIN' AND "organisation_id" IS NULL) OR ("role" <> 'ADMIN' AND "organisation_id" IS NOT NULL)), CONSTRAINT "ck_role_grants_role" CHECK ("role" IN ('ORG_ADMIN', 'GRANTS_OFFICER', 'ADMIN')), CONSTRAINT "pk_role_grants_id" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_role_grants_organisation_id" ON "role_grants"  ("organisation_id") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_role_grants_global" ON "role_grants"  ("account_id", "role") WHERE "organisation_id" IS NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_role_grants_scoped" ON "role_grants"  ("account_id", "role", "organisation_id") WHERE "organisation_id" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE TABLE "refresh_tokens" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "account_id" uuid NOT NULL, "family_id" uuid NOT NULL, "token_hash" character(64) NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_refresh_tokens_token_hash" UNIQUE ("token_hash"), CONSTRAINT "pk_refresh_tokens_id" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_refresh_tokens_account_id" ON "refresh_tokens"  ("account_id") `);
    await queryRunner.query(`CREATE INDEX "idx_refresh_tokens_family_id" ON "refresh_tokens"  ("family_id") `);
    await queryRunner.query(
      `CREATE TABLE "areas" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "parent_id" uuid, "kind" character varying(20) NOT NULL, "name" character varying(120) NOT NULL, "code" character varying(20), "path_ids" uuid array NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_areas_kind" CHECK ("kind" IN ('REGION', 'LOCAL_AUTHORITY', 'LOCALITY', 'WARD')), CONSTRAINT "pk_areas_id" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_areas_parent_id" ON "areas"  ("parent_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_areas_code" ON "areas"  ("code") WHERE "code" IS NOT NULL`);
    await queryRunner.query(
      `CREATE TABLE "taxonomies" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" character varying(60) NOT NULL, "name" character varying(120) NOT NULL, "description" text, "uri" character varying(300), "version" character varying(20), CONSTRAINT "uq_taxonomies_code" UNIQUE ("code"), CONSTRAINT "pk_taxonomies_id" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "taxonomy_terms" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "taxonomy_id" uuid NOT NULL, "parent_id" uuid, "code" character varying(60) NOT NULL, "name" character varying(120) NOT NULL, "description" text, "term_uri" character varying(300), "path_ids" uuid array NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_taxonomy_terms_taxonomy_id_code" UNIQUE ("taxonomy_id", "code"), CONSTRAINT "pk_taxonomy_terms_id" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_taxonomy_terms_parent_id" ON "taxonomy_terms"  ("parent_id") `);
    await queryRunner.query(
      `CREATE TABLE "organisations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(200) NOT NULL, "kind" character varying(20) NOT NULL, "description" text, "website" character varying(300), "email" character varying(254), "phone" character varying(40), "address_line1" character varying(200), "address_line2" character varying(200), "town" character varying(100), "postcode" character varying(8), "latitude" double precision, "longitude" double precision, "faith_tradition" character varying(20), "languages" character varying(3) array NOT NULL DEFAULT '{}', "verified" boolean NOT NULL DEFAULT false, "verified_at" TIMESTAMP WITH TIME ZONE, "verified_by" uuid, "visibility" character varying(10) NOT NULL DEFAULT 'PUBLIC', "is_demo" boolean NOT NULL DEFAULT false, "version" integer NOT NULL DEFAULT '1', "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_organisations_version" CHECK ("version" > 0), CONSTRAINT "ck_organisations_coordinates" CHECK (("latitude" IS NULL) = ("longitude" IS NULL)), CONSTRAINT "ck_organisations_visibility" CHECK ("visibility" IN ('PUBLIC', 'MEMBERS')), CONSTRAINT "ck_organisations_faith_tradition" CHECK ("faith_tradition" IS NULL OR "faith_tradition" IN ('BAHAI', 'BUDDHIST', 'CHRISTIAN', 'HINDU', 'JAIN', 'JEWISH', 'MUSLIM', 'SIKH', 'ZOROASTRIAN', 'MULTI_FAITH', 'OTHER')), CONSTRAINT "ck_organisations_kind" CHECK ("kind" IN ('LOCAL_AUTHORITY', 'POLICE', 'FIRE', 'NHS', 'SCHOOL', 'UNIVERSITY', 'VCS', 'FAITH_GROUP', 'BUSINESS', 'NETWORK')), CONSTRAINT "pk_organisations_id" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_organisations_kind" ON "organisations"  ("kind") `);
    await queryRunner.query(
      `CREATE TABLE "organisation_identifiers" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "scheme" character varying(12) NOT NULL, "identifier" character varying(80) NOT NULL, CONSTRAINT "uq_organisation_identifiers_scheme_identifier" UNIQUE ("scheme", "identifier"), CONSTRAINT "pk_organisation_identifiers_id" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_organisation_identifiers_organisation_id" ON "organisation_identifiers"  ("organisation_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "organisation_areas" ("organisation_id" uuid NOT NULL, "area_id" uuid NOT NULL, CONSTRAINT "pk_organisation_areas_organisation_id_area_id" PRIMARY KEY ("organisation_id", "area_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_organisation_areas_area_id" ON "organisation_areas"  ("area_id") `);
    await queryRunner.query(
      `CREATE TABLE "organisation_themes" ("organisation_id" uuid NOT NULL, "term_id" uuid NOT NULL, CONSTRAINT "pk_organisation_themes_organisation_id_term_id" PRIMARY KEY ("organisation_id", "term_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_organisation_themes_term_id" ON "organisation_themes"  ("term_id") `);
    await queryRunner.query(
      `CREATE TABLE "practitioners" ("id" uuid NOT NULL, "full_name" character varying(120) NOT NULL, "job_title" character varying(120), "bio" text, "can_help_with" text, "looking_for" text, "languages" character varying(3) array NOT NULL DEFAULT '{}', "discoverable" boolean NOT NULL DEFAULT true, "open_to_introductions" boolean NOT NULL DEFAULT true, "introductions_monthly_cap" smallint NOT NULL DEFAULT '5', "contact_email" character varying(254), "contact_email_visibility" character varying(12) NOT NULL DEFAULT 'CONNECTIONS', "contact_phone" character varying(40), "contact_phone_visibility" character varying(12) NOT NULL DEFAULT 'CONNECTIONS', "contact_mobile" character varying(40), "contact_mobile_visibility" character varying(12) NOT NULL DEFAULT 'HIDDEN', "website" character varying(300), "website_visibility" character varying(12) NOT NULL DEFAULT 'MEMBERS', "is_demo" boolean NOT NULL DEFAULT false, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_practitioners_version" CHECK ("version" > 0), CONSTRAINT "ck_practitioners_introductions_monthly_cap" CHECK ("introductions_monthly_cap" BETWEEN 0 AND 100), CONSTRAINT "ck_practitioners_website_visibility" CHECK ("website_visibility" IN ('PUBLIC', 'MEMBERS', 'CONNECTIONS', 'HIDDEN')), CONSTRAINT "ck_practitioners_mobile_visibility" CHECK ("contact_mobile_visibility" IN ('PUBLIC', 'MEMBERS', 'CONNECTIONS', 'HIDDEN')), CONSTRAINT "ck_practitioners_phone_visibility" CHECK ("contact_phone_visibility" IN ('PUBLIC', 'MEMBERS', 'CONNECTIONS', 'HIDDEN')), CONSTRAINT "ck_practitioners_email_visibility" CHECK ("contact_email_visibility" IN ('PUBLIC', 'MEMBERS', 'CONNECTIONS', 'HIDDEN')), CONSTRAINT "pk_practitioners_id" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "practitioner_memberships" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "practitioner_id" uuid NOT NULL, "organisation_id" uuid NOT NULL, "role" character varying(120), "team" character varying(120), "start_date" date, "end_date" date, CONSTRAINT "ck_practitioner_memberships_dates" CHECK ("end_date" IS NULL OR "start_date" IS NULL OR "end_date" >= "start_date"), CONSTRAINT "pk_practitioner_memberships_id" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_practitioner_memberships_organisation_id" ON "practitioner_memberships"  ("organisation_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_practitioner_memberships_practitioner_id" ON "practitioner_memberships"  ("practitioner_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "practitioner_areas" ("practitioner_id" uuid NOT NULL, "area_id" uuid NOT NULL, CONSTRAINT "pk_practitioner_areas_practitioner_id_area_id" PRIMARY KEY ("practitioner_id", "area_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_practitioner_areas_area_id" ON "practitioner_areas"  ("area_id") `);
    await queryRunner.query(
      `CREATE TABLE "practitioner_themes" ("practitioner_id" uuid NOT NULL, "term_id" uuid NOT NULL, CONSTRAINT "pk_practitioner_themes_practitioner_id_term_id" PRIMARY KEY ("practitioner_id", "term_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_practitioner_themes_term_id" ON "practitioner_themes"  ("term_id") `);
    await queryRunner.query(`CREATE TABLE "services" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "name" character varying(200) NOT NULL, "description" text, "url" character varying(300), "email" character varying(254), "status" character varying(20) NOT NULL DEFAULT 'active', "fees" text, "eligibility_description" text, "minimum_age" smallint, "maximum_age" smallint, "languages" character varying(3) array NOT NULL DEFAULT '{}', "assured_date" date, "assurer_email" character varying(254), "visibility" character varying(10) NOT NULL DEFAULT 'PUBLIC', "is_demo" boolean NOT NULL DEFAULT false, "version" integer NOT NULL DEFAULT '1', "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_services_version" CHECK ("version" > 0), CONSTRAINT "ck_services_ages" CHECK (("minimum_age" IS NULL OR "minimum_age" BETWEEN 0 AND 130) AND ("maximum_age" IS NULL OR "maximum_age" BETWEEN 0 AND 130)
   AND ("minimum_age" IS NULL OR "maximum_age" IS NULL OR "minimum_age" <= "maximum_age")), CONSTRAINT "ck_services_visibility" CHECK ("visibility" IN ('PUBLIC', 'MEMBERS')), CONSTRAINT "ck_services_status" CHECK ("status" IN ('active', 'inactive', 'defunct', 'temporarily closed')), CONSTRAINT "pk_services_id" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_services_updated_at" ON "services"  ("updated_at") `);
    await queryRunner.query(`CREATE INDEX "idx_services_organisation_id" ON "services"  ("organisation_id") `);
    await queryRunner.query(
      `CREATE TABLE "service_cost_options" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "service_id" uuid NOT NULL, "option" character varying(200), "amount_pence" integer, "amount_description" text, "valid_from" date, "valid_to" date, CONSTRAINT "ck_service_cost_options_amount" CHECK ("amount_pence" IS NULL OR "amount_pence" >= 0), CONSTRAINT "pk_service_cost_options_id" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_service_cost_options_service_id" ON "service_cost_options"  ("service_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "service_schedules" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "service_id" uuid NOT NULL, "freq" character varying(7), "interval" smallint, "byday" character varying(60), "opens_at" TIME, "closes_at" TIME, "valid_from" date, "valid_to" date, "description" text, CONSTRAINT "ck_service_schedules_interval" CHECK ("interval" IS NULL OR "interval" BETWEEN 1 AND 52), CONSTRAINT "ck_service_schedules_freq" CHECK ("freq" IS NULL OR "freq" IN ('WEEKLY', 'MONTHLY')), CONSTRAINT "pk_service_schedules_id" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_service_schedules_service_id" ON "service_schedules"  ("service_id") `);
    await queryRunner.query(
      `CREATE TABLE "locations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "location_type" character varying(10) NOT NULL DEFAULT 'physical', "name" character varying(200), "description" text, "address_line1" character varying(200), "address_line2" character varying(200), "town" character varying(100), "postcode" character varying(8), "latitude" double precision, "longitude" double precision, "area_id" uuid, CONSTRAINT "ck_locations_coordinates" CHECK (("latitude" IS NULL) = ("longitude" IS NULL)), CONSTRAINT "ck_locations_location_type" CHECK ("location_type" IN ('physical', 'postal', 'virtual')), CONSTRAINT "pk_locations_id" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_locations_area_id" ON "locations"  ("area_id") `);
    await queryRunner.query(`CREATE INDEX "idx_locations_organisation_id" ON "locations"  ("organisation_id") `);
    await queryRunner.query(
      `CREATE TABLE "service_locations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "service_id" uuid NOT NULL, "location_id" uuid NOT NULL, "description" text, CONSTRAINT "uq_service_locations_service_id_location_id" UNIQUE ("service_id", "location_id"), CONSTRAINT "pk_service_locations_id" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_service_locations_location_id" ON "service_locations"  ("location_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "service_contacts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "service_id" uuid NOT NULL, "name" character varying(120), "title" character varying(120), "email" character varying(254), "phone" character varying(40), CONSTRAINT "pk_service_contacts_id" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_service_contacts_service_id" ON "service_contacts"  ("service_id") `);
    await queryRunner.query(
      `CREATE TABLE "service_taxonomy_terms" ("service_id" uuid NOT NULL, "term_id" uuid NOT NULL, CONSTRAINT "pk_service_taxonomy_terms_service_id_term_id" PRIMARY KEY ("service_id", "term_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_service_taxonomy_terms_term_id" ON "service_taxonomy_terms"  ("term_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "service_areas" ("service_id" uuid NOT NULL, "area_id" uuid NOT NULL, CONSTRAINT "pk_service_areas_service_id_area_id" PRIMARY KEY ("service_id", "area_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_service_areas_area_id" ON "service_areas"  ("area_id") `);
    await queryRunner.query(
      `CREATE TABLE "seed_runs" ("name" character varying(60) NOT NULL, "applied_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_seed_runs_name" PRIMARY KEY ("name"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "role_grants" ADD CONSTRAINT "fk_role_grants_account_id" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "role_grants" ADD CONSTRAINT "fk_role_grants_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "refresh_tokens" ADD CONSTRAINT "fk_refresh_tokens_account_id" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "areas" ADD CONSTRAINT "fk_areas_parent_id" FOREIGN KEY ("parent_id") REFERENCES "areas"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "taxonomy_terms" ADD CONSTRAINT "fk_taxonomy_terms_taxonomy_id" FOREIGN KEY ("taxonomy_id") REFERENCES "taxonomies"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "taxonomy_terms" ADD CONSTRAINT "fk_taxonomy_terms_parent_id" FOREIGN KEY ("parent_id") REFERENCES "taxonomy_terms"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "organisations" ADD CONSTRAINT "fk_organisations_verified_by" FOREIGN KEY ("verified_by") REFERENCES "accounts"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "organisations" ADD CONSTRAINT "fk_organisations_created_by" FOREIGN KEY ("created_by") REFERENCES "accounts"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "organisation_identifiers" ADD CONSTRAINT "fk_organisation_identifiers_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "organisation_areas" ADD CONSTRAINT "fk_organisation_areas_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "organisation_areas" ADD CONSTRAINT "fk_organisation_areas_area_id" FOREIGN KEY ("area_id") REFERENCES "areas"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "organisation_themes" ADD CONSTRAINT "fk_organisation_themes_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "organisation_themes" ADD CONSTRAINT "fk_organisation_themes_term_id" FOREIGN KEY ("term_id") REFERENCES "taxonomy_terms"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "practitioners" ADD CONSTRAINT "fk_practitioners_id" FOREIGN KEY ("id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "practitioner_memberships" ADD CONSTRAINT "fk_practitioner_memberships_practitioner_id" FOREIGN KEY ("practitioner_id") REFERENCES "practitioners"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "practitioner_memberships" ADD CONSTRAINT "fk_practitioner_memberships_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "practitioner_areas" ADD CONSTRAINT "fk_practitioner_areas_practitioner_id" FOREIGN KEY ("practitioner_id") REFERENCES "practitioners"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "practitioner_areas" ADD CONSTRAINT "fk_practitioner_areas_area_id" FOREIGN KEY ("area_id") REFERENCES "areas"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "practitioner_themes" ADD CONSTRAINT "fk_practitioner_themes_practitioner_id" FOREIGN KEY ("practitioner_id") REFERENCES "practitioners"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "practitioner_themes" ADD CONSTRAINT "fk_practitioner_themes_term_id" FOREIGN KEY ("term_id") REFERENCES "taxonomy_terms"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "services" ADD CONSTRAINT "fk_services_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "services" ADD CONSTRAINT "fk_services_created_by" FOREIGN KEY ("created_by") REFERENCES "accounts"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "service_cost_options" ADD CONSTRAINT "fk_service_cost_options_service_id" FOREIGN KEY ("service_id") REFERENCES "services"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "service_schedules" ADD CONSTRAINT "fk_service_schedules_service_id" FOREIGN KEY ("service_id") REFERENCES "services"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "locations" ADD CONSTRAINT "fk_locations_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "locations" ADD CONSTRAINT "fk_locations_area_id" FOREIGN KEY ("area_id") REFERENCES "areas"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "service_locations" ADD CONSTRAINT "fk_service_locations_service_id" FOREIGN KEY ("service_id") REFERENCES "services"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "service_locations" ADD CONSTRAINT "fk_service_locations_location_id" FOREIGN KEY ("location_id") REFERENCES "locations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "service_contacts" ADD CONSTRAINT "fk_service_contacts_service_id" FOREIGN KEY ("service_id") REFERENCES "services"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "service_taxonomy_terms" ADD CONSTRAINT "fk_service_taxonomy_terms_service_id" FOREIGN KEY ("service_id") REFERENCES "services"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "service_taxonomy_terms" ADD CONSTRAINT "fk_service_taxonomy_terms_term_id" FOREIGN KEY ("term_id") REFERENCES "taxonomy_terms"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "service_areas" ADD CONSTRAINT "fk_service_areas_service_id" FOREIGN KEY ("service_id") REFERENCES "services"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "service_areas" ADD CONSTRAINT "fk_service_areas_area_id" FOREIGN KEY ("area_id") REFERENCES "areas"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "service_areas" DROP CONSTRAINT "fk_service_areas_area_id"`);
    await queryRunner.query(`ALTER TABLE "service_areas" DROP CONSTRAINT "fk_service_areas_service_id"`);
    await queryRunner.query(`ALTER TABLE "service_taxonomy_terms" DROP CONSTRAINT "fk_service_taxonomy_terms_term_id"`);
    await queryRunner.query(
      `ALTER TABLE "service_taxonomy_terms" DROP CONSTRAINT "fk_service_taxonomy_terms_service_id"`,
    );
    await queryRunner.query(`ALTER TABLE "service_contacts" DROP CONSTRAINT "fk_service_contacts_service_id"`);
    await queryRunner.query(`ALTER TABLE "service_locations" DROP CONSTRAINT "fk_service_locations_location_id"`);
    await queryRunner.query(`ALTER TABLE "service_locations" DROP CONSTRAINT "fk_service_locations_service_id"`);
    await queryRunner.query(`ALTER TABLE "locations" DROP CONSTRAINT "fk_locations_area_id"`);
    await queryRunner.query(`ALTER TABLE "locations" DROP CONSTRAINT "fk_locations_organisation_id"`);
    await queryRunner.query(`ALTER TABLE "service_schedules" DROP CONSTRAINT "fk_service_schedules_service_id"`);
    await queryRunner.query(`ALTER TABLE "service_cost_options" DROP CONSTRAINT "fk_service_cost_options_service_id"`);
    await queryRunner.query(`ALTER TABLE "services" DROP CONSTRAINT "fk_services_created_by"`);
    await queryRunner.query(`ALTER TABLE "services" DROP CONSTRAINT "fk_services_organisation_id"`);
    await queryRunner.query(`ALTER TABLE "practitioner_themes" DROP CONSTRAINT "fk_practitioner_themes_term_id"`);
    await queryRunner.query(
      `ALTER TABLE "practitioner_themes" DROP CONSTRAINT "fk_practitioner_themes_practitioner_id"`,
    );
    await queryRunner.query(`ALTER TABLE "practitioner_areas" DROP CONSTRAINT "fk_practitioner_areas_area_id"`);
    await queryRunner.query(`ALTER TABLE "practitioner_areas" DROP CONSTRAINT "fk_practitioner_areas_practitioner_id"`);
    await queryRunner.query(
      `ALTER TABLE "practitioner_memberships" DROP CONSTRAINT "fk_practitioner_memberships_organisation_id"`,
    );
    await queryRunner.query(
      `ALTER TABLE "practitioner_memberships" DROP CONSTRAINT "fk_practitioner_memberships_practitioner_id"`,
    );
    await queryRunner.query(`ALTER TABLE "practitioners" DROP CONSTRAINT "fk_practitioners_id"`);
    await queryRunner.query(`ALTER TABLE "organisation_themes" DROP CONSTRAINT "fk_organisation_themes_term_id"`);
    await queryRunner.query(
      `ALTER TABLE "organisation_themes" DROP CONSTRAINT "fk_organisation_themes_organisation_id"`,
    );
    await queryRunner.query(`ALTER TABLE "organisation_areas" DROP CONSTRAINT "fk_organisation_areas_area_id"`);
    await queryRunner.query(`ALTER TABLE "organisation_areas" DROP CONSTRAINT "fk_organisation_areas_organisation_id"`);
    await queryRunner.query(
      `ALTER TABLE "organisation_identifiers" DROP CONSTRAINT "fk_organisation_identifiers_organisation_id"`,
    );
    await queryRunner.query(`ALTER TABLE "organisations" DROP CONSTRAINT "fk_organisations_created_by"`);
    await queryRunner.query(`ALTER TABLE "organisations" DROP CONSTRAINT "fk_organisations_verified_by"`);
    await queryRunner.query(`ALTER TABLE "taxonomy_terms" DROP CONSTRAINT "fk_taxonomy_terms_parent_id"`);
    await queryRunner.query(`ALTER TABLE "taxonomy_terms" DROP CONSTRAINT "fk_taxonomy_terms_taxonomy_id"`);
    await queryRunner.query(`ALTER TABLE "areas" DROP CONSTRAINT "fk_areas_parent_id"`);
    await queryRunner.query(`ALTER TABLE "refresh_tokens" DROP CONSTRAINT "fk_refresh_tokens_account_id"`);
    await queryRunner.query(`ALTER TABLE "role_grants" DROP CONSTRAINT "fk_role_grants_organisation_id"`);
    await queryRunner.query(`ALTER TABLE "role_grants" DROP CONSTRAINT "fk_role_grants_account_id"`);
    await queryRunner.query(`DROP TABLE "seed_runs"`);
    await queryRunner.query(`DROP INDEX "public"."idx_service_areas_area_id"`);
    await queryRunner.query(`DROP TABLE "service_areas"`);
    await queryRunner.query(`DROP INDEX "public"."idx_service_taxonomy_terms_term_id"`);
    await queryRunner.query(`DROP TABLE "service_taxonomy_terms"`);
    await queryRunner.query(`DROP INDEX "public"."idx_service_contacts_service_id"`);
    await queryRunner.query(`DROP TABLE "service_contacts"`);
    await queryRunner.query(`DROP INDEX "public"."idx_service_locations_location_id"`);
    await queryRunner.query(`DROP TABLE "service_locations"`);
    await queryRunner.query(`DROP INDEX "public"."idx_locations_organisation_id"`);
    await queryRunner.query(`DROP INDEX "public"."idx_locations_area_id"`);
    await queryRunner.query(`DROP TABLE "locations"`);
    await queryRunner.query(`DROP INDEX "public"."idx_service_schedules_service_id"`);
    await queryRunner.query(`DROP TABLE "service_schedules"`);
    await queryRunner.query(`DROP INDEX "public"."idx_service_cost_options_service_id"`);
    await queryRunner.query(`DROP TABLE "service_cost_options"`);
    await queryRunner.query(`DROP INDEX "public"."idx_services_organisation_id"`);
    await queryRunner.query(`DROP INDEX "public"."idx_services_updated_at"`);
    await queryRunner.query(`DROP TABLE "services"`);
    await queryRunner.query(`DROP INDEX "public"."idx_practitioner_themes_term_id"`);
    await queryRunner.query(`DROP TABLE "practitioner_themes"`);
    await queryRunner.query(`DROP INDEX "public"."idx_practitioner_areas_area_id"`);
    await queryRunner.query(`DROP TABLE "practitioner_areas"`);
    await queryRunner.query(`DROP INDEX "public"."idx_practitioner_memberships_practitioner_id"`);
    await queryRunner.query(`DROP INDEX "public"."idx_practitioner_memberships_organisation_id"`);
    await queryRunner.query(`DROP TABLE "practitioner_memberships"`);
    await queryRunner.query(`DROP TABLE "practitioners"`);
    await queryRunner.query(`DROP INDEX "public"."idx_organisation_themes_term_id"`);
    await queryRunner.query(`DROP TABLE "organisation_themes"`);
    await queryRunner.query(`DROP INDEX "public"."idx_organisation_areas_area_id"`);
    await queryRunner.query(`DROP TABLE "organisation_areas"`);
    await queryRunner.query(`DROP INDEX "public"."idx_organisation_identifiers_organisation_id"`);
    await queryRunner.query(`DROP TABLE "organisation_identifiers"`);
    await queryRunner.query(`DROP INDEX "public"."idx_organisations_kind"`);
    await queryRunner.query(`DROP TABLE "organisations"`);
    await queryRunner.query(`DROP INDEX "public"."idx_taxonomy_terms_parent_id"`);
    await queryRunner.query(`DROP TABLE "taxonomy_terms"`);
    await queryRunner.query(`DROP TABLE "taxonomies"`);
    await queryRunner.query(`DROP INDEX "public"."uq_areas_code"`);
    await queryRunner.query(`DROP INDEX "public"."idx_areas_parent_id"`);
    await queryRunner.query(`DROP TABLE "areas"`);
    await queryRunner.query(`DROP INDEX "public"."idx_refresh_tokens_family_id"`);
    await queryRunner.query(`DROP INDEX "public"."idx_refresh_tokens_account_id"`);
    await queryRunner.query(`DROP TABLE "refresh_tokens"`);
    await queryRunner.query(`DROP INDEX "public"."uq_role_grants_scoped"`);
    await queryRunner.query(`DROP INDEX "public"."uq_role_grants_global"`);
    await queryRunner.query(`DROP INDEX "public"."idx_role_grants_organisation_id"`);
    await queryRunner.query(`DROP TABLE "role_grants"`);
    await queryRunner.query(`DROP TABLE "accounts"`);
    await queryRunner.query(`DROP INDEX "public"."idx_audit_entries_entity"`);
    await queryRunner.query(`DROP INDEX "public"."idx_audit_entries_at"`);
    await queryRunner.query(`DROP TABLE "audit_entries"`);
  }
}
