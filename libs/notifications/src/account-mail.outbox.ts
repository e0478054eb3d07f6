import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AccountMail, AccountMessage } from '@cohesion/auth';
import { insertAccountEmail } from './notification.queries.js';

/**
 * Account emails through the outbox, in the caller's transaction. One that carries a link
 * (verify, reset) is email-only: it is not in the person's notifications (where anyone
 * holding a session could follow it without the mailbox), and the worker clears its text
 * once it is sent or given up.
 */
@Injectable()
export class AccountMailOutbox implements AccountMail {
  send(manager: EntityManager, message: AccountMessage): Promise<void> {
    return insertAccountEmail(manager, {
      accountId: message.accountId,
      to: message.to,
      kind: message.kind,
      subject: message.subject,
      body: message.body,
      shownInApp: !message.carriesLink,
    });
  }
}
