import { Body, Get, Param, ParseUUIDPipe, Post, Query, Render, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import {
  AUTH_POLICY,
  AuthThrottle,
  clearWebSignInResult,
  leaveForProvider,
  LinkSignInInput,
  OidcConnectionsService,
  OidcSignInService,
  Public,
  RateLimiter,
  REFUSAL_MESSAGES,
  throttleSignInRoute,
  webSignInResultOf,
  type OidcRefusal,
  type Session,
} from '@cohesion/auth';
import { DomainError } from '@cohesion/common';
import { AppConfig } from '@cohesion/config';
import { fieldProblem, optionalText, submitForm, textOf, validated } from '../platform/forms.js';
import { Pages } from '../platform/pages.js';
import { WebController } from '../platform/web-controller.js';
import { BrowserSessions, callerOf, linkRefusalOf } from './account-pages.js';

const LINK_VIEW = 'accounts/views/council-link.njk';
const PROBLEM_VIEW = 'accounts/views/council-problem.njk';
const SIGNED_IN = 'You have signed in with your council account.';

/**
 * "Sign in with your council account": the API's council sign-in (OpenID Connect), finished
 * in the browser. The start here marks the attempt as the website's, so the API's callback
 * hands its one-time code to `finish` (in an HttpOnly cookie) instead of answering JSON;
 * `finish` exchanges it, as `completeSignIn` does, for a web session. An address that
 * already has a password account is linked once the person gives its password
 * (`linkSignIn`) or follows the emailed link. Each step has the API's throttle.
 */
@WebController('sign-in/council')
export class CouncilSignInController {
  constructor(
    private readonly connections: OidcConnectionsService,
    private readonly signIns: OidcSignInService,
    private readonly throttle: AuthThrottle,
    private readonly limiter: RateLimiter,
    private readonly browserSessions: BrowserSessions,
    private readonly pages: Pages,
    private readonly config: AppConfig,
  ) {}

  /** The councils' sign-ins: those covering an address (or a domain) when one is given, else all. */
  @Get()
  @Public(AUTH_POLICY.startSignIn)
  @Render('accounts/views/council-sign-in.njk')
  async choose(@Query('email') email: unknown): Promise<Record<string, unknown>> {
    const wanted = optionalText(email)?.slice(0, 254);
    return { values: { email: wanted }, choices: await this.connections.forSignIn(wanted), searched: !!wanted };
  }

  /** Where the callback sends a sign-in this website began. */
  @Get('finish')
  @Public(AUTH_POLICY.completeSignIn)
  async finish(@Req() request: Request, @Res() response: Response): Promise<void> {
    const result = webSignInResultOf(request);
    if (!result) return this.problem(response, 'STATE_NOT_VALID');
    if (result.outcome === 'REFUSED') {
      clearWebSignInResult(response, this.config);
      return this.problem(response, result.refusal);
    }
    if (result.outcome === 'LINK_REQUIRED') {
      response.render(LINK_VIEW, { email: result.email, values: {} });
      return;
    }
    await this.signInWith(request, response, () => this.signIns.complete(result.code));
  }

  /** The person proves the existing account with its password (the API's `linkSignIn`). */
  @Post('link')
  @Public(AUTH_POLICY.linkSignIn)
  async link(@Body() body: Record<string, unknown>, @Req() request: Request, @Res() response: Response) {
    const result = webSignInResultOf(request);
    if (result?.outcome !== 'LINK_REQUIRED') return this.problem(response, 'STATE_NOT_VALID');
    const form = { view: LINK_VIEW, values: {}, labels: { password: 'Password' }, context: { email: result.email } };
    await submitForm(response, form, async () => {
      try {
        const session = await this.throttle.run('linkSignIn', callerOf(request), {}, async () =>
          this.signIns.linkWithPassword(
            await validated(LinkSignInInput, { code: result.code, password: textOf(body.password) }),
          ),
        );
        await this.started(request, response, session);
      } catch (error) {
        if (linkRefusalOf(error, ['input.code']) !== undefined) {
          clearWebSignInResult(response, this.config);
          return this.problem(response, 'STATE_NOT_VALID');
        }
        if (error instanceof DomainError && (error.code === 'UNAUTHENTICATED' || error.code === 'TOO_MANY_REQUESTS')) {
          throw fieldProblem('input.password', error.message);
        }
        throw error;
      }
    });
  }

  /** After following the emailed link (perhaps on another device): the waiting sign-in goes on. */
  @Post('continue')
  @Public(AUTH_POLICY.completeSignIn)
  async continue(@Req() request: Request, @Res() response: Response): Promise<void> {
    const result = webSignInResultOf(request);
    if (result?.outcome !== 'LINK_REQUIRED') return this.problem(response, 'STATE_NOT_VALID');
    const form = { view: LINK_VIEW, values: {}, context: { email: result.email } };
    await submitForm(response, form, async () => {
      try {
        await this.signInWith(request, response, () => this.signIns.complete(result.code), false);
      } catch (error) {
        // Not linked yet: the code waits for the password or the link.
        if (linkRefusalOf(error, ['code']) === undefined) throw error;
        throw fieldProblem(
          'input.password',
          'Your account is not linked yet: enter its password, or follow the link we emailed to you first',
        );
      }
    });
  }

  /** Leaves for the council's identity provider, as the API's start does, marked as the website's. */
  @Get(':connectionId')
  @Public(AUTH_POLICY.startSignIn)
  async start(
    @Param('connectionId', new ParseUUIDPipe()) connectionId: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    throttleSignInRoute(this.limiter, this.config, 'start', request.ip);
    leaveForProvider(response, this.config, await this.signIns.start(connectionId), true);
  }

  /** Exchanges the code (the API's `completeSignIn`, throttled alike); a code that no longer works says so. */
  private async signInWith(
    request: Request,
    response: Response,
    exchange: () => Promise<Session>,
    explain = true,
  ): Promise<void> {
    let session: Session;
    try {
      session = await this.throttle.run('completeSignIn', callerOf(request), {}, exchange);
    } catch (error) {
      if (!explain || linkRefusalOf(error, ['code']) === undefined) throw error;
      clearWebSignInResult(response, this.config);
      return this.problem(response, 'STATE_NOT_VALID');
    }
    await this.started(request, response, session);
  }

  private async started(request: Request, response: Response, session: Session): Promise<void> {
    await this.browserSessions.begin(request, response, session);
    clearWebSignInResult(response, this.config);
    this.pages.redirect(response, '/', SIGNED_IN);
  }

  private problem(response: Response, refusal: string): void {
    const message =
      REFUSAL_MESSAGES[refusal as OidcRefusal] ?? 'Your organisation’s sign-in did not sign you in; start again';
    response.status(refusal === 'STATE_NOT_VALID' ? 400 : 403).render(PROBLEM_VIEW, { message });
  }
}
