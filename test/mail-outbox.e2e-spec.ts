import { createTestApp, TestApp } from '@app/testing';
import { Transactions } from '../src/database/transactions';
import { MailOutbox } from '../src/mail/mail-outbox.service';
import { OutboxMail } from '../src/mail/outbox-mail.entity';
import { OutboxSender } from '../src/mail/outbox-sender';

describe('Mail outbox (RUNTIME.md Mail)', () => {
  let t: TestApp;
  let outbox: MailOutbox;
  let transactions: Transactions;

  beforeAll(async () => {
    t = await createTestApp();
    outbox = t.app.get(MailOutbox);
    transactions = t.app.get(Transactions);
  });

  afterAll(async () => {
    await t.close();
  });

  beforeEach(() => t.mail.clear());

  const queueConfirmation = (to: string, name: string) =>
    transactions.run((manager) =>
      outbox.enqueue(manager, {
        to,
        template: 'email-confirmation',
        context: { name, confirmUrl: 'http://mentorship.test/user/confirm_email/abc', validDays: 30 },
      }),
    );

  it('delivers a queued email rendered from its template, with user text escaped', async () => {
    await queueConfirmation('ada@example.com', '<b>Ada</b> & co');
    await t.mail.waitForCount(1);
    const [mail] = t.mail.messages;
    expect(mail.to).toEqual(['ada@example.com']);
    expect(mail.subject).toBe('Mentorship System - Please confirm your email');
    expect(mail.from).toContain('no-reply@localhost');
    expect(mail.html).toContain('Hi &lt;b&gt;Ada&lt;/b&gt; &amp; co,');
    expect(mail.html).toContain(
      '<a href="http://mentorship.test/user/confirm_email/abc">http://mentorship.test/user/confirm_email/abc</a>',
    );
    expect(mail.html).toContain('active for 30 days');
  });

  it('keeps an email through an SMTP outage and delivers it exactly once when SMTP is back', async () => {
    await t.mail.stop();
    await queueConfirmation('grace@example.com', 'Grace');
    const row = () =>
      t.dataSource.getRepository(OutboxMail).findOneByOrFail({ recipient: 'grace@example.com' });
    // Wait until at least one attempt has failed.
    for (let i = 0; i < 50 && (await row()).attempts === 0; i++) await new Promise((r) => setTimeout(r, 100));
    const failed = await row();
    expect(failed.attempts).toBeGreaterThan(0);
    expect(failed.sentAt).toBeNull();
    expect(failed.lastError).toBeTruthy();

    await t.mail.start();
    await t.mail.waitForCount(1);
    await t.app.get(OutboxSender).flush();
    await new Promise((r) => setTimeout(r, 500));
    expect(t.mail.to('grace@example.com')).toHaveLength(1);
    expect((await row()).sentAt).not.toBeNull();
  });
});
