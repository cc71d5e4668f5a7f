import { DataSource } from 'typeorm';
import { DatabaseConfig } from '../config';
import { dataSourceOptions, resolveDialect } from './data-source.options';
import { runMigrationsLocked } from './db-locks';

/**
 * Applies pending migrations and disconnects: `node dist/main.js migrate`, the Kubernetes
 * migration Job's command. Needs no compiler or dev dependency, unlike the TypeORM CLI scripts.
 */
export async function migrate(database: DatabaseConfig): Promise<string[]> {
  const dataSource = new DataSource(dataSourceOptions(await resolveDialect(database)));
  await dataSource.initialize();
  try {
    await runMigrationsLocked(dataSource);
    const applied = await dataSource.query<{ name: string }[]>(
      'SELECT name FROM typeorm_migrations ORDER BY id',
    );
    return applied.map((row) => row.name);
  } finally {
    await dataSource.destroy();
  }
}
