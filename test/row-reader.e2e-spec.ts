import { createRelation, createTestApp, createUser, TestApp } from '@app/testing';
import { RelationState } from '../src/mentorship/relation-state';
import { AccountGate } from '../src/users/account-gate';
import { UserDirectory } from '../src/users/user-directory.service';
import { User } from '../src/users/user.entity';

/**
 * The hot reads (RowReader) skip TypeORM's entity hydration: on each database they must still
 * give exactly what hydration gives — dates as Dates, booleans as booleans, nulls as nulls.
 */
describe('RowReader reads what entity hydration reads', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('gives the gate a whole User equal to the hydrated entity, with every kind of value', async () => {
    const full = await createUser(t.dataSource, {
      bio: 'Bio',
      socialMediaLinks: null,
      isAdmin: true,
      needMentoring: true,
      availableToMentor: false,
      emailVerificationDate: new Date('2026-01-02T03:04:05Z'),
    });
    const hydrated = await t.dataSource.getRepository(User).findOneByOrFail({ id: full.id });
    const read = await t.app.get(AccountGate).require(full.id);
    expect({ ...read }).toEqual({ ...hydrated });
    expect(read.registrationDate).toBeInstanceOf(Date);
    expect(typeof read.isAdmin).toBe('boolean');
  });

  it('gives the directory the public columns of the hydrated entity and the availability', async () => {
    const mentor = await createUser(t.dataSource, { availableToMentor: true, location: null });
    const mentee = await createUser(t.dataSource, { needMentoring: true });
    await createRelation(t.dataSource, { mentor, mentee, state: RelationState.ACCEPTED });
    const loner = await createUser(t.dataSource, { needMentoring: true });
    const directory = t.app.get(UserDirectory);
    for (const [user, available] of [
      [mentor, false],
      [loner, true],
    ] as const) {
      const row = await directory.findById(user.id);
      const hydrated = await t.dataSource.getRepository(User).findOneByOrFail({ id: user.id });
      expect(row?.isAvailable).toBe(available);
      for (const [key, value] of Object.entries(row?.user ?? {})) {
        expect([key, value]).toEqual([key, hydrated[key as keyof User]]);
      }
    }
    await expect(directory.findById(999_999)).resolves.toBeNull();
  });
});
