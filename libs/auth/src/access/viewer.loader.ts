import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Viewer, type RoleGrant } from '@cohesion/common';
import { queryPrepared } from '@cohesion/database';
import type { AccessTokenClaims } from '../tokens/token.service.js';

interface ViewerRow {
  id: string;
  session_epoch: number;
  disabled_at: Date | null;
  grants: RoleGrant[];
}

/**
 * Turns verified token claims into a Viewer with current roles, provided the account is
 * enabled and the token's session still stands: not signed out everywhere (epoch) and its
 * refresh-token family not revoked (logout, a replayed refresh token). One statement per request.
 */
@Injectable()
export class ViewerLoader {
  constructor(private readonly dataSource: DataSource) {}

  async load(claims: AccessTokenClaims): Promise<Viewer | undefined> {
    const rows = await queryPrepared<ViewerRow>(
      this.dataSource,
      `SELECT a.id, a.session_epoch, a.disabled_at,
              COALESCE(json_agg(json_build_object('role', g.role, 'organisationId', g.organisation_id))
                       FILTER (WHERE g.id IS NOT NULL), '[]') AS grants
         FROM accounts a
         LEFT JOIN role_grants g ON g.account_id = a.id
        WHERE a.id = $1
          AND EXISTS (SELECT 1 FROM refresh_tokens r
                       WHERE r.family_id = $2 AND r.account_id = a.id AND r.revoked_at IS NULL)
        GROUP BY a.id`,
      [claims.sub, claims.sid],
    );
    const row = rows[0];
    if (!row || row.disabled_at || row.session_epoch !== claims.ep) return undefined;
    return Viewer.member(row.id, row.id, row.grants);
  }
}
