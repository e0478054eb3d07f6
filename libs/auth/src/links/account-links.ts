import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AppConfig } from '@cohesion/config';
import { badInput, tooManyRequests } from '@cohesion/common';
import { hashToken } from '../tokens/token.service.js';
import type { AccountLinkPurpose } from './account-link.entity.js';
import { insertLink, lockLinkByToken, markLinkUsed, recentLinks, supersedeLinks } from './account-link.queries.js';
import { LINK_NOT_VALID, linkState, nextLinkState } from './account-link.state-machine.js';

/** The link that was followed: whose it is and the address it was sent to. */
export interface FollowedLink {
  id: string;
  accountId: string;
  email: string;
}

/**
 * Single-use links emailed to a person. A new link of a purpose replaces the ones before
 * it, so only the latest email works; following one is atomic (the row is locked), so two
 * clicks at once act once.
 */
@Injectable()
export class AccountLinks {
  constructor(private readonly config: AppConfig) {}

  /** Issues a link, inside the caller's transaction; returns its token, for the email only. */
  async issue(
    manager: EntityManager,
    link: { accountId: string; purpose: AccountLinkPurpose; email: string },
  ): Promise<string> {
    return (await this.issueWithId(manager, link)).token;
  }

  /** Issues a link as `issue` does; also returns its id, for a record that waits on it. */
  async issueWithId(
    manager: EntityManager,
    link: { accountId: string; purpose: AccountLinkPurpose; email: string },
  ): Promise<{ id: string; token: string }> {
    await supersedeLinks(manager, link.accountId, [link.purpose]);
    const token = randomBytes(32).toString('base64url');
    const id = await insertLink(manager, {
      ...link,
      tokenHash: hashToken(token),
      expiresAt: new Date(Date.now() + this.ttlOf(link.purpose) * 1000),
    });
    return { id, token };
  }

  /**
   * How many seconds until the account may be sent another link of `purpose` (null: now).
   * At most one a minute and so many an hour (ACCOUNT_LINK_*), so re-sending cannot flood a mailbox.
   */
  async waitBeforeNext(manager: EntityManager, accountId: string, purpose: AccountLinkPurpose): Promise<number | null> {
    const { resendIntervalSeconds, resendPerHour } = this.config.accountLinkLimits;
    const recent = await recentLinks(manager, accountId, purpose, 3600);
    if (!recent.latest) return null;
    const since = (Date.now() - recent.latest.getTime()) / 1000;
    if (recent.sent >= resendPerHour) return Math.max(1, Math.ceil(3600 - since));
    return since < resendIntervalSeconds ? Math.max(1, Math.ceil(resendIntervalSeconds - since)) : null;
  }

  /** Refuses with TOO_MANY_REQUESTS while `waitBeforeNext` says to wait. */
  async checkResendAllowed(manager: EntityManager, accountId: string, purpose: AccountLinkPurpose): Promise<void> {
    const wait = await this.waitBeforeNext(manager, accountId, purpose);
    if (wait !== null) throw tooManyRequests(wait);
  }

  /** Follows a link inside the caller's transaction, or refuses one that does not work (naming `field`). */
  async follow(
    manager: EntityManager,
    token: string,
    purpose: AccountLinkPurpose,
    field: string,
  ): Promise<FollowedLink> {
    const row = await lockLinkByToken(manager, hashToken(token), purpose);
    const state =
      row && linkState({ expiresAt: row.expires_at, usedAt: row.used_at, supersededAt: row.superseded_at }, new Date());
    if (!row || !state || nextLinkState(state, 'FOLLOW') === null) throw badInput(field, LINK_NOT_VALID);
    await markLinkUsed(manager, row.id);
    return { id: row.id, accountId: row.account_id, email: row.email };
  }

  /** How long a link of `purpose` works. */
  ttlOf(purpose: AccountLinkPurpose): number {
    if (purpose === 'VERIFY_EMAIL') return this.config.emailVerificationTtlSeconds;
    if (purpose === 'RESET_PASSWORD') return this.config.passwordResetTtlSeconds;
    return this.config.oidcLinkTtlSeconds;
  }

  /** Ends the account's outstanding links of these purposes (a password or address changed under them). */
  supersede(manager: EntityManager, accountId: string, purposes: AccountLinkPurpose[]): Promise<void> {
    return supersedeLinks(manager, accountId, purposes);
  }
}
