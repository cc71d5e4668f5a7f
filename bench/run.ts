import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { CompleteRelationsJob } from '../src/mentorship/complete-relations.job';
import { Transactions } from '../src/database/transactions';
import { createBenchDatabase, databaseUrl, dropBenchDatabase } from './database';
import {
  ensureBuilt,
  load,
  LoadOptions,
  LoadResult,
  login,
  median,
  peakRss,
  ROOT,
  Server,
  startApp,
  startBaseline,
} from './harness';
import { createMemoryCgroup, Pod, podRuntime } from './pod';
import { BENCH_PASSWORD, pairRelationId, seed } from './seed';

/**
 * `npm run bench [-- --users 10000] [-- --duration 10 --warmup 2]`: one scale, every route,
 * the baseline side by side, isolation, cold start and memory.
 * `npm run bench -- --scale [--users 1000000]`: the growth series 1k → 1M (seeded incrementally).
 * Results go to bench/results/<stamp>.{json,md}; the database is dropped at the end.
 */
function arg(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? fallback : Number(process.argv[index + 1]);
}
const USERS = arg('users', process.argv.includes('--scale') ? 1_000_000 : 10_000);
const DURATION = arg('duration', 10);
const WARMUP = arg('warmup', 2);
const APP_PORT = 3971;
const BASELINE_PORT = 3972;
const DB = `bench_${process.pid}`;
const CALLER = 'user1';
const PER_PAGE = 20;
const ROUNDS = 3;

/** The median of each figure over several windows of the same load. */
function medianResult(results: LoadResult[]): LoadResult {
  const of = (key: keyof LoadResult) => median(results.map((r) => r[key]));
  return { rps: of('rps'), p50: of('p50'), p99: of('p99'), errors: of('errors'), requests: of('requests') };
}

type Row = { route: string } & LoadResult;

function describePod(pod: Pod): string {
  const limit = pod.cgroup
    ? `in a memory cgroup of the container's limit (${pod.runtime.memoryLimit})`
    : `without the container's memory limit (${pod.runtime.memoryLimit}: no memory cgroup could be made here), so V8 sized its heap from the host's memory`;
  return `The app ran as deploy/k8s/deployment.yaml runs it: NODE_OPTIONS=\`${pod.runtime.nodeOptions}\`, ${limit}.`;
}

const verifiedCount = (users: number) => users - Math.floor((users + 7) / 10);
const middlePage = (users: number) => Math.max(1, Math.floor(verifiedCount(users) / PER_PAGE / 2));

function table(rows: Row[]): string {
  const lines = ['| route | req/s | p50 ms | p99 ms | errors |', '| --- | ---: | ---: | ---: | ---: |'];
  for (const r of rows) lines.push(`| \`${r.route}\` | ${r.rps} | ${r.p50} | ${r.p99} | ${r.errors} |`);
  return lines.join('\n');
}

async function timeCompletionJob(
  dataSource: DataSource,
): Promise<{ ms: number; completed: number; relations: number }> {
  const [{ total }] = await dataSource.query<{ total: string }[]>(
    'SELECT COUNT(*) AS total FROM mentorship_relations',
  );
  const clock = { now: () => new Date(), nowSeconds: () => Math.floor(Date.now() / 1000) };
  // Only run() is used: it needs the transaction runner and the clock, not the scheduler.
  const job = new CompleteRelationsJob(
    undefined as never,
    new Transactions(dataSource),
    clock,
    undefined as never,
  );
  const started = performance.now();
  const completed = await job.run();
  return { ms: Math.round(performance.now() - started), completed, relations: Number(total) };
}

function routes(users: number): [string, string, Partial<LoadOptions>?][] {
  const relation = pairRelationId(2);
  return [
    ['members p1', `/users/verified?per_page=${PER_PAGE}`],
    [`members p${middlePage(users)}`, `/users/verified?per_page=${PER_PAGE}&page=${middlePage(users)}`],
    ['search', '/users?search=smith'],
    ['me', '/user'],
    ['relations', '/mentorship_relations'],
    ['home', '/home'],
    ['dashboard', '/dashboard'],
    ['tasks', `/mentorship_relation/${relation}/tasks`],
    [
      'login',
      '/login',
      { method: 'POST', body: JSON.stringify({ username: CALLER, password: BENCH_PASSWORD }) },
    ],
  ];
}

function write(name: string, data: unknown, markdown: string): void {
  const dir = join(ROOT, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${name}.json`), JSON.stringify(data, null, 2));
  writeFileSync(join(dir, `${name}.md`), markdown);
  console.log(`\n${markdown}\nwritten to bench/results/${name}.{json,md}`);
}

async function single(dataSource: DataSource, pod: Pod): Promise<void> {
  const starts: number[] = [];
  for (let i = 0; i < 3; i += 1) {
    const probe = await startApp(databaseUrl(DB), APP_PORT, pod);
    starts.push(probe.coldStartMs);
    await probe.stop();
  }
  const app = await startApp(databaseUrl(DB), APP_PORT, pod);
  const baseline = await startBaseline(databaseUrl(DB), BASELINE_PORT);
  const servers: Server[] = [app, baseline];
  try {
    const token = await login(app.url, CALLER, BENCH_PASSWORD);
    const rows: Row[] = [];
    const members = `/users/verified?per_page=${PER_PAGE}`;
    const appRounds: LoadResult[] = [];
    const baseRounds: LoadResult[] = [];
    const measured = await peakRss(app.process.pid ?? 0, async () => {
      for (const [name, path, options] of routes(USERS)) {
        const result = await load(`${app.url}${path}`, {
          token,
          warmup: WARMUP,
          ...options,
          duration: DURATION,
        });
        rows.push({ route: `${name}: ${options?.method ?? 'GET'} ${path}`, ...result });
        console.log(rows[rows.length - 1]);
      }
      // The ratio: app and baseline measured in alternation, ROUNDS windows each, and their
      // medians compared, so that the shared VM's speed drifting during a run (it does, by up to
      // 30 %) falls on both sides alike.
      for (let round = 0; round < ROUNDS; round += 1) {
        appRounds.push(await load(`${app.url}${members}`, { token, warmup: WARMUP, duration: DURATION }));
        baseRounds.push(
          await load(`${baseline.url}${members}`, { token, warmup: WARMUP, duration: DURATION }),
        );
      }
    });
    const appMembers = medianResult(appRounds);
    const base = medianResult(baseRounds);
    rows.push({
      route: `members p1, median of ${ROUNDS} windows alternating with the baseline`,
      ...appMembers,
    });
    rows.push({
      route: `baseline (node:http + mysql2): GET ${members}, median of ${ROUNDS} windows`,
      ...base,
    });
    const ratio = appMembers.rps / base.rps;

    // Isolation: GET /user at a steady 200 req/s, idle and while 50 logins/s run.
    const steady = { token, connections: 8, rate: 200, warmup: 1, duration: DURATION };
    const idle = await load(`${app.url}/user`, steady);
    const loginBody = JSON.stringify({ username: CALLER, password: BENCH_PASSWORD });
    const [busy, logins] = await Promise.all([
      load(`${app.url}/user`, { ...steady, warmup: 0 }),
      load(`${app.url}/login`, {
        method: 'POST',
        body: loginBody,
        connections: 8,
        rate: 50,
        duration: DURATION,
      }),
    ]);
    const job = await timeCompletionJob(dataSource);

    const summary = {
      users: USERS,
      pod: {
        nodeOptions: pod.runtime.nodeOptions,
        memoryLimit: pod.runtime.memoryLimit,
        inCgroup: pod.cgroup !== null,
      },
      connections: 32,
      durationSeconds: DURATION,
      warmupSeconds: WARMUP,
      routes: rows,
      baselineRatio: Number(ratio.toFixed(2)),
      ratioRounds: { app: appRounds, baseline: baseRounds },
      isolation: {
        idleP99: idle.p99,
        withLoginsP99: busy.p99,
        ratio: Number((busy.p99 / idle.p99).toFixed(2)),
        loginsPerSecond: logins.rps,
        loginP99: logins.p99,
      },
      coldStartMs: Math.round(median(starts)),
      coldStartsMs: starts.map(Math.round),
      peakRssMb: measured.peakMb,
      completionJob: job,
    };
    const goals = [
      `| goal | measured | target |`,
      `| --- | --- | --- |`,
      `| members p1 vs baseline | ${summary.baselineRatio}× (${appMembers.rps} vs ${base.rps} req/s, medians of ${ROUNDS} alternating windows) | ≥ 0.5× |`,
      `| members p1 p99 at 32 connections | ${appMembers.p99} ms (baseline: ${base.p99} ms) | ≤ 25 ms |`,
      `| GET /user p99 with 50 logins/s vs idle | ${busy.p99} / ${idle.p99} ms = ${summary.isolation.ratio}× (${logins.rps} logins/s achieved) | ≤ 3× |`,
      `| cold start to ready (median of 3) | ${summary.coldStartMs} ms (${summary.coldStartsMs.join(', ')}) | ≤ 2000 ms |`,
      `| peak RSS under load | ${summary.peakRssMb} MB | ≤ 200 MB |`,
      `| completion job | ${job.ms} ms, ${job.completed} of ${job.relations} relations | ≤ 10 s, one statement |`,
    ].join('\n');
    write(
      `run-${USERS}-${new Date().toISOString().replace(/[:.]/g, '-')}`,
      summary,
      `## ${USERS.toLocaleString('en')} users, 32 connections, ${WARMUP} s warm-up + ${DURATION} s\n\n` +
        `${describePod(pod)}\n\n${table(rows)}\n\n${goals}\n`,
    );
  } finally {
    for (const server of servers) await server.stop();
  }
}

async function scale(dataSource: DataSource, pod: Pod): Promise<void> {
  const steps = [1_000, 10_000, 100_000, 1_000_000].filter((n) => n <= USERS);
  const series: { users: number; seedSeconds: number; rows: Row[] }[] = [];
  let seeded = 0;
  for (const users of steps) {
    const started = performance.now();
    await seed(dataSource, seeded, users);
    seeded = users;
    await dataSource.query('ANALYZE TABLE users, mentorship_relations, tasks, task_comments');
    const seedSeconds = Math.round((performance.now() - started) / 1000);
    const app = await startApp(databaseUrl(DB), APP_PORT, pod);
    try {
      const token = await login(app.url, CALLER, BENCH_PASSWORD);
      const deep = Math.min(500, middlePage(users));
      const rows: Row[] = [];
      for (const [name, path] of [
        ['members p1', `/users/verified?per_page=${PER_PAGE}`],
        [`members deep (p${deep})`, `/users/verified?per_page=${PER_PAGE}&page=${deep}`],
        [
          `members p${middlePage(users)} (middle)`,
          `/users/verified?per_page=${PER_PAGE}&page=${middlePage(users)}`,
        ],
        ['search', '/users?search=smith'],
        ['relations', '/mentorship_relations'],
        ['dashboard', '/dashboard'],
      ]) {
        rows.push({
          route: name,
          ...(await load(`${app.url}${path}`, { token, warmup: WARMUP, duration: DURATION })),
        });
      }
      series.push({ users, seedSeconds, rows });
      console.log(users, seedSeconds, rows);
    } finally {
      await app.stop();
    }
  }
  const job = await timeCompletionJob(dataSource);
  const first = series[0];
  const lines = [
    '| route | ' +
      series.map((s) => `${s.users.toLocaleString('en')} p50 ms`).join(' | ') +
      ' | last / first |',
  ];
  lines.push('| --- |' + series.map(() => ' ---: |').join('') + ' ---: |');
  first.rows.forEach((row, i) => {
    const p50s = series.map((s) => s.rows[i].p50);
    const name = row.route.replace(/ \(p\d+\)$/, '');
    lines.push(
      `| ${name} | ${p50s.join(' | ')} | ${(p50s[p50s.length - 1] / Math.max(p50s[0], 1)).toFixed(2)}× |`,
    );
  });
  const rps = ['| route | ' + series.map((s) => `${s.users.toLocaleString('en')} req/s`).join(' | ') + ' |'];
  rps.push('| --- |' + series.map(() => ' ---: |').join(''));
  first.rows.forEach((row, i) =>
    rps.push(`| ${row.route.replace(/ \(p\d+\)$/, '')} | ${series.map((s) => s.rows[i].rps).join(' | ')} |`),
  );
  write(
    `scale-${new Date().toISOString().replace(/[:.]/g, '-')}`,
    { series, completionJob: job },
    `## Growth series, 32 connections, ${WARMUP} s warm-up + ${DURATION} s per cell\n\n${describePod(pod)}\n\n` +
      `Median latency (autocannon p50, ms; 1 ms resolution):\n\n${lines.join('\n')}\n\n${rps.join('\n')}\n\n` +
      `Seeding (s): ${series.map((s) => `${s.users}: ${s.seedSeconds}`).join(', ')}.\n\n` +
      `Completion job at ${seeded.toLocaleString('en')} users: ${job.ms} ms, one UPDATE, ${job.completed} of ${job.relations} relations completed.\n`,
  );
}

async function main(): Promise<void> {
  ensureBuilt();
  console.log(`database ${DB}: migrating and seeding…`);
  const dataSource = await createBenchDatabase(DB);
  const runtime = podRuntime(ROOT);
  const pod: Pod = { runtime, cgroup: createMemoryCgroup(DB, runtime.memoryLimitBytes) };
  console.log(describePod(pod));
  try {
    if (process.argv.includes('--scale')) {
      await scale(dataSource, pod);
    } else {
      const started = performance.now();
      console.log(await seed(dataSource, 0, USERS), `${Math.round(performance.now() - started)} ms`);
      await dataSource.query('ANALYZE TABLE users, mentorship_relations, tasks, task_comments');
      await single(dataSource, pod);
    }
  } finally {
    pod.cgroup?.remove();
    await dataSource.destroy();
    await dropBenchDatabase(DB);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
