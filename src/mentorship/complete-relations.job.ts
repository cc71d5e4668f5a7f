import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { Clock } from '@app/common';
import { APP_CONFIG, AppConfig } from '../config';
import { JobScheduler } from '../database/job-scheduler';
import { Transactions } from '../database/transactions';
import { RelationState } from './relation-state';
import { MentorshipRelation } from './relation.entity';

const JOB_NAME = 'complete-relations';

/**
 * API.md §8.1: ACCEPTED relations whose end date has passed become COMPLETED. One set-based
 * UPDATE, so running it twice (or on two replicas) changes nothing the second time. Also runs
 * once at boot, for relations that ended while the service was down (RUNTIME.md).
 */
@Injectable()
export class CompleteRelationsJob implements OnApplicationBootstrap {
  constructor(
    private readonly scheduler: JobScheduler,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.scheduler.schedule(JOB_NAME, this.config.jobs.completeRelationsCron, () => this.run());
    if (this.scheduler.enabled) await this.scheduler.runLocked(JOB_NAME, () => this.run());
  }

  /** Returns how many relations it completed. */
  async run(): Promise<number> {
    const now = this.clock.now();
    return this.transactions.run(async (manager) => {
      const result = await manager
        .createQueryBuilder()
        .update(MentorshipRelation)
        .set({ state: RelationState.COMPLETED })
        .where('state = :accepted', { accepted: RelationState.ACCEPTED })
        .andWhere('end_date < :now', { now })
        .execute();
      return result.affected ?? 0;
    });
  }
}
