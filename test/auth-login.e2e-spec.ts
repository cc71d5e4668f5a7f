import { createTestApp, createUser, DEFAULT_PASSWORD, TestApp } from '@app/testing';

const WRONG = { message: 'Username or password is wrong.' };

describe('POST /login and POST /refresh (API.md §2.4, §2.5)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  const login = (body: unknown) => t.http.post('/login').send(body as object);
  const decode = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString());

  it('answers a missing or falsy username first, also for absent and non-object bodies', async () => {
    const missing = { message: 'The field username is missing.' };
    for (const body of [{}, { username: '' }, { username: null, password: 'x' }, { password: 'x' }]) {
      await login(body).expect(400, missing);
    }
    await t.http.post('/login').expect(400, missing);
    await t.http.post('/login').set('Content-Type', 'application/json').send('null').expect(400, missing);
    await t.http
      .post('/login')
      .set('Content-Type', 'application/json')
      .send('["a","b"]')
      .expect(400, missing);
    await t.http.post('/login').set('Content-Type', 'text/plain').send('username=a').expect(400, missing);
  });

  it('answers a missing or falsy password next', async () => {
    for (const password of [undefined, '', null]) {
      await login({ username: 'someone', password }).expect(400, { message: 'Password field is missing.' });
    }
  });

  it('answers 401 for unknown users, wrong passwords and non-string fields', async () => {
    const user = await createUser(t.dataSource);
    await login({ username: 'nobody_here', password: 'whatever1' }).expect(401, WRONG);
    await login({ username: 'nobody@example.com', password: 'whatever1' }).expect(401, WRONG);
    await login({ username: user.username, password: 'wrong-password' }).expect(401, WRONG);
    await login({ username: 123, password: DEFAULT_PASSWORD }).expect(401, WRONG);
    await login({ username: user.username, password: 12345678 }).expect(401, WRONG);
    await login({ username: [user.username], password: DEFAULT_PASSWORD }).expect(401, WRONG);
  });

  it('answers an unverified user with 403 only after a correct password', async () => {
    const user = await createUser(t.dataSource, { isEmailVerified: false, emailVerificationDate: null });
    await login({ username: user.username, password: 'wrong-password' }).expect(401, WRONG);
    await login({ username: user.username, password: DEFAULT_PASSWORD }).expect(403, {
      message: 'Please verify your email before login.',
    });
  });

  it('logs in by username or email, case-insensitively, with tokens and float expiries', async () => {
    const user = await createUser(t.dataSource, { username: 'Mixed_Case_User', email: 'Mixed@Example.com' });
    for (const username of ['Mixed_Case_User', 'mixed_case_user', 'Mixed@Example.com', 'MIXED@example.COM']) {
      const res = await login({ username, password: DEFAULT_PASSWORD }).expect(200);
      expect(Object.keys(res.body).sort()).toEqual([
        'access_expiry',
        'access_token',
        'refresh_expiry',
        'refresh_token',
      ]);
      const access = decode(res.body.access_token);
      const refresh = decode(res.body.refresh_token);
      expect(access).toMatchObject({ identity: user.id, type: 'access', fresh: false });
      expect(refresh).toMatchObject({ identity: user.id, type: 'refresh' });
      expect(res.body.access_expiry).toBe(access.exp);
      expect(res.body.refresh_expiry).toBe(refresh.exp);
      expect(res.text).toContain(`"access_expiry":${access.exp}.0`);
      expect(res.text).toContain(`"refresh_expiry":${refresh.exp}.0`);
      await t.http.get('/user').set('Authorization', `Bearer ${res.body.access_token}`).expect(200);
    }
  });

  it('refreshes with a refresh token only', async () => {
    const user = await createUser(t.dataSource);
    const tokens = (await login({ username: user.username, password: DEFAULT_PASSWORD }).expect(200)).body;
    t.clock.advance(60);
    try {
      const res = await t.http
        .post('/refresh')
        .set('Authorization', `Bearer ${tokens.refresh_token}`)
        .expect(200);
      expect(Object.keys(res.body).sort()).toEqual(['access_expiry', 'access_token']);
      const access = decode(res.body.access_token);
      expect(access).toMatchObject({ identity: user.id, type: 'access' });
      expect(res.text).toContain(`"access_expiry":${access.exp}.0`);
      expect(access.exp).toBeGreaterThanOrEqual(decode(tokens.access_token).exp + 60);
    } finally {
      t.clock.reset();
    }
    await t.http
      .post('/refresh')
      .set('Authorization', `Bearer ${tokens.access_token}`)
      .expect(401, { message: 'The token is invalid!' });
    await t.http.post('/refresh').expect(401, { message: 'The authorization token is missing!' });
    t.clock.advance(28 * 86400 + 1);
    try {
      await t.http
        .post('/refresh')
        .set('Authorization', `Bearer ${tokens.refresh_token}`)
        .expect(401, { message: 'The token has expired! Please, login again or refresh it.' });
    } finally {
      t.clock.reset();
    }
  });

  it('ignores any token on /login', async () => {
    const user = await createUser(t.dataSource);
    await t.http
      .post('/login')
      .set('Authorization', 'Bearer garbage')
      .send({ username: user.username, password: DEFAULT_PASSWORD })
      .expect(200);
  });
});
