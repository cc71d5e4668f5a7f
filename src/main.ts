import { NestFactory } from '@nestjs/core';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { configureApp, createAdapter, NEST_APP_OPTIONS } from './bootstrap';
import { APP_CONFIG, AppConfig, loadConfig } from './config';
import { migrate } from './database/migrate';
import { gracefulShutdown } from './shutdown';

async function main(): Promise<void> {
  const app = await NestFactory.create<NestFastifyApplication>(AppModule, createAdapter(), NEST_APP_OPTIONS);
  await configureApp(app);
  const shutdown = gracefulShutdown(app);
  const config = app.get<AppConfig>(APP_CONFIG);
  const logger = app.get(Logger);
  if (config.jwt.generatedSecret) {
    logger.warn('JWT_SECRET is not set: using a random secret; tokens will not survive a restart.');
  }
  // SIGTERM: stop accepting, let in-flight requests finish, stop jobs, close the pool, exit 0.
  // (Nest's own shutdown hooks re-raise the signal, which would exit 143.)
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      logger.log(`${signal} received, shutting down`);
      shutdown().then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error(error);
          process.exit(1);
        },
      );
    });
  }
  await app.listen(config.port, '0.0.0.0');
  logger.log(`Listening on port ${config.port}`);
}

/** `node dist/main.js migrate`: apply migrations and exit (the Kubernetes migration Job). */
async function migrateOnly(): Promise<void> {
  const applied = await migrate(loadConfig().database);
  console.log(`Migrations applied: ${applied.join(', ') || 'none'}`);
}

(process.argv[2] === 'migrate' ? migrateOnly() : main()).catch((error: unknown) => {
  // Config errors name the variable; print them plainly and stop.
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
