/**
 * What a council sign-in takes from a validated id token: that it came from the
 * connection's issuer (and, for Entra, an allowed tenant), the person's address, and a name.
 * The library (openid-client) has already checked the signature, audience, nonce, expiry
 * and issuer; these checks are the ones that depend on the connection.
 */
import { addressOnDomain } from '@cohesion/common';

/** Why a council sign-in was refused. */
export type OidcRefusal =
  /** The state is unknown, spent or expired, or the callback came from another browser. */
  | 'STATE_NOT_VALID'
  /** The provider said no (the person cancelled, or the provider refused them). */
  | 'PROVIDER_REFUSED'
  /** The code exchange or the id token failed validation (issuer, audience, nonce, expiry, signature). */
  | 'TOKEN_NOT_VALID'
  /** The token's Entra tenant is not one the connection allows. */
  | 'TENANT_NOT_ALLOWED'
  /** The token carries no address the provider vouches for. */
  | 'EMAIL_NOT_VERIFIED'
  /** The address is not on a domain the connection vouches for. */
  | 'DOMAIN_NOT_VOUCHED'
  /**
   * The connection vouches for the address's domain but a platform admin has not verified it
   * as the organisation's: nobody is signed in on it, so no unconfirmed account is made.
   */
  | 'DOMAIN_NOT_VERIFIED'
  | 'ACCOUNT_DISABLED'
  /** The connection is gone, or its provider or secret cannot be reached. */
  | 'CONNECTION_UNAVAILABLE';

export const REFUSAL_MESSAGES: Record<OidcRefusal, string> = {
  STATE_NOT_VALID: 'This sign-in has expired or was already used; start again',
  PROVIDER_REFUSED: 'Your organisation’s sign-in did not sign you in',
  TOKEN_NOT_VALID: 'Your organisation’s sign-in answered with something we cannot trust; start again',
  TENANT_NOT_ALLOWED: 'Your organisation’s directory is not one this sign-in accepts',
  EMAIL_NOT_VERIFIED: 'Your organisation’s sign-in did not confirm your email address',
  DOMAIN_NOT_VOUCHED: 'Your email address is not on a domain this organisation’s sign-in covers',
  DOMAIN_NOT_VERIFIED:
    'Your organisation’s email domain is not verified with us yet; its admins can ask for it to be verified',
  ACCOUNT_DISABLED: 'This account cannot sign in',
  CONNECTION_UNAVAILABLE: 'This sign-in is not available at the moment',
};

/** Entra's multi-tenant issuer names the tenant with this placeholder. */
export const TENANT_PLACEHOLDER = '{tenantid}';

export interface ConnectionTrust {
  issuer: string;
  allowedTenantIds: readonly string[];
}

export type IdTokenClaims = Record<string, unknown> & { iss: string; sub: string };

export type Checked<T> = { ok: true; value: T } | { ok: false; refusal: OidcRefusal };

export function isTenantTemplate(issuer: string): boolean {
  return issuer.includes(TENANT_PLACEHOLDER);
}

/**
 * The tenant the token comes from, once its issuer and tenant are accepted. For Entra's
 * template `https://login.microsoftonline.com/{tenantid}/v2.0`, the token's `iss` must be
 * the template with the token's own `tid` put in, and that `tid` must be allowed (the
 * template alone accepts every tenant in the world). Any other issuer must match exactly;
 * when the connection lists tenants, `tid` must be one of them too.
 */
export function acceptedTenant(connection: ConnectionTrust, claims: IdTokenClaims): Checked<string | null> {
  const tid = typeof claims.tid === 'string' && claims.tid.length > 0 ? claims.tid : null;
  if (isTenantTemplate(connection.issuer)) {
    if (!tid || !connection.allowedTenantIds.includes(tid)) return { ok: false, refusal: 'TENANT_NOT_ALLOWED' };
    if (claims.iss !== connection.issuer.replace(TENANT_PLACEHOLDER, tid)) {
      return { ok: false, refusal: 'TOKEN_NOT_VALID' };
    }
    return { ok: true, value: tid };
  }
  if (claims.iss !== connection.issuer) return { ok: false, refusal: 'TOKEN_NOT_VALID' };
  if (connection.allowedTenantIds.length > 0 && (!tid || !connection.allowedTenantIds.includes(tid))) {
    return { ok: false, refusal: 'TENANT_NOT_ALLOWED' };
  }
  return { ok: true, value: tid };
}

const EMAIL = /^[^\s@]{1,64}@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/;

function address(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const email = value.trim().toLowerCase();
  return email.length <= 254 && EMAIL.test(email) ? email : null;
}

/**
 * The address the provider vouches for: `email` with `email_verified: true`. Entra does
 * not send `email_verified`, and its `email` claim can be set to anything by a tenant's
 * admins, so it is never taken on its own. For a connection that allow-lists its tenants
 * (the tenant was already accepted), the user principal name is taken instead: `upn`, or
 * `preferred_username` when it is an address: a UPN's domain must be one the tenant has
 * verified with Microsoft, and the tenant is one the platform admin named.
 */
export function vouchedEmail(connection: ConnectionTrust, claims: IdTokenClaims): Checked<string> {
  if (claims.email_verified === true) {
    const email = address(claims.email);
    if (email) return { ok: true, value: email };
  }
  if (connection.allowedTenantIds.length > 0) {
    const upn = address(claims.upn) ?? address(claims.preferred_username);
    if (upn) return { ok: true, value: upn };
  }
  return { ok: false, refusal: 'EMAIL_NOT_VERIFIED' };
}

/** Whether the address is on one of the domains or a subdomain of one (`youth.walsall.gov.uk`). */
export function onAnyDomain(email: string, domains: readonly string[]): boolean {
  return domains.some((domain) => addressOnDomain(email, domain.toLowerCase()));
}

/**
 * Whether the address is on a domain the connection vouches for and on one the
 * organisation has had verified; else why not.
 */
export function vouchedDomain(
  email: string,
  connectionDomains: readonly string[],
  verified: readonly string[],
): OidcRefusal | null {
  if (!onAnyDomain(email, connectionDomains)) return 'DOMAIN_NOT_VOUCHED';
  return onAnyDomain(email, verified) ? null : 'DOMAIN_NOT_VERIFIED';
}

/** A name for a new profile: `name`, else given and family names, else the address before the @. */
export function profileName(claims: IdTokenClaims, email: string): string {
  const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
  const full = text(claims.name) || [text(claims.given_name), text(claims.family_name)].filter(Boolean).join(' ');
  return (full || email.slice(0, email.indexOf('@'))).slice(0, 120);
}
