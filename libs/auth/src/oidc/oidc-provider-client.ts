import { isIP } from 'node:net';
import { Injectable } from '@nestjs/common';
import * as oidc from 'openid-client';
import { isPublicAddress } from '@cohesion/common';
import { AppConfig } from '@cohesion/config';
import { TENANT_PLACEHOLDER, type IdTokenClaims } from './oidc-claims.js';

/** The parts of a connection the provider client needs. */
export interface ProviderConnection {
  id: string;
  issuer: string;
  clientId: string;
  clientSecretName: string;
  updatedAt: Date;
}

/** What the sign-in keeps between leaving for the provider and coming back. */
export interface SignInChecks {
  state: string;
  nonce: string;
  codeVerifier: string;
}

/** The provider could not be used: unreachable, misconfigured, or its secret is not set. */
export class ProviderUnavailable extends Error {}

/** The provider's answer failed validation, or the provider refused the code. */
export class ProviderAnswerRefused extends Error {
  constructor(
    message: string,
    /** The provider itself said no (an `error` in the callback), rather than its answer failing checks. */
    readonly byProvider: boolean,
  ) {
    super(message);
  }
}

const DISCOVERY_TTL_MS = 60 * 60 * 1000;
const TIMEOUT_SECONDS = 10;
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Whether a URL's host is a name for this machine or an address that is not on the public internet. */
export function issuerOnPrivateNetwork(url: URL): boolean {
  const host = url.hostname.toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  const bare = host.replace(/^\[|\]$/g, '');
  return isIP(bare) !== 0 && !isPublicAddress(bare);
}

/**
 * The OpenID Connect relying party, through openid-client: discovery (cached an hour per
 * connection version), the authorization URL with PKCE (S256), state and nonce, and the
 * code exchange, which validates the id token's signature, issuer, audience, nonce and
 * expiry. For Entra's multi-tenant issuer the library itself expects the template with
 * the token's `tid` put in.
 */
@Injectable()
export class OidcProviderClient {
  private readonly cache = new Map<string, { key: string; at: number; config: Promise<oidc.Configuration> }>();

  constructor(private readonly appConfig: AppConfig) {}

  get redirectUri(): string {
    return `${this.appConfig.apiPublicUrl}/auth/oidc/callback`;
  }

  /**
   * Whether the issuer's host is this machine or a private network (`localhost`, 10.0.0.5,
   * 169.254.169.254): refused unless OIDC_ALLOW_PRIVATE_ISSUERS, so an issuer entered by an
   * admin cannot turn discovery into a probe of the API's own network. Host names are taken
   * as given; what they resolve to is not checked.
   */
  refusesHost(issuer: string): boolean {
    if (this.appConfig.oidcAllowPrivateIssuers) return false;
    return issuerOnPrivateNetwork(new URL(issuer.replace(TENANT_PLACEHOLDER, 'organizations')));
  }

  /** Whether a plain-http issuer is acceptable: loopback addresses, outside production. */
  allowsInsecure(issuer: string): boolean {
    const url = new URL(issuer.replace(TENANT_PLACEHOLDER, 'organizations'));
    return url.protocol === 'http:' && LOOPBACK.has(url.hostname) && !this.appConfig.isProduction;
  }

  async authorizationUrl(connection: ProviderConnection, checks: SignInChecks): Promise<URL> {
    const config = await this.configuration(connection);
    return oidc.buildAuthorizationUrl(config, {
      redirect_uri: this.redirectUri,
      scope: 'openid email profile',
      response_type: 'code',
      code_challenge: await oidc.calculatePKCECodeChallenge(checks.codeVerifier),
      code_challenge_method: 'S256',
      state: checks.state,
      nonce: checks.nonce,
    });
  }

  /** Exchanges the code the provider sent back; the id token's claims once every check passed. */
  async exchange(connection: ProviderConnection, callback: URL, checks: SignInChecks): Promise<IdTokenClaims> {
    const config = await this.configuration(connection);
    try {
      const tokens = await oidc.authorizationCodeGrant(
        config,
        callback,
        {
          pkceCodeVerifier: checks.codeVerifier,
          expectedState: checks.state,
          expectedNonce: checks.nonce,
          idTokenExpected: true,
        },
        undefined,
      );
      const claims = tokens.claims();
      if (!claims) throw new ProviderAnswerRefused('no id token', false);
      return claims;
    } catch (error) {
      if (error instanceof ProviderAnswerRefused) throw error;
      if (error instanceof oidc.AuthorizationResponseError) throw new ProviderAnswerRefused(error.error, true);
      if (error instanceof oidc.ResponseBodyError) throw new ProviderAnswerRefused(error.error, false);
      if (error instanceof oidc.ClientError && error.code === 'OAUTH_TIMEOUT')
        throw new ProviderUnavailable(error.message);
      throw new ProviderAnswerRefused(error instanceof Error ? error.message : 'unexpected answer', false);
    }
  }

  /** Forgets what discovery found for a connection (it was changed or removed). */
  forget(connectionId: string): void {
    this.cache.delete(connectionId);
  }

  private configuration(connection: ProviderConnection): Promise<oidc.Configuration> {
    const key = `${connection.updatedAt.getTime()}`;
    const cached = this.cache.get(connection.id);
    if (cached && cached.key === key && Date.now() - cached.at < DISCOVERY_TTL_MS) return cached.config;
    const secret = this.appConfig.oidcClientSecrets.get(connection.clientSecretName);
    if (!secret) return Promise.reject(new ProviderUnavailable(`${connection.clientSecretName} is not set`));
    if (this.refusesHost(connection.issuer)) {
      return Promise.reject(new ProviderUnavailable('the issuer is on a private network'));
    }
    const server = new URL(connection.issuer.replace(TENANT_PLACEHOLDER, 'organizations'));
    const insecure = this.allowsInsecure(connection.issuer);
    const config = oidc
      .discovery(server, connection.clientId, secret, oidc.ClientSecretPost(secret), {
        timeout: TIMEOUT_SECONDS,
        execute: insecure ? [oidc.allowInsecureRequests] : [],
      })
      .then((found) => {
        found.timeout = TIMEOUT_SECONDS;
        const metadataIssuer = found.serverMetadata().issuer;
        // Entra's multi-tenant discovery (…/organizations/v2.0) names the template itself.
        if (metadataIssuer !== connection.issuer) {
          throw new ProviderUnavailable(`the provider names itself ${metadataIssuer}`);
        }
        return found;
      })
      .catch((error: unknown) => {
        this.cache.delete(connection.id);
        throw error instanceof ProviderUnavailable
          ? error
          : new ProviderUnavailable(error instanceof Error ? error.message : 'discovery failed');
      });
    this.cache.set(connection.id, { key, at: Date.now(), config });
    return config;
  }
}
