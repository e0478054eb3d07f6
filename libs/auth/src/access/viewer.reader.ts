import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Viewer } from '@cohesion/common';
import { ACCOUNT_PROFILES, type AccountProfiles } from '../accounts/account-profiles.js';
import { viewerSession } from '../accounts/account.queries.js';
import type { AccessTokenClaims } from '../tokens/token.service.js';

/**
 * Turns verified token claims into a Viewer with current roles, provided the account is
 * enabled and the token's session still stands: not signed out everywhere (epoch) and its
 * refresh-token family not revoked (logout, a replayed refresh token, a password change).
 * One statement per request.
 */
@Injectable()
export class ViewerReader {
  private readonly standingSql: (accountId: string) => string;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(ACCOUNT_PROFILES) profiles: AccountProfiles,
  ) {
    this.standingSql = (accountId) => profiles.standingSql(accountId);
  }

  async load(claims: AccessTokenClaims): Promise<Viewer | undefined> {
    const row = await viewerSession(this.dataSource, this.standingSql, claims.sub, claims.sid);
    if (!row || row.disabled_at || row.session_epoch !== claims.ep) return undefined;
    return Viewer.signedIn(row.id, row.grants, {
      emailVerified: row.email_verified,
      verifiedMember: row.verified_member,
    });
  }
}
