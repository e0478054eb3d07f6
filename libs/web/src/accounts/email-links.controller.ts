import { Body, Get, Post, Query, Render, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import {
  Access,
  AUTH_POLICY,
  AuthThrottle,
  clearWebSignInResult,
  ConfirmSignInLinkInput,
  EmailVerificationService,
  OidcSignInService,
  Public,
  VerifyEmailInput,
  webSignInResultOf,
} from '@cohesion/auth';
import { AppConfig } from '@cohesion/config';
import type { Viewer } from '@cohesion/common';
import { textOf, validated } from '../platform/forms.js';
import { Pages } from '../platform/pages.js';
import { PageViewer, WebController } from '../platform/web-controller.js';
import { BrowserSessions, callerOf, linkRefusalOf, renderLinkProblem } from './account-pages.js';

/** A token as a link carries it (what the form sends back): printable, bounded; anything else is no token. */
export function tokenOf(value: unknown): string {
  const token = textOf(value).trim();
  return /^[\x21-\x7e]{1,200}$/.test(token) ? token : '';
}

/**
 * The pages the account emails link to. Following a link only shows a page with a
 * button: each link works once, so a mail scanner fetching it (GET) must not spend it.
 * The button (POST, with the form's CSRF token) does what the API's mutation does, with
 * the same throttle.
 */
@WebController('account')
export class EmailLinksController {
  constructor(
    private readonly verification: EmailVerificationService,
    private readonly signIns: OidcSignInService,
    private readonly throttle: AuthThrottle,
    private readonly browserSessions: BrowserSessions,
    private readonly pages: Pages,
    private readonly config: AppConfig,
  ) {}

  @Get('verify-email')
  @Public(AUTH_POLICY.followEmailedLink)
  @Render('accounts/views/verify-email.njk')
  verifyPage(@Query('token') token: unknown): Record<string, unknown> {
    return { token: tokenOf(token) };
  }

  @Post('verify-email')
  @Public(AUTH_POLICY.followEmailedLink)
  async verify(
    @Body() body: Record<string, unknown>,
    @PageViewer() viewer: Viewer,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    try {
      const { email } = await this.throttle.run('verifyEmail', callerOf(request), {}, async () =>
        this.verification.verify((await validated(VerifyEmailInput, { token: tokenOf(body.token) })).token),
      );
      const done = `${email} is confirmed as your address.`;
      if (viewer.isAuthenticated) this.pages.redirect(response, '/account', done);
      else this.pages.redirect(response, '/sign-in', `${done} Sign in to continue.`);
    } catch (error) {
      const refusal = linkRefusalOf(error, ['input.token']);
      if (refusal === undefined) throw error;
      renderLinkProblem(response, refusal, {
        title: 'This link does not work',
        next: viewer.isAuthenticated
          ? { href: '/account', text: 'Go to your account to ask for a new link' }
          : { href: '/sign-in?next=/account', text: 'Sign in to ask for a new link' },
      });
    }
  }

  /** "Send me a new link": the API's `resendVerificationEmail` (at most one a minute). */
  @Post('verify-email/resend')
  @Access('account', AUTH_POLICY.manageOwnAccount)
  async resend(@PageViewer() viewer: Viewer, @Res() response: Response): Promise<void> {
    const { email } = await this.verification.resend(viewer);
    this.pages.redirect(response, '/account', `We have sent a new link to ${email}.`);
  }

  @Get('link-sign-in')
  @Public(AUTH_POLICY.followEmailedLink)
  @Render('accounts/views/link-sign-in.njk')
  linkPage(@Query('token') token: unknown): Record<string, unknown> {
    return { token: tokenOf(token) };
  }

  /**
   * The API's `confirmSignInLink`. When this browser is the one whose council sign-in is
   * waiting for the link, it goes on to sign in; otherwise the person goes back to it.
   */
  @Post('link-sign-in')
  @Public(AUTH_POLICY.followEmailedLink)
  async link(@Body() body: Record<string, unknown>, @Req() request: Request, @Res() response: Response) {
    let email: string;
    try {
      ({ email } = await this.throttle.run('confirmSignInLink', callerOf(request), {}, async () =>
        this.signIns.linkWithEmailedLink(
          (await validated(ConfirmSignInLinkInput, { token: tokenOf(body.token) })).token,
        ),
      ));
    } catch (error) {
      const refusal = linkRefusalOf(error, ['input.token']);
      if (refusal === undefined) throw error;
      renderLinkProblem(response, refusal, {
        title: 'This link does not work',
        next: { href: '/sign-in/council', text: 'Sign in with your council account again' },
      });
      return;
    }
    const waiting = webSignInResultOf(request);
    if (waiting?.outcome === 'LINK_REQUIRED') {
      try {
        const session = await this.throttle.run('completeSignIn', callerOf(request), {}, () =>
          this.signIns.complete(waiting.code),
        );
        await this.browserSessions.begin(request, response, session);
        clearWebSignInResult(response, this.config);
        this.pages.redirect(
          response,
          '/',
          `Your council sign-in now opens the account of ${email}. You are signed in.`,
        );
        return;
      } catch (error) {
        if (linkRefusalOf(error, ['code']) === undefined) throw error;
        clearWebSignInResult(response, this.config);
      }
    }
    this.pages.redirect(
      response,
      '/sign-in/council',
      `Your council sign-in now opens the account of ${email}. Sign in with your council account again to continue.`,
    );
  }
}
