import { randomBytes } from 'node:crypto';
import { CronTime } from 'cron';
import { AppConfig, DatabaseConfig } from './app-config';
import { parseDurationSeconds } from './duration';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  }
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

type Env = Record<string, string | undefined>;

/** Reads and validates the environment (RUNTIME.md). Throws ConfigError naming every bad variable. */
export function loadConfig(env: Env = process.env): AppConfig {
  const problems: string[] = [];
  const value = (name: string): string | undefined => {
    const raw = env[name];
    return raw === undefined || raw.trim() === '' ? undefined : raw.trim();
  };

  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const raw = value(name);
    if (raw === undefined) return fallback;
    const parsed = Number(raw);
    if (!/^\d+$/.test(raw) || parsed < min || parsed > max) {
      problems.push(`${name}: expected a whole number from ${min} to ${max}, got "${raw}"`);
      return fallback;
    }
    return parsed;
  };

  const boolean = (name: string, fallback: boolean): boolean => {
    const raw = value(name)?.toLowerCase();
    if (raw === undefined) return fallback;
    if (['true', '1', 'yes'].includes(raw)) return true;
    if (['false', '0', 'no'].includes(raw)) return false;
    problems.push(`${name}: expected true or false, got "${env[name]}"`);
    return fallback;
  };

  const duration = (name: string, fallback: string): number => {
    const raw = value(name) ?? fallback;
    const seconds = parseDurationSeconds(raw);
    if (seconds === null) {
      problems.push(`${name}: expected a duration such as 7d, 12h, 15m or a number of seconds, got "${raw}"`);
      return parseDurationSeconds(fallback) ?? 0;
    }
    return seconds;
  };

  const cron = (name: string, fallback: string): string => {
    const raw = value(name) ?? fallback;
    try {
      new CronTime(raw, 'UTC');
      return raw;
    } catch (error) {
      problems.push(`${name}: not a valid cron expression "${raw}" (${(error as Error).message})`);
      return fallback;
    }
  };

  const url = (name: string, protocols: string[]): string | null => {
    const raw = value(name);
    if (raw === undefined) return null;
    try {
      const parsed = new URL(raw);
      if (!protocols.includes(parsed.protocol)) throw new Error('scheme');
      return raw;
    } catch {
      problems.push(`${name}: expected a ${protocols.map((p) => `${p}//`).join(' or ')} URL, got "${raw}"`);
      return null;
    }
  };

  const production = value('NODE_ENV') === 'production';
  const port = integer('PORT', 3000, 1, 65535);

  const databaseUrl = url('DATABASE_URL', ['mysql:', 'mariadb:']);
  const database: DatabaseConfig = databaseUrl
    ? { type: databaseUrl.startsWith('mariadb:') ? 'mariadb' : 'mysql', url: databaseUrl }
    : { type: 'sqlite', path: value('SQLITE_PATH') ?? './data/mentorship.sqlite' };

  const publicUrl = url('PUBLIC_URL', ['http:', 'https:']) ?? `http://localhost:${port}`;
  const smtpUrl = url('SMTP_URL', ['smtp:', 'smtps:']);

  let jwtSecret = value('JWT_SECRET');
  const generatedSecret = jwtSecret === undefined;
  if (jwtSecret === undefined) {
    if (production) problems.push('JWT_SECRET: required when NODE_ENV=production');
    jwtSecret = randomBytes(32).toString('hex');
  }

  const logLevel = (value('LOG_LEVEL') ?? 'info').toLowerCase();
  if (!LOG_LEVELS.includes(logLevel)) {
    problems.push(`LOG_LEVEL: expected one of ${LOG_LEVELS.join(', ')}, got "${env.LOG_LEVEL}"`);
  }

  const config: AppConfig = {
    production,
    port,
    publicUrl: publicUrl.replace(/\/+$/, ''),
    database,
    mail: {
      smtpUrl,
      from: value('MAIL_FROM') ?? 'Mentorship System <no-reply@localhost>',
      pollIntervalMs: 1000,
      retryBaseMs: 2000,
      retryMaxMs: 10 * 60 * 1000,
    },
    jwt: {
      secret: jwtSecret,
      generatedSecret,
      accessTtlSeconds: duration('JWT_ACCESS_TTL', '7d'),
      refreshTtlSeconds: duration('JWT_REFRESH_TTL', '28d'),
    },
    jobs: {
      enabled: boolean('JOBS_ENABLED', true),
      completeRelationsCron: cron('CRON_COMPLETE_RELATIONS', '0 0 * * *'),
      deleteUnverifiedUsersCron: cron('CRON_DELETE_UNVERIFIED_USERS', '0 0 * * *'),
    },
    unverifiedUserTtlDays: integer('UNVERIFIED_USER_TTL_DAYS', 30, 1, 3650),
    authRateLimit: integer('AUTH_RATE_LIMIT', 10, 1, 1_000_000),
    passwordHashConcurrency: integer('PASSWORD_HASH_CONCURRENCY', 1, 1, 64),
    migrationsRun: boolean('MIGRATIONS_RUN', true),
    logLevel,
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
