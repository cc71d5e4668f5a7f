import { ModuleMetadata } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import TestAgent from 'supertest/lib/agent';
import { DataSource } from 'typeorm';
import { Clock } from '@app/common';
import { AppModule } from '../../../src/app.module';
import { configureApp, createAdapter, NEST_APP_OPTIONS } from '../../../src/bootstrap';
import { APP_CONFIG, AppConfig, loadConfig } from '../../../src/config';
import { TokensService } from '../../../src/auth/tokens.service';
import { TokenType } from '../../../src/auth/token-claims';
import { FakeClock } from './fake-clock';
import { SmtpSink } from './smtp-sink';
import { createTestDatabase, TestDatabase } from './test-database';

export interface TestAppOptions {
  /** Adjust the config (defaults: jobs off, generous rate limit, mail to the sink). */
  configure?: (config: AppConfig) => void;
  /** Extra modules, e.g. test-only fixture controllers. */
  imports?: ModuleMetadata['imports'];
  /** Reuse a database (several app instances on one database); the first owner drops it. */
  database?: TestDatabase;
  /** Start the app with SMTP pointed at this sink instead of a new one. */
  smtp?: SmtpSink;
}

export interface TestApp {
  app: NestFastifyApplication;
  http: TestAgent;
  clock: FakeClock;
  mail: SmtpSink;
  config: AppConfig;
  database: TestDatabase;
  dataSource: DataSource;
  token(userId: number, type?: TokenType): Promise<string>;
  /** `Bearer <token>` for a user (or a user id), the Authorization header value. */
  bearer(user: { id: number } | number, type?: TokenType): Promise<string>;
  close(): Promise<void>;
}

export const TEST_JWT_SECRET = 'test-secret-for-e2e-only';

/** Boots the real app (same global setup as main.ts) on a fresh database, with an SMTP sink and a fake clock. */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const ownsDatabase = !options.database;
  const database = options.database ?? (await createTestDatabase());
  const ownsMail = !options.smtp;
  const mail = options.smtp ?? new SmtpSink();
  if (ownsMail) await mail.start();

  const config = loadConfig({
    LOG_LEVEL: 'silent',
    NODE_ENV: 'test',
    JWT_SECRET: TEST_JWT_SECRET,
    JOBS_ENABLED: 'false',
    AUTH_RATE_LIMIT: '1000000',
    PUBLIC_URL: 'http://mentorship.test',
    SMTP_URL: mail.url,
  });
  config.database = database.config;
  config.mail.pollIntervalMs = 100;
  config.mail.retryBaseMs = 200;
  config.mail.retryMaxMs = 1000;
  options.configure?.(config);

  const clock = new FakeClock();
  const moduleRef = await Test.createTestingModule({ imports: [AppModule, ...(options.imports ?? [])] })
    .overrideProvider(APP_CONFIG)
    .useValue(config)
    .overrideProvider(Clock)
    .useValue(clock)
    .compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(createAdapter(), NEST_APP_OPTIONS);
  await configureApp(app);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();

  const tokens = app.get(TokensService);
  return {
    app,
    http: request(app.getHttpServer()),
    clock,
    mail,
    config,
    database,
    dataSource: app.get(DataSource),
    token: async (userId, type = 'access') => (await tokens.issue(userId, type)).token,
    bearer: async (user, type = 'access') =>
      `Bearer ${(await tokens.issue(typeof user === 'number' ? user : user.id, type)).token}`,
    close: async () => {
      await app.close();
      if (ownsMail) await mail.stop();
      if (ownsDatabase) await database.drop();
    },
  };
}
