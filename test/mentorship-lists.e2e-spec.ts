import { createRelation, createTestApp, createUser, TestApp } from '@app/testing';
import { RelationState } from '../src/mentorship/relation-state';
import { User } from '../src/users/user.entity';

const DAY = 86_400;

describe('Relation lists (API.md §4.3–§4.6)', () => {
  let t: TestApp;
  let me: User;
  let ids: Record<string, number>;
  let deletedMentor: User;

  beforeAll(async () => {
    t = await createTestApp();
    const now = t.clock.nowSeconds();
    me = await createUser(t.dataSource, { name: 'Me Myself' });
    const partner = await createUser(t.dataSource, { name: 'Partner' });
    deletedMentor = await createUser(t.dataSource);
    const seed = (
      mentor: User | null,
      mentee: User | null,
      state: RelationState,
      endDate: number,
      sender?: User,
    ) => createRelation(t.dataSource, { mentor, mentee, state, endDate, sender }).then((r) => r.id);
    // Inserted so that ids interleave mentor and mentee roles.
    ids = {
      menteePending: await seed(partner, me, RelationState.PENDING, Math.floor(now) + 30 * DAY, me),
      mentorAccepted: await seed(me, partner, RelationState.ACCEPTED, Math.floor(now) + 30 * DAY, partner),
      menteeExpiredPending: await seed(partner, me, RelationState.PENDING, now - DAY, partner),
      mentorRejected: await seed(me, partner, RelationState.REJECTED, now + 30 * DAY, me),
      menteeDeletedMentor: await seed(deletedMentor, me, RelationState.CANCELLED, now - 2 * DAY, me),
      mentorPendingReceived: await seed(me, partner, RelationState.PENDING, now + 40 * DAY, partner),
    };
    await createRelation(t.dataSource, {
      mentor: partner,
      mentee: deletedMentor,
      state: RelationState.PENDING,
    });
    await t.dataSource.getRepository(User).delete({ id: deletedMentor.id });
  });

  afterAll(async () => {
    await t.close();
  });

  const get = async (path: string, caller: User = me) =>
    t.http.get(path).set('Authorization', await t.bearer(caller));
  const idsOf = (body: { id: number }[]) => body.map((relation) => relation.id);

  it('lists every relation: mentor role first, then mentee, each by id', async () => {
    const res = await get('/mentorship_relations');
    expect(res.status).toBe(200);
    expect(idsOf(res.body)).toEqual([
      ids.mentorAccepted,
      ids.mentorRejected,
      ids.mentorPendingReceived,
      ids.menteePending,
      ids.menteeExpiredPending,
      ids.menteeDeletedMentor,
    ]);
  });

  it('renders the Relation shape, with null refs for a deleted user and floats with a decimal point', async () => {
    const res = await get('/mentorship_relations');
    const sent = res.body.find((r: { id: number }) => r.id === ids.menteePending);
    expect(Object.keys(sent).sort()).toEqual(
      [
        'id',
        'action_user_id',
        'sent_by_me',
        'mentor',
        'mentee',
        'creation_date',
        'accept_date',
        'start_date',
        'end_date',
        'state',
        'notes',
      ].sort(),
    );
    expect(sent).toMatchObject({
      action_user_id: me.id,
      sent_by_me: true,
      mentee: { id: me.id, name: 'Me Myself' },
      mentor: { name: 'Partner' },
      state: 1,
      accept_date: null,
      start_date: null,
    });
    expect(res.text).toContain(`"end_date":${sent.end_date}.0`);
    const received = res.body.find((r: { id: number }) => r.id === ids.mentorAccepted);
    expect(received.sent_by_me).toBe(false);
    const orphan = res.body.find((r: { id: number }) => r.id === ids.menteeDeletedMentor);
    expect(orphan.mentor).toEqual({ id: null, name: null });
  });

  it('filters by relation_state, case-insensitively; empty means all', async () => {
    expect(idsOf((await get('/mentorship_relations?relation_state=pending')).body)).toEqual([
      ids.mentorPendingReceived,
      ids.menteePending,
      ids.menteeExpiredPending,
    ]);
    expect(idsOf((await get('/mentorship_relations?relation_state=ACCEPTED')).body)).toEqual([
      ids.mentorAccepted,
    ]);
    expect(idsOf((await get('/mentorship_relations?relation_state=Completed')).body)).toEqual([]);
    expect((await get('/mentorship_relations?relation_state=')).body).toHaveLength(6);
  });

  it('answers an unknown relation_state with 400 and []', async () => {
    for (const query of ['relation_state=DONE', 'relation_state=1', 'relation_state=a&relation_state=b']) {
      const res = await get(`/mentorship_relations?${query}`);
      expect(res.status).toBe(400);
      expect(res.text).toBe('[]');
    }
  });

  it('lists past relations by end date, whatever the state (Q16)', async () => {
    const res = await get('/mentorship_relations/past');
    expect(res.status).toBe(200);
    expect(idsOf(res.body)).toEqual([ids.menteeExpiredPending, ids.menteeDeletedMentor]);
  });

  it('lists pending requests not yet expired, sent and received', async () => {
    const res = await get('/mentorship_relations/pending');
    expect(res.status).toBe(200);
    expect(idsOf(res.body)).toEqual([ids.mentorPendingReceived, ids.menteePending]);
    expect(res.body.map((r: { sent_by_me: boolean }) => r.sent_by_me)).toEqual([false, true]);
  });

  it('returns the current relation as a single object, or the message', async () => {
    const res = await get('/mentorship_relations/current');
    expect(res.status).toBe(200);
    expect(res.body.id).toBe(ids.mentorAccepted);
    expect(res.text).toMatch(/"end_date":\d+\.0/);
    const loner = await createUser(t.dataSource);
    const none = await get('/mentorship_relations/current', loner);
    expect(none.status).toBe(200);
    expect(none.body).toEqual({ message: 'You are not in a current mentorship relation.' });
  });

  it('applies gate G on every list (after the relation_state check)', async () => {
    const unverified = await createUser(t.dataSource, { isEmailVerified: false });
    for (const path of [
      '/mentorship_relations',
      '/mentorship_relations/past',
      '/mentorship_relations/current',
      '/mentorship_relations/pending',
    ]) {
      const res = await get(path, unverified);
      expect(res.status).toBe(403);
      expect(res.body).toEqual({ message: 'Please verify your email before login.' });
      const gone = await get(path, deletedMentor);
      expect(gone.status).toBe(404);
      expect(gone.body).toEqual({ message: 'User does not exist.' });
    }
    expect((await get('/mentorship_relations?relation_state=nope', unverified)).status).toBe(400);
    expect((await get('/mentorship_relations', me)).status).toBe(200);
    expect((await t.http.get('/mentorship_relations')).status).toBe(401);
  });
});
