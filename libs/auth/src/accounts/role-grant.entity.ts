import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A role on top of membership: ORG_ADMIN and GRANTS_OFFICER are scoped to one
 * organisation, ADMIN to the whole platform.
 */
@Entity('role_grants')
@Check('ck_role_grants_role', `"role" IN ('ORG_ADMIN', 'GRANTS_OFFICER', 'ADMIN')`)
@Check(
  'ck_role_grants_scope',
  `("role" = 'ADMIN' AND "organisation_id" IS NULL) OR ("role" <> 'ADMIN' AND "organisation_id" IS NOT NULL)`,
)
@Index('uq_role_grants_scoped', ['accountId', 'role', 'organisationId'], {
  unique: true,
  where: `"organisation_id" IS NOT NULL`,
})
@Index('uq_role_grants_global', ['accountId', 'role'], { unique: true, where: `"organisation_id" IS NULL` })
@Index('idx_role_grants_organisation_id', ['organisationId'])
export class RoleGrantEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  @ForeignKey('AccountEntity', { onDelete: 'CASCADE' })
  accountId: string;

  @Column('varchar', { length: 20 })
  role: 'ORG_ADMIN' | 'GRANTS_OFFICER' | 'ADMIN';

  @Column('uuid', { nullable: true })
  @ForeignKey('OrganisationEntity', { onDelete: 'CASCADE' })
  organisationId: string | null;

  @Column('uuid', { nullable: true })
  grantedBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
