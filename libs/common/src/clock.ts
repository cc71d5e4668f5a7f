import { Injectable } from '@nestjs/common';

/**
 * The one source of "now". Injected everywhere time matters so tests can move time
 * (FakeClock in @app/testing) instead of sleeping.
 */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }

  /** Real Unix time in (fractional) seconds: API.md §10.7 compares against this. */
  nowSeconds(): number {
    return this.now().getTime() / 1000;
  }
}
