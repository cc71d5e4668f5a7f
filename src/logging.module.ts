import type { IncomingMessage } from 'node:http';
import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { APP_CONFIG, AppConfig } from './config';

/** Fastify assigned the id (bootstrap.ts `assignRequestId`) and wrote it into the header. */
function requestId(request: IncomingMessage): string {
  return String(request.headers['x-request-id']);
}
/** Structured request logs: JSON in production, readable lines in development (RUNTIME.md). */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        pinoHttp: {
          level: config.logLevel,
          genReqId: requestId,
          // Tokens and passwords never reach the logs: no bodies, no auth headers.
          redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
          serializers: {
            req: (req: { id: string; method: string; url: string }) => ({
              id: req.id,
              method: req.method,
              url: req.url,
            }),
            res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
          },
          customLogLevel: (_req, res, error) =>
            error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
          transport:
            config.production || config.logLevel === 'silent'
              ? undefined
              : { target: 'pino-pretty', options: { singleLine: true, translateTime: 'SYS:HH:MM:ss.l' } },
        },
      }),
    }),
  ],
})
export class LoggingModule {}
