import type { IncomingMessage, ServerResponse } from 'node:http';
import { Module } from '@nestjs/common';
import { LoggerModule, Params } from 'nestjs-pino';
import { APP_CONFIG, AppConfig } from './config';

/** Fastify assigned the id (bootstrap.ts `assignRequestId`) and wrote it into the header. */
function requestId(request: IncomingMessage): string {
  return String(request.headers['x-request-id']);
}

/**
 * The request log: one line per response. Its serializers are a whitelist that receives the
 * raw request and response (`wrapSerializers: false`), so headers — tokens, cookies — and
 * bodies can never reach a log line, and no time is spent copying what is then thrown away
 * (pino-http's own serializers copy every header of every request and response first).
 */
export function requestLogOptions(config: AppConfig): Params['pinoHttp'] {
  return {
    level: config.logLevel,
    genReqId: requestId,
    wrapSerializers: false,
    serializers: {
      // Middleware sees `url` with its mount prefix cut off (middie); `originalUrl` is the full one.
      req: (req: IncomingMessage & { id?: unknown; originalUrl?: string }) => ({
        id: req.id,
        method: req.method,
        url: req.originalUrl ?? req.url,
      }),
      res: (res: ServerResponse) => ({ statusCode: res.statusCode }),
    },
    customLogLevel: (_req, res, error) =>
      error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
    transport:
      config.production || config.logLevel === 'silent'
        ? undefined
        : { target: 'pino-pretty', options: { singleLine: true, translateTime: 'SYS:HH:MM:ss.l' } },
  };
}

/** Structured request logs: JSON in production, readable lines in development (RUNTIME.md). */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({ pinoHttp: requestLogOptions(config) }),
    }),
  ],
})
export class LoggingModule {}
