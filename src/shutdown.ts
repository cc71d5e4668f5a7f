import { Server } from 'node:net';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

const SETTLE_MS = 100;
const MAX_DRAIN_MS = 15_000;

/**
 * Graceful shutdown that loses no request already sent to us. Closing the app straight away
 * (Fastify → http.Server.close) resets connections still waiting in the accept backlog, drops
 * open sockets whose request bytes are unread, and answers 503 to requests routed after close
 * began. So: keep serving until nothing has been in flight for a moment (under Kubernetes the
 * pre-stop delay has already taken the pod out of the Service, so little new arrives), then
 * stop accepting (new connections are refused from here on) and close the app, which closes
 * idle keep-alive sockets, stops the jobs and closes the pool.
 */
export function gracefulShutdown(app: NestFastifyApplication): () => Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  let inFlight = 0;
  fastify.addHook('onRequest', (request, reply, done) => {
    inFlight += 1;
    // 'close' fires for finished and aborted responses alike.
    reply.raw.once('close', () => (inFlight -= 1));
    done();
  });

  return async () => {
    const deadline = Date.now() + MAX_DRAIN_MS;
    let idleSince = Date.now();
    while (Date.now() < deadline) {
      if (inFlight > 0) idleSince = Date.now();
      else if (Date.now() - idleSince >= SETTLE_MS) break;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    // Plain net.Server.close: stop listening, but let sockets that are mid-request finish.
    Server.prototype.close.call(app.getHttpServer());
    await app.close();
  };
}
