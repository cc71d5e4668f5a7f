import { createRelation, createTestApp, createUser, TestApp } from '@app/testing';
import { MentorshipRelation } from '../src/mentorship/relation.entity';
import { RelationState } from '../src/mentorship/relation-state';
import { User } from '../src/users/user.entity';

const NO_RELATION = 'Mentorship relation does not exist.';
const NOT_INVOLVED = 'You are not involved in this mentorship relation.';
const NO_TASK = 'Task does not exist.';

describe('Tasks (API.md §5)', () => {
  let t: TestApp;
  let mentor: User;
  let mentee: User;
  let outsider: User;
  let unverified: User;

  beforeAll(async () => {
    t = await createTestApp();
    mentor = await createUser(t.dataSource);
    mentee = await createUser(t.dataSource);
    outsider = await createUser(t.dataSource);
    unverified = await createUser(t.dataSource, { isEmailVerified: false });
  });

  afterAll(async () => {
    await t.close();
  });

  const as = (caller: User) => t.bearer(caller);
  const expectAnswer = (res: { status: number; body: unknown }, status: number, message: string) =>
    expect({ status: res.status, body: res.body }).toEqual({ status, body: { message } });
  const accepted = () => createRelation(t.dataSource, { mentor, mentee, state: RelationState.ACCEPTED });
  const create = async (relationId: number, caller: User, body: unknown = { description: 'Read a book' }) =>
    t.http
      .post(`/mentorship_relation/${relationId}/task`)
      .set('Authorization', await as(caller))
      .send(body as object);

  describe('create', () => {
    it('checks the body first, then G, 404, accepted state, then involvement (403)', async () => {
      const relation = await accepted();
      expectAnswer(await create(999_999, unverified, {}), 400, 'Description field is missing.');
      expectAnswer(await create(999_999, unverified, { description: 5 }), 400, 'Invalid input.');
      expectAnswer(
        await create(999_999, unverified, { description: 'x'.repeat(16_001) }),
        400,
        'The description field has to be shorter than 16001 characters.',
      );
      expectAnswer(await create(relation.id, unverified), 403, 'Please verify your email before login.');
      expectAnswer(await create(999_999, outsider), 404, NO_RELATION);
      const pending = await createRelation(t.dataSource, { mentor, mentee });
      expectAnswer(
        await create(pending.id, outsider),
        403,
        'This mentorship relation status is not in the accepted state.',
      );
      expectAnswer(await create(relation.id, outsider), 403, NOT_INVOLVED);
    });

    it('numbers tasks per relation from 1, never reusing an id', async () => {
      const relation = await accepted();
      expectAnswer(await create(relation.id, mentee), 201, 'Task was created successfully.');
      expectAnswer(
        await create(relation.id, mentor, { description: 'Second' }),
        201,
        'Task was created successfully.',
      );
      const del = await t.http
        .delete(`/mentorship_relation/${relation.id}/task/2`)
        .set('Authorization', await as(mentor));
      expectAnswer(del, 200, 'Task was deleted successfully.');
      await create(relation.id, mentee, { description: 'Third' });
      const res = await t.http
        .get(`/mentorship_relation/${relation.id}/tasks`)
        .set('Authorization', await as(mentee));
      expect(res.status).toBe(200);
      expect(res.body.map((task: { id: number }) => task.id)).toEqual([1, 3]);
      expect(res.body[0]).toEqual({
        id: 1,
        description: 'Read a book',
        is_done: false,
        created_at: expect.any(Number),
        completed_at: null,
      });
      expect(res.text).toMatch(/"created_at":\d+\.0,"completed_at":null/);
      const other = await accepted();
      await create(other.id, mentee);
      const otherTasks = await t.http
        .get(`/mentorship_relation/${other.id}/tasks`)
        .set('Authorization', await as(mentor));
      expect(otherTasks.body.map((task: { id: number }) => task.id)).toEqual([1]);
    });

    it('gives concurrent creates distinct ids', async () => {
      const relation = await accepted();
      const results = await Promise.all(Array.from({ length: 6 }, () => create(relation.id, mentee)));
      expect(results.map((res) => res.status)).toEqual(Array(6).fill(201));
      const stored = await t.dataSource
        .getRepository(MentorshipRelation)
        .findOneByOrFail({ id: relation.id });
      expect(stored.lastTaskId).toBe(6);
    });
  });

  describe('list', () => {
    it('checks G, 404, then involvement with 401; lists in any state', async () => {
      const relation = await createRelation(t.dataSource, { mentor, mentee, state: RelationState.COMPLETED });
      const get = async (id: number, caller: User) =>
        t.http.get(`/mentorship_relation/${id}/tasks`).set('Authorization', await as(caller));
      expectAnswer(await get(relation.id, unverified), 403, 'Please verify your email before login.');
      expectAnswer(await get(999_999, mentor), 404, NO_RELATION);
      expectAnswer(await get(relation.id, outsider), 401, NOT_INVOLVED);
      const res = await get(relation.id, mentor);
      expect(res.status).toBe(200);
      expect(res.body).toEqual([]);
    });
  });

  describe('delete', () => {
    it('checks G, 404 relation, 404 task, then involvement (401)', async () => {
      const relation = await accepted();
      await create(relation.id, mentee);
      const del = async (rid: number, tid: number | string, caller: User) =>
        t.http.delete(`/mentorship_relation/${rid}/task/${tid}`).set('Authorization', await as(caller));
      expectAnswer(await del(relation.id, 1, unverified), 403, 'Please verify your email before login.');
      expectAnswer(await del(999_999, 1, outsider), 404, NO_RELATION);
      // Task existence comes before involvement here.
      expectAnswer(await del(relation.id, 9, outsider), 404, NO_TASK);
      expectAnswer(await del(relation.id, 1, outsider), 401, NOT_INVOLVED);
      expect((await del(relation.id, 'x', mentee)).status).toBe(404);
      // No relation-state check.
      await t.dataSource
        .getRepository(MentorshipRelation)
        .update(relation.id, { state: RelationState.CANCELLED });
      expectAnswer(await del(relation.id, 1, mentee), 200, 'Task was deleted successfully.');
      expectAnswer(await del(relation.id, 1, mentee), 404, NO_TASK);
    });
  });

  describe('complete', () => {
    it('checks G, 404 relation, involvement (401) before the task, then 409 once done', async () => {
      const relation = await accepted();
      await create(relation.id, mentee);
      const put = async (rid: number, tid: number, caller: User) =>
        t.http.put(`/mentorship_relation/${rid}/task/${tid}/complete`).set('Authorization', await as(caller));
      expectAnswer(await put(relation.id, 1, unverified), 403, 'Please verify your email before login.');
      expectAnswer(await put(999_999, 1, mentor), 404, NO_RELATION);
      // Involvement comes before task existence here.
      expectAnswer(await put(relation.id, 9, outsider), 401, NOT_INVOLVED);
      expectAnswer(await put(relation.id, 9, mentor), 404, NO_TASK);
      expectAnswer(await put(relation.id, 1, mentor), 200, 'Task was achieved successfully.');
      expectAnswer(await put(relation.id, 1, mentee), 409, 'Task was already achieved.');
      const res = await t.http
        .get(`/mentorship_relation/${relation.id}/tasks`)
        .set('Authorization', await as(mentee));
      expect(res.body[0].is_done).toBe(true);
      expect(res.text).toMatch(/"completed_at":\d+\.0/);
    });
  });
});
