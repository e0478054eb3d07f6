import type { MigrationInterface, QueryRunner } from 'typeorm';

export class GrantIdentifierAcrossFunds1796280322108 implements MigrationInterface {
  name = 'GrantIdentifierAcrossFunds1796280322108';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Awards imported twice (into two funds) before this index need an officer's choice of which to keep.
    const twice = await queryRunner.query(
      `SELECT external_id FROM grant_applications WHERE external_id IS NOT NULL
        GROUP BY external_id HAVING count(*) > 1 ORDER BY external_id LIMIT 20`,
    );
    if (twice.length > 0) {
      throw new Error(
        `These grant identifiers are recorded in more than one fund; delete the extra awards or clear their external_id first: ${twice
          .map((row: { external_id: string }) => row.external_id)
          .join(', ')}`,
      );
    }
    await queryRunner.query(`DROP INDEX "public"."uq_grant_applications_external_id"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_grant_applications_external_id" ON "grant_applications"  ("external_id") WHERE "external_id" IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."uq_grant_applications_external_id"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_grant_applications_external_id" ON "grant_applications" ("fund_id", "external_id") WHERE "external_id" IS NOT NULL`,
    );
  }
}
