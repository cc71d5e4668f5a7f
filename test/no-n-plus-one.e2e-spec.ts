import { Logger, QueryRunner } from 'typeorm';
import { createRelation, createTestApp, createUser, TestApp } from '@app/testing';
import { MentorshipRelation } from '../src/mentorship/relation.entity';
import { RelationState } from '../src/mentorship/relation-state';
import { TaskComment } from '../src/tasks/task-comment.entity';
import { Task } from '../src/tasks/task.entity';
import { User } from '../src/users/user.entity';

/**
 * Issue 7: every list endpoint costs the same number of SQL statements whether it returns one
 * item or fifty. The DataSource's logger is wrapped so each `logQuery` during ONE request is
 * counted; a per-item query (N+1) would make the two counts differ.
 */
const { PENDING, ACCEPTED, REJECTED, CANCELLED, COMPLETED } = RelationState;
const DAY = 86_400;
const LARGE = 50;

describe('No N+1: one request costs the same statements at 1 item and at 50', () => {
  let t: TestApp;
  let counting = false;
  let statements: string[] = [];
  let small: User;
  let large: User;
  let smallRelation: MentorshipRelation;
  let largeRelation: MentorshipRelation;

  const now = () => Date.now() / 1000;

  /** Statements TypeORM sent while `path` was served, and the response. */
  async function measure(user: User, path: string): Promise<{ count: number; body: unknown; sql: string[] }> {
    const token = await t.token(user.id);
    statements = [];
    counting = true;
    const response = await t.http.get(path).set('Authorization', `Bearer ${token}`);
    counting = false;
    expect(response.status).toBe(200);
    return { count: statements.length, body: response.body as unknown, sql: statements };
  }

  async function addTasks(relation: MentorshipRelation, count: number, done: (i: number) => boolean) {
    const created = new Date(Math.floor(now() - DAY) * 1000);
    await t.dataSource.getRepository(Task).insert(
      Array.from({ length: count }, (_, i) => ({
        relationId: relation.id,
        id: i + 1,
        description: `task ${i + 1}`,
        isDone: done(i),
        createdAt: created,
        completedAt: done(i) ? created : null,
      })),
    );
    await t.dataSource.getRepository(MentorshipRelation).update({ id: relation.id }, { lastTaskId: count });
  }

  async function addComments(relation: MentorshipRelation, author: User, count: number) {
    await t.dataSource.getRepository(TaskComment).insert(
      Array.from({ length: count }, (_, i) => ({
        userId: author.id,
        taskId: 1,
        relationId: relation.id,
        creationDate: new Date(Math.floor(now()) * 1000),
        modificationDate: null,
        comment: `comment ${i + 1}`,
      })),
    );
  }

  beforeAll(async () => {
    // The outbox sender polls on a timer; keep it out of the counted window.
    t = await createTestApp({ configure: (config) => (config.mail.pollIntervalMs = 3_600_000) });
    const inner = t.dataSource.logger;
    const counter: Logger = {
      logQuery: (query: string, parameters?: unknown[], runner?: QueryRunner) => {
        if (counting) statements.push(query);
        return inner.logQuery(query, parameters, runner);
      },
      logQueryError: (...args) => inner.logQueryError(...args),
      logQuerySlow: (...args) => inner.logQuerySlow(...args),
      logSchemaBuild: (...args) => inner.logSchemaBuild(...args),
      logMigration: (...args) => inner.logMigration(...args),
      log: (...args) => inner.log(...args),
    };
    (t.dataSource as { logger: Logger }).logger = counter;

    const past = now() - 7 * DAY;
    const future = now() + 30 * DAY;
    const others = await Promise.all(
      Array.from({ length: 2 * LARGE }, (_, i) => createUser(t.dataSource, { name: `Np Member ${i}` })),
    );
    small = await createUser(t.dataSource, { name: 'Np Small' });
    large = await createUser(t.dataSource, { name: 'Np Large' });

    // Small caller: one current relation (already past its end date, so it is also "past")
    // with one done task carrying one comment, and one pending request.
    smallRelation = await createRelation(t.dataSource, {
      mentor: small,
      mentee: others[0],
      state: ACCEPTED,
      endDate: past,
    });
    await addTasks(smallRelation, 1, () => true);
    await addComments(smallRelation, small, 1);
    await createRelation(t.dataSource, { mentor: others[1], mentee: small, state: PENDING, endDate: future });

    // Large caller: fifty relations with fifty different counterparts, in every role and
    // state, each with a done task; the current one has fifty tasks, its first fifty comments.
    largeRelation = await createRelation(t.dataSource, {
      mentor: large,
      mentee: others[LARGE],
      state: ACCEPTED,
      endDate: past,
    });
    await addTasks(largeRelation, LARGE, (i) => i % 2 === 0);
    await addComments(largeRelation, large, LARGE);
    // Half pending (so /pending lists 25), the rest ended (so /past lists 25), both roles.
    const ended = [REJECTED, CANCELLED, COMPLETED];
    for (let i = 1; i < LARGE; i += 1) {
      const state = i % 2 === 1 ? PENDING : ended[(i / 2) % ended.length];
      const other = others[LARGE + i];
      const asMentor = Math.floor(i / 2) % 2 === 0;
      const relation = await createRelation(t.dataSource, {
        mentor: asMentor ? large : other,
        mentee: asMentor ? other : large,
        sender: i % 3 === 0 ? large : other,
        state,
        endDate: state === PENDING ? future : past,
      });
      await addTasks(relation, 1, () => true);
    }
    // Half of the listed members are busy in a current relation: availability is per user.
    for (let i = 2; i < LARGE; i += 2) {
      await createRelation(t.dataSource, { mentor: others[i], mentee: others[i + 1], state: ACCEPTED });
    }
  });

  afterAll(async () => {
    await t.close();
  });

  /** The two requests return 1 (or a few) and 50 items and cost the same statements. */
  async function expectFlat(
    smallRequest: [User, string],
    largeRequest: [User, string],
    size: (body: unknown) => number = (body) => (body as unknown[]).length,
  ): Promise<void> {
    const one = await measure(...smallRequest);
    const many = await measure(...largeRequest);
    expect(size(one.body)).toBeLessThanOrEqual(2);
    expect(size(many.body)).toBeGreaterThanOrEqual(LARGE / 2);
    expect({ path: largeRequest[1], count: many.count, sql: many.sql }).toEqual({
      path: largeRequest[1],
      count: one.count,
      sql: expect.any(Array) as unknown,
    });
    expect(one.count).toBeGreaterThan(0);
    expect(many.count).toBeLessThanOrEqual(4);
  }

  it.each([
    ['/users?per_page=1', '/users?per_page=50'],
    ['/users/verified?per_page=1', '/users/verified?per_page=50'],
    ['/users?search=np%20member&per_page=1', '/users?search=np%20member&per_page=50'],
    ['/users/verified?search=MEMBER&page=2&per_page=1', '/users/verified?search=MEMBER&page=2&per_page=50'],
  ])('GET %s vs %s', async (one, many) => {
    await expectFlat([small, one], [small, many]);
  });

  it.each([
    ['/mentorship_relations'],
    ['/mentorship_relations/past'],
    ['/mentorship_relations/pending'],
    ['/mentorship_relations?relation_state=pending'],
  ])('GET %s with 1 vs 50 relations', async (path) => {
    await expectFlat([small, path], [large, path]);
  });

  it('GET /home with 1 vs 50 relations (every one with a done task)', async () => {
    const counters = (body: unknown) => {
      const home = body as Record<string, number>;
      const keys = ['pending_requests', 'accepted_requests', 'rejected_requests', 'completed_relations'];
      return [...keys, 'cancelled_relations'].reduce((sum, key) => sum + home[key], 0);
    };
    await expectFlat([small, '/home'], [large, '/home'], counters);
  });

  it('GET /dashboard with 1 vs 50 relations and 1 vs 50 tasks', async () => {
    const size = (body: unknown) => {
      const dashboard = body as { tasks_todo: unknown[]; tasks_done: unknown[] };
      return dashboard.tasks_todo.length + dashboard.tasks_done.length;
    };
    await expectFlat([small, '/dashboard'], [large, '/dashboard'], size);
  });

  it('GET /mentorship_relation/{id}/tasks with 1 vs 50 tasks', async () => {
    await expectFlat(
      [small, `/mentorship_relation/${smallRelation.id}/tasks`],
      [large, `/mentorship_relation/${largeRelation.id}/tasks`],
    );
  });

  it('GET /mentorship_relation/{id}/task/{id}/comments with 1 vs 50 comments', async () => {
    await expectFlat(
      [small, `/mentorship_relation/${smallRelation.id}/task/1/comments`],
      [large, `/mentorship_relation/${largeRelation.id}/task/1/comments`],
    );
  });

  it('GET /admins with 1 vs 50 other admins', async () => {
    const admins = await Promise.all(Array.from({ length: LARGE }, () => createUser(t.dataSource)));
    const caller = admins[0];
    await t.dataSource.getRepository(User).update({ id: caller.id }, { isAdmin: true });
    await t.dataSource.getRepository(User).update({ id: admins[1].id }, { isAdmin: true });
    const one = await measure(caller, '/admins');
    await t.dataSource.getRepository(User).update(
      admins.slice(2).map((admin) => admin.id),
      { isAdmin: true },
    );
    const many = await measure(caller, '/admins');
    expect((one.body as unknown[]).length).toBe(1);
    expect((many.body as unknown[]).length).toBe(LARGE - 1);
    expect(one.count).toBeGreaterThan(0);
    expect(many.count).toBe(one.count);
  });
});
