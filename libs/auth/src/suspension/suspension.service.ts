import { Inject, Injectable } from '@nestjs/common';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import { AuditService, badInput, conflict, decodeGlobalId, enforce, notFound, type Viewer } from '@cohesion/common';
import { ACCOUNT_PROFILES, type AccountProfiles } from '../accounts/account-profiles.js';
import { AccountEntity } from '../accounts/account.entity.js';
import { ACCOUNT_TYPE } from '../accounts/account.mapper.js';
import { lockAccount } from '../accounts/account.queries.js';
import { normaliseEmail } from '../auth.service.js';
import { AUTH_POLICY } from '../auth.policy.js';
import { revokeAllSessions } from '../tokens/sessions.js';

/** The same person is an Account and a Practitioner with one uuid: admins may name them by either. */
const PERSON_TYPES = [ACCOUNT_TYPE, 'Practitioner'];

export interface Suspension {
  accountId: string;
  suspendedAt: Date | null;
}

/** An account as a platform admin finds it to suspend it: its address and whether it is suspended. */
export interface AccountStanding extends Suspension {
  email: string;
  createdAt: Date;
}

/** The uuid behind an Account or Practitioner global id, or a BAD_USER_INPUT on `accountId`. */
export function personId(globalId: string): string {
  const decoded = decodeGlobalId(globalId);
  if (!decoded || !PERSON_TYPES.includes(decoded.type)) throw badInput('accountId', 'is not a valid Account id');
  return decoded.id;
}

/**
 * Platform admins suspend an account and lift the suspension. While suspended the account
 * cannot sign in or refresh, its sessions end at once, and its profile leaves search, the
 * graph, suggestions, paths and profile reads: the directory's verified-member standing,
 * refreshed in the same transaction, counts a suspended account out. Both audited.
 */
@Injectable()
export class AccountSuspensionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    @Inject(ACCOUNT_PROFILES) private readonly profiles: AccountProfiles,
  ) {}

  async suspend(viewer: Viewer, globalId: string, reason: string): Promise<Suspension> {
    enforce(AUTH_POLICY.suspendAccount, viewer, undefined);
    const accountId = personId(globalId);
    if (accountId === viewer.accountId) throw badInput('accountId', 'is your own account');
    return this.dataSource.transaction(async (manager) => {
      const account = await this.lock(manager, accountId);
      if (account.suspendedAt) throw conflict('This account is already suspended');
      const suspendedAt = new Date();
      await manager.update(AccountEntity, { id: accountId }, { suspendedAt, suspendedBy: viewer.accountId });
      await revokeAllSessions(manager, accountId);
      await this.profiles.refreshStanding(manager, [accountId]);
      await this.audit.record(manager, viewer, {
        entityType: 'Account',
        entityId: accountId,
        action: 'suspend',
        before: { suspended: false },
        after: { suspended: true, reason },
      });
      return { accountId, suspendedAt };
    });
  }

  async lift(viewer: Viewer, globalId: string): Promise<Suspension> {
    enforce(AUTH_POLICY.suspendAccount, viewer, undefined);
    const accountId = personId(globalId);
    return this.dataSource.transaction(async (manager) => {
      const account = await this.lock(manager, accountId);
      if (!account.suspendedAt) throw conflict('This account is not suspended');
      await manager.update(AccountEntity, { id: accountId }, { suspendedAt: null, suspendedBy: null });
      await this.profiles.refreshStanding(manager, [accountId]);
      await this.audit.record(manager, viewer, {
        entityType: 'Account',
        entityId: accountId,
        action: 'lift-suspension',
        before: { suspended: true },
        after: { suspended: false },
      });
      return { accountId, suspendedAt: null };
    });
  }

  /** The account with this address, for a platform admin deciding on a suspension (none when erased or unknown). */
  async findByEmail(viewer: Viewer, email: string): Promise<AccountStanding | undefined> {
    enforce(AUTH_POLICY.suspendAccount, viewer, undefined);
    const account = await this.dataSource
      .getRepository(AccountEntity)
      .findOneBy({ email: normaliseEmail(email), erasedAt: IsNull() });
    if (!account) return undefined;
    return {
      accountId: account.id,
      email: account.email as string,
      suspendedAt: account.suspendedAt,
      createdAt: account.createdAt,
    };
  }

  /** The account, locked; an erased one is as gone as one that never was. */
  private async lock(manager: EntityManager, accountId: string) {
    const account = await lockAccount(manager, accountId);
    if (!account) throw notFound('That account');
    return account;
  }
}
