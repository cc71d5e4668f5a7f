/**
 * The test suite's one environment variable (ARCHITECTURE.md Tests): when set, e2e specs run
 * against this MySQL/MariaDB server (each spec file in its own fresh database); when unset,
 * against a temporary SQLite file. Lives here because only src/config reads the environment.
 */
export function testDatabaseUrl(env: Record<string, string | undefined> = process.env): string | null {
  const url = env.TEST_DATABASE_URL?.trim();
  return url ? url : null;
}

/** What a server process started by a test inherits from the test's environment: only PATH. */
export function inheritedProcessEnv(
  env: Record<string, string | undefined> = process.env,
): Record<string, string> {
  return { PATH: env.PATH ?? '' };
}
