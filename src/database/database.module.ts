import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config';
import { dataSourceOptions, resolveDialect } from './data-source.options';
import { DbLocks, runMigrationsLocked } from './db-locks';
import { JobScheduler } from './job-scheduler';
import { Transactions } from './transactions';

@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: async (config: AppConfig) => ({
        ...dataSourceOptions(await resolveDialect(config.database)),
        // Read back by dataSourceFactory, which migrates under a lock instead of letting
        // TypeORM migrate unlocked during initialize().
        migrationsRun: config.migrationsRun,
        retryAttempts: 3,
        retryDelay: 2000,
      }),
      dataSourceFactory: async (options) => {
        if (!options) throw new Error('TypeORM options missing');
        const dataSource = await new DataSource({ ...options, migrationsRun: false }).initialize();
        if (options.migrationsRun) await runMigrationsLocked(dataSource);
        return dataSource;
      },
    }),
  ],
  providers: [Transactions, DbLocks, JobScheduler],
  exports: [Transactions, DbLocks, JobScheduler],
})
export class DatabaseModule {}
