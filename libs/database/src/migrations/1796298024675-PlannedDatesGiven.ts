import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Whether an imported grant's file gave its planned dates. Awards imported before this say
 * true; importing their file again corrects them.
 */
export class PlannedDatesGiven1796298024675 implements MigrationInterface {
  name = 'PlannedDatesGiven1796298024675';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "grant_applications" ADD "planned_dates_given" boolean NOT NULL DEFAULT true`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "grant_applications" DROP COLUMN "planned_dates_given"`);
  }
}
