import { Global, Module } from '@nestjs/common';
import { MailerModule } from '@nestjs-modules/mailer';
import { HandlebarsAdapter } from '@nestjs-modules/mailer/adapters/handlebars.adapter';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '../config';
import { MailOutbox } from './mail-outbox.service';
import { templatesDir } from './mail-templates';
import { OutboxMail } from './outbox-mail.entity';
import { OutboxSender } from './outbox-sender';

@Global()
@Module({
  imports: [
    TypeOrmModule.forFeature([OutboxMail]),
    MailerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        // Without SMTP_URL, nodemailer's JSON transport renders the email and OutboxSender logs it.
        transport: config.mail.smtpUrl
          ? {
              url: config.mail.smtpUrl,
              connectionTimeout: 10_000,
              greetingTimeout: 10_000,
              socketTimeout: 30_000,
            }
          : { jsonTransport: true },
        defaults: { from: config.mail.from },
        template: {
          dir: templatesDir(),
          // Handlebars escapes {{values}}: user-provided text can never inject HTML (API.md §9).
          adapter: new HandlebarsAdapter(undefined, { inlineCssEnabled: false }),
          options: { strict: true },
        },
      }),
    }),
  ],
  providers: [MailOutbox, OutboxSender],
  exports: [MailOutbox, OutboxSender],
})
export class MailModule {}
