import { ConfigError, loadConfig } from './load-config';
import { parseDurationSeconds } from './duration';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    return (error as ConfigError).problems;
  }
}

describe('loadConfig (RUNTIME.md)', () => {
  it('has working defaults with an empty environment', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.database).toEqual({ type: 'sqlite', path: './data/mentorship.sqlite' });
    expect(config.mail.smtpUrl).toBeNull();
    expect(config.mail.from).toBe('Mentorship System <no-reply@localhost>');
    expect(config.publicUrl).toBe('http://localhost:3000');
    expect(config.jwt.generatedSecret).toBe(true);
    expect(config.jwt.accessTtlSeconds).toBe(7 * 86400);
    expect(config.jwt.refreshTtlSeconds).toBe(28 * 86400);
    expect(config.jobs).toEqual({
      enabled: true,
      completeRelationsCron: '0 0 * * *',
      deleteUnverifiedUsersCron: '0 0 * * *',
    });
    expect(config.unverifiedUserTtlDays).toBe(30);
    expect(config.authRateLimit).toBe(10);
    expect(config.passwordHashConcurrency).toBe(1);
    expect(config.migrationsRun).toBe(true);
    expect(config.logLevel).toBe('info');
  });

  it('reads every variable', () => {
    const config = loadConfig({
      PORT: '8080',
      DATABASE_URL: 'mariadb://u:p@db:3306/m',
      SMTP_URL: 'smtps://u:p@mail:465',
      MAIL_FROM: 'Team <team@example.com>',
      PUBLIC_URL: 'https://api.example.com/',
      JWT_SECRET: 's3cret',
      JWT_ACCESS_TTL: '15m',
      JWT_REFRESH_TTL: '3600',
      CRON_COMPLETE_RELATIONS: '*/5 * * * * *',
      CRON_DELETE_UNVERIFIED_USERS: '0 3 * * *',
      UNVERIFIED_USER_TTL_DAYS: '7',
      JOBS_ENABLED: 'false',
      AUTH_RATE_LIMIT: '50',
      PASSWORD_HASH_CONCURRENCY: '3',
      MIGRATIONS_RUN: 'false',
      LOG_LEVEL: 'debug',
      NODE_ENV: 'production',
    });
    expect(config.port).toBe(8080);
    expect(config.database).toEqual({ type: 'mariadb', url: 'mariadb://u:p@db:3306/m' });
    expect(config.mail.smtpUrl).toBe('smtps://u:p@mail:465');
    expect(config.publicUrl).toBe('https://api.example.com');
    expect(config.jwt).toMatchObject({ secret: 's3cret', generatedSecret: false, accessTtlSeconds: 900 });
    expect(config.jwt.refreshTtlSeconds).toBe(3600);
    expect(config.jobs.enabled).toBe(false);
    expect(config.jobs.completeRelationsCron).toBe('*/5 * * * * *');
    expect(config.production).toBe(true);
    expect(config.passwordHashConcurrency).toBe(3);
    expect(loadConfig({ DATABASE_URL: 'mysql://root@127.0.0.1/db' }).database.type).toBe('mysql');
  });

  it.each([
    [{ DATABASE_URL: 'postgres://x/y' }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'not a url' }, 'DATABASE_URL'],
    [{ SMTP_URL: 'http://mail' }, 'SMTP_URL'],
    [{ PUBLIC_URL: 'ftp://x' }, 'PUBLIC_URL'],
    [{ CRON_COMPLETE_RELATIONS: 'not a cron' }, 'CRON_COMPLETE_RELATIONS'],
    [{ CRON_DELETE_UNVERIFIED_USERS: '99 * * * *' }, 'CRON_DELETE_UNVERIFIED_USERS'],
    [{ NODE_ENV: 'production' }, 'JWT_SECRET'],
    [{ JWT_ACCESS_TTL: 'soon' }, 'JWT_ACCESS_TTL'],
    [{ JWT_REFRESH_TTL: '0' }, 'JWT_REFRESH_TTL'],
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ AUTH_RATE_LIMIT: '-1' }, 'AUTH_RATE_LIMIT'],
    [{ PASSWORD_HASH_CONCURRENCY: '0' }, 'PASSWORD_HASH_CONCURRENCY'],
    [{ UNVERIFIED_USER_TTL_DAYS: '1.5' }, 'UNVERIFIED_USER_TTL_DAYS'],
    [{ JOBS_ENABLED: 'maybe' }, 'JOBS_ENABLED'],
    [{ MIGRATIONS_RUN: 'sometimes' }, 'MIGRATIONS_RUN'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
  ])('refuses %p naming %s', (env, variable) => {
    const problems = problemsOf(env);
    expect(problems).toHaveLength(1);
    expect(problems[0].startsWith(`${variable}:`)).toBe(true);
  });

  it('reports every bad variable at once', () => {
    expect(problemsOf({ PORT: 'x', LOG_LEVEL: 'y' })).toHaveLength(2);
  });
});

describe('parseDurationSeconds', () => {
  it.each([
    ['7d', 604800],
    ['28d', 2419200],
    ['12h', 43200],
    ['15m', 900],
    ['2w', 1209600],
    ['90', 90],
    ['90s', 90],
  ])('%s → %d', (text, seconds) => expect(parseDurationSeconds(text)).toBe(seconds));

  it.each(['', '7 days', '-1d', '0', '1.5h', 'd'])('%p is not a duration', (text) =>
    expect(parseDurationSeconds(text)).toBeNull(),
  );
});
