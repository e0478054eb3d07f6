import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

/**
 * How one organisation's staff sign in with their own identity provider (OpenID Connect):
 * Microsoft Entra ID for councils, police forces and NHS bodies, or any other provider.
 * The client secret is never stored: `clientSecretName` names the environment variable
 * that holds it (OIDC_CLIENT_SECRET_...). Managed by platform admins.
 */
@Entity('oidc_connections')
@Index('uq_oidc_connections_organisation_issuer', ['organisationId', 'issuer'], { unique: true })
@Check('ck_oidc_connections_secret_name', `"client_secret_name" ~ '^OIDC_CLIENT_SECRET_[A-Z0-9_]{1,60}$'`)
@Check('ck_oidc_connections_email_domains', `cardinality("email_domains") > 0`)
@Check(
  'ck_oidc_connections_tenant_template',
  `"issuer" NOT LIKE '%{tenantid}%' OR cardinality("allowed_tenant_ids") > 0`,
)
export class OidcConnectionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  @ForeignKey('OrganisationEntity', { onDelete: 'CASCADE' })
  organisationId: string;

  /** What the sign-in button says: "Walsall Council staff". */
  @Column('varchar', { length: 120 })
  label: string;

  /**
   * The issuer as the provider's metadata names it. Entra's multi-tenant template
   * `https://login.microsoftonline.com/{tenantid}/v2.0` stands for any tenant in
   * `allowedTenantIds`; every other issuer is matched exactly.
   */
  @Column('varchar', { length: 500 })
  issuer: string;

  @Column('varchar', { length: 255 })
  clientId: string;

  /** The environment variable holding the client secret; the secret itself is never here. */
  @Column('varchar', { length: 80 })
  clientSecretName: string;

  /** Entra tenant ids (`tid`) allowed to sign in; empty means the token's `tid` is not checked. */
  @Column('text', { array: true, default: () => "'{}'" })
  allowedTenantIds: string[];

  /** The email domains this provider vouches for (lower case); the organisation must have verified them too. */
  @Column('text', { array: true })
  emailDomains: string[];

  @Column('uuid', { nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
