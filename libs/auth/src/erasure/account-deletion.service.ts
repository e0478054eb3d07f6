import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService, badInput, enforce, notFound, type Viewer } from '@cohesion/common';
import { AccountEntity } from '../accounts/account.entity.js';
import { lockAccount } from '../accounts/account.queries.js';
import { AUTH_POLICY } from '../auth.policy.js';
import { PasswordHasher } from '../passwords/password-hasher.js';
import { ACCOUNT_ERASURE, type AccountErasure } from './account-erasure.js';
import { signedInWithin } from '../oidc/oidc.queries.js';
import { rememberErasure } from './erasure.queries.js';

/** How recent a council sign-in must be to stand in for the password of an account that has none. */
const RECENT_SIGN_IN_MINUTES = 10;

/** What the audit trail says of an erasure: who and when (the entry's actor and time), never what was erased. */
export const ERASURE_AUDIT = { entityType: 'Account', action: 'erase' } as const;

/**
 * A person deletes their account (their right to erasure). Everything personal goes at
 * once, in one transaction, through every domain's eraser; the account and profile rows
 * stay as tombstones ("Former member") so grant records and audit entries stay true. The
 * id is remembered in `erasures`, so a restore from backup can be erased again.
 */
@Injectable()
export class AccountDeletionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditService,
    @Inject(ACCOUNT_ERASURE) private readonly erasure: AccountErasure,
  ) {}

  async deleteMyAccount(viewer: Viewer, input: { password?: string | null }): Promise<void> {
    enforce(AUTH_POLICY.deleteOwnAccount, viewer, undefined);
    const accountId = viewer.accountId as string;
    const account = await this.dataSource.getRepository(AccountEntity).findOneBy({ id: accountId });
    if (!account || account.erasedAt) throw notFound('Your account');
    await this.assertProvesIdentity(account, input.password ?? undefined);
    await this.dataSource.transaction(async (manager) => {
      const locked = await lockAccount(manager, accountId);
      if (!locked || locked.erasedAt) throw notFound('Your account');
      await rememberErasure(manager, accountId);
      await this.erasure.erase(manager, accountId);
      await this.audit.record(manager, viewer, {
        ...ERASURE_AUDIT,
        entityId: accountId,
        before: null,
        after: { erasedBy: 'ACCOUNT_HOLDER' },
      });
    });
  }

  /** The person proves it is them: their password, or (an account without one) a council sign-in in the last minutes. */
  private async assertProvesIdentity(account: AccountEntity, password: string | undefined): Promise<void> {
    if (password !== undefined && password !== '') {
      if (!(await this.hasher.verify(account.passwordHash ?? undefined, password))) {
        throw badInput('input.password', 'is not right');
      }
      return;
    }
    if (await signedInWithin(this.dataSource, account.id, RECENT_SIGN_IN_MINUTES)) return;
    throw badInput(
      'input.password',
      `is required; an account without a password signs in through its council again (within ${RECENT_SIGN_IN_MINUTES} minutes) first`,
    );
  }
}
