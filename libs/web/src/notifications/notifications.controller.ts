import { Get, Param, Post, Query, Render, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Access } from '@cohesion/auth';
import type { Viewer } from '@cohesion/common';
import { NOTIFICATIONS_POLICY, NotificationsService, type Notification } from '@cohesion/notifications';
import { recordId } from '../platform/ids.js';
import { Pages, safeNext } from '../platform/pages.js';
import { PageViewer, WebController } from '../platform/web-controller.js';

const VIEW = 'notifications/views/notifications.njk';
export const NOTIFICATIONS_PER_PAGE = 20;

/** A cursor from the address, as the API bounds it (anything longer is no page of ours). */
function cursorOf(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 && value.length <= 512 ? value : undefined;
}

/** A notice's words as paragraphs (their bodies are plain text with blank lines between). */
function paragraphs(body: string): string[] {
  return body
    .split(/\n{2,}/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/** Each notification as the page lists it: its link only when it is a path of this site. */
function itemOf(notification: Notification) {
  const link = notification.link ? safeNext(notification.link, '') : '';
  return { ...notification, href: link || undefined, paragraphs: paragraphs(notification.body) };
}

/** The person's notifications, newest first, and marking them read. */
@WebController('notifications')
export class NotificationsController {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly pages: Pages,
  ) {}

  @Get()
  @Access('account', NOTIFICATIONS_POLICY.seeNotifications)
  @Render(VIEW)
  async list(@PageViewer() viewer: Viewer, @Query('after') after: unknown): Promise<Record<string, unknown>> {
    const cursor = cursorOf(after);
    const page = await this.notifications.list(viewer, false, { first: NOTIFICATIONS_PER_PAGE, after: cursor });
    const items = page.edges.map((edge) => itemOf(edge.node));
    return {
      items,
      firstPage: cursor === undefined,
      unread: await this.notifications.unreadCount(viewer),
      next: page.pageInfo.hasNextPage
        ? `/notifications?after=${encodeURIComponent(page.pageInfo.endCursor ?? '')}`
        : '',
    };
  }

  @Post('read-all')
  @Access('account', NOTIFICATIONS_POLICY.markNotificationsRead)
  async markAllRead(@PageViewer() viewer: Viewer, @Res() response: Response): Promise<void> {
    const changed = await this.notifications.markRead(viewer, { all: true });
    this.pages.redirect(
      response,
      '/notifications',
      changed === 0 ? 'You had no unread notifications.' : 'All your notifications are marked as read.',
    );
  }

  @Post(':id/read')
  @Access('account', NOTIFICATIONS_POLICY.markNotificationsRead)
  async markRead(@PageViewer() viewer: Viewer, @Param('id') id: string, @Res() response: Response): Promise<void> {
    // Someone else's id changes nothing (the service only marks the viewer's own).
    await this.notifications.markRead(viewer, { ids: [recordId(id, 'Notification')] });
    this.pages.redirect(response, '/notifications', 'Notification marked as read.');
  }
}
