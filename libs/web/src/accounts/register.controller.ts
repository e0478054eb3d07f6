import { Body, Get, Post, Query, Render, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { AUTH_POLICY, AuthService, AuthThrottle, Public, RegisterInput } from '@cohesion/auth';
import { optionalText, submitForm, textOf, validated } from '../platform/forms.js';
import { Pages } from '../platform/pages.js';
import { WebController } from '../platform/web-controller.js';
import { callerOf } from './account-pages.js';

const VIEW = 'accounts/views/register.njk';
const LABELS = { fullName: 'Full name', jobTitle: 'Job title', email: 'Email address', password: 'Password' };

/** An invitation's token as the form carries it: a short printable string, or nothing. */
function invitationOf(value: unknown): string | undefined {
  const token = optionalText(value);
  return token && /^[\x21-\x7e]{1,200}$/.test(token) ? token : undefined;
}

/**
 * Creating an account: the API's `register`, throttled with its counters (every attempt
 * counts, per client address). The answer is the same whether or not the address already
 * has an account: "check your email".
 */
@WebController()
export class RegisterController {
  constructor(
    private readonly auth: AuthService,
    private readonly throttle: AuthThrottle,
    private readonly pages: Pages,
  ) {}

  @Get('register')
  @Public(AUTH_POLICY.register)
  @Render(VIEW)
  form(@Query('invitation') invitation: unknown): Record<string, unknown> {
    return { values: { invitationToken: invitationOf(invitation) } };
  }

  @Post('register')
  @Public(AUTH_POLICY.register)
  async register(@Body() body: Record<string, unknown>, @Req() request: Request, @Res() response: Response) {
    const values = {
      fullName: textOf(body.fullName),
      jobTitle: textOf(body.jobTitle),
      email: textOf(body.email),
      invitationToken: invitationOf(body.invitationToken),
    };
    await submitForm(response, { view: VIEW, values, labels: LABELS }, async () => {
      // Counted before the input is checked, as the API's interceptor counts before its validation.
      const { email } = await this.throttle.run('register', callerOf(request), { count: 'attempts' }, async () =>
        this.auth.register(
          await validated(RegisterInput, {
            ...values,
            jobTitle: optionalText(body.jobTitle),
            password: textOf(body.password),
          }),
        ),
      );
      this.pages.redirect(
        response,
        '/register/check-your-email',
        `We have emailed ${email}: follow the link in it to confirm your address, then sign in.`,
      );
    });
  }

  @Get('register/check-your-email')
  @Public(AUTH_POLICY.register)
  @Render('accounts/views/check-your-email.njk')
  checkEmail(): Record<string, unknown> {
    return { reason: 'register' };
  }
}
