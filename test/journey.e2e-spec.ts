import { createTestApp, TestApp } from '@app/testing';
import { CompleteRelationsJob } from '../src/mentorship/complete-relations.job';

const WEEK = 7 * 86_400;

/**
 * The whole product as two mobile users live it, through HTTP only (plus the clock and the
 * nightly job): register, confirm by the emailed link, request, accept, work on tasks, finish.
 */
describe('Journey: from registration to a completed mentorship', () => {
  let t: TestApp;
  const bearer = new Map<string, string>();
  const ids = new Map<string, number>();

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  const as = (who: string) => ({ Authorization: `Bearer ${bearer.get(who)}` });
  const login = async (who: string) => {
    const res = await t.http.post('/login').send({ username: who, password: 'correct-horse-1' }).expect(200);
    bearer.set(who, res.body.access_token);
  };
  const home = async (who: string) => (await t.http.get('/home').set(as(who)).expect(200)).body;
  const dashboard = async (who: string) => (await t.http.get('/dashboard').set(as(who)).expect(200)).body;

  it('registers two people who confirm their email through the link they receive', async () => {
    for (const [username, name, flags] of [
      ['ada_l', 'Ada Lovelace', { need_mentoring: true }],
      ['grace_h', 'Grace Hopper', { available_to_mentor: true }],
    ] as const) {
      await t.http
        .post('/register')
        .send({
          name,
          username,
          email: `${username}@example.com`,
          password: 'correct-horse-1',
          terms_and_conditions_checked: true,
          ...flags,
        })
        .expect(201);
      await t.mail.waitForCount(t.mail.messages.length + 1);
      const [email] = t.mail.to(`${username}@example.com`);
      expect(email.subject).toBe('Mentorship System - Please confirm your email');
      const link = /href="([^"]+)"/.exec(email.html)?.[1] ?? '';
      expect(link.startsWith('http://mentorship.test/user/confirm_email/')).toBe(true);
      const unconfirmed = await t.http
        .post('/login')
        .send({ username, password: 'correct-horse-1' })
        .expect(403);
      expect(unconfirmed.body).toEqual({ message: 'Please verify your email before login.' });
      const confirmed = await t.http.get(new URL(link).pathname).expect(200);
      expect(confirmed.body).toEqual({ message: 'You have confirmed your account. Thanks!' });
      await login(username);
      ids.set(username, (await t.http.get('/user').set(as(username)).expect(200)).body.id);
    }
    expect(await home('ada_l')).toEqual({
      name: 'Ada Lovelace',
      pending_requests: 0,
      accepted_requests: 0,
      rejected_requests: 0,
      completed_relations: 0,
      cancelled_relations: 0,
      achievements: [],
    });
  });

  it('lets the mentee find the mentor and send a request, which mails the mentor', async () => {
    const members = await t.http.get('/users/verified?search=grace').set(as('ada_l')).expect(200);
    expect(members.body).toEqual([expect.objectContaining({ id: ids.get('grace_h'), is_available: true })]);
    t.mail.clear();
    const res = await t.http
      .post('/mentorship_relation/send_request')
      .set(as('ada_l'))
      .send({
        mentor_id: ids.get('grace_h'),
        mentee_id: ids.get('ada_l'),
        end_date: Math.floor(t.clock.nowSeconds()) + 8 * WEEK,
        notes: 'Teach me compilers',
      })
      .expect(201);
    expect(res.body).toEqual({ message: 'Mentorship relation was sent successfully.' });
    await t.mail.waitForCount(1);
    expect(t.mail.to('grace_h@example.com')[0].subject).toBe(
      'Mentorship System - You have got new relation request',
    );

    const pending = await t.http.get('/mentorship_relations/pending').set(as('grace_h')).expect(200);
    expect(pending.body).toHaveLength(1);
    expect(pending.body[0]).toMatchObject({ sent_by_me: false, state: 1, notes: 'Teach me compilers' });
    expect(pending.text).toMatch(/"end_date":\d+\.0/);
    ids.set('relation', pending.body[0].id);
    expect((await home('grace_h')).pending_requests).toBe(1);
    expect((await dashboard('grace_h')).as_mentor.received.pending).toEqual([
      expect.objectContaining({
        id: ids.get('relation'),
        mentee: expect.objectContaining({ user_name: 'Ada Lovelace' }),
      }),
    ]);
  });

  it('lets the mentor accept, which mails the mentee, and both now share one current relation', async () => {
    t.mail.clear();
    const res = await t.http
      .put(`/mentorship_relation/${ids.get('relation')}/accept`)
      .set(as('grace_h'))
      .expect(200);
    expect(res.body).toEqual({ message: 'Mentorship relation was accepted successfully.' });
    await t.mail.waitForCount(1);
    expect(t.mail.to('ada_l@example.com')[0].subject).toBe('Mentorship relation accepted!');
    for (const who of ['ada_l', 'grace_h']) {
      const current = await t.http.get('/mentorship_relations/current').set(as(who)).expect(200);
      expect(current.body).toMatchObject({ id: ids.get('relation'), state: 2 });
      expect((await home(who)).accepted_requests).toBe(1);
    }
    const dash = await dashboard('ada_l');
    expect(dash.as_mentee.sent.accepted).toHaveLength(1);
    expect(dash.tasks_todo).toEqual([]);
    expect(dash.tasks_done).toEqual([]);
  });

  it('lets them add, complete and discuss tasks, and shows progress on home and dashboard', async () => {
    const relation = ids.get('relation');
    for (const description of ['Read the dragon book', 'Write a parser']) {
      await t.http
        .post(`/mentorship_relation/${relation}/task`)
        .set(as('ada_l'))
        .send({ description })
        .expect(201);
    }
    await t.http.put(`/mentorship_relation/${relation}/task/1/complete`).set(as('grace_h')).expect(200);
    await t.http
      .post(`/mentorship_relation/${relation}/task/1/comment`)
      .set(as('grace_h'))
      .send({ comment: 'Well done!' })
      .expect(201);
    const comments = await t.http
      .get(`/mentorship_relation/${relation}/task/1/comments/`)
      .set(as('ada_l'))
      .expect(200);
    expect(comments.body).toEqual([
      expect.objectContaining({ comment: 'Well done!', user_id: ids.get('grace_h') }),
    ]);

    const tasks = await t.http.get(`/mentorship_relation/${relation}/tasks`).set(as('grace_h')).expect(200);
    expect(tasks.body.map((task: { id: number; is_done: boolean }) => [task.id, task.is_done])).toEqual([
      [1, true],
      [2, false],
    ]);
    const dash = await dashboard('ada_l');
    expect(dash.tasks_done.map((task: { id: number }) => task.id)).toEqual([1]);
    expect(dash.tasks_todo.map((task: { id: number }) => task.id)).toEqual([2]);
    const achievements = (await home('ada_l')).achievements;
    expect(achievements).toEqual([
      expect.objectContaining({ id: 1, description: 'Read the dragon book', is_done: true }),
    ]);
  });

  it('completes the relation with the nightly job once its end date has passed', async () => {
    t.clock.advance(8 * WEEK + 3600);
    expect(await t.app.get(CompleteRelationsJob).run()).toBe(1);
    await login('ada_l');
    await login('grace_h');
    const current = await t.http.get('/mentorship_relations/current').set(as('ada_l')).expect(200);
    expect(current.body).toEqual({ message: 'You are not in a current mentorship relation.' });
    const past = await t.http.get('/mentorship_relations/past').set(as('grace_h')).expect(200);
    expect(past.body).toEqual([expect.objectContaining({ id: ids.get('relation'), state: 5 })]);
    const stats = await home('ada_l');
    expect(stats).toMatchObject({ accepted_requests: 0, completed_relations: 1 });
    expect(stats.achievements).toHaveLength(1);
    const dash = await dashboard('grace_h');
    expect(dash.as_mentor.received.completed).toHaveLength(1);
    expect(dash).not.toHaveProperty('tasks_todo');
    expect(dash).not.toHaveProperty('tasks_done');
  });
});
