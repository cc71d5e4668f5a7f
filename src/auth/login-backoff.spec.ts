import { FakeClock } from '@app/testing';
import {
  backoffDelaySeconds,
  FREE_FAILURES,
  LoginBackoff,
  retryAfterSeconds,
  withFailure,
} from './login-backoff';

describe('login back-off decisions', () => {
  it('lets the first failures through, then doubles the delay up to a cap', () => {
    expect(backoffDelaySeconds(FREE_FAILURES - 1)).toBe(0);
    expect(backoffDelaySeconds(FREE_FAILURES)).toBe(30);
    expect(backoffDelaySeconds(FREE_FAILURES + 1)).toBe(60);
    expect(backoffDelaySeconds(FREE_FAILURES + 20)).toBe(900);
  });

  it('counts the wait from the last failure, and forgets after an hour', () => {
    const record = { failures: FREE_FAILURES, lastFailureAt: 1000 };
    expect(retryAfterSeconds(undefined, 1000)).toBe(0);
    expect(retryAfterSeconds(record, 1000)).toBe(30);
    expect(retryAfterSeconds(record, 1029.5)).toBe(1);
    expect(retryAfterSeconds(record, 1030)).toBe(0);
    expect(withFailure(record, 1001)).toEqual({ failures: FREE_FAILURES + 1, lastFailureAt: 1001 });
    expect(withFailure(record, 1000 + 3600)).toEqual({ failures: 1, lastFailureAt: 4600 });
  });
});

describe('LoginBackoff', () => {
  it('keys the back-off by account and client: a stranger cannot lock the owner out', () => {
    const clock = new FakeClock();
    const backoff = new LoginBackoff(clock);
    for (let i = 0; i < FREE_FAILURES; i++) backoff.failed('jane', '10.0.0.66');
    expect(backoff.retryAfter('jane', '10.0.0.66')).toBe(30);
    expect(backoff.retryAfter('jane', '10.0.0.1')).toBe(0);
    expect(backoff.retryAfter('john', '10.0.0.66')).toBe(0);
    clock.advance(30);
    expect(backoff.retryAfter('jane', '10.0.0.66')).toBe(0);
    backoff.succeeded('jane', '10.0.0.66');
    backoff.failed('jane', '10.0.0.66');
    expect(backoff.retryAfter('jane', '10.0.0.66')).toBe(0);
  });
});
