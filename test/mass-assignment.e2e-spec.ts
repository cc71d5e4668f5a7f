import { createRelation, createTestApp, createUser, DEFAULT_PASSWORD, TestApp } from '@app/testing';
import { MentorshipRelation } from '../src/mentorship/relation.entity';
import { RelationState } from '../src/mentorship/relation-state';
import { TaskComment } from '../src/tasks/task-comment.entity';
import { User } from '../src/users/user.entity';
import { leaks } from './fixtures/leaks';

/**
 * No request can set server-owned fields (is_admin, is_email_verified, ids, dates, authorship)
 * or touch another user's data (issue 8, item 4). API.md: "Fields not listed are ignored."
 * Leaks on every route are checked by the authorization matrix and the fuzz spec.
 */
describe('Mass assignment', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  const users = () => t.dataSource.getRepository(User);
  const auth = (user: User) => t.bearer(user);
  const SERVER_OWNED = {
    id: 999_999,
    is_admin: true,
    isAdmin: true,
    is_email_verified: true,
    isEmailVerified: true,
    email_verification_date: '2020-01-01T00:00:00',
    registration_date: 1.0,
    password_hash: '$2b$04$abcdefghijklmnopqrstuuMZ0h2x8Y5m1VbB1Jc2Z0p4rQn0sE6i',
    passwordHash: '$2b$04$abcdefghijklmnopqrstuuMZ0h2x8Y5m1VbB1Jc2Z0p4rQn0sE6i',
    current_mentorship_role: 2,
    membership_status: 1,
  };

  it('POST /register ignores server-owned fields, also through prototype keys', async () => {
    await createUser(t.dataSource); // so the new user is not "the first user ever" (admin)
    const res = await t.http
      .post('/register')
      .set('Content-Type', 'application/json')
      .send(
        JSON.stringify({
          ...SERVER_OWNED,
          name: 'Mass Assigner',
          username: 'mass_assigner',
          password: 'secret123',
          email: 'mass@example.com',
          terms_and_conditions_checked: true,
          constructor: { prototype: { isAdmin: true } },
        }).replace('{', '{"__proto__":{"isAdmin":true,"isEmailVerified":true},'),
      )
      .expect(201);
    expect(leaks(res)).toEqual([]);
    const user = await users().findOneByOrFail({ username: 'mass_assigner' });
    expect(user.id).not.toBe(999_999);
    expect(user).toMatchObject({ isAdmin: false, isEmailVerified: false, emailVerificationDate: null });
    expect(user.passwordHash).not.toBe(SERVER_OWNED.passwordHash);
    expect(Math.abs(user.registrationDate.getTime() / 1000 - t.clock.nowSeconds())).toBeLessThan(60);
    // Unverified, so no login (and no token) despite is_email_verified: true in the body.
    await t.http.post('/login').send({ username: 'mass_assigner', password: 'secret123' }).expect(403);
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  it("PUT /user changes only the caller's own profile fields", async () => {
    const caller = await createUser(t.dataSource, { name: 'Caller' });
    const victim = await createUser(t.dataSource, { name: 'Victim' });
    await t.http
      .put('/user')
      .set('Authorization', await auth(caller))
      .send({
        ...SERVER_OWNED,
        id: victim.id,
        user_id: victim.id,
        email: victim.email,
        password: 'new-password-1',
        name: 'Renamed',
        username_key: 'x',
      })
      .expect(200, { message: 'User was updated successfully.' });
    const after = await users().findOneByOrFail({ id: caller.id });
    expect(after).toMatchObject({
      name: 'Renamed',
      email: caller.email,
      isAdmin: false,
      isEmailVerified: true,
      passwordHash: caller.passwordHash,
      usernameKey: caller.usernameKey,
    });
    expect(await users().findOneByOrFail({ id: victim.id })).toMatchObject({
      name: 'Victim',
      email: victim.email,
      passwordHash: victim.passwordHash,
    });
    await t.http.post('/login').send({ username: caller.username, password: DEFAULT_PASSWORD }).expect(200);
    const me = await t.http
      .get('/user')
      .set('Authorization', await auth(caller))
      .expect(200);
    expect(me.body).toMatchObject({ id: caller.id, is_admin: false, current_mentorship_role: null });
    expect(leaks(me)).toEqual([]);
  });

  it('PUT /user/change_password changes the caller only', async () => {
    const caller = await createUser(t.dataSource);
    const victim = await createUser(t.dataSource);
    await t.http
      .put('/user/change_password')
      .set('Authorization', await auth(caller))
      .send({
        current_password: DEFAULT_PASSWORD,
        new_password: 'brand-new-1',
        user_id: victim.id,
        id: victim.id,
      })
      .expect(201);
    await t.http.post('/login').send({ username: victim.username, password: DEFAULT_PASSWORD }).expect(200);
  });

  it('send_request ignores state, sender, dates and ids in the body', async () => {
    const mentee = await createUser(t.dataSource);
    const mentor = await createUser(t.dataSource);
    await t.http
      .post('/mentorship_relation/send_request')
      .set('Authorization', await auth(mentee))
      .send({
        mentor_id: mentor.id,
        mentee_id: mentee.id,
        end_date: t.clock.nowSeconds() + 8 * 7 * 86_400,
        notes: 'hi',
        id: 999_999,
        state: RelationState.ACCEPTED,
        action_user_id: mentor.id,
        accept_date: 1.0,
        start_date: 1.0,
        creation_date: 1.0,
        sent_by_me: false,
      })
      .expect(201);
    const [relation] = await t.dataSource.getRepository(MentorshipRelation).findBy({ menteeId: mentee.id });
    expect(relation.id).not.toBe(999_999);
    expect(relation).toMatchObject({
      state: RelationState.PENDING,
      actionUserId: mentee.id,
      acceptDate: null,
      startDate: null,
    });
    expect(Math.abs(relation.creationDate.getTime() / 1000 - t.clock.nowSeconds())).toBeLessThan(60);
  });

  it('tasks and comments: no done flag, ids or authorship from the body', async () => {
    const mentee = await createUser(t.dataSource);
    const mentor = await createUser(t.dataSource);
    const relation = await createRelation(t.dataSource, {
      mentor,
      mentee,
      state: RelationState.ACCEPTED,
    });
    const base = `/mentorship_relation/${relation.id}`;
    await t.http
      .post(`${base}/task`)
      .set('Authorization', await auth(mentee))
      .send({ description: 'x', id: 50, is_done: true, completed_at: 1.0, created_at: 1.0 })
      .expect(201);
    const tasks = await t.http
      .get(`${base}/tasks`)
      .set('Authorization', await auth(mentee))
      .expect(200);
    expect(tasks.body).toEqual([expect.objectContaining({ id: 1, is_done: false, completed_at: null })]);
    expect(tasks.body[0].created_at).toBeGreaterThan(1_000_000);

    await t.http
      .post(`${base}/task/1/comment`)
      .set('Authorization', await auth(mentee))
      .send({ comment: 'mine', user_id: mentor.id, id: 77, relation_id: 1, task_id: 9, creation_date: 1.0 })
      .expect(201);
    const comments = t.dataSource.getRepository(TaskComment);
    const [comment] = await comments.findBy({ relationId: relation.id });
    expect(comment).toMatchObject({ userId: mentee.id, taskId: 1, relationId: relation.id });
    // The other participant cannot take the comment over by naming themselves or the author.
    await t.http
      .put(`${base}/task/1/comment/${comment.id}`)
      .set('Authorization', await auth(mentor))
      .send({ comment: 'hijacked', user_id: mentee.id })
      .expect(403);
    await t.http
      .put(`${base}/task/1/comment/${comment.id}`)
      .set('Authorization', await auth(mentee))
      .send({ comment: 'edited', user_id: mentor.id, modification_date: 1.0 })
      .expect(200);
    expect(await comments.findOneByOrFail({ id: comment.id })).toMatchObject({
      userId: mentee.id,
      comment: 'edited',
    });
  });
});
