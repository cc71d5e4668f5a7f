import { createTestApp, createUser, TestApp } from '@app/testing';
import { User } from '../src/users/user.entity';

const SCHEMA = 'Input payload validation failed';

describe('Admin (API.md §7)', () => {
  let t: TestApp;
  let admin: User;
  let member: User;
  let auth: (user: User | number) => Promise<string>;

  beforeAll(async () => {
    t = await createTestApp();
    auth = (user) => t.bearer(user);
  });

  afterAll(async () => {
    await t.close();
  });

  beforeEach(async () => {
    await t.dataSource.getRepository(User).update({ isAdmin: true }, { isAdmin: false });
    admin = await createUser(t.dataSource, { isAdmin: true, name: 'Ada Admin', bio: 'root', skills: 'ops' });
    member = await createUser(t.dataSource);
  });

  const isAdmin = async (user: User) =>
    (await t.dataSource.getRepository(User).findOneByOrFail({ id: user.id })).isAdmin;

  describe.each([['/admin/new'], ['/admin/remove']])('%s schema validation (before the token)', (path) => {
    it.each([
      [{}, { user_id: "'user_id' is a required property" }],
      [{ user_id: '2' }, { user_id: "'2' is not of type 'integer'" }],
      [{ user_id: true }, { user_id: "True is not of type 'integer'" }],
      [{ user_id: 2.5 }, { user_id: "2.5 is not of type 'integer'" }],
      [{ user_id: null }, { user_id: "None is not of type 'integer'" }],
    ])('%p → 400', async (body, errors) => {
      const res = await t.http.post(path).send(body).expect(400);
      expect(res.body).toEqual({ errors, message: SCHEMA });
    });

    it('refuses a non-object body', async () => {
      const res = await t.http.post(path).set('Content-Type', 'application/json').send('[]').expect(400);
      expect(res.body).toEqual({ errors: { '': "[] is not of type 'object'" }, message: SCHEMA });
    });

    it('then checks the token', async () => {
      const res = await t.http.post(path).send({ user_id: member.id }).expect(401);
      expect(res.body).toEqual({ message: 'The authorization token is missing!' });
    });

    it('then applies the account gate to the caller', async () => {
      const ghost = await createUser(t.dataSource, { isAdmin: true });
      await t.dataSource.getRepository(User).delete({ id: ghost.id });
      let res = await t.http
        .post(path)
        .set('Authorization', await auth(ghost.id))
        .send({ user_id: member.id });
      expect(res.status).toBe(404);
      expect(res.body).toEqual({ message: 'User does not exist.' });
      const unverified = await createUser(t.dataSource, { isAdmin: true, isEmailVerified: false });
      res = await t.http
        .post(path)
        .set('Authorization', await auth(unverified))
        .send({ user_id: member.id });
      expect(res.status).toBe(403);
      expect(res.body).toEqual({ message: 'Please verify your email before login.' });
    });
  });

  describe('POST /admin/new', () => {
    const post = async (caller: User, userId: number) =>
      t.http
        .post('/admin/new')
        .set('Authorization', await auth(caller))
        .send({ user_id: userId });

    it('refuses a caller who is not an admin', async () => {
      const res = await post(member, admin.id);
      expect(res.status).toBe(403);
      expect(res.body).toEqual({
        message: "You don't have admin status. You can't assign other user as admin.",
      });
    });

    it('refuses self-assignment, unknown users and existing admins, in that order', async () => {
      let res = await post(admin, admin.id);
      expect([res.status, res.body]).toEqual([403, { message: 'You cannot assign yourself as an Admin.' }]);
      res = await post(admin, 999_999);
      expect([res.status, res.body]).toEqual([404, { message: 'User does not exist.' }]);
      const other = await createUser(t.dataSource, { isAdmin: true });
      res = await post(admin, other.id);
      expect([res.status, res.body]).toEqual([400, { message: 'User is already an Admin.' }]);
    });

    it('appoints another user, verified or not', async () => {
      const res = await post(admin, member.id);
      expect([res.status, res.body]).toEqual([200, { message: 'User is now an Admin.' }]);
      expect(await isAdmin(member)).toBe(true);
      const unverified = await createUser(t.dataSource, { isEmailVerified: false });
      expect((await post(admin, unverified.id)).status).toBe(200);
      expect(await isAdmin(unverified)).toBe(true);
    });
  });

  describe('POST /admin/remove', () => {
    const post = async (caller: User, userId: number) =>
      t.http
        .post('/admin/remove/')
        .set('Authorization', await auth(caller))
        .send({ user_id: userId });

    it('refuses a caller who is not an admin', async () => {
      const res = await post(member, admin.id);
      expect([res.status, res.body]).toEqual([
        403,
        { message: "You don't have admin status. You can't revoke other admin user." },
      ]);
    });

    it('refuses to let the only admin revoke themselves', async () => {
      const res = await post(admin, admin.id);
      expect([res.status, res.body]).toEqual([403, { message: 'You cannot revoke your adminstatus.' }]);
      expect(await isAdmin(admin)).toBe(true);
    });

    it('refuses unknown users and non-admins', async () => {
      let res = await post(admin, 999_999);
      expect([res.status, res.body]).toEqual([404, { message: 'User does not exist.' }]);
      res = await post(admin, member.id);
      expect([res.status, res.body]).toEqual([400, { message: 'User is not an Admin.' }]);
    });

    it('revokes another admin, and oneself when another admin remains', async () => {
      const other = await createUser(t.dataSource, { isAdmin: true });
      let res = await post(admin, other.id);
      expect([res.status, res.body]).toEqual([200, { message: 'User admin status was revoked.' }]);
      expect(await isAdmin(other)).toBe(false);
      await t.dataSource.getRepository(User).update({ id: other.id }, { isAdmin: true });
      res = await post(admin, admin.id);
      expect([res.status, res.body]).toEqual([200, { message: 'User admin status was revoked.' }]);
      expect(await isAdmin(admin)).toBe(false);
    });

    it('never leaves the system without an admin when two admins revoke themselves at once', async () => {
      const other = await createUser(t.dataSource, { isAdmin: true });
      const results = await Promise.all([post(admin, admin.id), post(other, other.id)]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 403]);
      expect(await t.dataSource.getRepository(User).countBy({ isAdmin: true })).toBe(1);
    });
  });

  describe('GET /admins', () => {
    it('needs a token and an admin caller', async () => {
      let res = await t.http.get('/admins').expect(401);
      expect(res.body).toEqual({ message: 'The authorization token is missing!' });
      res = await t.http
        .get('/admins')
        .set('Authorization', await auth(member))
        .expect(403);
      expect(res.body).toEqual({ message: 'User is not an Admin.' });
    });

    it('lists the other admins by id, in the AdminUser shape', async () => {
      let res = await t.http
        .get('/admins')
        .set('Authorization', await auth(admin))
        .expect(200);
      expect(res.body).toEqual([]);
      const second = await createUser(t.dataSource, { isAdmin: true, name: 'Second', occupation: 'dev' });
      const third = await createUser(t.dataSource, { isAdmin: true, name: 'Third' });
      res = await t.http
        .get('/admins')
        .set('Authorization', await auth(second))
        .expect(200);
      expect(res.body.map((a: { id: number }) => a.id)).toEqual([admin.id, third.id]);
      expect(res.body[0]).toEqual({
        id: admin.id,
        username: admin.username,
        name: 'Ada Admin',
        slack_username: null,
        bio: 'root',
        location: null,
        occupation: null,
        organization: null,
        skills: 'ops',
      });
      expect(res.text).not.toMatch(/email|password|is_admin/);
    });
  });
});
