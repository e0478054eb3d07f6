import { Args, Context, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { viewerOf, type RequestContext } from '@cohesion/common';
import { Access } from '@cohesion/auth';
import { MarkNotificationsReadInput } from './dto/notification.inputs.js';
import { MyNotificationsArgs } from './dto/notification.args.js';
import { Notification, NotificationConnection } from './notification.model.js';
import { NOTIFICATIONS_POLICY } from './notifications.policy.js';
import { NotificationsService } from './notifications.service.js';

@Resolver(() => Notification)
export class NotificationsResolver {
  constructor(private readonly notifications: NotificationsService) {}

  @Query(() => NotificationConnection, { description: 'Your notifications, newest first.' })
  @Access('account', NOTIFICATIONS_POLICY.seeNotifications)
  myNotifications(
    @Args() args: MyNotificationsArgs,
    @Context() context: RequestContext,
  ): Promise<NotificationConnection> {
    return this.notifications.list(viewerOf(context), args.unreadOnly, args);
  }

  @Query(() => Int, { description: 'How many of your notifications are unread.' })
  @Access('account', NOTIFICATIONS_POLICY.seeNotifications)
  unreadNotificationCount(@Context() context: RequestContext): Promise<number> {
    return this.notifications.unreadCount(viewerOf(context));
  }

  @Mutation(() => Int, { description: 'Marks notifications read (the given ones, or all); returns how many changed.' })
  @Access('account', NOTIFICATIONS_POLICY.markNotificationsRead)
  markNotificationsRead(
    @Args('input') input: MarkNotificationsReadInput,
    @Context() context: RequestContext,
  ): Promise<number> {
    return this.notifications.markRead(viewerOf(context), input);
  }
}
