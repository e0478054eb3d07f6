import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { EntityManager } from 'typeorm';
import { AppConfig } from '@cohesion/config';
import { RefreshTokenEntity } from './refresh-token.entity.js';

export const JWT_ISSUER = 'cohesion-network';
export const JWT_AUDIENCE = 'cohesion-api';

export interface AccessTokenClaims {
  sub: string;
  /** The account's session epoch when issued; a later "sign out everywhere" invalidates it. */
  ep: number;
  /**
   * The session: the family of refresh tokens this sign-in began. Ending the session
   * (logout, a replayed refresh token) ends its access tokens too, checked on every request.
   */
  sid: string;
  typ: 'access';
  /** Expiry (seconds since the epoch), set by the signer from JWT_ACCESS_TTL_SECONDS; required. */
  exp?: number;
}

export interface IssuedTokens {
  /** The session (refresh-token family) these tokens belong to. */
  familyId: string;
  accessToken: string;
  accessTokenExpiresAt: Date;
  refreshToken: string;
  refreshTokenExpiresAt: Date;
}

/** SHA-256 of an opaque token (refresh tokens, emailed links): only this is stored. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
  ) {}

  /**
   * Issues an access token and a refresh token. The refresh token is random, shown to
   * the client once and stored only as a hash; `familyId` continues an existing session.
   */
  async issue(
    manager: EntityManager,
    account: { id: string; sessionEpoch: number },
    familyId: string = randomUUID(),
  ): Promise<IssuedTokens> {
    const now = Date.now();
    const claims: AccessTokenClaims = { sub: account.id, ep: account.sessionEpoch, sid: familyId, typ: 'access' };
    const accessToken = await this.jwt.signAsync(claims, {
      secret: this.config.jwtSecret,
      algorithm: 'HS256',
      expiresIn: this.config.accessTokenTtlSeconds,
      issuer: JWT_ISSUER,
      audience: JWT_AUDIENCE,
    });
    const refreshToken = randomBytes(32).toString('base64url');
    const refreshTokenExpiresAt = new Date(now + this.config.refreshTokenTtlDays * 86_400_000);
    await manager.insert(RefreshTokenEntity, {
      accountId: account.id,
      familyId,
      tokenHash: hashToken(refreshToken),
      expiresAt: refreshTokenExpiresAt,
    });
    return {
      familyId,
      accessToken,
      accessTokenExpiresAt: new Date(now + this.config.accessTokenTtlSeconds * 1000),
      refreshToken,
      refreshTokenExpiresAt,
    };
  }
}
