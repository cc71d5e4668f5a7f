import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { DatabaseConfig, testDatabaseUrl } from '../../../src/config';

export interface TestDatabase {
  config: DatabaseConfig;
  /** `mysql`/`mariadb` or `sqlite`, for tests whose expectations depend on it. */
  kind: 'mysql' | 'sqlite';
  drop(): Promise<void>;
}

/** A fresh, empty database for one spec file: on TEST_DATABASE_URL's server, else a temp SQLite file. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `mt_${process.pid}_${randomBytes(4).toString('hex')}`;
  const serverUrl = testDatabaseUrl();
  if (!serverUrl) {
    const path = join(tmpdir(), `${name}.sqlite`);
    return {
      kind: 'sqlite',
      config: { type: 'sqlite', path },
      drop: () => {
        for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${path}${suffix}`, { force: true });
        return Promise.resolve();
      },
    };
  }
  const server = new URL(serverUrl);
  const admin = await createConnection({
    host: server.hostname,
    port: Number(server.port || 3306),
    user: decodeURIComponent(server.username),
    password: decodeURIComponent(server.password),
  });
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    kind: 'mysql',
    config: { type: url.protocol === 'mariadb:' ? 'mariadb' : 'mysql', url: url.toString() },
    drop: async () => {
      const connection = await createConnection({
        host: server.hostname,
        port: Number(server.port || 3306),
        user: decodeURIComponent(server.username),
        password: decodeURIComponent(server.password),
      });
      await connection.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await connection.end();
    },
  };
}
