import { ChildProcess, spawn } from 'node:child_process';
import { AddressInfo, createServer } from 'node:net';
import { join } from 'node:path';
import { hashSync } from 'bcrypt';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createTestDatabase, createUser, DEFAULT_PASSWORD, TestDatabase } from '@app/testing';
import { dataSourceOptions } from '../src/database/data-source.options';

const ROOT = join(__dirname, '..');

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitForReady(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`server exited early with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/health/ready`)).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('server did not become ready');
}

/** The real process (src/main.ts, no build needed): SIGTERM drains in-flight requests and exits 0. */
describe('Graceful shutdown (RUNTIME.md)', () => {
  let database: TestDatabase;
  let child: ChildProcess;
  let url: string;
  let output = '';

  beforeAll(async () => {
    database = await createTestDatabase();
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'production',
      PORT: String(port),
      JWT_SECRET: 'shutdown-test',
      LOG_LEVEL: 'warn',
      AUTH_RATE_LIMIT: '1000',
      JOBS_ENABLED: 'true',
      CRON_COMPLETE_RELATIONS: '* * * * * *',
      TS_NODE_TRANSPILE_ONLY: 'true',
      TS_NODE_PROJECT: join(ROOT, 'tsconfig.json'),
    };
    if (database.config.type === 'sqlite') env.SQLITE_PATH = database.config.path;
    else env.DATABASE_URL = database.config.url;
    child = spawn(
      process.execPath,
      ['-r', 'ts-node/register', '-r', 'tsconfig-paths/register', 'src/main.ts'],
      {
        cwd: ROOT,
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await waitForReady(url, child);
  }, 60_000);

  afterAll(async () => {
    if (child.exitCode === null) child.kill('SIGKILL');
    await database.drop();
  });

  it('finishes every in-flight request, refuses new connections, and exits 0', async () => {
    const seed = new DataSource(dataSourceOptions(database.config));
    await seed.initialize();
    // A real-cost bcrypt hash keeps each login busy for tens of milliseconds.
    const user = await createUser(seed, { passwordHash: hashSync(DEFAULT_PASSWORD, 10) });
    await seed.destroy();

    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const inFlight = Array.from({ length: 40 }, () =>
      request(url).post('/login').send({ username: user.username, password: DEFAULT_PASSWORD }),
    );
    const responses = Promise.allSettled(inFlight.map((req) => req.then((res) => res.status)));
    await new Promise((resolve) => setTimeout(resolve, 150));
    child.kill('SIGTERM');

    const settled = await responses;
    expect(settled.map((r) => (r.status === 'fulfilled' ? r.value : String(r.reason)))).toEqual(
      Array(40).fill(200),
    );
    expect(await exited).toBe(0);
    await expect(fetch(`${url}/health/live`)).rejects.toThrow();
    expect(output).not.toMatch(/"level":(50|60)/);
  }, 60_000);
});
