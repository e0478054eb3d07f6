import { Body, Get, Post, Query, Render, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { AUTH_POLICY, LoginInput, Public, WebSessions } from '@cohesion/auth';
import { DomainError } from '@cohesion/common';
import { cookieOf, SESSION_COOKIE } from '../platform/cookies.js';
import { submitForm, textOf, validated, fieldProblem } from '../platform/forms.js';
import { Pages, safeNext } from '../platform/pages.js';
import { WebController } from '../platform/web-controller.js';
import { WEB_POLICY } from '../web.policy.js';

const VIEW = 'accounts/views/sign-in.njk';
const LABELS = { email: 'Email address', password: 'Password' };

/** Signing in with a password and signing out. */
@WebController()
export class SignInController {
  constructor(
    private readonly sessions: WebSessions,
    private readonly pages: Pages,
  ) {}

  @Get('sign-in')
  @Public(AUTH_POLICY.login)
  @Render(VIEW)
  form(@Query('next') next: unknown): Record<string, unknown> {
    return { values: { next: safeNext(next) } };
  }

  @Post('sign-in')
  @Public(AUTH_POLICY.login)
  async signIn(@Body() body: Record<string, unknown>, @Req() request: Request, @Res() response: Response) {
    const values = { email: textOf(body.email), next: safeNext(body.next) };
    await submitForm(response, { view: VIEW, values, labels: LABELS }, async () => {
      const input = await validated(LoginInput, { email: values.email, password: textOf(body.password) });
      try {
        const started = await this.sessions.signIn(input, request.ip);
        this.pages.startSession(response, started);
      } catch (error) {
        // A wrong address or password (or a suspended account) is said beside the form,
        // the same words the API uses, and a throttle's wait too.
        if (error instanceof DomainError && (error.code === 'UNAUTHENTICATED' || error.code === 'TOO_MANY_REQUESTS')) {
          throw fieldProblem('input.email', error.message);
        }
        throw error;
      }
      this.pages.redirect(response, values.next);
    });
  }

  @Post('sign-out')
  @Public(WEB_POLICY.signOut)
  async signOut(@Req() request: Request, @Res() response: Response): Promise<void> {
    await this.sessions.end(cookieOf(request, SESSION_COOKIE));
    this.pages.endSession(response);
    this.pages.redirect(response, '/', 'You have signed out.');
  }
}
