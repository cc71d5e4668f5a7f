import { createConnection } from 'mysql2/promise';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/database/data-source.options';

/** The MariaDB server the bench uses (root, no password), and one throw-away database on it. */
export const SERVER = { host: '127.0.0.1', port: 3306, user: 'root' };

export function databaseUrl(name: string): string {
  return `mariadb://${SERVER.user}@${SERVER.host}:${SERVER.port}/${name}`;
}

async function admin(sql: string): Promise<void> {
  const connection = await createConnection(SERVER);
  try {
    await connection.query(sql);
  } finally {
    await connection.end();
  }
}

/** Creates the database and applies the app's migrations through TypeORM. */
export async function createBenchDatabase(name: string): Promise<DataSource> {
  await admin(`DROP DATABASE IF EXISTS \`${name}\``);
  await admin(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  const dataSource = new DataSource(dataSourceOptions({ type: 'mariadb', url: databaseUrl(name) }));
  await dataSource.initialize();
  await dataSource.runMigrations();
  return dataSource;
}

export async function dropBenchDatabase(name: string): Promise<void> {
  await admin(`DROP DATABASE IF EXISTS \`${name}\``);
}
