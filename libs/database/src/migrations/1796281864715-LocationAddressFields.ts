import type { MigrationInterface, QueryRunner } from 'typeorm';

export class LocationAddressFields1796281864715 implements MigrationInterface {
  name = 'LocationAddressFields1796281864715';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "locations" ADD "address_id" uuid`);
    await queryRunner.query(`ALTER TABLE "locations" ADD "attention" character varying(200)`);
    await queryRunner.query(`ALTER TABLE "locations" ADD "region" character varying(100)`);
    await queryRunner.query(`ALTER TABLE "locations" ADD "state_province" character varying(100)`);
    await queryRunner.query(`ALTER TABLE "locations" ADD "country" character varying(2) NOT NULL DEFAULT 'GB'`);
    await queryRunner.query(
      `ALTER TABLE "locations" ADD "address_type" character varying(10) NOT NULL DEFAULT 'physical'`,
    );
    // Wider for postal codes of other countries; UK postcodes stay as they are.
    await queryRunner.query(`ALTER TABLE "locations" ALTER COLUMN "postcode" TYPE character varying(20)`);
    await queryRunner.query(
      `ALTER TABLE "locations" ADD CONSTRAINT "ck_locations_address_type" CHECK ("address_type" IN ('physical', 'postal', 'virtual'))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "locations" DROP CONSTRAINT "ck_locations_address_type"`);
    await queryRunner.query(
      `ALTER TABLE "locations" ALTER COLUMN "postcode" TYPE character varying(8)
         USING CASE WHEN length("postcode") <= 8 THEN "postcode" END`,
    );
    await queryRunner.query(`ALTER TABLE "locations" DROP COLUMN "address_type"`);
    await queryRunner.query(`ALTER TABLE "locations" DROP COLUMN "country"`);
    await queryRunner.query(`ALTER TABLE "locations" DROP COLUMN "state_province"`);
    await queryRunner.query(`ALTER TABLE "locations" DROP COLUMN "region"`);
    await queryRunner.query(`ALTER TABLE "locations" DROP COLUMN "attention"`);
    await queryRunner.query(`ALTER TABLE "locations" DROP COLUMN "address_id"`);
  }
}
