export type DatabaseConfig =
  | { type: 'sqlite'; path: string }
  /** `mysql` may still be MariaDB underneath: the data source asks the server (DEPS.md gotcha 8). */
  | { type: 'mysql' | 'mariadb'; url: string };

export interface MailConfig {
  /** null → emails are written to the log instead of being sent. */
  smtpUrl: string | null;
  from: string;
  /** How often the outbox sender looks for due emails. */
  pollIntervalMs: number;
  /** First retry delay; doubles per failed attempt up to retryMaxMs. */
  retryBaseMs: number;
  retryMaxMs: number;
}

/** Everything configurable, validated once at boot (RUNTIME.md). Only src/config reads the environment. */
export interface AppConfig {
  production: boolean;
  port: number;
  publicUrl: string;
  database: DatabaseConfig;
  mail: MailConfig;
  jwt: {
    secret: string;
    /** true when no JWT_SECRET was given and a random one was generated for this process. */
    generatedSecret: boolean;
    accessTtlSeconds: number;
    refreshTtlSeconds: number;
  };
  jobs: {
    enabled: boolean;
    completeRelationsCron: string;
    deleteUnverifiedUsersCron: string;
  };
  unverifiedUserTtlDays: number;
  authRateLimit: number;
  /** Password hashes computed at once per process; more wait (src/users/passwords.ts). */
  passwordHashConcurrency: number;
  migrationsRun: boolean;
  logLevel: string;
}

export const APP_CONFIG = Symbol('APP_CONFIG');
