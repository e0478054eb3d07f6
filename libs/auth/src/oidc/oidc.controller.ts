import { Controller, Get, Param, ParseUUIDPipe, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { tooManyRequests } from '@cohesion/common';
import { AppConfig } from '@cohesion/config';
import { Public } from '../access/access.decorator.js';
import { AUTH_POLICY } from '../auth.policy.js';
import { RateLimiter } from '../throttling/rate-limiter.js';
import { OidcProviderClient } from './oidc-provider-client.js';
import { OidcSignInService } from './oidc-sign-in.service.js';

/** The cookie that ties a sign-in's callback to the browser that started it; it authenticates nothing. */
export const SIGN_IN_COOKIE = 'cohesion_oidc';
const COOKIE_PATH = '/auth/oidc';

function cookieOf(request: Request, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const separator = part.indexOf('=');
    if (separator > 0 && part.slice(0, separator).trim() === name)
      return decodeURIComponent(part.slice(separator + 1).trim());
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
    this.throttle('start', request);
    const started = await this.signIns.start(connectionId);
    response.cookie(SIGN_IN_COOKIE, started.browserToken, {
      httpOnly: true,
      sameSite: 'lax',
      secure: this.secureCookies,
      path: COOKIE_PATH,
      maxAge: started.maxAgeSeconds * 1000,
    });
    response.setHeader('cache-control', 'no-store');
    response.redirect(303, started.redirectTo.href);
  }

  @Get('callback')
  @Public(AUTH_POLICY.signInCallback)
  async callback(@Req() request: Request, @Res() response: Response): Promise<void> {
    this.throttle('callback', request);
    const query = request.originalUrl.includes('?') ? request.originalUrl.slice(request.originalUrl.indexOf('?')) : '';
    const answer = await this.signIns.callback(
      new URL(`${this.provider.redirectUri}${query}`),
      cookieOf(request, SIGN_IN_COOKIE),
    );
    if (answer.outcome !== 'REFUSED' || answer.refusal !== 'STATE_NOT_VALID') {
      response.clearCookie(SIGN_IN_COOKIE, {
        httpOnly: true,
        sameSite: 'lax',
        secure: this.secureCookies,
        path: COOKIE_PATH,
      });
    }
    response.setHeader('cache-control', 'no-store');
    response.setHeader('referrer-policy', 'no-referrer');
    response
      .status(answer.outcome === 'REFUSED' ? (answer.refusal === 'STATE_NOT_VALID' ? 400 : 403) : 200)
      .json(answer);
  }

  private get secureCookies(): boolean {
    return this.config.isProduction || this.config.apiPublicUrl.startsWith('https:');
  }

  private throttle(route: string, request: Request): void {
    const { limit, windowSeconds } = this.config.authThrottlePerIp;
    const decision = this.limiter.hit(`oidc-${route}:ip:${request.ip ?? 'unknown'}`, limit, windowSeconds);
    if (!decision.allowed) throw tooManyRequests(decision.retryAfterSeconds);
  }
}
