import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppConfig } from '@cohesion/config';

/**
 * CSRF tokens, signed rather than stored: a form's token is an HMAC of what the browser
 * is bound to (its web session when signed in, its browser cookie before), under a key of
 * the server's. A page of another site can neither read the token nor make one, and a
 * token from one session is worth nothing in another.
 */
@Injectable()
export class WebTokens {
  private readonly key: Buffer;

  constructor(config: AppConfig) {
    this.key = createHmac('sha256', config.jwtSecret).update('cohesion-network web forms').digest();
  }

  tokenFor(binding: string): string {
    return createHmac('sha256', this.key).update(binding).digest('base64url');
  }

  matches(binding: string, token: unknown): boolean {
    if (typeof token !== 'string' || token.length === 0 || token.length > 100) return false;
    const expected = Buffer.from(this.tokenFor(binding));
    const given = Buffer.from(token);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }

  /** A message signed with the same key, for the flash cookie. */
  sign(value: string): string {
    return `${Buffer.from(value, 'utf8').toString('base64url')}.${this.tokenFor(`flash:${value}`)}`;
  }

  unsign(signed: string | undefined): string | undefined {
    if (!signed) return undefined;
    const [body, signature] = signed.split('.');
    if (!body || !signature) return undefined;
    const value = Buffer.from(body, 'base64url').toString('utf8');
    return this.matches(`flash:${value}`, signature) ? value : undefined;
  }
}

export function randomBinding(): string {
  return randomBytes(24).toString('base64url');
}
