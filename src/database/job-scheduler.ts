import { Inject, Injectable, Logger } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { CronJob } from 'cron';
import { APP_CONFIG, AppConfig } from '../config';
import { DbLocks } from './db-locks';

/**
 * Scheduled jobs (RUNTIME.md): cron expressions come from config, so jobs are registered with
 * @nestjs/schedule's registry at boot rather than with `@Cron()` decorators, whose arguments are
 * fixed at import time (DEPS.md gotcha 3). Every tick runs under a named database lock, so with
 * N replicas one of them does the work; the work itself must be idempotent.
 */
@Injectable()
export class JobScheduler {
  private readonly logger = new Logger(JobScheduler.name);

  constructor(
    private readonly registry: SchedulerRegistry,
    private readonly locks: DbLocks,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get enabled(): boolean {
    return this.config.jobs.enabled;
  }

  /** Registers `work` on `cron` (UTC) unless JOBS_ENABLED=false on this replica. */
  schedule(name: string, cron: string, work: () => Promise<unknown>): void {
    if (!this.enabled) return;
    const job = CronJob.from({
      cronTime: cron,
      timeZone: 'UTC',
      onTick: () => void this.runLocked(name, work),
      start: true,
    });
    this.registry.addCronJob(name, job);
  }

  /** One locked run; false when another replica (or a still-running tick) holds the lock. Never throws. */
  async runLocked(name: string, work: () => Promise<unknown>): Promise<boolean> {
    try {
      return await this.locks.tryWithLock(`job:${name}`, async () => {
        const started = Date.now();
        const result = await work();
        this.logger.log({ job: name, result, ms: Date.now() - started }, `Job ${name} done`);
      });
    } catch (error) {
      this.logger.error({ err: error, job: name }, `Job ${name} failed`);
      return false;
    }
  }
}
