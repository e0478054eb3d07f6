import { IsNull, type EntityManager } from 'typeorm';
import { AccountEntity } from '../accounts/account.entity.js';
import { WebSessionEntity } from '../web-sessions/web-session.entity.js';
import { RefreshTokenEntity } from './refresh-token.entity.js';

/**
 * Ends every session of an account, inside the caller's transaction: its refresh tokens
 * are revoked and its access tokens stop working on their next request (the epoch they
 * carry is no longer the account's), and its signed-in browsers are signed out. Sign out
 * everywhere, a password reset or change, a suspension.
 */
export async function revokeAllSessions(manager: EntityManager, accountId: string): Promise<void> {
  await manager.update(RefreshTokenEntity, { accountId, revokedAt: IsNull() }, { revokedAt: new Date() });
  await manager.increment(AccountEntity, { id: accountId }, 'sessionEpoch', 1);
  await manager.delete(WebSessionEntity, { accountId });
}
