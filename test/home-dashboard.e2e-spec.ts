import { createRelation, createTestApp, createUser, TestApp } from '@app/testing';
import { MentorshipRelation } from '../src/mentorship/relation.entity';
import { RelationState } from '../src/mentorship/relation-state';
import { Task } from '../src/tasks/task.entity';
import { User } from '../src/users/user.entity';

const { ACCEPTED, REJECTED, CANCELLED, COMPLETED } = RelationState;
const NOT_FOUND = { message: 'User not found.' };
const T0 = Date.UTC(2024, 0, 1) / 1000;

describe('GET /home and GET /dashboard (API.md §3.8, §3.9)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  const users = (n: number) => Promise.all(Array.from({ length: n }, () => createUser(t.dataSource)));
  const auth = (user: User | number) => t.bearer(user);

  async function addTask(relation: MentorshipRelation, id: number, completedAt: number | null) {
    await t.dataSource.getRepository(Task).insert({
      relationId: relation.id,
      id,
      description: `r${relation.id} task ${id}`,
      isDone: completedAt !== null,
      createdAt: new Date((T0 + id) * 1000),
      completedAt: completedAt === null ? null : new Date(completedAt * 1000),
    });
  }

  it('needs a token and answers a missing caller with 404 "User not found." (no gate)', async () => {
    await t.http.get('/home').expect(401, { message: 'The authorization token is missing!' });
    await t.http.get('/dashboard').expect(401, { message: 'The authorization token is missing!' });
    await t.http
      .get('/home')
      .set('Authorization', await auth(999_999))
      .expect(404, NOT_FOUND);
    await t.http
      .get('/dashboard')
      .set('Authorization', await auth(999_999))
      .expect(404, NOT_FOUND);
    const unverified = await createUser(t.dataSource, {
      isEmailVerified: false,
      emailVerificationDate: null,
    });
    await t.http
      .get('/home')
      .set('Authorization', await auth(unverified))
      .expect(200);
    await t.http
      .get('/dashboard')
      .set('Authorization', await auth(unverified))
      .expect(200);
  });

  it('shows zeros, no achievements and no task keys for a user without relations', async () => {
    const [user] = await users(1);
    const home = await t.http
      .get('/home')
      .set('Authorization', await auth(user))
      .expect(200);
    expect(home.body).toEqual({
      name: user.name,
      pending_requests: 0,
      accepted_requests: 0,
      rejected_requests: 0,
      completed_relations: 0,
      cancelled_relations: 0,
      achievements: [],
    });
    const dashboard = await t.http
      .get('/dashboard')
      .set('Authorization', await auth(user))
      .expect(200);
    const empty = { accepted: [], rejected: [], completed: [], cancelled: [], pending: [] };
    expect(dashboard.body).toEqual({
      as_mentor: { sent: empty, received: empty },
      as_mentee: { sent: empty, received: empty },
    });
  });

  it('counts relations by state and picks the achievements of §3.8', async () => {
    const [me, a, b, c, d, e] = await users(6);
    const expiredPending = await createRelation(t.dataSource, { mentor: me, mentee: a, endDate: T0 });
    await createRelation(t.dataSource, { mentor: b, mentee: me });
    const accepted = await createRelation(t.dataSource, { mentor: me, mentee: c, state: ACCEPTED });
    await createRelation(t.dataSource, { mentor: d, mentee: me, state: REJECTED });
    const doneAsMentee = await createRelation(t.dataSource, { mentor: e, mentee: me, state: COMPLETED });
    const doneAsMentor = await createRelation(t.dataSource, { mentor: me, mentee: e, state: COMPLETED });
    await createRelation(t.dataSource, { mentor: a, mentee: me, state: CANCELLED });
    await createRelation(t.dataSource, { mentor: a, mentee: b, state: ACCEPTED });
    // Position order: mentor relations (accepted, doneAsMentor), then mentee ones (doneAsMentee).
    await addTask(accepted, 1, T0 + 500);
    await addTask(accepted, 2, null);
    await addTask(accepted, 3, T0 + 100);
    await addTask(doneAsMentor, 1, T0 + 50);
    await addTask(doneAsMentee, 1, T0 + 300);
    await addTask(expiredPending, 1, null);

    const res = await t.http
      .get('/home')
      .set('Authorization', await auth(me))
      .expect(200);
    expect(res.body).toMatchObject({
      name: me.name,
      pending_requests: 2,
      accepted_requests: 1,
      rejected_requests: 1,
      completed_relations: 2,
      cancelled_relations: 1,
    });
    // Last three by position: accepted#3, doneAsMentor#1, doneAsMentee#1 → by completion, newest first.
    expect(res.body.achievements).toEqual([
      {
        id: 1,
        description: `r${doneAsMentee.id} task 1`,
        is_done: true,
        created_at: T0 + 1,
        completed_at: T0 + 300,
      },
      {
        id: 3,
        description: `r${accepted.id} task 3`,
        is_done: true,
        created_at: T0 + 3,
        completed_at: T0 + 100,
      },
      {
        id: 1,
        description: `r${doneAsMentor.id} task 1`,
        is_done: true,
        created_at: T0 + 1,
        completed_at: T0 + 50,
      },
    ]);
    expect(res.text).toContain(`"completed_at":${T0 + 300}.0`);
    expect(res.text).toContain(`"created_at":${T0 + 1}.0`);
  });

  it('buckets every relation, lists the current tasks, and renders deleted users as nulls', async () => {
    const [me, a, b, c] = await users(3 + 1);
    await t.dataSource.getRepository(User).update({ id: a.id }, { photoUrl: 'https://example.com/a.png' });
    const sentPending = await createRelation(t.dataSource, { mentor: me, mentee: a, sender: me });
    const sentPending2 = await createRelation(t.dataSource, {
      mentor: me,
      mentee: b,
      sender: me,
      endDate: T0,
    });
    const receivedAccepted = await createRelation(t.dataSource, {
      mentor: me,
      mentee: a,
      sender: a,
      state: ACCEPTED,
      endDate: T0 + 86400 * 60,
    });
    const menteeSentRejected = await createRelation(t.dataSource, {
      mentor: b,
      mentee: me,
      sender: me,
      state: REJECTED,
    });
    const menteeReceivedCompleted = await createRelation(t.dataSource, {
      mentor: c,
      mentee: me,
      sender: c,
      state: COMPLETED,
    });
    await addTask(receivedAccepted, 1, null);
    await addTask(receivedAccepted, 2, T0 + 10);
    await addTask(receivedAccepted, 3, null);
    await addTask(menteeReceivedCompleted, 1, null);
    // c deletes their account: the completed relation stays, with c's side null.
    await t.http
      .get('/user')
      .set('Authorization', await auth(c))
      .expect(200);
    await t.http
      .delete('/user')
      .set('Authorization', await t.bearer(c))
      .expect(200);

    const res = await t.http
      .get('/dashboard')
      .set('Authorization', await auth(me))
      .expect(200);
    const body = res.body;
    const ids = (list: { id: number }[]) => list.map((r) => r.id);
    expect(ids(body.as_mentor.sent.pending)).toEqual([sentPending.id, sentPending2.id]);
    expect(ids(body.as_mentor.received.accepted)).toEqual([receivedAccepted.id]);
    expect(ids(body.as_mentee.sent.rejected)).toEqual([menteeSentRejected.id]);
    expect(ids(body.as_mentee.received.completed)).toEqual([menteeReceivedCompleted.id]);
    const total = ['as_mentor', 'as_mentee']
      .flatMap((role) => ['sent', 'received'].map((dir) => body[role][dir]))
      .flatMap((buckets: Record<string, unknown[]>) => Object.values(buckets))
      .reduce((sum, list) => sum + list.length, 0);
    expect(total).toBe(5);

    expect(body.as_mentor.received.accepted[0]).toEqual({
      id: receivedAccepted.id,
      action_user_id: a.id,
      mentor: { id: me.id, user_name: me.name, photo_url: null },
      mentee: { id: a.id, user_name: a.name, photo_url: 'https://example.com/a.png' },
      creation_date: receivedAccepted.creationDate.getTime() / 1000,
      accept_date: null,
      start_date: null,
      end_date: T0 + 86400 * 60,
      state: ACCEPTED,
      notes: 'Please mentor me.',
    });
    expect(body.as_mentor.received.accepted[0].sent_by_me).toBeUndefined();
    expect(body.as_mentee.received.completed[0].mentor).toEqual({
      id: null,
      user_name: null,
      photo_url: null,
    });
    expect(res.text).toContain(`"end_date":${T0 + 86400 * 60}.0`);
    expect(res.text).toContain('"accept_date":null');

    expect(body.tasks_todo.map((task: { id: number }) => task.id)).toEqual([1, 3]);
    expect(body.tasks_done).toEqual([
      {
        id: 2,
        description: `r${receivedAccepted.id} task 2`,
        is_done: true,
        created_at: T0 + 2,
        completed_at: T0 + 10,
      },
    ]);
    expect(body.tasks_todo[0]).toEqual({
      id: 1,
      description: `r${receivedAccepted.id} task 1`,
      is_done: false,
      created_at: T0 + 1,
      completed_at: null,
    });
  });
});
