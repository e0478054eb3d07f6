import { Body, Get, Param, Post, Query, Render, Res } from '@nestjs/common';
import type { Response } from 'express';
import {
  Access,
  AccountSuspensionService,
  AUTH_POLICY,
  SuspendAccountArgs,
  type AccountStanding,
} from '@cohesion/auth';
import { DomainError, toGlobalId, type Viewer } from '@cohesion/common';
import { fieldProblem, optionalText, submitForm, textOf, validated } from '../platform/forms.js';
import { recordId } from '../platform/ids.js';
import { Pages } from '../platform/pages.js';
import { PageViewer } from '../platform/web-controller.js';
import { AdminController, adminNavigation } from './admin-pages.js';

const VIEW = 'admin/views/accounts.njk';

/** The page's picture of an account: its address, when it was made, whether it is suspended. */
function accountView(account: AccountStanding) {
  return {
    ...account,
    globalId: toGlobalId('Account', account.accountId),
    profileHref: `/people/${toGlobalId('Practitioner', account.accountId)}`,
    suspended: account.suspendedAt !== null,
  };
}

/** Finding an account by its email address, suspending it with a reason, and lifting a suspension. */
@AdminController('accounts')
export class AccountsAdminController {
  constructor(
    private readonly suspensions: AccountSuspensionService,
    private readonly pages: Pages,
  ) {}

  @Get()
  @Access('admin', AUTH_POLICY.suspendAccount)
  @Render(VIEW)
  async find(@PageViewer() viewer: Viewer, @Query('email') email: unknown): Promise<Record<string, unknown>> {
    return this.context(viewer, optionalText(email)?.slice(0, 254));
  }

  @Post(':id/suspend')
  @Access('admin', AUTH_POLICY.suspendAccount)
  async suspend(
    @PageViewer() viewer: Viewer,
    @Param('id') id: string,
    @Body() body: Record<string, unknown>,
    @Res() response: Response,
  ): Promise<void> {
    const accountId = recordId(id, 'Account');
    const email = textOf(body.email);
    const values = { email, reason: textOf(body.reason) };
    await submitForm(
      response,
      { view: VIEW, values, context: await this.context(viewer, email), labels: { reason: 'Reason' } },
      async () => {
        const input = await validated(SuspendAccountArgs, {
          accountId: toGlobalId('Account', accountId),
          reason: values.reason,
        });
        try {
          await this.suspensions.suspend(viewer, input.accountId, input.reason);
        } catch (error) {
          // The service names the account itself ("is your own account"): said beside the reason.
          if (
            error instanceof DomainError &&
            error.code === 'BAD_USER_INPUT' &&
            error.details.fields?.[0]?.field === 'accountId'
          ) {
            throw fieldProblem(
              'input.reason',
              `You cannot suspend this account: it ${error.details.fields[0].message}`,
            );
          }
          throw error;
        }
        this.pages.redirect(
          response,
          `/admin/accounts?email=${encodeURIComponent(email)}`,
          `${email || 'The account'} is suspended. They are signed out everywhere and their profile is hidden.`,
        );
      },
    );
  }

  @Post(':id/lift')
  @Access('admin', AUTH_POLICY.suspendAccount)
  async lift(
    @PageViewer() viewer: Viewer,
    @Param('id') id: string,
    @Body() body: Record<string, unknown>,
    @Res() response: Response,
  ): Promise<void> {
    const email = textOf(body.email);
    await this.suspensions.lift(viewer, toGlobalId('Account', recordId(id, 'Account')));
    this.pages.redirect(
      response,
      `/admin/accounts?email=${encodeURIComponent(email)}`,
      `The suspension of ${email || 'the account'} is lifted. They can sign in again.`,
    );
  }

  private async context(viewer: Viewer, email: string | undefined): Promise<Record<string, unknown>> {
    const found = email ? await this.suspensions.findByEmail(viewer, email) : undefined;
    return {
      navigation: adminNavigation('accounts'),
      email,
      searched: email !== undefined,
      account: found ? accountView(found) : undefined,
    };
  }
}
