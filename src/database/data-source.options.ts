import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DataSource, DataSourceOptions } from 'typeorm';
import { createConnection } from 'mysql2/promise';
import { DatabaseConfig } from '../config';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

const common = {
  entities: ENTITIES,
  migrations: MIGRATIONS,
  migrationsTableName: 'typeorm_migrations',
  migrationsRun: false,
  synchronize: false,
  logging: false,
} as const;

/** TypeORM options for a known dialect. Shared by the Nest module and the TypeORM CLI. */
export function dataSourceOptions(database: DatabaseConfig): DataSourceOptions {
  if (database.type === 'sqlite') {
    if (database.path !== ':memory:') mkdirSync(dirname(database.path), { recursive: true });
    return { type: 'better-sqlite3', database: database.path, ...common };
  }
  return {
    type: database.type,
    url: database.url,
    // DEPS.md gotchas 5–8: UTC on the wire, a collation both MySQL 8 and MariaDB have.
    timezone: 'Z',
    charset: 'utf8mb4_unicode_ci',
    extra: { connectionLimit: 10 },
    ...common,
  };
}

/**
 * A `mysql://` URL may point at MariaDB, whose schema diff TypeORM only gets right with
 * `type: 'mariadb'` (DEPS.md §1.5), so ask the server once before building the options.
 */
export async function resolveDialect(database: DatabaseConfig): Promise<DatabaseConfig> {
  if (database.type !== 'mysql') return database;
  const connection = await createConnection(database.url);
  try {
    const [rows] = await connection.query<import('mysql2').RowDataPacket[]>('SELECT VERSION() AS version');
    const version = String(rows[0]?.version ?? '');
    return version.toLowerCase().includes('mariadb') ? { ...database, type: 'mariadb' } : database;
  } finally {
    await connection.end();
  }
}

export function isMysqlFamily(dataSource: DataSource): boolean {
  return dataSource.options.type === 'mysql' || dataSource.options.type === 'mariadb';
}
