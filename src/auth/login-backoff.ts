import { Injectable } from '@nestjs/common';
import { Clock } from '@app/common';

/**
 * Per-account back-off on POST /login (issue 8). Repeated wrong passwords for one account slow
 * down further attempts on that account — but only from the client that made them.
 *
 * Why the key is (account, client IP): keyed by account alone, anyone who knows a username
 * could lock its owner out by typing wrong passwords. Keyed by the pair, the owner logging in
 * from their own address is never affected by a stranger's failures, while a guesser is slowed
 * down on every account they try. (The IP-wide AUTH_RATE_LIMIT bounds the total rate of one
 * client; this bounds the guesses per account, which the rate limit alone lets accumulate
 * slowly forever.) During back-off the password is not even checked, so a guess made then
 * learns nothing; a success resets the pair.
 *
 * The account is the identifier as typed, case-folded like the database's unique keys, so it
 * works the same whether or not the account exists (no way to probe for accounts by watching
 * the back-off). State is per process: with N replicas a guesser gets at most N times the budget,
 * still bounded; no shared store is needed for that.
 */
export const FREE_FAILURES = 5;
const FIRST_DELAY_SECONDS = 30;
const MAX_DELAY_SECONDS = 15 * 60;
/** A pair with no failure for this long starts over. */
const FORGET_AFTER_SECONDS = 60 * 60;
/** Bounds memory under a flood of distinct identifiers: the oldest entries go first. */
const MAX_ENTRIES = 50_000;

export interface FailureRecord {
  failures: number;
  lastFailureAt: number;
}

/** Delay after `failures` consecutive failures: none for the first few, then doubling, capped. */
export function backoffDelaySeconds(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  return Math.min(MAX_DELAY_SECONDS, FIRST_DELAY_SECONDS * 2 ** (failures - FREE_FAILURES));
}

/** Whole seconds to wait before the next attempt is heard; 0 when it may go ahead. */
export function retryAfterSeconds(record: FailureRecord | undefined, now: number): number {
  if (!record || now - record.lastFailureAt >= FORGET_AFTER_SECONDS) return 0;
  const waitUntil = record.lastFailureAt + backoffDelaySeconds(record.failures);
  return waitUntil > now ? Math.ceil(waitUntil - now) : 0;
}

/** The record after one more failure at `now` (an expired record starts over). */
export function withFailure(record: FailureRecord | undefined, now: number): FailureRecord {
  const current = record && now - record.lastFailureAt < FORGET_AFTER_SECONDS ? record.failures : 0;
  return { failures: current + 1, lastFailureAt: now };
}

@Injectable()
export class LoginBackoff {
  private readonly records = new Map<string, FailureRecord>();

  constructor(private readonly clock: Clock) {}

  /** Seconds the caller must wait before this account may be tried again from `clientIp`. */
  retryAfter(account: string, clientIp: string): number {
    return retryAfterSeconds(this.records.get(pairKey(account, clientIp)), this.clock.nowSeconds());
  }

  failed(account: string, clientIp: string): void {
    const key = pairKey(account, clientIp);
    const next = withFailure(this.records.get(key), this.clock.nowSeconds());
    this.records.delete(key); // re-insert: Map order is then oldest-failure first
    this.records.set(key, next);
    if (this.records.size > MAX_ENTRIES) {
      const oldest = this.records.keys().next().value;
      if (oldest !== undefined) this.records.delete(oldest);
    }
  }

  succeeded(account: string, clientIp: string): void {
    this.records.delete(pairKey(account, clientIp));
  }
}

function pairKey(account: string, clientIp: string): string {
  return `${clientIp}\n${account}`;
}
