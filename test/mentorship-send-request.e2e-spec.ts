import { createRelation, createUser, TestApp, createTestApp } from '@app/testing';
import { MentorshipRelation } from '../src/mentorship/relation.entity';
import { RelationState } from '../src/mentorship/relation-state';
import { User } from '../src/users/user.entity';

const WEEK = 7 * 86_400;
const SEND = '/mentorship_relation/send_request';

describe('POST /mentorship_relation/send_request (API.md §4.2)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  const now = () => t.clock.nowSeconds();
  const send = async (caller: User, body: unknown) =>
    t.http
      .post(SEND)
      .set('Authorization', await t.bearer(caller))
      .send(body as object);
  const expectMessage = async (caller: User, body: unknown, status: number, message: string) => {
    const res = await send(caller, body);
    expect({ status: res.status, body: res.body }).toEqual({ status, body: { message } });
  };
  const relationsOf = (user: User) =>
    t.dataSource
      .getRepository(MentorshipRelation)
      .find({ where: [{ mentorId: user.id }, { menteeId: user.id }] });
  const body = (mentor: User, mentee: User, overrides: object = {}) => ({
    mentor_id: mentor.id,
    mentee_id: mentee.id,
    end_date: Math.floor(now()) + 8 * WEEK,
    notes: 'Please <mentor> me',
    ...overrides,
  });

  it('needs a token', async () => {
    const res = await t.http.post(SEND).send({});
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ message: 'The authorization token is missing!' });
  });

  it('reports missing fields in order, and a missing or non-object body as {}', async () => {
    const caller = await createUser(t.dataSource);
    await expectMessage(caller, {}, 400, 'Mentor ID field is missing.');
    await expectMessage(caller, [1, 2], 400, 'Mentor ID field is missing.');
    const raw = await t.http
      .post(SEND)
      .set('Authorization', await t.bearer(caller))
      .set('Content-Type', 'text/plain')
      .send('mentor_id=1');
    expect(raw.status).toBe(400);
    expect(raw.body).toEqual({ message: 'Mentor ID field is missing.' });
    await expectMessage(caller, { mentor_id: 1 }, 400, 'Mentee ID field is missing.');
    await expectMessage(caller, { mentor_id: 1, mentee_id: 2 }, 400, 'End date field is missing.');
    await expectMessage(caller, { mentor_id: 1, mentee_id: 2, end_date: 1 }, 400, 'Notes field is missing.');
  });

  it('requires the caller to be mentor or mentee, not both', async () => {
    const [caller, other] = [await createUser(t.dataSource), await createUser(t.dataSource)];
    const msg = 'Your ID has to match either Mentor or Mentee IDs.';
    await expectMessage(caller, body(other, other), 400, msg);
    await expectMessage(caller, body(other, other, { mentee_id: String(caller.id) }), 400, msg);
    await expectMessage(
      caller,
      body(caller, caller),
      400,
      'You cannot have a mentorship relation with yourself.',
    );
  });

  it('refuses unrepresentable end dates with the validation 400, never a 500', async () => {
    const [mentor, mentee] = [await createUser(t.dataSource), await createUser(t.dataSource)];
    const msg = 'Validation error. End date represented by the timestamp is invalid.';
    for (const endDate of ['2030-01-01', null, true, {}, 1580338800000000, 1e308, -62135596801]) {
      await expectMessage(mentee, body(mentor, mentee, { end_date: endDate }), 400, msg);
    }
  });

  it('checks the duration', async () => {
    const [mentor, mentee] = [await createUser(t.dataSource), await createUser(t.dataSource)];
    await expectMessage(
      mentee,
      body(mentor, mentee, { end_date: now() - 10 }),
      400,
      'End date is invalid since date has passed.',
    );
    await expectMessage(
      mentee,
      body(mentor, mentee, { end_date: now() + 25 * WEEK }),
      400,
      'Mentorship relation maximum duration is 6 months.',
    );
    await expectMessage(
      mentee,
      body(mentor, mentee, { end_date: now() + 3 * WEEK }),
      400,
      'Mentorship relation minimum duration is 4 week.',
    );
  });

  it('checks notes type and length (Q24)', async () => {
    const [mentor, mentee] = [await createUser(t.dataSource), await createUser(t.dataSource)];
    await expectMessage(mentee, body(mentor, mentee, { notes: 5 }), 400, 'Invalid input.');
    await expectMessage(
      mentee,
      body(mentor, mentee, { notes: 'x'.repeat(401) }),
      400,
      'The notes field has to be shorter than 401 characters.',
    );
  });

  it('checks both users in the contract order', async () => {
    const caller = await createUser(t.dataSource);
    const busyMentor = await createUser(t.dataSource);
    const busyMentee = await createUser(t.dataSource);
    await createRelation(t.dataSource, {
      mentor: busyMentor,
      mentee: busyMentee,
      state: RelationState.ACCEPTED,
    });
    const notMentor = await createUser(t.dataSource, { availableToMentor: false });
    const notMentee = await createUser(t.dataSource, { needMentoring: false });

    await expectMessage(caller, body(caller, { id: 999_999 } as User), 404, 'Mentee user does not exist.');
    await expectMessage(caller, body({ id: 999_999 } as User, caller), 404, 'Mentor user does not exist.');
    await expectMessage(
      caller,
      body(caller, caller, { mentor_id: 'abc' }),
      404,
      'Mentor user does not exist.',
    );
    await expectMessage(caller, body(notMentor, caller), 400, 'Mentor user is not available to mentor.');
    // The mentor is checked before the mentee exists.
    await expectMessage(
      caller,
      { ...body(notMentor, caller), mentee_id: caller.id },
      400,
      'Mentor user is not available to mentor.',
    );
    await expectMessage(caller, body(caller, notMentee), 400, 'Mentee user is not available to be mentored.');
    await expectMessage(caller, body(busyMentor, caller), 400, 'Mentor user is already in a relationship.');
    await expectMessage(caller, body(caller, busyMentee), 400, 'Mentee user is already in a relationship.');
    await expectMessage(caller, body(busyMentee, caller), 400, 'Mentor user is already in a relationship.');
  });

  it('refuses requests involving an unverified user and stores nothing (Q18)', async () => {
    const caller = await createUser(t.dataSource);
    const unverified = await createUser(t.dataSource, {
      isEmailVerified: false,
      emailVerificationDate: null,
    });
    const msg = 'The other user has not verified their email yet.';
    await expectMessage(caller, body(unverified, caller), 403, msg);
    await expectMessage(caller, body(caller, unverified), 403, msg);
    // Availability/busy checks come first.
    const busy = await createUser(t.dataSource, { isEmailVerified: false });
    await createRelation(t.dataSource, {
      mentor: busy,
      mentee: await createUser(t.dataSource),
      state: RelationState.ACCEPTED,
    });
    await expectMessage(caller, body(busy, caller), 400, 'Mentor user is already in a relationship.');
    expect(await relationsOf(caller)).toHaveLength(0);
  });

  it('creates a pending relation and mails the receiver', async () => {
    t.mail.clear();
    const mentor = await createUser(t.dataSource, { name: 'Mira Mentor' });
    const mentee = await createUser(t.dataSource, { name: 'Ned <b>Mentee</b>' });
    const endDate = Math.floor(now()) + 8 * WEEK + 0.75;
    const res = await send(mentee, body(mentor, mentee, { end_date: endDate }));
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ message: 'Mentorship relation was sent successfully.' });

    const [stored] = await relationsOf(mentee);
    expect(stored).toMatchObject({
      mentorId: mentor.id,
      menteeId: mentee.id,
      actionUserId: mentee.id,
      state: RelationState.PENDING,
      notes: 'Please <mentor> me',
      acceptDate: null,
      startDate: null,
    });
    expect(stored.endDate.getTime()).toBe(Math.floor(endDate) * 1000);

    await t.mail.waitForCount(1);
    const [mail] = t.mail.to(mentor.email);
    expect(mail.subject).toBe('Mentorship System - You have got new relation request');
    expect(mail.html).toContain('Mira Mentor');
    expect(mail.html).toContain('Ned &lt;b&gt;Mentee&lt;/b&gt;');
    expect(mail.html).toContain('mentee');
    expect(mail.html).toContain('Please &lt;mentor&gt; me');
    expect(t.mail.to(mentee.email)).toHaveLength(0);
  });

  it('refuses a second open request between the same users, either direction (Q33)', async () => {
    const [a, b] = [await createUser(t.dataSource), await createUser(t.dataSource)];
    expect((await send(a, body(b, a))).status).toBe(201);
    const msg = 'A mentorship request between you and this user is already pending.';
    await expectMessage(a, body(b, a), 409, msg);
    await expectMessage(b, body(b, a), 409, msg);
    await expectMessage(b, body(a, b), 409, msg);
    // Requests with other people are unaffected.
    expect((await send(a, body(await createUser(t.dataSource), a))).status).toBe(201);
  });

  it('lets an expired pending request not block a new one', async () => {
    const [a, b] = [await createUser(t.dataSource), await createUser(t.dataSource)];
    await createRelation(t.dataSource, { mentor: b, mentee: a, endDate: now() - 60 });
    expect((await send(a, body(b, a))).status).toBe(201);
  });
});
