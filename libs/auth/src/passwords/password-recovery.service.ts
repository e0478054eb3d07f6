import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { badInput, enforce, notFound, type Viewer } from '@cohesion/common';
import { AppConfig } from '@cohesion/config';
import { ACCOUNT_MAIL, type AccountMail } from '../accounts/account-mail.js';
import { ACCOUNT_MESSAGES } from '../accounts/account-messages.js';
import { ACCOUNT_PROFILES, type AccountProfiles } from '../accounts/account-profiles.js';
import { AccountEntity } from '../accounts/account.entity.js';
import { lockAccount } from '../accounts/account.queries.js';
import { AUTH_POLICY } from '../auth.policy.js';
import { AccountLinks } from '../links/account-links.js';
import { LINK_NOT_VALID } from '../links/account-link.state-machine.js';
import { revokeAllSessions } from '../tokens/sessions.js';
import { TokenService, type IssuedTokens } from '../tokens/token.service.js';
import { PasswordHasher } from './password-hasher.js';
import { passwordProblem } from './password-policy.js';
import { insertResetRequest, takeResetRequests } from './password-reset.queries.js';

/**
 * Forgotten and changed passwords. A reset link is single use and short-lived; asking for
 * one answers the same whether the address has an account or not. A reset or a change
 * ends every session of the account and tells the person by email.
 */
@Injectable()
export class PasswordRecoveryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly links: AccountLinks,
    private readonly hasher: PasswordHasher,
    private readonly tokens: TokenService,
    private readonly config: AppConfig,
    @Inject(ACCOUNT_MAIL) private readonly mail: AccountMail,
    @Inject(ACCOUNT_PROFILES) private readonly profiles: AccountProfiles,
  ) {}

  /**
   * Records a request for a reset link. The same single write for every address, known or
   * not, so neither the answer nor its timing says whether the address has an account;
   * `sendRequestedLinks` (a background task) does the rest.
   */
  async requestReset(rawEmail: string): Promise<void> {
    await insertResetRequest(this.dataSource, rawEmail.trim().toLowerCase());
  }

  /**
   * Sends the links asked for: to each address that belongs to an enabled account, unless
   * it was sent one in the last minute (or its hourly allowance); other requests are
   * dropped. One transaction a batch: a failure puts the batch back. Returns how many requests it took.
   */
  async sendRequestedLinks(batch = 20): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const requests = await takeResetRequests(manager, batch);
      for (const email of new Set(requests.map((request) => request.email))) {
        const account = await manager.findOne(AccountEntity, {
          where: { email },
          lock: { mode: 'pessimistic_write' },
        });
        if (!account || account.disabledAt) continue;
        if ((await this.links.waitBeforeNext(manager, account.id, 'RESET_PASSWORD')) !== null) continue;
        const token = await this.links.issue(manager, { accountId: account.id, purpose: 'RESET_PASSWORD', email });
        const ttl = this.config.passwordResetTtlSeconds;
        await this.mail.send(
          manager,
          ACCOUNT_MESSAGES.resetPassword({ accountId: account.id, email }, this.config.publicUrl, token, ttl),
        );
      }
      return requests.length;
    });
  }

  /** Sets a new password through a reset link. Following it also proves the address is the person's. */
  async reset(input: { token: string; newPassword: string }): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const link = await this.links.follow(manager, input.token, 'RESET_PASSWORD', 'input.token');
      const account = await lockAccount(manager, link.accountId);
      if (!account || account.disabledAt || account.email !== link.email) throw badInput('input.token', LINK_NOT_VALID);
      const passwordHash = await this.newPasswordHash(input.newPassword, account.email);
      await manager.update(
        AccountEntity,
        { id: account.id },
        { passwordHash, emailVerifiedAt: account.emailVerifiedAt ?? new Date() },
      );
      // Following the link proved the address.
      if (!account.emailVerifiedAt) await this.profiles.refreshStanding(manager, [account.id]);
      await this.afterPasswordChange(manager, account);
    });
  }

  /** Changes the viewer's password; every other session ends, and this one continues with the tokens returned. */
  async change(
    viewer: Viewer,
    input: { currentPassword: string; newPassword: string },
  ): Promise<IssuedTokens & { account: AccountEntity }> {
    enforce(AUTH_POLICY.manageOwnAccount, viewer, undefined);
    const current = await this.dataSource.getRepository(AccountEntity).findOneBy({ id: viewer.accountId as string });
    if (!current) throw notFound('Your account');
    if (!(await this.hasher.verify(current.passwordHash, input.currentPassword))) {
      throw badInput('input.currentPassword', 'is not right');
    }
    if (input.newPassword === input.currentPassword) {
      throw badInput('input.newPassword', 'is the same as your current password');
    }
    const passwordHash = await this.newPasswordHash(input.newPassword, current.email);
    return this.dataSource.transaction(async (manager) => {
      const account = (await lockAccount(manager, current.id)) as AccountEntity;
      await manager.update(AccountEntity, { id: account.id }, { passwordHash });
      await this.afterPasswordChange(manager, account);
      const updated = (await lockAccount(manager, account.id)) as AccountEntity;
      return { ...(await this.tokens.issue(manager, updated)), account: updated };
    });
  }

  private async newPasswordHash(password: string, email: string): Promise<string> {
    const problem = passwordProblem(password, [email.split('@')[0]]);
    if (problem) throw badInput('input.newPassword', problem);
    return this.hasher.hash(password);
  }

  /** Every session ends, outstanding reset links stop working, and the person is told. */
  private async afterPasswordChange(manager: EntityManager, account: AccountEntity): Promise<void> {
    await revokeAllSessions(manager, account.id);
    await this.links.supersede(manager, account.id, ['RESET_PASSWORD']);
    await this.mail.send(manager, ACCOUNT_MESSAGES.passwordChanged({ accountId: account.id, email: account.email }));
  }
}
