import { createRelation, createTestApp, createUser, TestApp } from '@app/testing';
import { MentorshipRelation } from '../src/mentorship/relation.entity';
import { RelationState } from '../src/mentorship/relation-state';
import { TaskComment } from '../src/tasks/task-comment.entity';
import { User } from '../src/users/user.entity';

const NOT_INVOLVED = 'You are not involved in this mentorship relation.';

describe('Task comments (API.md §6)', () => {
  let t: TestApp;
  let mentor: User;
  let mentee: User;
  let outsider: User;
  let unverified: User;
  let relation: MentorshipRelation;

  beforeAll(async () => {
    t = await createTestApp();
    mentor = await createUser(t.dataSource);
    mentee = await createUser(t.dataSource);
    outsider = await createUser(t.dataSource);
    unverified = await createUser(t.dataSource, { isEmailVerified: false });
    relation = await createRelation(t.dataSource, { mentor, mentee, state: RelationState.ACCEPTED });
    for (const description of ['one', 'two']) {
      await t.http
        .post(`/mentorship_relation/${relation.id}/task`)
        .set('Authorization', await t.bearer(mentee))
        .send({ description })
        .expect(201);
    }
  });

  afterAll(async () => {
    await t.close();
  });

  const base = (rid: number, tid: number) => `/mentorship_relation/${rid}/task/${tid}`;
  const send = async (
    method: 'post' | 'put' | 'get' | 'delete',
    path: string,
    caller: User,
    body?: unknown,
  ) => {
    const req = t.http[method](path).set('Authorization', await t.bearer(caller));
    return body === undefined ? req : req.send(body as object);
  };
  const expectAnswer = (res: { status: number; body: unknown }, status: number, message: string) =>
    expect({ status: res.status, body: res.body }).toEqual({ status, body: { message } });

  /** Checks a–e of §6.1 for one endpoint. */
  async function relationAndTaskChecks(
    method: 'post' | 'put' | 'get' | 'delete',
    suffix: string,
    body?: unknown,
  ) {
    expectAnswer(
      await send(method, base(relation.id, 1) + suffix, unverified, body),
      403,
      'Please verify your email before login.',
    );
    expectAnswer(
      await send(method, base(999_999, 1) + suffix, mentor, body),
      404,
      'Mentorship relation does not exist.',
    );
    expectAnswer(await send(method, base(relation.id, 99) + suffix, outsider, body), 401, NOT_INVOLVED);
    const cancelled = await createRelation(t.dataSource, { mentor, mentee, state: RelationState.CANCELLED });
    expectAnswer(
      await send(method, base(cancelled.id, 99) + suffix, mentor, body),
      403,
      'This mentorship relation status is not in the accepted state.',
    );
    expectAnswer(
      await send(method, base(relation.id, 99) + suffix, mentor, body),
      404,
      'Task does not exist.',
    );
  }

  async function bodyChecks(method: 'post' | 'put', path: string) {
    // Body checks come before gate G and every relation check.
    expectAnswer(await send(method, path, unverified, {}), 400, 'Comment field is missing.');
    expectAnswer(
      await send(method, path, unverified, { comment: 5 }),
      400,
      'Comment must be in string format.',
    );
    expectAnswer(
      await send(method, path, outsider, { comment: 'x'.repeat(401) }),
      400,
      'The comment field has to be shorter than 401 characters.',
    );
    expectAnswer(
      await send(method, path, outsider, { comment: `x${' '.repeat(16_000)}` }),
      400,
      'The comment field has to be shorter than 16001 characters.',
    );
  }

  describe('create', () => {
    it('runs the body checks first, then a–e', async () => {
      await bodyChecks('post', `${base(999_999, 1)}/comment`);
      await relationAndTaskChecks('post', '/comment', { comment: 'hi' });
    });

    it('stores the text as sent, whitespace included', async () => {
      const text = `  ${'a b '.repeat(200)}`;
      expectAnswer(
        await send('post', `${base(relation.id, 1)}/comment`, mentee, { comment: text }),
        201,
        'Task comment was created successfully.',
      );
      expectAnswer(
        await send('post', `${base(relation.id, 1)}/comment`, mentor, { comment: '' }),
        201,
        'Task comment was created successfully.',
      );
      const res = await send('get', `${base(relation.id, 1)}/comments/`, mentor);
      expect(res.status).toBe(200);
      expect(res.body).toHaveLength(2);
      expect(res.body[0]).toEqual({
        id: expect.any(Number),
        user_id: mentee.id,
        task_id: 1,
        relation_id: relation.id,
        creation_date: expect.any(Number),
        modification_date: null,
        comment: text,
      });
      expect(res.body[1].id).toBeGreaterThan(res.body[0].id);
      expect(res.text).toMatch(/"creation_date":\d+\.0,"modification_date":null/);
    });
  });

  describe('list', () => {
    it('checks a–e and answers with and without a trailing slash', async () => {
      await relationAndTaskChecks('get', '/comments');
      const res = await send('get', `${base(relation.id, 2)}/comments`, mentee);
      expect(res.status).toBe(200);
      expect(res.body).toEqual([]);
    });
  });

  describe('modify and delete', () => {
    let commentId: number;
    let onTaskTwo: number;

    beforeAll(async () => {
      await send('post', `${base(relation.id, 1)}/comment`, mentee, { comment: 'mine' });
      await send('post', `${base(relation.id, 2)}/comment`, mentee, { comment: 'on two' });
      const comments = await t.dataSource.getRepository(TaskComment).find({ order: { id: 'DESC' }, take: 2 });
      [onTaskTwo, commentId] = comments.map((c) => c.id);
    });

    it('modify: body checks, a–e, then f, g, h', async () => {
      await bodyChecks('put', `${base(999_999, 1)}/comment/${commentId}`);
      await relationAndTaskChecks('put', `/comment/${commentId}`, { comment: 'x' });
      const put = (caller: User, tid: number, cid: number) =>
        send('put', `${base(relation.id, tid)}/comment/${cid}`, caller, { comment: 'edited' });
      expectAnswer(await put(mentee, 1, 999_999), 404, 'Task comment does not exist.');
      expectAnswer(
        await put(mentor, 2, commentId),
        403,
        'You have not created the comment and therefore cannot modify it.',
      );
      expectAnswer(await put(mentee, 2, commentId), 404, 'Task comment with given task id does not exist.');
      expectAnswer(await put(mentee, 1, commentId), 200, 'Task comment was updated successfully.');
      const stored = await t.dataSource.getRepository(TaskComment).findOneByOrFail({ id: commentId });
      expect(stored.comment).toBe('edited');
      expect(stored.modificationDate).not.toBeNull();
    });

    it('delete: a–e, then f, g, h', async () => {
      await relationAndTaskChecks('delete', `/comment/${onTaskTwo}`);
      const del = (caller: User, tid: number, cid: number) =>
        send('delete', `${base(relation.id, tid)}/comment/${cid}`, caller);
      expectAnswer(await del(mentee, 2, 999_999), 404, 'Task comment does not exist.');
      expectAnswer(
        await del(mentor, 1, onTaskTwo),
        403,
        'You have not created the comment and therefore cannot delete it.',
      );
      expectAnswer(await del(mentee, 1, onTaskTwo), 404, 'Task comment with given task id does not exist.');
      expectAnswer(await del(mentee, 2, onTaskTwo), 200, 'Task comment was deleted successfully.');
      expectAnswer(await del(mentee, 2, onTaskTwo), 404, 'Task comment does not exist.');
    });
  });
});
