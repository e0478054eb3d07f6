import { Global, Module, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { BackgroundTasks, NodeRegistry, viewerOf } from '@cohesion/common';
import { ACCOUNT_MAIL } from '@cohesion/auth';
import { AppConfig } from '@cohesion/config';
import { AccountMailOutbox } from './account-mail.outbox.js';
import { NotificationDeliveryWorker } from './delivery/delivery-worker.js';
import { FileMailSender } from './mail/file-mail-sender.js';
import { MailSender } from './mail/mail-sender.js';
import { SmtpMailSender } from './mail/smtp-mail-sender.js';
import { NOTIFICATION_TYPE, toNotification } from './notification.mapper.js';
import { NotificationsResolver } from './notifications.resolver.js';
import { NotificationsService } from './notifications.service.js';

/**
 * In-app notifications and the email outbox. Global: any domain queues notices inside
 * its own transactions through NotificationsService.
 */
@Global()
@Module({
  providers: [
    NotificationsService,
    NotificationsResolver,
    NotificationDeliveryWorker,
    AccountMailOutbox,
    { provide: ACCOUNT_MAIL, useExisting: AccountMailOutbox },
    {
      provide: MailSender,
      inject: [AppConfig],
      useFactory: (config: AppConfig): MailSender =>
        config.mailTransport === 'smtp'
          ? new SmtpMailSender(config.smtpUrl as string, config.mailFrom, config.notificationLeaseSeconds)
          : new FileMailSender(config.mailDir, config.mailFrom),
    },
  ],
  exports: [NotificationsService, NotificationDeliveryWorker, MailSender, ACCOUNT_MAIL],
})
export class NotificationsModule implements OnModuleInit, OnApplicationShutdown {
  constructor(
    private readonly nodes: NodeRegistry,
    private readonly tasks: BackgroundTasks,
    private readonly notifications: NotificationsService,
    private readonly worker: NotificationDeliveryWorker,
    private readonly sender: MailSender,
  ) {}

  /** After the background runner has stopped (on module destroy), let go of mail connections. */
  onApplicationShutdown(): Promise<void> {
    return this.sender.close();
  }

  onModuleInit(): void {
    this.tasks.register(this.worker);
    this.nodes.register(NOTIFICATION_TYPE, async (id, context) => {
      const [row] = await this.notifications.byIds(viewerOf(context), [id]);
      return row ? toNotification(row) : null;
    });
  }
}
