import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import helmet from '@fastify/helmet';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { HttpErrorFilter, registerBodyParsers, RouteTable, serializeJson } from '@app/common';
import { setupSwagger } from './swagger';

export const NEST_APP_OPTIONS = { bodyParser: false, bufferLogs: true } as const;

const REQUEST_ID = /^[\w.-]{1,128}$/;

/**
 * A caller-supplied X-Request-Id is kept (so logs join up across services) if it looks sane,
 * else a fresh one is made. It is written back into the request headers so the request
 * logger sees the same id, and echoed on the response.
 */
function assignRequestId(request: IncomingMessage): string {
  const incoming = request.headers['x-request-id'];
  const id = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
  request.headers['x-request-id'] = id;
  return id;
}

export function createAdapter(): FastifyAdapter {
  return new FastifyAdapter({
    // API.md §10.1: every route also answers with a trailing slash.
    // Email-confirmation tokens carry the address (up to 254 characters) in the path (API.md §2.2);
    // Fastify's default of 100 characters per path parameter would answer them with 414.
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 1024 },
    bodyLimit: 1024 * 1024,
    genReqId: assignRequestId,
  });
}

/** Everything global that is not a module: used by main.ts and by the test harness alike. */
export async function configureApp(app: NestFastifyApplication): Promise<void> {
  app.useLogger(app.get(Logger));
  const fastify = app.getHttpAdapter().getInstance();
  const routes = new RouteTable();
  fastify.addHook('onRoute', (route) => routes.add(route.method, route.url));
  fastify.addHook('onSend', async (request, reply) => {
    void reply.header('X-Request-Id', request.id);
  });
  registerBodyParsers(fastify);
  fastify.setReplySerializer((payload) => serializeJson(payload));
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        upgradeInsecureRequests: null,
      },
    },
  });
  app.useGlobalFilters(new HttpErrorFilter(routes));
  fastify.get('/', (_request, reply) => reply.redirect('/docs', 302));
  setupSwagger(app);
}
