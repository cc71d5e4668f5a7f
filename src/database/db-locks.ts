import { Injectable, Logger } from '@nestjs/common';
import { DataSource, QueryRunner } from 'typeorm';
import { isMysqlFamily } from './data-source.options';

/**
 * Named locks across replicas. On MySQL/MariaDB: `GET_LOCK`, held by a dedicated connection
 * for the duration of the work. GET_LOCK names are server-wide, so they are prefixed with the
 * database name: two deployments (or two test databases) on one server never block each other.
 * On SQLite there is one process, so an in-process flag is enough.
 */
@Injectable()
export class DbLocks {
  private readonly logger = new Logger(DbLocks.name);
  private readonly heldHere = new Set<string>();

  constructor(private readonly dataSource: DataSource) {}

  /** Runs `work` unless another replica (or another call here) holds the lock; says whether it ran. */
  async tryWithLock(name: string, work: () => Promise<void>): Promise<boolean> {
    if (this.heldHere.has(name)) return false;
    this.heldHere.add(name);
    try {
      if (!isMysqlFamily(this.dataSource)) {
        await work();
        return true;
      }
      return await withServerLock(this.dataSource, name, 0, work);
    } finally {
      this.heldHere.delete(name);
    }
  }

  /** Like tryWithLock but waits up to `timeoutSeconds` for the lock. */
  async withLock(name: string, timeoutSeconds: number, work: () => Promise<void>): Promise<void> {
    if (!isMysqlFamily(this.dataSource)) return work();
    const ran = await withServerLock(this.dataSource, name, timeoutSeconds, work);
    if (!ran) {
      this.logger.error(`Could not take database lock "${name}" within ${timeoutSeconds}s`);
      throw new Error(`Database lock "${name}" not acquired`);
    }
  }
}

async function withServerLock(
  dataSource: DataSource,
  name: string,
  timeoutSeconds: number,
  work: () => Promise<void>,
): Promise<boolean> {
  const runner: QueryRunner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    const [{ database }] = (await runner.query('SELECT DATABASE() AS `database`')) as { database: string }[];
    const lockName = `${database}:${name}`.slice(0, 64);
    const [{ acquired }] = (await runner.query('SELECT GET_LOCK(?, ?) AS acquired', [
      lockName,
      timeoutSeconds,
    ])) as {
      acquired: number | string | null;
    }[];
    if (Number(acquired) !== 1) return false;
    try {
      await work();
      return true;
    } finally {
      await runner.query('SELECT RELEASE_LOCK(?)', [lockName]);
    }
  } finally {
    await runner.release();
  }
}

/**
 * Applies pending migrations; with several replicas booting at once only one migrates while
 * the others wait for the lock and then find nothing to do (DEPS.md §3.4).
 */
export async function runMigrationsLocked(dataSource: DataSource): Promise<void> {
  if (!isMysqlFamily(dataSource)) {
    await dataSource.runMigrations({ transaction: 'all' });
    return;
  }
  const ran = await withServerLock(dataSource, 'typeorm_migrations', 120, async () => {
    // MySQL DDL commits implicitly, so per-migration transactions are all there is.
    await dataSource.runMigrations({ transaction: 'each' });
  });
  if (!ran) throw new Error('Timed out waiting for the migrations lock');
}
