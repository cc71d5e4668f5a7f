import { createTestApp, createUser, DEFAULT_PASSWORD, TestApp } from '@app/testing';

const TOO_MANY = { message: 'Too many requests. Please wait before trying again.' };

describe('AUTH_RATE_LIMIT on /login and /register (RUNTIME.md)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({
      configure: (c) => {
        c.authRateLimit = 3;
      },
    });
  });

  afterAll(async () => {
    await t.close();
  });

  it('answers the 4th login in a minute with 429, Retry-After and a message, whatever the outcome', async () => {
    const user = await createUser(t.dataSource);
    await t.http.post('/login').send({ username: user.username, password: DEFAULT_PASSWORD }).expect(200);
    await t.http.post('/login').send({ username: user.username, password: 'wrong-password' }).expect(401);
    await t.http.post('/login').send({}).expect(400);
    const res = await t.http
      .post('/login')
      .send({ username: user.username, password: DEFAULT_PASSWORD })
      .expect(429);
    expect(res.body).toEqual(TOO_MANY);
    const retryAfter = Number(res.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
  });

  it('limits /register separately, and leaves other public routes alone', async () => {
    const body = (i: number) => ({
      name: 'Rate Limited',
      username: `limited_${i}`,
      password: 'secret123',
      email: `limited${i}@example.com`,
      terms_and_conditions_checked: true,
    });
    for (const i of [1, 2, 3]) await t.http.post('/register').send(body(i)).expect(201);
    const res = await t.http.post('/register').send(body(4)).expect(429);
    expect(res.body).toEqual(TOO_MANY);
    expect(res.headers['retry-after']).toBeDefined();
    for (let i = 0; i < 5; i++) {
      await t.http.post('/user/resend_email').send({ email: 'limited1@example.com' }).expect(200);
    }
    await t.http.get('/health/live').expect(200);
  });
});
