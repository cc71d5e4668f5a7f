import { hashSync } from 'bcrypt';
import request from 'supertest';
import { DataSource } from 'typeorm';
import {
  AppProcess,
  createTestDatabase,
  createUser,
  DEFAULT_PASSWORD,
  startAppProcess,
  TestDatabase,
} from '@app/testing';
import { dataSourceOptions } from '../src/database/data-source.options';

/** The real process: SIGTERM drains in-flight requests, refuses new connections and exits 0. */
describe('Graceful shutdown (RUNTIME.md)', () => {
  let database: TestDatabase;
  let server: AppProcess;

  beforeAll(async () => {
    database = await createTestDatabase();
    server = await startAppProcess(database.config, {
      AUTH_RATE_LIMIT: '1000',
      JOBS_ENABLED: 'true',
      CRON_COMPLETE_RELATIONS: '* * * * * *',
    });
    await server.waitForReady();
  }, 60_000);

  afterAll(async () => {
    server.kill('SIGKILL');
    await database.drop();
  });

  it('finishes every in-flight request, refuses new connections, and exits 0', async () => {
    const seed = new DataSource(dataSourceOptions(database.config));
    await seed.initialize();
    // A real-cost bcrypt hash keeps each login busy for tens of milliseconds.
    const user = await createUser(seed, { passwordHash: hashSync(DEFAULT_PASSWORD, 10) });
    await seed.destroy();

    const inFlight = Array.from({ length: 40 }, () =>
      request(server.url).post('/login').send({ username: user.username, password: DEFAULT_PASSWORD }),
    );
    const responses = Promise.allSettled(inFlight.map((req) => req.then((res) => res.status)));
    await new Promise((resolve) => setTimeout(resolve, 150));
    server.kill('SIGTERM');

    const settled = await responses;
    expect(settled.map((r) => (r.status === 'fulfilled' ? r.value : String(r.reason)))).toEqual(
      Array(40).fill(200),
    );
    expect(await server.exited).toBe(0);
    await expect(fetch(`${server.url}/health/live`)).rejects.toThrow();
    expect(server.output()).not.toMatch(/"level":(50|60)/);
  }, 60_000);
});
