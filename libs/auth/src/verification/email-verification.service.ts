import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { badInput, conflict, enforce, isUniqueViolation, notFound, type Viewer } from '@cohesion/common';
import { AppConfig } from '@cohesion/config';
import { ACCOUNT_MAIL, type AccountMail } from '../accounts/account-mail.js';
import { ACCOUNT_PROFILES, type AccountProfiles } from '../accounts/account-profiles.js';
import { ACCOUNT_MESSAGES } from '../accounts/account-messages.js';
import { AccountEntity } from '../accounts/account.entity.js';
import { deleteNeverVerified, lockAccount } from '../accounts/account.queries.js';
import { AUTH_POLICY } from '../auth.policy.js';
import { AccountLinks } from '../links/account-links.js';
import { LINK_NOT_VALID } from '../links/account-link.state-machine.js';
import { PasswordHasher } from '../passwords/password-hasher.js';
import { RateLimiter } from '../throttling/rate-limiter.js';

/** An address that was verified, or is waiting for its link to be followed. */
export interface EmailAddressOutcome {
  email: string;
}

/** Said when the password given to confirm a change is wrong. */
const WRONG_PASSWORD = 'is not right';

/**
 * Email verification: the link sent on registering, re-sending it, following it, and
 * changing the address (which takes effect only once the new address is verified, and
 * is told to the old one). Accounts never verified are deleted after a while.
 */
@Injectable()
export class EmailVerificationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly links: AccountLinks,
    private readonly hasher: PasswordHasher,
    private readonly limiter: RateLimiter,
    private readonly config: AppConfig,
    @Inject(ACCOUNT_MAIL) private readonly mail: AccountMail,
    @Inject(ACCOUNT_PROFILES) private readonly profiles: AccountProfiles,
  ) {}

  /** The account's address is now verified: its standing may open, inside the caller's transaction. */
  addressVerified(manager: EntityManager, accountId: string): Promise<void> {
    return this.profiles.refreshStanding(manager, [accountId]);
  }

  /** Sends a verification link for `to.email` (the account's address or a new one), in the caller's transaction. */
  async sendLink(manager: EntityManager, to: { accountId: string; email: string }): Promise<void> {
    const token = await this.links.issue(manager, { ...to, purpose: 'VERIFY_EMAIL' });
    const ttl = this.config.emailVerificationTtlSeconds;
    await this.mail.send(manager, ACCOUNT_MESSAGES.verifyEmail(to, this.config.publicUrl, token, ttl));
  }

  /**
   * Tells the owner of an address that someone tried to register it again: at most once an
   * hour per address, so registering cannot be used to flood someone's mailbox.
   */
  async tellOwnerOfAttempt(email: string): Promise<void> {
    if (!this.limiter.hit(`registration-attempt:${email}`, 1, 3600).allowed) return;
    await this.dataSource.transaction(async (manager) => {
      const account = await manager.findOneBy(AccountEntity, { email });
      if (account) {
        await this.mail.send(
          manager,
          ACCOUNT_MESSAGES.registrationAttempt({ accountId: account.id, email }, this.config.publicUrl),
        );
      }
    });
  }

  /** Sends the viewer a new link for their address; earlier links stop working. */
  async resend(viewer: Viewer): Promise<EmailAddressOutcome> {
    enforce(AUTH_POLICY.manageOwnAccount, viewer, undefined);
    return this.dataSource.transaction(async (manager) => {
      const account = await this.lockOwn(manager, viewer.accountId as string);
      if (account.emailVerifiedAt) throw conflict('Your email address is already verified');
      await this.links.checkResendAllowed(manager, account.id, 'VERIFY_EMAIL');
      await this.sendLink(manager, { accountId: account.id, email: account.email });
      return { email: account.email };
    });
  }

  /**
   * Follows a verification link: the account's address is verified, or, when the link was
   * sent to a new address, the account moves to it (verified) and the old one is told.
   */
  async verify(token: string): Promise<EmailAddressOutcome> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        const link = await this.links.follow(manager, token, 'VERIFY_EMAIL', 'input.token');
        const account = await this.lockOwn(manager, link.accountId);
        if (account.disabledAt) throw badInput('input.token', LINK_NOT_VALID);
        const verifiedAt = account.emailVerifiedAt ?? new Date();
        if (link.email === account.email) {
          await manager.update(AccountEntity, { id: account.id }, { emailVerifiedAt: verifiedAt });
          await this.addressVerified(manager, account.id);
          return { email: account.email };
        }
        await manager.update(AccountEntity, { id: account.id }, { email: link.email, emailVerifiedAt: new Date() });
        await this.addressVerified(manager, account.id);
        // Links sent to the old address (a reset, an earlier verification) no longer hold.
        await this.links.supersede(manager, account.id, ['VERIFY_EMAIL', 'RESET_PASSWORD']);
        await this.mail.send(
          manager,
          ACCOUNT_MESSAGES.emailChanged({ accountId: account.id, email: account.email }, link.email),
        );
        return { email: link.email };
      });
    } catch (error) {
      if (isUniqueViolation(error, 'uq_accounts_email')) {
        throw conflict('That email address now belongs to another account');
      }
      throw error;
    }
  }

  /**
   * Asks to move the viewer's account to `newEmail`: a link goes to the new address and word
   * to the old one; nothing changes until the link is followed. Whether the new address has
   * an account already is not said here (it is refused when the link is followed).
   */
  async changeEmail(viewer: Viewer, input: { newEmail: string; password: string }): Promise<EmailAddressOutcome> {
    enforce(AUTH_POLICY.manageOwnAccount, viewer, undefined);
    const newEmail = input.newEmail.trim().toLowerCase();
    const current = await this.dataSource.getRepository(AccountEntity).findOneBy({ id: viewer.accountId as string });
    if (!current) throw notFound('Your account');
    if (!(await this.hasher.verify(current.passwordHash, input.password)))
      throw badInput('input.password', WRONG_PASSWORD);
    if (newEmail === current.email) throw badInput('input.newEmail', 'is already your address');
    return this.dataSource.transaction(async (manager) => {
      const account = await this.lockOwn(manager, current.id);
      await this.links.checkResendAllowed(manager, account.id, 'VERIFY_EMAIL');
      await this.sendLink(manager, { accountId: account.id, email: newEmail });
      await this.mail.send(
        manager,
        ACCOUNT_MESSAGES.emailChangeRequested({ accountId: account.id, email: account.email }, newEmail),
      );
      return { email: newEmail };
    });
  }

  /** Deletes accounts (and their profiles) never verified within the retention period. Returns how many. */
  purgeNeverVerified(): Promise<number> {
    return deleteNeverVerified(this.dataSource, this.config.unverifiedAccountRetentionDays);
  }

  private async lockOwn(manager: EntityManager, id: string): Promise<AccountEntity> {
    const account = await lockAccount(manager, id);
    if (!account) throw notFound('Your account');
    return account;
  }
}
