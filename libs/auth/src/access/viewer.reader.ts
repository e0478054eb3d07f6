import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Viewer } from '@cohesion/common';
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
  constructor(private readonly dataSource: DataSource) {}

  async load(claims: AccessTokenClaims): Promise<Viewer | undefined> {
    const row = await viewerSession(this.dataSource, claims.sub, claims.sid);
    if (!row || row.disabled_at || row.session_epoch !== claims.ep) return undefined;
    return row.email_verified
      ? Viewer.member(row.id, row.id, row.grants)
      : Viewer.unverified(row.id, row.id, row.grants);
  }
}
