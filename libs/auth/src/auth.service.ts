import { Inject, Injectable } from '@nestjs/common';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import { badInput, enforce, isUniqueViolation, unauthenticated, Viewer } from '@cohesion/common';
import { AUTH_POLICY } from './auth.policy.js';
import { ACCOUNT_PROFILES, type AccountProfiles } from './accounts/account-profiles.js';
import { AccountEntity } from './accounts/account.entity.js';
import { accountStanding } from './accounts/account.queries.js';
import { RoleGrantEntity } from './accounts/role-grant.entity.js';
import type { LoginInput, RegisterInput } from './dto/auth.inputs.js';
import { PasswordHasher } from './passwords/password-hasher.js';
import { passwordProblem } from './passwords/password-policy.js';
import { RefreshTokenEntity } from './tokens/refresh-token.entity.js';
import { EmailVerificationService } from './verification/email-verification.service.js';
import { revokeAllSessions } from './tokens/sessions.js';
import { hashToken, TokenService, type IssuedTokens } from './tokens/token.service.js';

export interface Session extends IssuedTokens {
  account: AccountEntity;
}

/** What registering answers, whether the address was new or not. */
export interface Registration {
  email: string;
}

/** Said for every failed sign-in, whether the email is unknown or the password wrong. */
const INVALID_CREDENTIALS = 'The email or password is not right';
const INVALID_REFRESH = 'This session has ended; sign in again';
/** Said only to whoever gave the right password (or a live refresh token): it tells a stranger nothing. */
export const ACCOUNT_SUSPENDED =
  'This account is suspended by the Cohesion Network admins, so it cannot sign in; write to them to ask why';

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

@Injectable()
export class AuthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly tokens: TokenService,
    private readonly verification: EmailVerificationService,
    @Inject(ACCOUNT_PROFILES) private readonly profiles: AccountProfiles,
  ) {}

  /**
   * Creates an account and its practitioner profile together and emails a link to verify
   * the address; the person then signs in. The answer is the same whether or not the
   * address already has an account (its owner is emailed instead), and takes as long: both
   * hash the password and write once.
   */
  async register(input: RegisterInput): Promise<Registration> {
    const email = normaliseEmail(input.email);
    const problem = passwordProblem(input.password, [email.split('@')[0], ...input.fullName.split(/\s+/)]);
    if (problem) throw badInput('input.password', problem);
    const passwordHash = await this.hasher.hash(input.password);
    try {
      await this.dataSource.transaction(async (manager) => {
        if (input.invitationToken) await this.profiles.checkInvitation(manager, input.invitationToken, email);
        const account = manager.create(AccountEntity, { email, passwordHash });
        await manager.insert(AccountEntity, account);
        const created = await this.profiles.createProfile(manager, account.id, {
          fullName: input.fullName,
          jobTitle: input.jobTitle,
          invitationToken: input.invitationToken,
        });
        // An accepted invitation, sent to this address, has proved it already.
        if (!created.addressProven) await this.verification.sendLink(manager, { accountId: account.id, email });
      });
    } catch (error) {
      if (!isUniqueViolation(error, 'uq_accounts_email')) throw error;
      await this.verification.tellOwnerOfAttempt(email);
    }
    return { email };
  }

  async login(input: LoginInput): Promise<Session> {
    const email = normaliseEmail(input.email);
    const account = await this.dataSource.getRepository(AccountEntity).findOne({ where: { email } });
    const valid = await this.hasher.verify(account?.passwordHash, input.password);
    if (!account || !valid || account.disabledAt) throw unauthenticated(INVALID_CREDENTIALS);
    if (account.suspendedAt) throw unauthenticated(ACCOUNT_SUSPENDED);
    const rehash =
      account.passwordHash && this.hasher.needsRehash(account.passwordHash)
        ? await this.hasher.hash(input.password)
        : undefined;
    return this.dataSource.transaction(async (manager) => {
      await manager.update(
        AccountEntity,
        { id: account.id },
        { lastLoginAt: new Date(), ...(rehash ? { passwordHash: rehash } : {}) },
      );
      const issued = await this.tokens.issue(manager, account);
      return { ...issued, account };
    });
  }

  /**
   * Exchanges a refresh token for a new pair. A token used twice means two parties
   * hold it: the whole family is revoked and both must sign in again.
   */
  async refresh(refreshToken: string): Promise<Session> {
    const outcome = await this.dataSource.transaction(async (manager) => {
      const token = await manager.getRepository(RefreshTokenEntity).findOne({
        where: { tokenHash: hashToken(refreshToken) },
        lock: { mode: 'pessimistic_write' },
      });
      if (!token) return { ok: false as const, message: INVALID_REFRESH };
      if (token.usedAt || token.revokedAt) {
        await this.revokeFamily(manager, token.familyId);
        return { ok: false as const, message: INVALID_REFRESH };
      }
      if (token.expiresAt.getTime() <= Date.now()) return { ok: false as const, message: INVALID_REFRESH };
      const account = await manager.getRepository(AccountEntity).findOneBy({ id: token.accountId });
      if (!account || account.disabledAt || account.erasedAt) return { ok: false as const, message: INVALID_REFRESH };
      if (account.suspendedAt) return { ok: false as const, message: ACCOUNT_SUSPENDED };
      await manager.update(RefreshTokenEntity, { id: token.id }, { usedAt: new Date() });
      const issued = await this.tokens.issue(manager, account, token.familyId);
      return { ok: true as const, session: { ...issued, account } };
    });
    // Thrown after commit, so a detected reuse stays revoked.
    if (!outcome.ok) throw unauthenticated(outcome.message);
    return outcome.session;
  }

  /** Ends the session of `refreshToken`, or every session of the viewer. Idempotent. */
  async logout(viewer: Viewer, refreshToken: string | undefined, everywhere: boolean): Promise<void> {
    enforce(AUTH_POLICY.logout, viewer, { everywhere });
    await this.dataSource.transaction(async (manager) => {
      if (refreshToken) {
        const token = await manager.getRepository(RefreshTokenEntity).findOneBy({ tokenHash: hashToken(refreshToken) });
        if (token) await this.revokeFamily(manager, token.familyId);
      }
      if (everywhere && viewer.accountId) await revokeAllSessions(manager, viewer.accountId);
    });
  }

  async account(accountId: string): Promise<AccountEntity | null> {
    return this.dataSource.getRepository(AccountEntity).findOneBy({ id: accountId });
  }

  /** Who the account is as a viewer now: its roles, and whether it is a verified member. */
  async viewerOf(accountId: string): Promise<Viewer> {
    const [grants, standing] = await Promise.all([
      this.grantsOf(accountId),
      accountStanding(this.dataSource, (id) => this.profiles.standingSql(id), accountId),
    ]);
    return Viewer.signedIn(
      accountId,
      grants.map((grant) => ({ role: grant.role, organisationId: grant.organisationId })),
      standing,
    );
  }

  async grantsOf(accountId: string): Promise<RoleGrantEntity[]> {
    return this.dataSource.getRepository(RoleGrantEntity).find({
      where: { accountId },
      order: { role: 'ASC', createdAt: 'ASC' },
    });
  }

  private async revokeFamily(manager: EntityManager, familyId: string): Promise<void> {
    await manager.update(RefreshTokenEntity, { familyId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }
}
