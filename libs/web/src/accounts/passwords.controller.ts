import { Body, Get, Post, Query, Render, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import {
  Access,
  AUTH_POLICY,
  AuthThrottle,
  ChangePasswordInput,
  PasswordRecoveryService,
  Public,
  RequestPasswordResetInput,
  ResetPasswordInput,
} from '@cohesion/auth';
import type { Viewer } from '@cohesion/common';
import { submitForm, textOf, validated } from '../platform/forms.js';
import { Pages } from '../platform/pages.js';
import { PageViewer, WebController } from '../platform/web-controller.js';
import { BrowserSessions, callerOf, linkRefusalOf, renderLinkProblem } from './account-pages.js';
import { tokenOf } from './email-links.controller.js';

const FORGOT_VIEW = 'accounts/views/forgot-password.njk';
const RESET_VIEW = 'accounts/views/reset-password.njk';
const CHANGE_VIEW = 'accounts/views/change-password.njk';

/**
 * Forgotten, reset and changed passwords, through the API's own services and throttles
 * (`requestPasswordReset`, `resetPassword`, `changePassword`). A reset or a change ends
 * every session of the account, this browser's included; after a change this browser
 * goes on with a new session, as the API's client goes on with the tokens returned.
 */
@WebController('account')
export class PasswordsController {
  constructor(
    private readonly passwords: PasswordRecoveryService,
    private readonly throttle: AuthThrottle,
    private readonly browserSessions: BrowserSessions,
    private readonly pages: Pages,
  ) {}

  @Get('forgot-password')
  @Public(AUTH_POLICY.requestPasswordReset)
  @Render(FORGOT_VIEW)
  forgotForm(): Record<string, unknown> {
    return { values: {} };
  }

  /** Answers the same whether or not the address has an account. */
  @Post('forgot-password')
  @Public(AUTH_POLICY.requestPasswordReset)
  async forgot(@Body() body: Record<string, unknown>, @Req() request: Request, @Res() response: Response) {
    const values = { email: textOf(body.email) };
    await submitForm(response, { view: FORGOT_VIEW, values, labels: { email: 'Email address' } }, async () => {
      // Counted before the input is checked, as the API's interceptor counts before its validation.
      await this.throttle.run(
        'requestPasswordReset',
        { ...callerOf(request), email: values.email },
        { count: 'attempts', perEmail: true },
        async () => this.passwords.requestReset((await validated(RequestPasswordResetInput, values)).email),
      );
      this.pages.redirect(response, '/account/forgot-password/check-your-email');
    });
  }

  @Get('forgot-password/check-your-email')
  @Public(AUTH_POLICY.requestPasswordReset)
  @Render('accounts/views/check-your-email.njk')
  forgotSent(): Record<string, unknown> {
    return { reason: 'reset' };
  }

  @Get('reset-password')
  @Public(AUTH_POLICY.followEmailedLink)
  @Render(RESET_VIEW)
  resetForm(@Query('token') token: unknown): Record<string, unknown> {
    return { values: { token: tokenOf(token) } };
  }

  @Post('reset-password')
  @Public(AUTH_POLICY.followEmailedLink)
  async reset(@Body() body: Record<string, unknown>, @Req() request: Request, @Res() response: Response) {
    const values = { token: tokenOf(body.token) };
    await submitForm(response, { view: RESET_VIEW, values, labels: { newPassword: 'New password' } }, async () => {
      try {
        await this.throttle.run('resetPassword', callerOf(request), {}, async () =>
          this.passwords.reset(
            await validated(ResetPasswordInput, { ...values, newPassword: textOf(body.newPassword) }),
          ),
        );
      } catch (error) {
        const refusal = linkRefusalOf(error, ['input.token']);
        if (refusal === undefined) throw error;
        renderLinkProblem(response, refusal, {
          title: 'This link does not work',
          next: { href: '/account/forgot-password', text: 'Ask for a new link' },
        });
        return;
      }
      // Every session of the account has ended, this browser's too.
      await this.browserSessions.end(request, response);
      this.pages.redirect(
        response,
        '/sign-in',
        'Your password has been changed and every device was signed out. Sign in with your new password.',
      );
    });
  }

  @Get('change-password')
  @Access('account', AUTH_POLICY.manageOwnAccount)
  @Render(CHANGE_VIEW)
  changeForm(): Record<string, unknown> {
    return { values: {} };
  }

  @Post('change-password')
  @Access('account', AUTH_POLICY.manageOwnAccount)
  async change(
    @Body() body: Record<string, unknown>,
    @PageViewer() viewer: Viewer,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const labels = { currentPassword: 'Current password', newPassword: 'New password' };
    await submitForm(response, { view: CHANGE_VIEW, values: {}, labels }, async () => {
      const session = await this.throttle.run('changePassword', callerOf(request), {}, async () =>
        this.passwords.change(
          viewer,
          await validated(ChangePasswordInput, {
            currentPassword: textOf(body.currentPassword),
            newPassword: textOf(body.newPassword),
          }),
        ),
      );
      await this.browserSessions.begin(request, response, session);
      this.pages.redirect(
        response,
        '/account',
        'Your password has been changed. Every other device signed in to your account was signed out.',
      );
    });
  }
}
