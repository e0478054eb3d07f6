import { createSecretKey } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { AppConfig } from '@cohesion/config';
import { isUuid, unauthenticated, type Viewer } from '@cohesion/common';
import { JWT_AUDIENCE, JWT_ISSUER, type AccessTokenClaims } from '../tokens/token.service.js';
import { ViewerReader } from './viewer.reader.js';

/**
 * Verifies the bearer access token (signature, expiry, issuer, audience) and loads the
 * viewer for its session. jsonwebtoken checks an expiry only when there is one, so a
 * token without `exp` (which would never expire) is refused here, as is one without a session.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    config: AppConfig,
    private readonly viewers: ViewerReader,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // A key object made once: given a string, jsonwebtoken first tries (and fails) to
      // parse it as a public key on every request, which cost ~0.9 ms of CPU per call.
      // It accepts a KeyObject at run time; passport-jwt's types only name string | Buffer.
      secretOrKey: createSecretKey(Buffer.from(config.jwtSecret, 'utf8')) as unknown as Buffer,
      issuer: JWT_ISSUER,
      audience: JWT_AUDIENCE,
      algorithms: ['HS256'],
      ignoreExpiration: false,
    });
  }

  async validate(claims: AccessTokenClaims): Promise<Viewer> {
    if (claims.typ !== 'access') throw unauthenticated('This token is not an access token');
    if (typeof claims.exp !== 'number' || !isUuidClaim(claims.sub) || !isUuidClaim(claims.sid)) {
      throw unauthenticated('The access token is not valid');
    }
    const viewer = await this.viewers.load(claims);
    if (!viewer) throw unauthenticated('This session has ended; sign in again');
    return viewer;
  }
}

function isUuidClaim(value: unknown): value is string {
  return typeof value === 'string' && isUuid(value);
}
