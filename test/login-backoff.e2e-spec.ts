import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTestApp, createUser, DEFAULT_PASSWORD, TestApp } from '@app/testing';

/**
 * Per-account back-off on POST /login (issue 8, item 6; policy in src/auth/login-backoff.ts).
 * The IP-wide AUTH_RATE_LIMIT is covered by test/rate-limit.e2e-spec.ts. Time moves with the
 * injected clock, never by sleeping. A second client is a second loopback address (127.0.0.2).
 */
const WRONG = { message: 'Username or password is wrong.' };
const TOO_MANY = { message: 'Too many requests. Please wait before trying again.' };

describe('Login back-off per account and client', () => {
  let t: TestApp;
  let port: number;

  beforeAll(async () => {
    t = await createTestApp();
    const server = t.app.getHttpServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    await new Promise((resolve) => t.app.getHttpServer().close(resolve));
    await t.close();
  });

  /** POST /login from a chosen loopback address. */
  function login(from: string, username: string, password: string) {
    return new Promise<{ status: number; body: unknown; retryAfter?: string }>((resolve, reject) => {
      const payload = JSON.stringify({ username, password });
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port,
          localAddress: from,
          path: '/login',
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) },
        },
        (res) => {
          let text = '';
          res.on('data', (chunk: Buffer) => (text += chunk.toString()));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              body: JSON.parse(text),
              retryAfter: res.headers['retry-after'],
            }),
          );
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  }
  const ATTACKER = '127.0.0.1';
  const OWNER = '127.0.0.2';

  afterEach(() => t.clock.reset());

  it('slows one client down on one account after repeated wrong passwords, without locking the owner out', async () => {
    const user = await createUser(t.dataSource);
    for (let i = 0; i < 5; i++) {
      expect(await login(ATTACKER, user.username, `wrong-${i}`)).toMatchObject({ status: 401, body: WRONG });
    }
    // Refused before the password is looked at, even the right one.
    expect(await login(ATTACKER, user.username, DEFAULT_PASSWORD)).toEqual({
      status: 429,
      body: TOO_MANY,
      retryAfter: '30',
    });
    // Same account typed differently, or by email: the same account.
    expect((await login(ATTACKER, user.username.toUpperCase(), 'wrong')).status).toBe(429);
    // The owner, from their own client, is not affected; nor is another account from the attacker.
    expect((await login(OWNER, user.username, DEFAULT_PASSWORD)).status).toBe(200);
    expect(await login(OWNER, user.username, 'wrong')).toMatchObject({ status: 401, body: WRONG });
    const other = await createUser(t.dataSource);
    expect((await login(ATTACKER, other.username, DEFAULT_PASSWORD)).status).toBe(200);

    t.clock.advance(29);
    expect((await login(ATTACKER, user.username, DEFAULT_PASSWORD)).status).toBe(429);
    t.clock.advance(1);
    expect((await login(ATTACKER, user.username, DEFAULT_PASSWORD)).status).toBe(200);
    // A success starts the count over.
    expect(await login(ATTACKER, user.username, 'wrong')).toMatchObject({ status: 401, body: WRONG });
    expect((await login(ATTACKER, user.username, DEFAULT_PASSWORD)).status).toBe(200);
  });

  it('doubles the wait with every further failure', async () => {
    const user = await createUser(t.dataSource);
    for (let i = 0; i < 5; i++) await login(ATTACKER, user.email, 'wrong');
    expect((await login(ATTACKER, user.email, 'wrong')).retryAfter).toBe('30');
    t.clock.advance(30);
    expect(await login(ATTACKER, user.email, 'wrong')).toMatchObject({ status: 401, body: WRONG });
    expect(await login(ATTACKER, user.email, 'wrong')).toMatchObject({ status: 429, retryAfter: '60' });
    t.clock.advance(60);
    expect((await login(ATTACKER, user.email, DEFAULT_PASSWORD)).status).toBe(200);
  });

  it('treats unknown accounts the same, so the back-off reveals nothing about who exists', async () => {
    for (let i = 0; i < 5; i++) {
      expect(await login(ATTACKER, 'nobody_here', 'wrong')).toMatchObject({ status: 401, body: WRONG });
    }
    expect(await login(ATTACKER, 'nobody_here', 'wrong')).toMatchObject({ status: 429, retryAfter: '30' });
  });
});
