import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { isMysqlFamily } from './data-source.options';

const RETRYABLE = new Set(['ER_LOCK_DEADLOCK', 'ER_LOCK_WAIT_TIMEOUT']);
const MAX_ATTEMPTS = 4;

function isRetryable(error: unknown): boolean {
  const code = (error as { driverError?: { code?: string }; code?: string })?.driverError?.code;
  return code !== undefined && RETRYABLE.has(code);
}

/**
 * The one way to write to the database.
 *
 * MySQL/MariaDB: a real transaction, retried when InnoDB picks it as a deadlock victim (so the
 * work must only touch the database). SQLite: TypeORM's better-sqlite3 driver has a single
 * connection, and two overlapping transactions on it would silently nest, so transactions are
 * queued here and run one at a time — which is also what makes the row-lock invariants hold
 * there. Writes outside this runner could slip into someone else's open SQLite transaction,
 * hence: every write goes through `run`.
 */
@Injectable()
export class Transactions {
  private tail: Promise<unknown> = Promise.resolve();

  constructor(private readonly dataSource: DataSource) {}

  run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (isMysqlFamily(this.dataSource)) return this.withRetry(work, 1);
    const result = this.tail.then(() => this.dataSource.transaction(work));
    this.tail = result.catch(() => undefined);
    return result;
  }

  private async withRetry<T>(work: (manager: EntityManager) => Promise<T>, attempt: number): Promise<T> {
    try {
      return await this.dataSource.transaction(work);
    } catch (error) {
      if (attempt >= MAX_ATTEMPTS || !isRetryable(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5 * attempt + Math.random() * 20));
      return this.withRetry(work, attempt + 1);
    }
  }
}
