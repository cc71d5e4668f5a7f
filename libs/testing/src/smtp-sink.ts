import { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  from: string;
  to: string[];
  subject: string;
  html: string;
  text: string;
}

/**
 * An in-process SMTP server that keeps what it receives. It can be stopped and started again
 * on the same port, to play an SMTP outage.
 */
export class SmtpSink {
  readonly messages: ReceivedMail[] = [];
  private server: SMTPServer | null = null;
  private port = 0;
  private waiters: { count: number; resolve: () => void }[] = [];

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData: (stream, _session, callback) => {
        simpleParser(stream)
          .then((parsed) => {
            const to = Array.isArray(parsed.to) ? parsed.to : parsed.to ? [parsed.to] : [];
            this.messages.push({
              from: parsed.from?.text ?? '',
              to: to.flatMap((address) => address.value.map((entry) => entry.address ?? '')),
              subject: parsed.subject ?? '',
              html: typeof parsed.html === 'string' ? parsed.html : '',
              text: parsed.text ?? '',
            });
            this.notify();
            callback();
          })
          .catch((error: Error) => callback(error));
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.server.address() as AddressInfo).port;
    this.server = server;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  to(address: string): ReceivedMail[] {
    return this.messages.filter((message) => message.to.includes(address));
  }

  /** Resolves once `count` messages in total have arrived (or rejects after timeoutMs). */
  waitForCount(count: number, timeoutMs = 10_000): Promise<void> {
    if (this.messages.length >= count) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`expected ${count} emails, got ${this.messages.length}`)),
        timeoutMs,
      );
      this.waiters.push({
        count,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      });
    });
  }

  clear(): void {
    this.messages.length = 0;
  }

  private notify(): void {
    const ready = this.waiters.filter((waiter) => this.messages.length >= waiter.count);
    this.waiters = this.waiters.filter((waiter) => this.messages.length < waiter.count);
    for (const waiter of ready) waiter.resolve();
  }
}
