import { Writable } from 'node:stream';
import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import pinoHttp, { Options } from 'pino-http';
import { loadConfig } from './config';
import { requestLogOptions } from './logging.module';

/** Runs one request/response pair through the real pino-http with our options, and returns the line. */
function logLine(headers: Record<string, string>, originalUrl?: string): Record<string, unknown> {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  const options = requestLogOptions(loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x' })) as Options;
  const middleware = pinoHttp(options, sink);
  const request = new IncomingMessage(new Socket());
  request.method = 'POST';
  request.url = '/login?x=1';
  request.headers = { 'x-request-id': 'abc', ...headers };
  if (originalUrl) Object.assign(request, { originalUrl });
  const response = new ServerResponse(request);
  response.setHeader('set-cookie', 'session=secret');
  middleware(request, response);
  response.statusCode = 401;
  response.emit('finish');
  expect(lines).toHaveLength(1);
  return JSON.parse(lines[0]) as Record<string, unknown>;
}

describe('request log', () => {
  it('writes the request id, method, url and status, and no header at all', () => {
    const line = logLine({ authorization: 'Bearer secret-token', cookie: 'c=secret' });
    expect(line.req).toEqual({ id: 'abc', method: 'POST', url: '/login?x=1' });
    expect(line.res).toEqual({ statusCode: 401 });
    expect(line.level).toBe(40);
    expect(JSON.stringify(line)).not.toMatch(/secret/);
  });

  it('writes the full url when middleware saw it without its prefix', () => {
    expect(logLine({}, '/users/verified?page=2').req).toMatchObject({ url: '/users/verified?page=2' });
  });
});
