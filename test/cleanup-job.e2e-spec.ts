import { createRelation, createTestApp, createUser, TestApp } from '@app/testing';
import { SchedulerRegistry } from '@nestjs/schedule';
import { MentorshipRelation } from '../src/mentorship/relation.entity';
import { RelationState } from '../src/mentorship/relation-state';
import { DeleteUnverifiedUsersJob } from '../src/users/delete-unverified-users.job';
import { User } from '../src/users/user.entity';

const DAY = 86_400;

describe('Delete unverified users job (API.md §8.2)', () => {
  let t: TestApp;
  let job: DeleteUnverifiedUsersJob;

  beforeAll(async () => {
    t = await createTestApp();
    job = t.app.get(DeleteUnverifiedUsersJob);
  });

  afterAll(async () => {
    await t.close();
  });

  afterEach(() => t.clock.reset());

  const exists = async (user: User) =>
    (await t.dataSource.getRepository(User).findOneBy({ id: user.id })) !== null;
  const registeredAt = (seconds: number) => new Date(Math.floor(seconds) * 1000);

  it('is not scheduled when JOBS_ENABLED=false', () => {
    expect(t.app.get(SchedulerRegistry).doesExist('cron', 'delete-unverified-users')).toBe(false);
  });

  it('deletes only users unverified for strictly more than 30 days, and is idempotent', async () => {
    const now = Math.floor(Date.now() / 1000);
    t.clock.set(new Date(now * 1000));
    const old = await createUser(t.dataSource, {
      isEmailVerified: false,
      emailVerificationDate: null,
      registrationDate: registeredAt(now - 30 * DAY - 1),
    });
    const borderline = await createUser(t.dataSource, {
      isEmailVerified: false,
      emailVerificationDate: null,
      registrationDate: registeredAt(now - 30 * DAY + 5),
    });
    const verifiedOld = await createUser(t.dataSource, { registrationDate: registeredAt(now - 400 * DAY) });
    const fresh = await createUser(t.dataSource, { isEmailVerified: false, emailVerificationDate: null });

    expect(await job.run()).toBe(1);
    expect(await exists(old)).toBe(false);
    expect(await exists(borderline)).toBe(true);
    expect(await exists(verifiedOld)).toBe(true);
    expect(await exists(fresh)).toBe(true);
    expect(await job.run()).toBe(0);

    t.clock.advance(10);
    expect(await job.run()).toBe(1);
    expect(await exists(borderline)).toBe(false);

    t.clock.advance(31 * DAY);
    expect(await job.run()).toBe(1);
    expect(await exists(fresh)).toBe(false);
    expect(await exists(verifiedOld)).toBe(true);
  });

  it('counts from registration: a resend does not postpone deletion', async () => {
    const user = await createUser(t.dataSource, { isEmailVerified: false, emailVerificationDate: null });
    t.clock.advance(29 * DAY);
    await t.http.post('/user/resend_email').send({ email: user.email }).expect(200);
    t.clock.advance(DAY + 1);
    expect(await job.run()).toBe(1);
    expect(await exists(user)).toBe(false);
  });

  it('deletes with the semantics of DELETE /user', async () => {
    const [ghost, a, b, c] = await Promise.all([
      createUser(t.dataSource, { isEmailVerified: false, emailVerificationDate: null }),
      createUser(t.dataSource),
      createUser(t.dataSource),
      createUser(t.dataSource),
    ]);
    const relations = t.dataSource.getRepository(MentorshipRelation);
    const pending = await createRelation(t.dataSource, { mentor: a, mentee: ghost });
    const accepted = await createRelation(t.dataSource, {
      mentor: b,
      mentee: ghost,
      state: RelationState.ACCEPTED,
    });
    const rejected = await createRelation(t.dataSource, {
      mentor: ghost,
      mentee: c,
      state: RelationState.REJECTED,
    });
    t.clock.advance(31 * DAY);
    expect(await job.run()).toBe(1);
    expect(await relations.findOneBy({ id: pending.id })).toBeNull();
    expect(await relations.findOneByOrFail({ id: accepted.id })).toMatchObject({
      state: RelationState.CANCELLED,
      menteeId: null,
      mentorId: b.id,
    });
    expect(await relations.findOneByOrFail({ id: rejected.id })).toMatchObject({
      state: RelationState.REJECTED,
      mentorId: null,
      menteeId: c.id,
    });
  });
});
