import { Controller, Get, Param, ParseUUIDPipe, Req, Res } from '@nestjs/common';
import type { CookieOptions, Request, Response } from 'express';
import { tooManyRequests } from '@cohesion/common';
import { AppConfig } from '@cohesion/config';
import { Public } from '../access/access.decorator.js';
import { AUTH_POLICY } from '../auth.policy.js';
import { RateLimiter } from '../throttling/rate-limiter.js';
import { OidcProviderClient } from './oidc-provider-client.js';
import { OidcSignInService, type CallbackAnswer, type StartedSignIn } from './oidc-sign-in.service.js';

/** The cookie that ties a sign-in's callback to the browser that started it; it authenticates nothing. */
export const SIGN_IN_COOKIE = 'cohesion_oidc';
const COOKIE_PATH = '/auth/oidc';

/**
 * Marks a sign-in begun by the website (`/sign-in/council/:id`): its callback hands the
 * outcome to the website's page instead of answering JSON. It authenticates nothing.
 */
export const WEB_SIGN_IN_COOKIE = 'cohesion_oidc_web';
/** The callback's outcome for the website's page: the one-time code (or the refusal), never tokens, never in a URL. */
export const WEB_SIGN_IN_RESULT_COOKIE = 'cohesion_oidc_result';
/** The website's page that finishes a council sign-in in the browser. */
export const WEB_SIGN_IN_FINISH_PATH = '/sign-in/council/finish';

/** What the callback hands the website's page. */
export type WebSignInResult =
  | { outcome: 'SIGNED_IN'; code: string }
  | { outcome: 'LINK_REQUIRED'; code: string; email: string }
  | { outcome: 'REFUSED'; refusal: string };

/** Whether the sign-in's cookies must be Secure: in production, or whenever the API is served over HTTPS. */
export function signInCookiesSecure(config: AppConfig): boolean {
  return config.isProduction || config.apiPublicUrl.startsWith('https:');
}

function signInCookieOptions(config: AppConfig, path: string, maxAgeSeconds?: number): CookieOptions {
  return {
    httpOnly: true,
    sameSite: 'lax',
    secure: signInCookiesSecure(config),
    path,
    ...(maxAgeSeconds ? { maxAge: maxAgeSeconds * 1000 } : {}),
  };
}

/**
 * Sends the browser to the provider with the cookie its callback must carry back; `web`
 * marks a sign-in of the website (and an API client's start unmarks an earlier one).
 */
export function leaveForProvider(response: Response, config: AppConfig, started: StartedSignIn, web: boolean): void {
  response.cookie(
    SIGN_IN_COOKIE,
    started.browserToken,
    signInCookieOptions(config, COOKIE_PATH, started.maxAgeSeconds),
  );
  if (web) response.cookie(WEB_SIGN_IN_COOKIE, '1', signInCookieOptions(config, COOKIE_PATH, started.maxAgeSeconds));
  else response.clearCookie(WEB_SIGN_IN_COOKIE, signInCookieOptions(config, COOKIE_PATH));
  response.setHeader('cache-control', 'no-store');
  response.redirect(303, started.redirectTo.href);
}

/** The outcome the callback handed the website, if this browser carries one. */
export function webSignInResultOf(request: Request): WebSignInResult | undefined {
  const raw = cookieOf(request, WEB_SIGN_IN_RESULT_COOKIE);
  if (!raw || raw.length > 2000) return undefined;
  try {
    const value = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Record<string, unknown>;
    if ((value.outcome === 'SIGNED_IN' || value.outcome === 'LINK_REQUIRED') && typeof value.code === 'string') {
      return value.outcome === 'SIGNED_IN'
        ? { outcome: 'SIGNED_IN', code: value.code }
        : { outcome: 'LINK_REQUIRED', code: value.code, email: typeof value.email === 'string' ? value.email : '' };
    }
    if (value.outcome === 'REFUSED' && typeof value.refusal === 'string') {
      return { outcome: 'REFUSED', refusal: value.refusal };
    }
  } catch {
    return undefined;
  }
  return undefined;
}

/** Forgets the outcome handed to the website (once it is used, or refused). */
export function clearWebSignInResult(response: Response, config: AppConfig): void {
  response.clearCookie(WEB_SIGN_IN_RESULT_COOKIE, signInCookieOptions(config, '/'));
}

/** The same per-IP throttle for the sign-in's routes, the API's and the website's. */
export function throttleSignInRoute(
  limiter: RateLimiter,
  config: AppConfig,
  route: string,
  ip: string | undefined,
): void {
  const { limit, windowSeconds } = config.authThrottlePerIp;
  const decision = limiter.hit(`oidc-${route}:ip:${ip ?? 'unknown'}`, limit, windowSeconds);
  if (!decision.allowed) throw tooManyRequests(decision.retryAfterSeconds);
}

function cookieOf(request: Request, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const separator = part.indexOf('=');
    if (separator > 0 && part.slice(0, separator).trim() === name) {
      try {
        return decodeURIComponent(part.slice(separator + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/**
 * Council sign-in over plain HTTP, for the browser: `start` sends it to the organisation's
 * identity provider, which sends it back to `callback`. The callback answers JSON with a
 * one-time code (never tokens, and nothing in a URL), which the client exchanges with the
 * `completeSignIn` mutation; or, for an address that already has a password account,
 * LINK_REQUIRED and the code for `linkSignIn`. Both routes are throttled per IP.
 */
@Controller('auth/oidc')
export class OidcController {
  constructor(
    private readonly signIns: OidcSignInService,
    private readonly provider: OidcProviderClient,
    private readonly limiter: RateLimiter,
    private readonly config: AppConfig,
  ) {}

  @Get(':connectionId/start')
  @Public(AUTH_POLICY.startSignIn)
  async start(
    @Param('connectionId', new ParseUUIDPipe()) connectionId: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    throttleSignInRoute(this.limiter, this.config, 'start', request.ip);
    leaveForProvider(response, this.config, await this.signIns.start(connectionId), false);
  }

  @Get('callback')
  @Public(AUTH_POLICY.signInCallback)
  async callback(@Req() request: Request, @Res() response: Response): Promise<void> {
    throttleSignInRoute(this.limiter, this.config, 'callback', request.ip);
    const web = cookieOf(request, WEB_SIGN_IN_COOKIE) === '1';
    const query = request.originalUrl.includes('?') ? request.originalUrl.slice(request.originalUrl.indexOf('?')) : '';
    const answer = await this.signIns.callback(
      new URL(`${this.provider.redirectUri}${query}`),
      cookieOf(request, SIGN_IN_COOKIE),
    );
    // Another browser's call back (a lure) leaves this browser's sign-in able to finish.
    if (answer.outcome !== 'REFUSED' || answer.refusal !== 'STATE_NOT_VALID') {
      response.clearCookie(SIGN_IN_COOKIE, signInCookieOptions(this.config, COOKIE_PATH));
      if (web) response.clearCookie(WEB_SIGN_IN_COOKIE, signInCookieOptions(this.config, COOKIE_PATH));
    }
    response.setHeader('cache-control', 'no-store');
    response.setHeader('referrer-policy', 'no-referrer');
    if (web) return this.handToWebsite(response, answer);
    response
      .status(answer.outcome === 'REFUSED' ? (answer.refusal === 'STATE_NOT_VALID' ? 400 : 403) : 200)
      .json(answer);
  }

  /**
   * A sign-in the website began finishes on its page: the outcome goes in a short-lived
   * HttpOnly cookie (the code is a secret, so never in the address) and the browser goes
   * to the page, which exchanges the code for a web session.
   */
  private handToWebsite(response: Response, answer: CallbackAnswer): void {
    const result: WebSignInResult =
      answer.outcome === 'REFUSED'
        ? { outcome: 'REFUSED', refusal: answer.refusal }
        : answer.outcome === 'SIGNED_IN'
          ? { outcome: 'SIGNED_IN', code: answer.code }
          : { outcome: 'LINK_REQUIRED', code: answer.code, email: answer.email };
    const lasts = answer.outcome === 'REFUSED' ? 60 : Math.ceil((answer.expiresAt.getTime() - Date.now()) / 1000);
    response.cookie(
      WEB_SIGN_IN_RESULT_COOKIE,
      Buffer.from(JSON.stringify(result), 'utf8').toString('base64url'),
      signInCookieOptions(this.config, '/', Math.max(lasts, 1)),
    );
    response.redirect(303, WEB_SIGN_IN_FINISH_PATH);
  }
}
