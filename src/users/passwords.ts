import { Inject, Injectable } from '@nestjs/common';
import { compare, hash } from 'bcrypt';
import { ConcurrencyLimit } from '@app/common';
import { APP_CONFIG, AppConfig } from '../config';

const COST = 10;

// A real hash to compare against when the user does not exist, so a login for an unknown
// name takes as long as one with a wrong password (no user enumeration by timing).
const DECOY_HASH = '$2b$10$CwTycUXWue0Thq9StjUM0uJ8.yZmdOA3xZJ6g8h5k7Mf7zX0ZxT4W';

/**
 * bcrypt at cost 10: ~55–70 ms of one core per hash or check. It runs on the libuv pool, so
 * the event loop itself never blocks, but a burst of logins would otherwise occupy every
 * core (and every pool thread) and slow every other request down with it. At most
 * PASSWORD_HASH_CONCURRENCY hashes run at once per process; further logins queue for a slot.
 */
@Injectable()
export class Passwords {
  private readonly limit: ConcurrencyLimit;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.limit = new ConcurrencyLimit(config.passwordHashConcurrency);
  }

  hash(password: string): Promise<string> {
    return this.limit.run(() => hash(password, COST));
  }

  /** False for a missing hash or one bcrypt cannot read (e.g. an imported Werkzeug hash). */
  async verify(password: string, passwordHash: string | null): Promise<boolean> {
    try {
      const matches = await this.limit.run(() => compare(password, passwordHash ?? DECOY_HASH));
      return matches && passwordHash !== null;
    } catch {
      return false;
    }
  }
}
