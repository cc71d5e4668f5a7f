import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sign } from 'jsonwebtoken';
import { createTestApp, createUser, DEFAULT_PASSWORD, TEST_JWT_SECRET, TestApp } from '@app/testing';
import { ConventionsFixtureModule } from './fixtures/conventions.fixture';

const NOT_FOUND =
  'The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.';
const MISSING = 'The authorization token is missing!';
const INVALID = 'The token is invalid!';
const EXPIRED = 'The token has expired! Please, login again or refresh it.';

describe('HTTP conventions (API.md §10)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ imports: [ConventionsFixtureModule] });
  });

  afterAll(async () => {
    await t.close();
  });

  describe('JSON numbers (§10.6)', () => {
    it('writes epoch float fields with a decimal point and leaves integers and strings alone', async () => {
      const res = await t.http.get('/fixture/floats').expect(200);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.text).toContain('"end_date":1690000000.0');
      expect(res.text).toContain('"creation_date":1612345678.123456');
      expect(res.text).toContain('"created_at":5.0');
      expect(res.text).toContain('"completed_at":null');
      expect(res.text).toContain('"accept_date":null');
      expect(res.text).toContain('"access_expiry":1e+21');
      expect(res.text).toContain('"id":7,');
      expect(res.text).toContain('"state":2,');
      expect(res.text).toContain('"email_verification_date":"2021-02-03T10:11:12"');
      expect(res.text).toContain('"notes":"end_date: 5"');
      expect(res.body.end_date).toBe(1690000000);
    });
  });

  describe('errors', () => {
    it('answers an unknown route with 404 and the original message', async () => {
      const res = await t.http.get('/no/such/route').expect(404);
      expect(res.body).toEqual({ message: NOT_FOUND });
    });

    it('answers a known route with a wrong method with 405', async () => {
      const res = await t.http.delete('/health/live').expect(405);
      expect(res.body).toEqual({ message: 'The method is not allowed for the requested URL.' });
      expect(res.headers.allow).toBe('GET');
    });

    it('treats a non-numeric or negative id as an unknown route', async () => {
      for (const id of ['abc', '-1', '1.5', '1e3']) {
        const res = await t.http.get(`/fixture/items/${id}`).expect(404);
        expect(res.body).toEqual({ message: NOT_FOUND });
      }
      await t.http.get('/fixture/items/42').expect(200, { id: 42 });
    });

    it('hides unexpected errors behind a bare 500', async () => {
      const res = await t.http.get('/fixture/crash').expect(500);
      expect(res.body).toEqual({ message: 'Internal Server Error' });
      expect(res.text).not.toMatch(/boom|secret|SELECT|at /);
    });

    it('answers unparseable JSON with 400 and the original message', async () => {
      const res = await t.http
        .post('/fixture/echo')
        .set('Content-Type', 'application/json')
        .send('{"a": ')
        .expect(400);
      expect(res.body).toEqual({
        message: 'The browser (or proxy) sent a request that this server could not understand.',
      });
    });

    it('treats an empty or non-JSON body as no body (§10.4)', async () => {
      await t.http
        .post('/fixture/echo')
        .set('Content-Type', 'application/json')
        .send('')
        .expect(201, { received: null });
      await t.http
        .post('/fixture/echo')
        .set('Content-Type', 'text/plain')
        .send('hello')
        .expect(201, { received: null });
      await t.http
        .post('/fixture/echo')
        .set('Content-Type', 'application/x-www-form-urlencoded')
        .send('a=1')
        .expect(201, { received: null });
      await t.http
        .post('/fixture/echo')
        .send({ a: 1 })
        .expect(201, { received: { a: 1 } });
    });

    it('drops prototype-poisoning keys instead of failing', async () => {
      const res = await t.http
        .post('/fixture/echo')
        .set('Content-Type', 'application/json')
        .send('{"a":1,"__proto__":{"isAdmin":true}}')
        .expect(201);
      expect(res.body).toEqual({ received: { a: 1 } });
    });
  });

  describe('schema validation shape (§10.3)', () => {
    it('checks the body before the token and words errors like jsonschema', async () => {
      let res = await t.http.post('/fixture/schema').send({}).expect(400);
      expect(res.body).toEqual({
        errors: { user_id: "'user_id' is a required property" },
        message: 'Input payload validation failed',
      });
      res = await t.http.post('/fixture/schema').send({ user_id: '2' }).expect(400);
      expect(res.body.errors).toEqual({ user_id: "'2' is not of type 'integer'" });
      res = await t.http.post('/fixture/schema').send({ user_id: null }).expect(400);
      expect(res.body.errors).toEqual({ user_id: "None is not of type 'integer'" });
      res = await t.http.post('/fixture/schema').send({ user_id: true }).expect(400);
      expect(res.body.errors).toEqual({ user_id: "True is not of type 'integer'" });
      res = await t.http
        .post('/fixture/schema')
        .set('Content-Type', 'application/json')
        .send('[1]')
        .expect(400);
      expect(res.body.errors).toEqual({ '': "[1] is not of type 'object'" });
      res = await t.http.post('/fixture/schema').expect(400);
      expect(res.body.errors).toEqual({ '': "None is not of type 'object'" });
    });

    it('checks the token after a valid body', async () => {
      const res = await t.http.post('/fixture/schema').send({ user_id: 2 }).expect(401);
      expect(res.body).toEqual({ message: MISSING });
      const token = await t.token(1);
      await t.http
        .post('/fixture/schema')
        .set('Authorization', `Bearer ${token}`)
        .send({ user_id: 2 })
        .expect(201);
    });
  });

  describe('trailing slash (§10.1)', () => {
    it('serves every route with and without a trailing slash', async () => {
      await t.http.get('/health/live/').expect(200);
      await t.http.get('/fixture/items/3/').expect(200, { id: 3 });
    });
  });

  describe('JWT guard (§10.2)', () => {
    it('answers missing tokens', async () => {
      for (const header of [undefined, '', '   ']) {
        const req = t.http.get('/fixture/me');
        if (header !== undefined) void req.set('Authorization', header);
        const res = await req.expect(401);
        expect(res.body).toEqual({ message: MISSING });
      }
    });

    it('answers malformed headers and tokens as invalid', async () => {
      const token = await t.token(5);
      for (const header of [
        `Token ${token}`,
        `bearer ${token}`,
        'Bearer',
        `Bearer ${token} extra`,
        'Bearer not.a.jwt',
        `Bearer ${token}x`,
      ]) {
        const res = await t.http.get('/fixture/me').set('Authorization', header).expect(401);
        expect(res.body).toEqual({ message: INVALID });
      }
    });

    it('accepts a valid access token, also among comma-separated entries', async () => {
      const token = await t.token(5);
      await t.http.get('/fixture/me').set('Authorization', `Bearer ${token}`).expect(200, { id: 5 });
      await t.http
        .get('/fixture/me')
        .set('Authorization', `Basic abc, Bearer ${token}`)
        .expect(200, { id: 5 });
    });

    it('issues HS256 tokens with the flask-jwt-extended claims', async () => {
      const access = await t.token(5, 'access');
      const refresh = await t.token(5, 'refresh');
      const decode = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString());
      const header = JSON.parse(Buffer.from(access.split('.')[0], 'base64url').toString());
      expect(header.alg).toBe('HS256');
      const a = decode(access);
      expect(a).toMatchObject({ identity: 5, type: 'access', fresh: false });
      expect(a.nbf).toBe(a.iat);
      expect(a.exp - a.iat).toBe(7 * 86400);
      expect(a.jti).toMatch(/^[0-9a-f-]{36}$/);
      const r = decode(refresh);
      expect(r).toMatchObject({ identity: 5, type: 'refresh' });
      expect(r.fresh).toBeUndefined();
      expect(r.exp - r.iat).toBe(28 * 86400);
    });

    it('refuses a refresh token where an access token is needed, and vice versa', async () => {
      const access = await t.token(5, 'access');
      const refresh = await t.token(5, 'refresh');
      let res = await t.http.get('/fixture/me').set('Authorization', `Bearer ${refresh}`).expect(401);
      expect(res.body).toEqual({ message: INVALID });
      res = await t.http.post('/fixture/refresh').set('Authorization', `Bearer ${access}`).expect(401);
      expect(res.body).toEqual({ message: INVALID });
      await t.http.post('/fixture/refresh').set('Authorization', `Bearer ${refresh}`).expect(201, { id: 5 });
    });

    it('answers expired tokens with the expiry message, by moving the clock', async () => {
      const token = await t.token(5);
      t.clock.advance(7 * 86400 + 1);
      try {
        const res = await t.http.get('/fixture/me').set('Authorization', `Bearer ${token}`).expect(401);
        expect(res.body).toEqual({ message: EXPIRED });
      } finally {
        t.clock.reset();
      }
    });

    it('rejects hostile tokens: alg none, other algorithms, wrong secret, bad identity, future nbf', async () => {
      const now = Math.floor(Date.now() / 1000);
      const claims = {
        identity: 5,
        type: 'access',
        fresh: false,
        iat: now,
        nbf: now,
        exp: now + 600,
        jti: 'x',
      };
      const unsigned = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${Buffer.from(
        JSON.stringify(claims),
      ).toString('base64url')}.`;
      const hostile = [
        unsigned,
        sign(claims, TEST_JWT_SECRET, { algorithm: 'HS512' }),
        sign(claims, 'another-secret', { algorithm: 'HS256' }),
        sign({ ...claims, identity: '5' }, TEST_JWT_SECRET, { algorithm: 'HS256' }),
        sign({ ...claims, identity: undefined }, TEST_JWT_SECRET, { algorithm: 'HS256' }),
        sign({ ...claims, nbf: now + 3600 }, TEST_JWT_SECRET, { algorithm: 'HS256' }),
        sign({ ...claims, type: undefined }, TEST_JWT_SECRET, { algorithm: 'HS256' }),
      ];
      for (const token of hostile) {
        const res = await t.http.get('/fixture/me').set('Authorization', `Bearer ${token}`).expect(401);
        expect(res.body).toEqual({ message: INVALID });
      }
    });

    describe('hostile tokens on real routes (issue 8)', () => {
      const GATED: [string, string][] = [
        ['get', '/user'],
        ['put', '/user'],
        ['delete', '/user'],
        ['get', '/mentorship_relations'],
        ['get', '/mentorship_relations/current'],
        ['put', '/mentorship_relation/1/accept'],
        ['get', '/mentorship_relation/1/tasks'],
        ['get', '/admins'],
      ];
      const call = (method: string, path: string, header: string) =>
        (t.http as unknown as Record<string, (p: string) => import('supertest').Test>)
          [method](path)
          .set('Authorization', header)
          .send(method === 'put' && path === '/user' ? { bio: 'x' } : undefined);

      it("answers a deleted user's token with the account gate's 404 on gated routes, never access", async () => {
        const user = await createUser(t.dataSource);
        const token = await t.bearer(user);
        await t.http.delete('/user').set('Authorization', token).expect(200);
        for (const [method, path] of GATED) {
          const res = await call(method, path, token);
          expect({ route: `${method} ${path}`, status: res.status, body: res.body }).toEqual({
            route: `${method} ${path}`,
            status: 404,
            body: { message: 'User does not exist.' },
          });
        }
        await t.http.get('/home').set('Authorization', token).expect(404, { message: 'User not found.' });
      });

      it("never lets a deleted user's token reach an account created after it", async () => {
        const user = await createUser(t.dataSource);
        const token = await t.bearer(user);
        await t.http.delete('/user').set('Authorization', token).expect(200);
        const next = await createUser(t.dataSource);
        expect(next.id).not.toBe(user.id);
        await t.http.get('/user').set('Authorization', token).expect(404);
      });

      it('refuses a tampered payload whose signature was kept (identity, type, expiry, admin)', async () => {
        const victim = await createUser(t.dataSource, { isAdmin: true });
        const attacker = await createUser(t.dataSource);
        const [header, payload, signature] = (await t.token(attacker.id)).split('.');
        const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
        const forged = (changes: object, sig = signature) =>
          `Bearer ${header}.${Buffer.from(JSON.stringify({ ...claims, ...changes })).toString('base64url')}.${sig}`;
        const refresh = (await t.token(attacker.id, 'refresh')).split('.')[2];
        for (const token of [
          forged({ identity: victim.id }),
          forged({ identity: `${victim.id}` }),
          forged({ exp: claims.exp + 365 * 86400 }),
          forged({ is_admin: true }),
          forged({ type: 'refresh' }, refresh),
          forged({}, ''),
          `Bearer ${header}.${payload}.`,
          `Bearer ${header}.${payload}`,
          `Bearer ${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${payload}.${signature}`,
        ]) {
          for (const path of ['/user', '/admins']) {
            const res = await t.http.get(path).set('Authorization', token);
            expect({ token, status: res.status, body: res.body }).toEqual({
              token,
              status: 401,
              body: { message: INVALID },
            });
          }
        }
        // The untouched token still works: the refusals were about the tampering.
        await t.http
          .get('/user')
          .set('Authorization', `Bearer ${header}.${payload}.${signature}`)
          .expect(200);
      });

      it('refuses duplicated Authorization headers, whatever their order; never 500', async () => {
        const user = await createUser(t.dataSource);
        const other = await createUser(t.dataSource);
        const mine = await t.bearer(user);
        const theirs = await t.bearer(other);
        const server = t.app.getHttpServer();
        await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
        const { port } = server.address() as AddressInfo;
        const get = (headers: string[]) =>
          new Promise<{ status: number; body: string }>((resolve, reject) => {
            const req = httpRequest(
              {
                host: '127.0.0.1',
                port,
                path: '/user',
                method: 'GET',
                headers: ['Host', `127.0.0.1:${port}`, ...headers],
              },
              (res) => {
                let body = '';
                res.on('data', (chunk: Buffer) => (body += chunk.toString()));
                res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
              },
            );
            req.on('error', reject);
            req.end();
          });
        try {
          for (const pair of [
            [mine, theirs],
            [theirs, mine],
            [mine, mine],
            [mine, 'Bearer garbage'],
            ['Bearer garbage', mine],
            [mine, ''],
          ]) {
            const res = await get(pair.flatMap((value) => ['Authorization', value]));
            if (!res.body) throw new Error(`${res.status} for ${JSON.stringify(pair)}`);
            expect({ pair, status: res.status, body: JSON.parse(res.body) }).toEqual({
              pair,
              status: 401,
              body: { message: INVALID },
            });
          }
          // A single header still works on the same connection setup.
          expect((await get(['Authorization', mine])).status).toBe(200);
        } finally {
          await new Promise((resolve) => server.close(resolve));
        }
        // Public routes ignore credentials, duplicated or not.
        await t.http.post('/login').send({ username: user.username, password: DEFAULT_PASSWORD }).expect(200);
      });
    });

    it('ignores a stale token on a public route', async () => {
      await t.http.get('/health/live').set('Authorization', 'Bearer garbage').expect(200);
    });
  });

  describe('platform routes', () => {
    it('redirects / to the docs and serves Swagger UI and its JSON', async () => {
      const res = await t.http.get('/').expect(302);
      expect(res.headers.location).toBe('/docs');
      await t.http.get('/docs').expect(200);
      const spec = await t.http.get('/docs-json').expect(200);
      expect(spec.body.openapi).toMatch(/^3\./);
      expect(spec.body.paths['/health/ready']).toBeDefined();
    });

    it('sets security headers and a request id', async () => {
      const res = await t.http.get('/health/live').set('X-Request-Id', 'trace-123').expect(200);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(res.headers['x-request-id']).toBe('trace-123');
    });

    it('reports live and ready, and 503 with a message once the database is gone', async () => {
      await t.http.get('/health/live').expect(200, { status: 'ok' });
      await t.http.get('/health/ready').expect(200, { status: 'ok' });
      await t.dataSource.destroy();
      const res = await t.http.get('/health/ready').expect(503);
      expect(res.body).toEqual({ message: 'The database is not reachable.' });
      await t.http.get('/health/live').expect(200);
      await t.dataSource.initialize();
      await t.http.get('/health/ready').expect(200);
    });
  });
});
