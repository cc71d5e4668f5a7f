import { createRelation, createTestApp, createTestDatabase, createUser, TestDatabase } from '@app/testing';
import { MentorshipRelation } from '../src/mentorship/relation.entity';
import { RelationState } from '../src/mentorship/relation-state';

const DAY = 86_400;

/** RUNTIME.md: relations that ended while the service was down are completed when it starts. */
describe('Completion job at boot', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
  });

  afterAll(async () => {
    await database.drop();
  });

  it('completes overdue relations on start-up when jobs are enabled, and only then', async () => {
    // The service "before the outage": jobs off, two accepted relations, one already over.
    const before = await createTestApp({ database });
    const now = Date.now() / 1000;
    const relation = (endDate: number) =>
      Promise.all([createUser(before.dataSource), createUser(before.dataSource)]).then(([mentor, mentee]) =>
        createRelation(before.dataSource, { mentor, mentee, state: RelationState.ACCEPTED, endDate }),
      );
    const overdue = await relation(now - DAY);
    const running = await relation(now + 30 * DAY);
    await before.close();

    const stateOf = async (dataSource: typeof before.dataSource, id: number) =>
      (await dataSource.getRepository(MentorshipRelation).findOneByOrFail({ id })).state;

    // Jobs disabled on this replica: boot leaves everything alone.
    const passive = await createTestApp({ database });
    expect(await stateOf(passive.dataSource, overdue.id)).toBe(RelationState.ACCEPTED);
    await passive.close();

    // Jobs enabled, next scheduled tick far away: the boot run does the work.
    const after = await createTestApp({
      database,
      configure: (config) => {
        config.jobs.enabled = true;
        config.jobs.completeRelationsCron = '0 0 1 1 *';
        config.jobs.deleteUnverifiedUsersCron = '0 0 1 1 *';
      },
    });
    try {
      expect(await stateOf(after.dataSource, overdue.id)).toBe(RelationState.COMPLETED);
      expect(await stateOf(after.dataSource, running.id)).toBe(RelationState.ACCEPTED);
    } finally {
      await after.close();
    }
  });
});
