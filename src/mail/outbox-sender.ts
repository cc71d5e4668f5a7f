import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { MailerService } from '@nestjs-modules/mailer';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, LessThan, LessThanOrEqual, Repository } from 'typeorm';
import { Clock, wholeSeconds } from '@app/common';
import { APP_CONFIG, AppConfig } from '../config';
import { Transactions } from '../database/transactions';
import { retryDelayMs } from './backoff';
import { OutboxMail } from './outbox-mail.entity';

/** How long a claimed email is ours before another replica may try it (a crashed sender's lease). */
const LEASE_SECONDS = 120;
const BATCH = 20;

/**
 * Delivers the outbox: polls for due emails, claims each with a conditional UPDATE (so one
 * replica sends it), sends it, marks it sent; on failure schedules a retry with exponential
 * back-off. An email is retried until it goes out — nothing is dropped.
 */
@Injectable()
export class OutboxSender implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(OutboxSender.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(
    @InjectRepository(OutboxMail) private readonly outbox: Repository<OutboxMail>,
    private readonly mailer: MailerService,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** Sends everything due now; resolves when done. Also what the poller runs. */
  async flush(): Promise<void> {
    while (this.running) await this.running;
    this.running = this.deliverDue().finally(() => (this.running = null));
    await this.running;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.flush()
        .catch((error: unknown) => this.logger.error({ err: error }, 'Outbox poll failed'))
        .finally(() => this.schedule());
    }, this.config.mail.pollIntervalMs);
  }

  private async deliverDue(): Promise<void> {
    const now = wholeSeconds(this.clock.now());
    const due = await this.outbox.find({
      where: [
        { sentAt: IsNull(), nextAttemptAt: LessThanOrEqual(now), lockedUntil: IsNull() },
        { sentAt: IsNull(), nextAttemptAt: LessThanOrEqual(now), lockedUntil: LessThan(now) },
      ],
      order: { id: 'ASC' },
      take: BATCH,
    });
    for (const mail of due) {
      if (this.stopped) return;
      if (await this.claim(mail, now)) await this.deliver(mail);
    }
  }

  private async claim(mail: OutboxMail, now: Date): Promise<boolean> {
    const leaseEnd = new Date(now.getTime() + LEASE_SECONDS * 1000);
    const result = await this.transactions.run((manager) =>
      manager
        .createQueryBuilder()
        .update(OutboxMail)
        .set({ lockedUntil: leaseEnd })
        .where('id = :id AND sent_at IS NULL', { id: mail.id })
        .andWhere('(locked_until IS NULL OR locked_until < :now)', { now })
        .execute(),
    );
    return result.affected === 1;
  }

  private async deliver(mail: OutboxMail): Promise<void> {
    try {
      const info = (await this.mailer.sendMail({
        to: mail.recipient,
        subject: mail.subject,
        template: mail.template,
        context: JSON.parse(mail.context) as Record<string, unknown>,
      })) as { message?: unknown };
      if (!this.config.mail.smtpUrl) {
        // No SMTP configured: the JSON transport rendered the email; the log is its destination.
        this.logger.log(
          { email: info.message },
          `Email "${mail.subject}" to ${mail.recipient} (not sent: no SMTP_URL)`,
        );
      }
      const sentAt = wholeSeconds(this.clock.now());
      await this.transactions.run((manager) =>
        manager.update(OutboxMail, { id: mail.id }, { sentAt, lockedUntil: null, lastError: null }),
      );
    } catch (error) {
      const attempts = mail.attempts + 1;
      const delay = retryDelayMs(attempts, this.config.mail.retryBaseMs, this.config.mail.retryMaxMs);
      const message = error instanceof Error ? error.message : String(error);
      this.logger.warn(`Email ${mail.id} to ${mail.recipient} failed (attempt ${attempts}): ${message}`);
      await this.transactions.run((manager) =>
        manager.update(
          OutboxMail,
          { id: mail.id },
          {
            attempts,
            nextAttemptAt: new Date(this.clock.now().getTime() + delay),
            lockedUntil: null,
            lastError: message.slice(0, 1000),
          },
        ),
      );
    }
  }
}
