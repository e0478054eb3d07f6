import { Body, Get, Post, Query, Render, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Access, AUTH_POLICY, Public } from '@cohesion/auth';
import type { Viewer } from '@cohesion/common';
import { AcceptInvitationInput, DIRECTORY_POLICY, MembershipsService } from '@cohesion/directory';
import { validated } from '../platform/forms.js';
import { Pages } from '../platform/pages.js';
import { PageViewer, WebController } from '../platform/web-controller.js';
import { linkRefusalOf, renderLinkProblem } from './account-pages.js';
import { tokenOf } from './email-links.controller.js';

/**
 * The link of an organisation's invitation to join it. Signed in: a button accepts it
 * (the API's `acceptInvitation`; the invitation works once, so the link alone changes
 * nothing). Not signed in: create an account with it, or sign in and come back.
 */
@WebController('invitations')
export class InvitationsController {
  constructor(
    private readonly memberships: MembershipsService,
    private readonly pages: Pages,
  ) {}

  /** Says nothing of the invitation itself: who may see it is decided when it is accepted. */
  @Get('accept')
  @Public(AUTH_POLICY.followEmailedLink)
  @Render('accounts/views/accept-invitation.njk')
  page(@Query('token') token: unknown, @PageViewer() viewer: Viewer): Record<string, unknown> {
    const clean = tokenOf(token);
    const back = `/invitations/accept?token=${encodeURIComponent(clean)}`;
    return {
      token: clean,
      signInHref: `/sign-in?next=${encodeURIComponent(back)}`,
      registerHref: `/register?invitation=${encodeURIComponent(clean)}`,
      signedIn: viewer.isAuthenticated,
    };
  }

  @Post('accept')
  @Access('account', DIRECTORY_POLICY.acceptInvitation)
  async accept(
    @Body() body: Record<string, unknown>,
    @PageViewer() viewer: Viewer,
    @Res() response: Response,
  ): Promise<void> {
    try {
      const input = await validated(AcceptInvitationInput, { token: tokenOf(body.token) });
      await this.memberships.acceptInvitation(viewer, input.token);
    } catch (error) {
      const refusal = linkRefusalOf(error, ['input.token']);
      if (refusal === undefined) throw error;
      renderLinkProblem(response, refusal, {
        title: 'This invitation does not work',
        next: { href: '/account', text: 'Go to your account' },
      });
      return;
    }
    this.pages.redirect(response, '/account', 'You have accepted the invitation: your membership is confirmed.');
  }
}
