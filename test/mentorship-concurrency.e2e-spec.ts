import { createRelation, createTestApp, createUser, TestApp } from '@app/testing';
import { CompleteRelationsJob } from '../src/mentorship/complete-relations.job';
import { MentorshipRelation } from '../src/mentorship/relation.entity';
import { RelationState } from '../src/mentorship/relation-state';
import { User } from '../src/users/user.entity';

const DAY = 86_400;

describe('Relation invariants under concurrency, and the completion job (RUNTIME.md, API.md §8.1)', () => {
  let t: TestApp;
  let t2: TestApp | null = null;

  beforeAll(async () => {
    t = await createTestApp();
    if (t.database.kind === 'mysql') t2 = await createTestApp({ database: t.database, smtp: t.mail });
  });

  afterAll(async () => {
    await t2?.close();
    await t.close();
  });

  const acceptedCountOf = (user: User) =>
    t.dataSource.getRepository(MentorshipRelation).count({
      where: [
        { mentorId: user.id, state: RelationState.ACCEPTED },
        { menteeId: user.id, state: RelationState.ACCEPTED },
      ],
    });

  /** N pending requests to one mentor from different mentees, each accepted by the mentor at once. */
  async function racingAccepts(apps: TestApp[], mentees = 8) {
    const mentor = await createUser(t.dataSource);
    const requests: MentorshipRelation[] = [];
    for (let i = 0; i < mentees; i++) {
      const mentee = await createUser(t.dataSource);
      requests.push(await createRelation(t.dataSource, { mentor, mentee, sender: mentee }));
    }
    const token = await t.token(mentor.id);
    const responses = await Promise.all(
      requests.map((relation, i) =>
        apps[i % apps.length].http
          .put(`/mentorship_relation/${relation.id}/accept`)
          .set('Authorization', `Bearer ${token}`),
      ),
    );
    return { mentor, statuses: responses.map((res) => res.status), bodies: responses.map((res) => res.body) };
  }

  it('accepts exactly one of many simultaneous accepts by the same user', async () => {
    const { mentor, statuses, bodies } = await racingAccepts([t]);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 403)).toHaveLength(statuses.length - 1);
    expect(
      bodies.filter((b) => b.message === 'You are currently involved in a mentorship relation.'),
    ).toHaveLength(statuses.length - 1);
    expect(await acceptedCountOf(mentor)).toBe(1);
  });

  it('keeps one accepted relation per user across two app instances on one database', async () => {
    if (!t2) return; // SQLite: one process only.
    const { mentor, statuses } = await racingAccepts([t, t2]);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(await acceptedCountOf(mentor)).toBe(1);
  });

  it('keeps one accepted relation per user when the racing accepts come from different receivers', async () => {
    // One mentee sent requests to many mentors; each mentor accepts at the same time.
    const mentee = await createUser(t.dataSource);
    const pairs: { mentor: User; relation: MentorshipRelation }[] = [];
    for (let i = 0; i < 6; i++) {
      const mentor = await createUser(t.dataSource);
      pairs.push({
        mentor,
        relation: await createRelation(t.dataSource, { mentor, mentee, sender: mentee }),
      });
    }
    const apps = t2 ? [t, t2] : [t];
    const responses = await Promise.all(
      pairs.map(async ({ mentor, relation }, i) =>
        apps[i % apps.length].http
          .put(`/mentorship_relation/${relation.id}/accept`)
          .set('Authorization', await t.bearer(mentor)),
      ),
    );
    const statuses = responses.map((res) => res.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(responses.filter((res) => res.status !== 200).map((res) => res.body.message)).toEqual(
      Array(5).fill('Mentee user is already in a relationship.'),
    );
    expect(await acceptedCountOf(mentee)).toBe(1);
  });

  it('creates exactly one of many identical simultaneous requests', async () => {
    const [mentor, mentee] = [await createUser(t.dataSource), await createUser(t.dataSource)];
    const token = await t.token(mentee.id);
    const body = {
      mentor_id: mentor.id,
      mentee_id: mentee.id,
      end_date: t.clock.nowSeconds() + 8 * 7 * DAY,
      notes: '',
    };
    const apps = t2 ? [t, t2] : [t];
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        apps[i % apps.length].http
          .post('/mentorship_relation/send_request')
          .set('Authorization', `Bearer ${token}`)
          .send(body),
      ),
    );
    expect(responses.filter((res) => res.status === 201)).toHaveLength(1);
    expect(responses.filter((res) => res.status === 409).map((res) => res.body.message)).toEqual(
      Array(9).fill('A mentorship request between you and this user is already pending.'),
    );
    expect(
      await t.dataSource
        .getRepository(MentorshipRelation)
        .countBy({ mentorId: mentor.id, menteeId: mentee.id }),
    ).toBe(1);
  });

  describe('completion job', () => {
    it('completes only ACCEPTED relations whose end date has passed, once', async () => {
      const job = t.app.get(CompleteRelationsJob);
      await job.run(); // settle anything earlier tests left due
      const now = t.clock.nowSeconds();
      const [a, b, c, d] = [
        await createUser(t.dataSource),
        await createUser(t.dataSource),
        await createUser(t.dataSource),
        await createUser(t.dataSource),
      ];
      const seed = (state: RelationState, endDate: number) =>
        createRelation(t.dataSource, { mentor: a, mentee: b, state, endDate });
      const due = await seed(RelationState.ACCEPTED, now + 10 * DAY);
      const later = await createRelation(t.dataSource, {
        mentor: c,
        mentee: d,
        state: RelationState.ACCEPTED,
        endDate: now + 30 * DAY,
      });
      const others = await Promise.all(
        [RelationState.PENDING, RelationState.REJECTED, RelationState.CANCELLED].map((state) =>
          seed(state, now + DAY),
        ),
      );
      const stateOf = async (relation: MentorshipRelation) =>
        (await t.dataSource.getRepository(MentorshipRelation).findOneByOrFail({ id: relation.id })).state;

      expect(await job.run()).toBe(0);
      t.clock.advance(11 * DAY);
      t2?.clock.advance(11 * DAY);
      // Both instances fire together; the second finds nothing left to do.
      const completed = await Promise.all([
        job.run(),
        ...(t2 ? [t2.app.get(CompleteRelationsJob).run()] : []),
      ]);
      expect(completed.reduce((sum, n) => sum + n, 0)).toBe(1);
      expect(await stateOf(due)).toBe(RelationState.COMPLETED);
      expect(await stateOf(later)).toBe(RelationState.ACCEPTED);
      for (const relation of others) expect(await stateOf(relation)).toBe(relation.state);
      expect(await job.run()).toBe(0);
      t.clock.reset();
      t2?.clock.reset();
    });
  });
});
