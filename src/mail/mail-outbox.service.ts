import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock, wholeSeconds } from '@app/common';
import { Mail, MAIL_SUBJECTS } from './mail-templates';
import { OutboxMail } from './outbox-mail.entity';

/**
 * How services send email: they add it to the outbox inside the transaction of the change that
 * caused it (RUNTIME.md Mail), so the email exists if and only if the change committed.
 * OutboxSender delivers it.
 */
@Injectable()
export class MailOutbox {
  constructor(private readonly clock: Clock) {}

  async enqueue(manager: EntityManager, mail: Mail): Promise<void> {
    const now = wholeSeconds(this.clock.now());
    await manager.insert(OutboxMail, {
      recipient: mail.to,
      subject: MAIL_SUBJECTS[mail.template],
      template: mail.template,
      context: JSON.stringify(mail.context),
      attempts: 0,
      nextAttemptAt: now,
      lockedUntil: null,
      sentAt: null,
      lastError: null,
      createdAt: now,
    });
  }
}
