import { createRelation, createTestApp, createUser, TestApp } from '@app/testing';
import { MentorshipRelation } from '../src/mentorship/relation.entity';
import { RelationState } from '../src/mentorship/relation-state';
import { User } from '../src/users/user.entity';

const NOT_FOUND = 'This mentorship relation request does not exist.';
const NOT_PENDING = 'This mentorship relation is not in the pending state.';
const ROUTE_NOT_FOUND =
  'The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.';

describe('Relation actions: accept, reject, cancel, delete (API.md §4.7–§4.10)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  const call = async (method: 'put' | 'delete', path: string, caller: User) =>
    t.http[method](path).set('Authorization', await t.bearer(caller));
  const expectAnswer = async (
    method: 'put' | 'delete',
    path: string,
    caller: User,
    status: number,
    message: string,
  ) => {
    const res = await call(method, path, caller);
    expect({ status: res.status, body: res.body }).toEqual({ status, body: { message } });
  };
  const stateOf = async (id: number) =>
    (await t.dataSource.getRepository(MentorshipRelation).findOneBy({ id }))?.state ?? null;
  const trio = async () => ({
    mentor: await createUser(t.dataSource, { name: 'Mentor One' }),
    mentee: await createUser(t.dataSource, { name: 'Mentee One' }),
    outsider: await createUser(t.dataSource),
  });

  describe.each([
    [
      'accept',
      'put',
      'accept',
      'You cannot accept a mentorship request sent by yourself.',
      'You cannot accept a mentorship relation where you are not involved.',
    ],
    [
      'reject',
      'put',
      'reject',
      'You cannot reject a mentorship request sent by yourself.',
      'You cannot reject a mentorship relation where you are not involved.',
    ],
  ] as const)('%s', (action, method, suffix, ownMessage, notInvolved) => {
    const path = (id: number) => `/mentorship_relation/${id}/${suffix}`;

    it('applies gate G, then 404, then state, then sender, then involvement', async () => {
      const { mentor, mentee, outsider } = await trio();
      const deleted = await createUser(t.dataSource);
      await t.dataSource.getRepository(User).delete({ id: deleted.id });
      const unverified = await createUser(t.dataSource, { isEmailVerified: false });
      const pending = await createRelation(t.dataSource, { mentor, mentee, sender: mentee });
      await expectAnswer(method, path(pending.id), deleted, 404, 'User does not exist.');
      await expectAnswer(method, path(pending.id), unverified, 403, 'Please verify your email before login.');
      await expectAnswer(method, path(999_999), mentor, 404, NOT_FOUND);
      await expectAnswer(method, path(2 ** 40), mentor, 404, NOT_FOUND);
      const res = await call(method, `/mentorship_relation/abc/${suffix}`, mentor);
      expect(res.status).toBe(404);
      expect(res.body).toEqual({ message: ROUTE_NOT_FOUND });
      for (const state of [
        RelationState.ACCEPTED,
        RelationState.REJECTED,
        RelationState.CANCELLED,
        RelationState.COMPLETED,
      ]) {
        const other = await createRelation(t.dataSource, { mentor, mentee: outsider, state });
        // State beats "not involved" and "sent by yourself".
        await expectAnswer(method, path(other.id), mentee, 403, NOT_PENDING);
        await expectAnswer(method, path(other.id), outsider, 403, NOT_PENDING);
      }
      await expectAnswer(method, path(pending.id), mentee, 403, ownMessage);
      await expectAnswer(method, path(pending.id), outsider, 403, notInvolved);
      expect(await stateOf(pending.id)).toBe(RelationState.PENDING);
    });

    it(`lets the receiver ${action}`, async () => {
      const { mentor, mentee } = await trio();
      const pending = await createRelation(t.dataSource, { mentor, mentee, sender: mentor });
      const res = await call(method, path(pending.id), mentee);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ message: `Mentorship relation was ${action}ed successfully.` });
      expect(await stateOf(pending.id)).toBe(
        action === 'accept' ? RelationState.ACCEPTED : RelationState.REJECTED,
      );
    });
  });

  describe('accept', () => {
    const path = (id: number) => `/mentorship_relation/${id}/accept`;

    it('refuses when either side already has an accepted relation', async () => {
      const { mentor, mentee, outsider } = await trio();
      const pending = await createRelation(t.dataSource, { mentor, mentee, sender: mentee });
      const current = await createRelation(t.dataSource, {
        mentor,
        mentee: outsider,
        state: RelationState.ACCEPTED,
      });
      await expectAnswer(
        'put',
        path(pending.id),
        mentor,
        403,
        'You are currently involved in a mentorship relation.',
      );
      await t.dataSource
        .getRepository(MentorshipRelation)
        .update(current.id, { state: RelationState.CANCELLED });

      const busyMentee = await createRelation(t.dataSource, {
        mentor: outsider,
        mentee,
        state: RelationState.ACCEPTED,
      });
      await expectAnswer('put', path(pending.id), mentor, 400, 'Mentee user is already in a relationship.');
      await t.dataSource
        .getRepository(MentorshipRelation)
        .update(busyMentee.id, { state: RelationState.COMPLETED });

      const reverse = await createRelation(t.dataSource, { mentor, mentee, sender: mentor });
      await createRelation(t.dataSource, { mentor, mentee: outsider, state: RelationState.ACCEPTED });
      await expectAnswer('put', path(reverse.id), mentee, 400, 'Mentor user is already in a relationship.');
    });

    it('accepts and mails the sender with the end date in UTC', async () => {
      const { mentor, mentee } = await trio();
      const endDate = Date.UTC(2031, 0, 2, 23, 30) / 1000;
      const pending = await createRelation(t.dataSource, { mentor, mentee, sender: mentor, endDate });
      await expectAnswer(
        'put',
        path(pending.id),
        mentee,
        200,
        'Mentorship relation was accepted successfully.',
      );
      for (let i = 0; i < 100 && t.mail.to(mentor.email).length === 0; i++)
        await new Promise((r) => setTimeout(r, 50));
      const [mail] = t.mail.to(mentor.email);
      expect(mail.subject).toBe('Mentorship relation accepted!');
      expect(mail.html).toContain('Mentor One');
      expect(mail.html).toContain('Mentee One');
      expect(mail.html).toContain('02-01-2031');
      expect(mail.html).toContain('mentee');
      const stored = await t.dataSource.getRepository(MentorshipRelation).findOneByOrFail({ id: pending.id });
      expect(stored.acceptDate).toBeNull();
      expect(stored.startDate).toBeNull();
    });

    it('still accepts a request whose end date has passed (Q16)', async () => {
      const { mentor, mentee } = await trio();
      const expired = await createRelation(t.dataSource, {
        mentor,
        mentee,
        endDate: t.clock.nowSeconds() - 10,
      });
      await expectAnswer(
        'put',
        path(expired.id),
        mentor,
        200,
        'Mentorship relation was accepted successfully.',
      );
    });
  });

  describe('cancel', () => {
    const path = (id: number) => `/mentorship_relation/${id}/cancel`;

    it('checks G, 404, accepted state, then involvement', async () => {
      const { mentor, mentee, outsider } = await trio();
      const unverified = await createUser(t.dataSource, { isEmailVerified: false });
      const accepted = await createRelation(t.dataSource, { mentor, mentee, state: RelationState.ACCEPTED });
      await expectAnswer('put', path(accepted.id), unverified, 403, 'Please verify your email before login.');
      await expectAnswer('put', path(999_999), mentor, 404, NOT_FOUND);
      for (const state of [
        RelationState.PENDING,
        RelationState.REJECTED,
        RelationState.CANCELLED,
        RelationState.COMPLETED,
      ]) {
        const other = await createRelation(t.dataSource, { mentor, mentee: outsider, state });
        await expectAnswer(
          'put',
          path(other.id),
          mentee,
          403,
          'This mentorship relation status is not in the accepted state.',
        );
      }
      await expectAnswer(
        'put',
        path(accepted.id),
        outsider,
        403,
        'You cannot cancel a mentorship relation where you are not involved.',
      );
    });

    it.each(['sender', 'receiver'] as const)('lets the %s cancel', async (who) => {
      const { mentor, mentee } = await trio();
      const accepted = await createRelation(t.dataSource, {
        mentor,
        mentee,
        sender: mentee,
        state: RelationState.ACCEPTED,
      });
      await expectAnswer(
        'put',
        path(accepted.id),
        who === 'sender' ? mentee : mentor,
        200,
        'Mentorship relation was cancelled successfully.',
      );
      expect(await stateOf(accepted.id)).toBe(RelationState.CANCELLED);
    });
  });

  describe('delete', () => {
    const path = (id: number) => `/mentorship_relation/${id}`;

    it('checks G, 404, pending state, then sender', async () => {
      const { mentor, mentee, outsider } = await trio();
      const unverified = await createUser(t.dataSource, { isEmailVerified: false });
      const pending = await createRelation(t.dataSource, { mentor, mentee, sender: mentee });
      await expectAnswer(
        'delete',
        path(pending.id),
        unverified,
        403,
        'Please verify your email before login.',
      );
      await expectAnswer('delete', path(999_999), mentee, 404, NOT_FOUND);
      const accepted = await createRelation(t.dataSource, {
        mentor: outsider,
        mentee,
        sender: mentee,
        state: RelationState.ACCEPTED,
      });
      await expectAnswer('delete', path(accepted.id), mentee, 403, NOT_PENDING);
      const msg = 'You cannot delete a mentorship request that you did not create.';
      await expectAnswer('delete', path(pending.id), mentor, 403, msg);
      await expectAnswer('delete', path(pending.id), outsider, 403, msg);
      await expectAnswer(
        'delete',
        path(pending.id),
        mentee,
        200,
        'Mentorship relation was deleted successfully.',
      );
      expect(await stateOf(pending.id)).toBeNull();
      await expectAnswer('delete', path(pending.id), mentee, 404, NOT_FOUND);
    });
  });
});
