import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { Clock } from '@app/common';
import { APP_CONFIG, AppConfig } from '../config';
import { JobScheduler } from '../database/job-scheduler';
import { Transactions } from '../database/transactions';
import { UserDeletion } from './user-deletion';
import { User } from './user.entity';

const DAY_MS = 86_400_000;

/**
 * API.md §8.2: deletes users still unverified more than UNVERIFIED_USER_TTL_DAYS after they
 * registered, with the same semantics as DELETE /user. Idempotent: a second run finds nothing.
 */
@Injectable()
export class DeleteUnverifiedUsersJob implements OnApplicationBootstrap {
  constructor(
    private readonly scheduler: JobScheduler,
    private readonly transactions: Transactions,
    private readonly deletion: UserDeletion,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.scheduler.schedule('delete-unverified-users', this.config.jobs.deleteUnverifiedUsersCron, () =>
      this.run(),
    );
  }

  /** Returns how many users were deleted. */
  async run(): Promise<number> {
    // now − registration_date > TTL  ⇔  registration_date < now − TTL (strict, §10.7).
    const cutoff = new Date(this.clock.now().getTime() - this.config.unverifiedUserTtlDays * DAY_MS);
    return this.transactions.run(async (manager) => {
      const rows = await manager
        .getRepository(User)
        .createQueryBuilder('u')
        .select('u.id', 'id')
        .where('u.isEmailVerified = :verified', { verified: false })
        .andWhere('u.registrationDate < :cutoff', { cutoff })
        .getRawMany<{ id: number | string }>();
      return this.deletion.deleteUsers(
        manager,
        rows.map((row) => Number(row.id)),
      );
    });
  }
}
