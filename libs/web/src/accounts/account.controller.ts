import { Body, Get, Inject, Post, Render, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import {
  Access,
  AccountDeletionService,
  AUTH_POLICY,
  AuthService,
  AuthThrottle,
  DeleteMyAccountInput,
  PERSONAL_DATA_DOCUMENT,
  sendPersonalData,
  Public,
  WebSessions,
  type PersonalDataDocument,
} from '@cohesion/auth';
import { enforce, LOGGER, notFound, type Viewer } from '@cohesion/common';
import { MembershipsService, networkAccessOf } from '@cohesion/directory';
import { optionalText, submitForm, validated } from '../platform/forms.js';
import { Pages } from '../platform/pages.js';
import { PageViewer, WebController } from '../platform/web-controller.js';
import { WEB_POLICY } from '../web.policy.js';
import { BrowserSessions, callerOf, inWords } from './account-pages.js';

const DELETE_VIEW = 'accounts/views/delete-account.njk';

/**
 * The signed-in person's own account: what it is and where it stands (the API's `me` and
 * `me.networkAccess`), signing out everywhere (`logout(everywhere)`), a copy of their data
 * (what GET /account/export sends, here on the web session) and deleting the account
 * (`deleteMyAccount`, with its rule for accounts without a password).
 */
@WebController('account')
export class AccountController {
  constructor(
    private readonly auth: AuthService,
    private readonly memberships: MembershipsService,
    private readonly sessions: WebSessions,
    private readonly browserSessions: BrowserSessions,
    private readonly deletion: AccountDeletionService,
    private readonly throttle: AuthThrottle,
    private readonly pages: Pages,
    @Inject(PERSONAL_DATA_DOCUMENT) private readonly personalData: PersonalDataDocument,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  @Get()
  @Access('account', AUTH_POLICY.me)
  @Render('accounts/views/account.njk')
  async account(@PageViewer() viewer: Viewer): Promise<Record<string, unknown>> {
    const account = await this.auth.account(viewer.accountId as string);
    if (!account) throw notFound('Your account');
    const access = networkAccessOf(viewer, await this.memberships.membershipsOf([account.id], false));
    return {
      account: {
        email: account.email,
        emailVerified: account.emailVerifiedAt !== null,
        hasPassword: account.passwordHash !== null,
        createdAt: account.createdAt,
      },
      access: { standing: access.standing, message: inWords(access.message) },
    };
  }

  /** Ends every session of the account: every browser and API client, this browser too. */
  @Post('sign-out-everywhere')
  @Access('account', AUTH_POLICY.logout)
  async signOutEverywhere(
    @PageViewer() viewer: Viewer,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    await this.sessions.endEverywhere(viewer);
    await this.browserSessions.end(request, response);
    this.pages.redirect(response, '/', 'You have signed out on every device.');
  }

  @Get('download')
  @Access('account', AUTH_POLICY.exportOwnData)
  @Render('accounts/views/download.njk')
  downloadPage(): Record<string, unknown> {
    return {};
  }

  /** The same document as GET /account/export, for the person this web session is. */
  @Post('download')
  @Access('account', AUTH_POLICY.exportOwnData)
  async download(@PageViewer() viewer: Viewer, @Res() response: Response): Promise<void> {
    enforce(AUTH_POLICY.exportOwnData, viewer, undefined);
    await sendPersonalData(
      response,
      this.personalData.document(viewer.accountId as string),
      this.logger,
      'downloading personal data',
    );
  }

  @Get('delete')
  @Access('account', AUTH_POLICY.deleteOwnAccount)
  @Render(DELETE_VIEW)
  async deletePage(@PageViewer() viewer: Viewer): Promise<Record<string, unknown>> {
    return { ...(await this.deleteContext(viewer)), values: {} };
  }

  @Post('delete')
  @Access('account', AUTH_POLICY.deleteOwnAccount)
  async delete(
    @Body() body: Record<string, unknown>,
    @PageViewer() viewer: Viewer,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const form = {
      view: DELETE_VIEW,
      values: {},
      labels: { password: 'Password' },
      context: await this.deleteContext(viewer),
    };
    await submitForm(response, form, async () => {
      await this.throttle.run('deleteMyAccount', callerOf(request), {}, async () =>
        this.deletion.deleteMyAccount(
          viewer,
          await validated(DeleteMyAccountInput, { password: optionalText(body.password) }),
        ),
      );
      await this.browserSessions.end(request, response);
      this.pages.redirect(response, '/account/deleted');
    });
  }

  @Get('deleted')
  @Public(WEB_POLICY.readPublicPages)
  @Render('accounts/views/account-deleted.njk')
  deleted(): Record<string, unknown> {
    return {};
  }

  /** Whether the account has a password to give (else a recent council sign-in stands in for it). */
  private async deleteContext(viewer: Viewer): Promise<Record<string, unknown>> {
    const account = await this.auth.account(viewer.accountId as string);
    if (!account) throw notFound('Your account');
    return { hasPassword: account.passwordHash !== null };
  }
}
