import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Logger } from 'pino';
import { AuditService, badInput, LOGGER, notFound, unauthenticated } from '@cohesion/common';
import { AppConfig } from '@cohesion/config';
import { ACCOUNT_MAIL, type AccountMail } from '../accounts/account-mail.js';
import { ACCOUNT_MESSAGES } from '../accounts/account-messages.js';
import { ACCOUNT_PROFILES, type AccountProfiles } from '../accounts/account-profiles.js';
import { AccountEntity, type LiveAccount } from '../accounts/account.entity.js';
import { lockAccount } from '../accounts/account.queries.js';
import type { Session } from '../auth.service.js';
import { AccountLinks } from '../links/account-links.js';
import { LINK_NOT_VALID } from '../links/account-link.state-machine.js';
import { PasswordHasher } from '../passwords/password-hasher.js';
import { hashToken, TokenService } from '../tokens/token.service.js';
import {
  acceptedTenant,
  onAnyDomain,
  profileName,
  REFUSAL_MESSAGES,
  vouchedDomain,
  vouchedEmail,
  type IdTokenClaims,
  type OidcRefusal,
} from './oidc-claims.js';
import { OidcProviderClient, ProviderAnswerRefused, ProviderUnavailable } from './oidc-provider-client.js';
import {
  accountOfIdentity,
  attemptByCode,
  connectionById,
  insertAttempt,
  insertIdentity,
  lockAttemptByAccountLink,
  lockAttemptByState,
  markCalledBack,
  markCompleted,
  markLinked,
  markOutcome,
  markRefused,
  touchIdentity,
  type AttemptRow,
  type OidcConnectionRow,
} from './oidc.queries.js';
import { nextSignInState, SIGN_IN_NOT_VALID, signInState, type OidcSignInEvent } from './oidc-sign-in.state-machine.js';

/** Where to send the browser, and the value its cookie must carry back. */
export interface StartedSignIn {
  redirectTo: URL;
  browserToken: string;
  maxAgeSeconds: number;
}

/** What the callback answers: a one-time code to exchange, or why the sign-in was refused. */
export type CallbackAnswer =
  | { outcome: 'SIGNED_IN'; code: string; expiresAt: Date }
  | { outcome: 'LINK_REQUIRED'; code: string; expiresAt: Date; email: string; message: string }
  | { outcome: 'REFUSED'; refusal: OidcRefusal; message: string };

/** A sign-in turned down: nothing it did is kept. */
class SignInRefused extends Error {
  constructor(readonly refusal: OidcRefusal) {
    super(refusal);
  }
}

interface Identity {
  issuer: string;
  subject: string;
  tenantId: string | null;
}

function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Council sign-in: OpenID Connect's authorization code flow with PKCE, against the
 * identity provider an organisation's connection names. The state, nonce and PKCE
 * verifier stay on the server, bound to the browser that started by a cookie; the state
 * is spent on the first call back. A successful call back hands the client a one-time
 * code, exchanged for the same tokens as `login` by `completeSignIn` (tokens never go in a
 * URL). The address must be one the provider vouches for, on a domain both the connection
 * and the organisation vouch for; the person's membership of the organisation is then
 * confirmed. An account that signs in with a password is linked only once the person
 * proves they hold it. A refused sign-in leaves no account, identity or membership.
 */
@Injectable()
export class OidcSignInService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly provider: OidcProviderClient,
    private readonly tokens: TokenService,
    private readonly hasher: PasswordHasher,
    private readonly links: AccountLinks,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    @Inject(ACCOUNT_PROFILES) private readonly profiles: AccountProfiles,
    @Inject(ACCOUNT_MAIL) private readonly mail: AccountMail,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** Begins a sign-in with a connection: the provider's authorization URL and the browser's cookie value. */
  async start(connectionId: string): Promise<StartedSignIn> {
    const connection = await connectionById(this.dataSource, connectionId);
    if (!connection) throw notFound('That sign-in');
    const checks = { state: randomToken(), nonce: randomToken(), codeVerifier: randomToken() };
    let redirectTo: URL;
    try {
      redirectTo = await this.provider.authorizationUrl(connection, checks);
    } catch (error) {
      this.logger.warn({ connectionId, problem: (error as Error).message }, 'council sign-in provider unavailable');
      throw notFound('That sign-in');
    }
    const browserToken = randomToken();
    const ttl = this.config.oidcStateTtlSeconds;
    await insertAttempt(this.dataSource, {
      connectionId,
      stateHash: hashToken(checks.state),
      browserHash: hashToken(browserToken),
      nonce: checks.nonce,
      codeVerifier: checks.codeVerifier,
      expiresAt: new Date(Date.now() + ttl * 1000),
    });
    return { redirectTo, browserToken, maxAgeSeconds: ttl };
  }

  /** Takes the provider's answer (the whole callback URL) from the browser carrying `browserToken`. */
  async callback(callbackUrl: URL, browserToken: string | undefined): Promise<CallbackAnswer> {
    const state = callbackUrl.searchParams.get('state');
    const attempt = state && browserToken ? await this.spendState(state, browserToken) : undefined;
    if (!attempt) return refused('STATE_NOT_VALID');
    try {
      const connection = await connectionById(this.dataSource, attempt.connectionId);
      if (!connection) throw new SignInRefused('CONNECTION_UNAVAILABLE');
      const claims = await this.exchange(connection, callbackUrl, state as string, attempt);
      const tenant = acceptedTenant(connection, claims);
      if (!tenant.ok) throw new SignInRefused(tenant.refusal);
      const email = vouchedEmail(connection, claims);
      if (!email.ok) throw new SignInRefused(email.refusal);
      if (!onAnyDomain(email.value, connection.emailDomains)) throw new SignInRefused('DOMAIN_NOT_VOUCHED');
      const identity = { issuer: claims.iss, subject: claims.sub, tenantId: tenant.value };
      return await this.dataSource.transaction((manager) =>
        this.signIn(manager, connection, attempt, identity, email.value, claims),
      );
    } catch (error) {
      if (!(error instanceof SignInRefused)) throw error;
      await markRefused(this.dataSource, attempt.id, error.refusal);
      this.logger.info({ attemptId: attempt.id, refusal: error.refusal }, 'council sign-in refused');
      return refused(error.refusal);
    }
  }

  /** Exchanges the one-time code of a finished sign-in for an access and refresh token. */
  async complete(code: string): Promise<Session> {
    return this.dataSource.transaction(async (manager) => {
      const attempt = await this.attemptIn(manager, code, 'EXCHANGE', 'code');
      const account = await lockAccount(manager, attempt.accountId as string);
      if (!account || !canSignIn(account)) throw badInput('code', SIGN_IN_NOT_VALID);
      await markCompleted(manager, attempt.id);
      return this.session(manager, account);
    });
  }

  /**
   * Links the sign-in to the existing account of its address once the person gives that
   * account's password, then signs in. The password is checked before anything is locked.
   */
  async linkWithPassword(input: { code: string; password: string }): Promise<Session> {
    const waiting = await attemptByCode(this.dataSource, hashToken(input.code), false);
    if (!waiting || nextSignInState(signInState(waiting, new Date()), 'PROVE_PASSWORD') === null) {
      throw badInput('input.code', SIGN_IN_NOT_VALID);
    }
    const holder = await this.dataSource.getRepository(AccountEntity).findOneBy({ id: waiting.accountId as string });
    if (!(await this.hasher.verify(holder?.passwordHash, input.password))) {
      throw unauthenticated('The password is not right');
    }
    return this.dataSource.transaction(async (manager) => {
      const attempt = await this.attemptIn(manager, input.code, 'PROVE_PASSWORD', 'input.code');
      const account = await lockAccount(manager, attempt.accountId as string);
      if (!account || !canSignIn(account) || account.passwordHash !== holder?.passwordHash) {
        throw badInput('input.code', SIGN_IN_NOT_VALID);
      }
      await this.link(manager, attempt, account, 'password');
      await markCompleted(manager, attempt.id);
      return this.session(manager, account);
    });
  }

  /**
   * Links the sign-in to the existing account through the link emailed to its address; the
   * browser that signed in may then exchange its code (`completeSignIn`) while it lasts.
   */
  async linkWithEmailedLink(token: string): Promise<{ email: string }> {
    return this.dataSource.transaction(async (manager) => {
      const followed = await this.links.follow(manager, token, 'LINK_SIGN_IN', 'input.token');
      const attempt = await lockAttemptByAccountLink(manager, followed.id);
      const state = attempt && signInState(attempt, new Date());
      if (!attempt || !state || nextSignInState(state, 'FOLLOW_EMAILED_LINK') === null) {
        throw badInput('input.token', LINK_NOT_VALID);
      }
      const account = await lockAccount(manager, followed.accountId);
      if (!account || !canSignIn(account) || account.email !== followed.email || account.id !== attempt.accountId) {
        throw badInput('input.token', LINK_NOT_VALID);
      }
      await this.link(manager, attempt, account, 'emailed link');
      await markLinked(manager, attempt.id);
      return { email: account.email };
    });
  }

  /** Spends the state: the attempt, if it is waiting for this browser's call back. */
  private spendState(state: string, browserToken: string): Promise<AttemptRow | undefined> {
    return this.dataSource.transaction(async (manager) => {
      const attempt = await lockAttemptByState(manager, hashToken(state));
      // Another browser's call back (a link sent to lure someone) leaves the real one able to finish.
      if (!attempt || attempt.browserHash !== hashToken(browserToken)) return undefined;
      if (nextSignInState(signInState(attempt, new Date()), 'CALL_BACK') === null) return undefined;
      await markCalledBack(manager, attempt.id);
      return attempt;
    });
  }

  private async exchange(
    connection: OidcConnectionRow,
    callbackUrl: URL,
    state: string,
    attempt: AttemptRow,
  ): Promise<IdTokenClaims> {
    try {
      return await this.provider.exchange(connection, callbackUrl, {
        state,
        nonce: attempt.nonce,
        codeVerifier: attempt.codeVerifier,
      });
    } catch (error) {
      const problem = (error as Error).message;
      this.logger.info({ attemptId: attempt.id, problem }, 'council sign-in answer not accepted');
      if (error instanceof ProviderUnavailable) throw new SignInRefused('CONNECTION_UNAVAILABLE');
      if (error instanceof ProviderAnswerRefused && error.byProvider) throw new SignInRefused('PROVIDER_REFUSED');
      throw new SignInRefused('TOKEN_NOT_VALID');
    }
  }

  /** Everything a validated call back does, in one transaction: refused, it leaves nothing. */
  private async signIn(
    manager: EntityManager,
    connection: OidcConnectionRow,
    attempt: AttemptRow,
    identity: Identity,
    email: string,
    claims: IdTokenClaims,
  ): Promise<CallbackAnswer> {
    const verified = await this.profiles.verifiedEmailDomains(manager, connection.organisationId);
    const notVouched = vouchedDomain(email, connection.emailDomains, verified);
    if (notVouched) throw new SignInRefused(notVouched);

    const linkedId = await accountOfIdentity(manager, identity.issuer, identity.subject);
    let account = linkedId
      ? await lockAccount(manager, linkedId)
      : await manager.findOne(AccountEntity, { where: { email }, lock: { mode: 'pessimistic_write' } });
    if (account && !canSignIn(account)) throw new SignInRefused('ACCOUNT_DISABLED');

    if (account && !linkedId && account.passwordHash !== null) {
      return this.requireLink(manager, connection, attempt, account as LiveAccount, identity);
    }
    if (!account) {
      account = manager.create(AccountEntity, { email, passwordHash: null, emailVerifiedAt: new Date() });
      await manager.insert(AccountEntity, account);
      await this.profiles.createProfile(manager, account.id, { fullName: profileName(claims, email) });
    }
    if (linkedId) await touchIdentity(manager, identity.issuer, identity.subject);
    else if (!(await this.recordIdentity(manager, account.id, connection, identity, 'first sign-in'))) {
      throw new SignInRefused('STATE_NOT_VALID');
    }
    await this.profiles.confirmVouchedMembership(manager, account.id, connection.organisationId, 'SIGN_IN');

    const code = randomToken();
    const expiresAt = new Date(Date.now() + this.config.oidcSignInCodeTtlSeconds * 1000);
    await markOutcome(manager, attempt.id, {
      outcome: 'SIGNED_IN',
      accountId: account.id,
      codeHash: hashToken(code),
      codeExpiresAt: expiresAt,
    });
    return { outcome: 'SIGNED_IN', code, expiresAt };
  }

  /**
   * The address belongs to an account that signs in with a password: nothing is linked yet.
   * The identity waits on the attempt while the person proves the account, with its
   * password or the link emailed to it (unless one went in the last minute).
   */
  private async requireLink(
    manager: EntityManager,
    connection: OidcConnectionRow,
    attempt: AttemptRow,
    account: LiveAccount,
    identity: Identity,
  ): Promise<CallbackAnswer> {
    const ttl = this.config.oidcLinkTtlSeconds;
    let accountLinkId: string | null = null;
    if ((await this.links.waitBeforeNext(manager, account.id, 'LINK_SIGN_IN')) === null) {
      const to = { accountId: account.id, email: account.email };
      const issued = await this.links.issueWithId(manager, { ...to, purpose: 'LINK_SIGN_IN' });
      accountLinkId = issued.id;
      await this.mail.send(
        manager,
        ACCOUNT_MESSAGES.linkSignIn(to, connection.label, this.config.publicUrl, issued.token, ttl),
      );
    }
    const code = randomToken();
    const expiresAt = new Date(Date.now() + ttl * 1000);
    await markOutcome(manager, attempt.id, {
      outcome: 'LINK_REQUIRED',
      accountId: account.id,
      codeHash: hashToken(code),
      codeExpiresAt: expiresAt,
      identity,
      accountLinkId,
    });
    return {
      outcome: 'LINK_REQUIRED',
      code,
      expiresAt,
      email: account.email,
      message:
        `${account.email} already has an account. Sign in to it with its password (linkSignIn) ` +
        'or follow the link we emailed to it; from then on this sign-in opens it.',
    };
  }

  /**
   * Links the identity waiting on a LINK_REQUIRED attempt and confirms the membership. The
   * provider vouched for the address and the person proved they hold the account, so an
   * address not yet verified is verified now.
   */
  private async link(
    manager: EntityManager,
    attempt: AttemptRow,
    account: AccountEntity,
    proof: string,
  ): Promise<void> {
    const connection = await connectionById(manager, attempt.connectionId);
    if (!connection || !attempt.issuer || !attempt.subject) throw badInput('input.code', SIGN_IN_NOT_VALID);
    const identity = { issuer: attempt.issuer, subject: attempt.subject, tenantId: attempt.tenantId };
    if (!(await this.recordIdentity(manager, account.id, connection, identity, proof))) {
      throw badInput('input.code', SIGN_IN_NOT_VALID);
    }
    if (!account.emailVerifiedAt) {
      await manager.update(AccountEntity, { id: account.id }, { emailVerifiedAt: new Date() });
    }
    await this.profiles.confirmVouchedMembership(manager, account.id, connection.organisationId, 'SIGN_IN');
    await this.links.supersede(manager, account.id, ['LINK_SIGN_IN']);
  }

  private async recordIdentity(
    manager: EntityManager,
    accountId: string,
    connection: OidcConnectionRow,
    identity: Identity,
    proof: string,
  ): Promise<boolean> {
    // False when a concurrent sign-in of the same person got there first: this one starts again.
    if (!(await insertIdentity(manager, { accountId, ...identity }))) return false;
    await this.audit.record(manager, null, {
      entityType: 'Account',
      entityId: accountId,
      action: 'link-sign-in',
      before: null,
      after: { connectionId: connection.id, organisationId: connection.organisationId, issuer: identity.issuer, proof },
    });
    return true;
  }

  /** The attempt of a one-time code, locked, if it can take `event`; else a BAD_USER_INPUT naming `field`. */
  private async attemptIn(
    manager: EntityManager,
    code: string,
    event: OidcSignInEvent,
    field: string,
  ): Promise<AttemptRow> {
    const attempt = await attemptByCode(manager, hashToken(code), true);
    if (!attempt || !attempt.accountId || nextSignInState(signInState(attempt, new Date()), event) === null) {
      throw badInput(field, SIGN_IN_NOT_VALID);
    }
    return attempt;
  }

  private async session(manager: EntityManager, account: AccountEntity): Promise<Session> {
    await manager.update(AccountEntity, { id: account.id }, { lastLoginAt: new Date() });
    const issued = await this.tokens.issue(manager, account);
    return { ...issued, account };
  }
}

/** Disabled, suspended and erased accounts never sign in, by any route. */
function canSignIn(account: AccountEntity): boolean {
  return !account.disabledAt && !account.suspendedAt && !account.erasedAt;
}

function refused(refusal: OidcRefusal): CallbackAnswer {
  return { outcome: 'REFUSED', refusal, message: REFUSAL_MESSAGES[refusal] };
}
