import { ChildProcess, execSync, spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { Pod } from './pod';

/** Processes, load and measurements shared by the bench steps. */
export const ROOT = join(__dirname, '..');
export const JWT_SECRET = 'bench-secret-not-for-production-0123456789';

export interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  requests: number;
}

export interface LoadOptions {
  method?: 'GET' | 'POST';
  body?: string;
  token?: string;
  connections?: number;
  duration: number;
  warmup?: number;
  /** Requests per second over all connections (unset: as fast as possible). */
  rate?: number;
}

function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

/** `npm run build` unless dist/main.js is newer than every source file. */
export function ensureBuilt(): void {
  const main = join(ROOT, 'dist', 'main.js');
  let built = 0;
  try {
    built = statSync(main).mtimeMs;
  } catch {
    built = 0;
  }
  if (built > Math.max(newest(join(ROOT, 'src')), newest(join(ROOT, 'libs', 'common')))) return;
  console.log('building (dist is older than src)…');
  execSync('npm run -s build', { cwd: ROOT, stdio: 'inherit' });
}

export interface Server {
  process: ChildProcess;
  url: string;
  coldStartMs: number;
  stop(): Promise<void>;
}

async function waitFor(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`${url} not ready after ${timeoutMs} ms`);
}

/**
 * Spawns a server and waits for `readyPath` to answer 200; cold start is spawn → that 200.
 * With `cgroupProcs`, a shell moves itself into that cgroup and then execs node (same pid).
 */
export async function startServer(
  args: string[],
  env: Record<string, string>,
  port: number,
  readyPath: string,
  cgroupProcs?: string,
): Promise<Server> {
  const started = performance.now();
  const [command, argv] = cgroupProcs
    ? ['/bin/sh', ['-c', 'echo $$ > "$0" && exec "$@"', cgroupProcs, process.execPath, ...args]]
    : [process.execPath, args];
  const child = spawn(command, argv, {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(`${url}${readyPath}`, child, 30_000);
  const coldStartMs = performance.now() - started;
  return {
    process: child,
    url,
    coldStartMs,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** The built app, started as its pod starts it (bench/pod.ts). */
export function startApp(databaseUrl: string, port: number, pod: Pod): Promise<Server> {
  return startServer(
    ['dist/main.js'],
    {
      NODE_OPTIONS: pod.runtime.nodeOptions,
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      JWT_SECRET,
      JOBS_ENABLED: 'false',
      AUTH_RATE_LIMIT: '1000000',
    },
    port,
    '/health/ready',
    pod.cgroup?.procs,
  );
}

export function startBaseline(databaseUrl: string, port: number): Promise<Server> {
  return startServer(
    ['-r', 'ts-node/register/transpile-only', 'bench/baseline-server.ts'],
    {
      BASELINE_PORT: String(port),
      BASELINE_DATABASE_URL: databaseUrl.replace(/^mariadb:/, 'mysql:'),
      JWT_SECRET,
      TS_NODE_PROJECT: join(ROOT, 'tsconfig.json'),
    },
    port,
    '/health',
  );
}

export async function login(url: string, username: string, password: string): Promise<string> {
  const response = await fetch(`${url}/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (response.status !== 200) throw new Error(`login failed: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { access_token: string }).access_token;
}

function cannon(url: string, options: LoadOptions, duration: number): Promise<autocannon.Result> {
  return autocannon({
    url,
    method: options.method ?? 'GET',
    body: options.body,
    headers: {
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...(options.body ? { 'content-type': 'application/json' } : {}),
    },
    connections: options.connections ?? 32,
    duration,
    ...(options.rate ? { overallRate: options.rate } : {}),
  });
}

/** A warm-up window (discarded), then the measured window. */
export async function load(url: string, options: LoadOptions): Promise<LoadResult> {
  if (options.warmup) await cannon(url, options, options.warmup);
  const result = await cannon(url, options, options.duration);
  return {
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
    requests: result.requests.total,
  };
}

/** Peak resident memory of a process while `work` runs, sampled from /proc every 100 ms. */
export async function peakRss<T>(
  pid: number,
  work: () => Promise<T>,
): Promise<{ result: T; peakMb: number }> {
  let peak = 0;
  const sample = () => {
    try {
      const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (match) peak = Math.max(peak, Number(match[1]) / 1024);
    } catch {
      // process gone
    }
  };
  sample();
  const timer = setInterval(sample, 100);
  try {
    const result = await work();
    return { result, peakMb: Math.round(peak) };
  } finally {
    clearInterval(timer);
    sample();
  }
}

export const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};
