import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  AuditService,
  badInput,
  enforce,
  fromGlobalId,
  notFound,
  pgErrorCode,
  toGlobalId,
  type Viewer,
} from '@cohesion/common';
import { AppConfig } from '@cohesion/config';
import { AUTH_POLICY } from '../auth.policy.js';
import { isTenantTemplate, onAnyDomain, TENANT_PLACEHOLDER } from './oidc-claims.js';
import type { SignInConnectionModel } from './oidc-connection.model.js';
import type { ConfigureSignInInput } from './oidc.inputs.js';
import { OidcProviderClient } from './oidc-provider-client.js';
import {
  allConnections,
  connectionById,
  connectionsOfOrganisation,
  deleteConnection,
  upsertConnection,
  type OidcConnectionRow,
} from './oidc.queries.js';

export const SIGN_IN_CONNECTION_TYPE = 'SignInConnection';

/** A way to sign in, as the sign-in page offers it to anyone: what its button says and whom it is for. */
export interface SignInChoice {
  /** The connection's id, for its start address. */
  id: string;
  label: string;
  emailDomains: string[];
}
const PG_FOREIGN_KEY_VIOLATION = '23503';

/**
 * The organisations' sign-in connections, set up by platform admins (they decide who may
 * sign in as a council's staff) and shown to them and the organisation's own admins.
 * Every change is audited; the client secret is only ever named, never held.
 */
@Injectable()
export class OidcConnectionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly provider: OidcProviderClient,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  async configure(viewer: Viewer, input: ConfigureSignInInput): Promise<SignInConnectionModel> {
    enforce(AUTH_POLICY.configureSignIn, viewer, undefined);
    // The input's validation already turned the global id into the uuid.
    const organisationId = input.organisationId;
    const issuer = this.checkedIssuer(input.issuer);
    const allowedTenantIds = [...new Set(input.allowedTenantIds ?? [])];
    if (isTenantTemplate(issuer) && allowedTenantIds.length === 0) {
      throw badInput(
        'input.allowedTenantIds',
        'must name the tenants allowed: the multi-tenant issuer admits any tenant',
      );
    }
    if (!this.config.oidcClientSecrets.has(input.clientSecretName)) {
      throw badInput('input.clientSecretName', 'is not set on the API servers; set the variable first');
    }
    const emailDomains = [...new Set(input.emailDomains.map((domain) => domain.trim().toLowerCase()))];
    try {
      return await this.dataSource.transaction(async (manager) => {
        const before = (await connectionsOfOrganisation(manager, organisationId)).find((row) => row.issuer === issuer);
        const row = await upsertConnection(manager, {
          organisationId,
          label: input.label,
          issuer,
          clientId: input.clientId,
          clientSecretName: input.clientSecretName,
          allowedTenantIds,
          emailDomains,
          createdBy: viewer.accountId,
        });
        await this.audit.record(manager, viewer, {
          entityType: 'SignInConnection',
          entityId: row.id,
          action: before ? 'update' : 'create',
          before: before ? auditable(before) : null,
          after: auditable(row),
        });
        this.provider.forget(row.id);
        return this.toModel(row);
      });
    } catch (error) {
      if (pgErrorCode(error) === PG_FOREIGN_KEY_VIOLATION) throw notFound('That organisation');
      throw error;
    }
  }

  /** Removes a connection; its sign-ins in progress end with it. Accounts and identities stay. */
  async remove(viewer: Viewer, globalId: string): Promise<boolean> {
    enforce(AUTH_POLICY.configureSignIn, viewer, undefined);
    const id = fromGlobalId(globalId, SIGN_IN_CONNECTION_TYPE, 'id');
    return this.dataSource.transaction(async (manager) => {
      const removed = await deleteConnection(manager, id);
      if (!removed) throw notFound('That sign-in connection');
      await this.audit.record(manager, viewer, {
        entityType: 'SignInConnection',
        entityId: id,
        action: 'remove',
        before: auditable(removed),
        after: null,
      });
      this.provider.forget(id);
      return true;
    });
  }

  async ofOrganisation(viewer: Viewer, organisationGlobalId: string): Promise<SignInConnectionModel[]> {
    const organisationId = fromGlobalId(organisationGlobalId, 'Organisation', 'organisationId');
    enforce(AUTH_POLICY.seeSignIn, viewer, { organisationId });
    const rows = await connectionsOfOrganisation(this.dataSource, organisationId);
    return rows.map((row) => this.toModel(row));
  }

  /**
   * The council sign-ins anyone may start (AUTH_POLICY.startSignIn): each connection's
   * label and email domains, nothing of its configuration. Given an email address (or a
   * bare domain), only those that vouch for it, subdomains included.
   */
  async forSignIn(emailOrDomain?: string): Promise<SignInChoice[]> {
    const rows = await allConnections(this.dataSource);
    const wanted = emailOrDomain?.trim().toLowerCase();
    const address = wanted && (wanted.includes('@') ? wanted : `someone@${wanted}`);
    return rows
      .filter((row) => !address || onAnyDomain(address, row.emailDomains))
      .map((row) => ({ id: row.id, label: row.label, emailDomains: row.emailDomains }));
  }

  /** A connection for its own page, or null. */
  byId(id: string): Promise<OidcConnectionRow | undefined> {
    return connectionById(this.dataSource, id);
  }

  /** An https issuer (plain http only on loopback outside production), without a trailing slash for Entra's. */
  private checkedIssuer(raw: string): string {
    const issuer = raw.trim();
    let url: URL;
    try {
      url = new URL(issuer.replace(TENANT_PLACEHOLDER, 'organizations'));
    } catch {
      throw badInput('input.issuer', 'must be the provider’s issuer URL');
    }
    if (url.search || url.hash || url.username || url.password) {
      throw badInput('input.issuer', 'must be the provider’s issuer URL, without query or credentials');
    }
    if (this.provider.refusesHost(issuer)) {
      throw badInput('input.issuer', 'must be on the public internet, not this machine or a private network');
    }
    if (url.protocol !== 'https:' && !this.provider.allowsInsecure(issuer)) {
      throw badInput('input.issuer', 'must be an https:// URL');
    }
    if (issuer.split(TENANT_PLACEHOLDER).length > 2) throw badInput('input.issuer', 'may name {tenantid} once');
    return issuer;
  }

  private toModel(row: OidcConnectionRow): SignInConnectionModel {
    return {
      id: toGlobalId(SIGN_IN_CONNECTION_TYPE, row.id),
      organisationId: toGlobalId('Organisation', row.organisationId),
      label: row.label,
      issuer: row.issuer,
      clientId: row.clientId,
      clientSecretName: row.clientSecretName,
      clientSecretSet: this.config.oidcClientSecrets.has(row.clientSecretName),
      allowedTenantIds: row.allowedTenantIds,
      emailDomains: row.emailDomains,
      signInUrl: `${this.config.apiPublicUrl}/auth/oidc/${row.id}/start`,
      redirectUri: this.provider.redirectUri,
      updatedAt: row.updatedAt,
    };
  }
}

function auditable(row: OidcConnectionRow): Record<string, unknown> {
  return {
    organisationId: row.organisationId,
    label: row.label,
    issuer: row.issuer,
    clientId: row.clientId,
    clientSecretName: row.clientSecretName,
    allowedTenantIds: row.allowedTenantIds,
    emailDomains: row.emailDomains,
  };
}
