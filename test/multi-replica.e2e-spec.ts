import request from 'supertest';
import { DataSource } from 'typeorm';
import {
  AppProcess,
  createRelation,
  createTestDatabase,
  createUser,
  DEFAULT_PASSWORD,
  SmtpSink,
  startAppProcess,
  TestDatabase,
} from '@app/testing';
import { testDatabaseUrl } from '../src/config';
import { dataSourceOptions } from '../src/database/data-source.options';
import { MIGRATIONS } from '../src/database/migrations';
import { MentorshipRelation } from '../src/mentorship/relation.entity';
import { RelationState } from '../src/mentorship/relation-state';
import { User } from '../src/users/user.entity';

const DAY = 86_400;
const run = testDatabaseUrl() ? describe : describe.skip;

/** Job results as the replicas logged them ("Job complete-relations done", result = rows changed). */
function completedByJobs(servers: AppProcess[]): number {
  let total = 0;
  for (const line of servers.flatMap((server) => server.output().split('\n'))) {
    if (!line.includes('"job":"complete-relations"')) continue;
    const entry = JSON.parse(line) as { result?: number };
    total += entry.result ?? 0;
  }
  return total;
}

async function until(condition: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

run('Three replicas on one MariaDB database (RUNTIME.md)', () => {
  let database: TestDatabase;
  let sink: SmtpSink;
  let servers: AppProcess[];
  let db: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase();
    sink = new SmtpSink();
    await sink.start();
    const env = {
      LOG_LEVEL: 'info',
      MIGRATIONS_RUN: 'true',
      JOBS_ENABLED: 'true',
      CRON_COMPLETE_RELATIONS: '* * * * * *',
      CRON_DELETE_UNVERIFIED_USERS: '* * * * * *',
      AUTH_RATE_LIMIT: '100000',
      SMTP_URL: sink.url,
    };
    // All three at the same instant, on an empty database.
    servers = await Promise.all([1, 2, 3].map(() => startAppProcess(database.config, env)));
    await Promise.all(servers.map((server) => server.waitForReady(120_000)));
    db = await new DataSource(dataSourceOptions(database.config)).initialize();
  }, 180_000);

  afterAll(async () => {
    for (const server of servers ?? []) server.kill('SIGTERM');
    await Promise.all((servers ?? []).map((server) => server.exited));
    await db?.destroy();
    await sink?.stop();
    await database?.drop();
  }, 60_000);

  it('all come up, and the migrations ran once', async () => {
    // Each migration recorded once: the replicas that lost the lock race found nothing to do.
    const rows = await db.query<{ name: string }[]>('SELECT name FROM typeorm_migrations ORDER BY id');
    expect(rows.map((row) => row.name)).toEqual(MIGRATIONS.map((migration) => migration.name));
    for (const server of servers) expect((await fetch(`${server.url}/health/ready`)).status).toBe(200);
  });

  it('completes each relation past its end date exactly once across the replicas', async () => {
    const before = completedByJobs(servers);
    const now = Date.now() / 1000;
    const overdue: MentorshipRelation[] = [];
    for (let i = 0; i < 8; i++) {
      const mentor = await createUser(db);
      const mentee = await createUser(db);
      overdue.push(
        await createRelation(db, { mentor, mentee, state: RelationState.ACCEPTED, endDate: now - DAY }),
      );
    }
    const stillOpen = await createRelation(db, {
      mentor: await createUser(db),
      mentee: await createUser(db),
      state: RelationState.ACCEPTED,
      endDate: now + 30 * DAY,
    });
    const repository = db.getRepository(MentorshipRelation);
    await until(
      async () => (await repository.countBy({ state: RelationState.COMPLETED })) === overdue.length,
    );
    await new Promise((resolve) => setTimeout(resolve, 2500)); // a few more ticks on every replica
    expect(completedByJobs(servers) - before).toBe(overdue.length);
    expect((await repository.findOneByOrFail({ id: stillOpen.id })).state).toBe(RelationState.ACCEPTED);
  });

  it('sends each email once and keeps one accepted relation per user under accepts spread over the replicas', async () => {
    sink.clear();
    const mentor = await createUser(db, { name: 'Busy Mentor' });
    const mentees: User[] = [];
    for (let i = 0; i < 9; i++) mentees.push(await createUser(db, { name: `Mentee ${i}` }));
    const login = async (user: User, server: AppProcess) =>
      (
        await request(server.url)
          .post('/login')
          .send({ username: user.username, password: DEFAULT_PASSWORD })
          .expect(200)
      ).body.access_token as string;

    const endDate = Math.floor(Date.now() / 1000) + 8 * 7 * DAY;
    await Promise.all(
      mentees.map(async (mentee, i) => {
        const server = servers[i % 3];
        await request(server.url)
          .post('/mentorship_relation/send_request')
          .set('Authorization', `Bearer ${await login(mentee, server)}`)
          .send({ mentor_id: mentor.id, mentee_id: mentee.id, end_date: endDate, notes: `note-${i}` })
          .expect(201);
      }),
    );
    const pending = await db.getRepository(MentorshipRelation).findBy({ mentorId: mentor.id });
    expect(pending).toHaveLength(9);

    const tokens = await Promise.all(servers.map((server) => login(mentor, server)));
    const accepts = await Promise.all(
      pending.map((relation, i) =>
        request(servers[i % 3].url)
          .put(`/mentorship_relation/${relation.id}/accept`)
          .set('Authorization', `Bearer ${tokens[i % 3]}`),
      ),
    );
    expect(accepts.filter((res) => res.status === 200)).toHaveLength(1);
    expect(accepts.filter((res) => res.status !== 200).map((res) => res.body.message)).toEqual(
      Array(8).fill('You are currently involved in a mentorship relation.'),
    );
    const accepted = await db
      .getRepository(MentorshipRelation)
      .countBy({ state: RelationState.ACCEPTED, mentorId: mentor.id });
    expect(accepted).toBe(1);

    // 9 request emails to the mentor + 1 acceptance email, each delivered by exactly one replica.
    await sink.waitForCount(10, 20_000);
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(sink.messages).toHaveLength(10);
    for (let i = 0; i < 9; i++) {
      expect(sink.messages.filter((mail) => mail.html.includes(`note-${i}<`))).toHaveLength(1);
    }
    expect(sink.messages.filter((mail) => mail.subject === 'Mentorship relation accepted!')).toHaveLength(1);
  }, 60_000);
});
