import { Injectable } from '@nestjs/common';
import type { Response } from 'express';
import type { StartedWebSession } from '@cohesion/auth';
import { AppConfig } from '@cohesion/config';
import { clearCookie, cookieOptions, FLASH_COOKIE, SESSION_COOKIE } from './cookies.js';
import { WebTokens } from './csrf.js';

/** Where a page may send the browser next: a path of this site only (never `//elsewhere` or a full URL). */
export function safeNext(next: unknown, fallback = '/'): string {
  if (typeof next !== 'string' || !next.startsWith('/') || next.startsWith('//') || next.includes('\\')) {
    return fallback;
  }
  return /^[\x21-\x7e]{1,500}$/.test(next) ? next : fallback;
}

/** The answers pages give after a form: a redirect with a message, a new session, signing out. */
@Injectable()
export class Pages {
  private readonly secure: boolean;

  constructor(
    private readonly tokens: WebTokens,
    config: AppConfig,
  ) {
    this.secure = config.isProduction;
  }

  /** Post-redirect-get: 303 to `path`, with a message shown once in a banner on the page it lands on. */
  redirect(response: Response, path: string, flash?: string): void {
    if (flash) response.cookie(FLASH_COOKIE, this.tokens.sign(flash), cookieOptions(this.secure, 60_000));
    response.redirect(303, path);
  }

  startSession(response: Response, session: StartedWebSession): void {
    response.cookie(
      SESSION_COOKIE,
      session.token,
      cookieOptions(this.secure, session.expiresAt.getTime() - Date.now()),
    );
  }

  endSession(response: Response): void {
    clearCookie(response, SESSION_COOKIE, this.secure);
  }
}
